"""Constraints: exclusions, negation scoped to one name, "only", result-kind conditions, "two or
more", year ranges and years given by another event, places, qualified members, choices between
named candidates, yes/no, abstention when the report is silent; a country the question names that
no condition uses keeps the answer to that country.

One mechanism per module, each named for what it recognises. The README's module map ("How
questions are answered") lists this package's modules; tests/test_module_map.py keeps it complete.
"""
