"""Names: countries by adjective, people or one word of their name; acronyms with dots; a body's
initials and synonyms; ILO instruments however cited; initiatives and organisations named by
description (an initiative also by the words the report defines it with: "the Asian network on
health protection"); UN sub-regions; region words inside names; a year span in a name however
typed ("2024-26", "24-26").

One mechanism per module, each named for what it recognises. The README's module map ("How
questions are answered") lists this package's modules; tests/test_module_map.py keeps it complete.
"""
