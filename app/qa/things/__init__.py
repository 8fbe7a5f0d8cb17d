"""Named things: schemes by kind, place and name words (a "pilot" is a scheme), the type "the name of
<thing>" asks by the thing's head noun, with their full written names (organisations and
initiatives with the short name readers use, publications with their main title); instruments by
kind, listed, cited by an entry or beside a scheme; the years things carry; publications by title
words and number; "what is X?".

One mechanism per module, each named for what it recognises. The README's module map ("How
questions are answered") lists this package's modules; tests/test_module_map.py keeps it complete.
"""
