"""Chains and described things: two relations composed; a country, set of countries or scheme named
by what happened there; a set of countries described in one clause and asked about in the next
("the countries that ... - who funds the work in those countries?"); the initiative several names
share; an event placed in the country whose entry tells it; a country described inside the
question or at the end of a keyword query; "which countries that X are Y" as two conditions on one
set.

One mechanism per module, each named for what it recognises. The README's module map ("How
questions are answered") lists this package's modules; tests/test_module_map.py keeps it complete.
"""
