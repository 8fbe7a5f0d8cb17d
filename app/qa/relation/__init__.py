"""The relation and its direction: the most specifically worded relation; the end the question leaves
open; which side of funding a name is on; roles and participation under whatever word the report
uses; a noun that is part of a name, not a filter.

One mechanism per module, each named for what it recognises. The README's module map ("How
questions are answered") lists this package's modules; tests/test_module_map.py keeps it complete.
"""
