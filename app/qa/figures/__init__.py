"""Counts, rankings and figures: counts under filters or stated by the report, argmax with the
runner-up, ranks below the top, regions ranked and counted, figures by unit and owner (a region's
figure only from passages about that region), "respectively" lists, table cells by row and column
(the table's total on a side left unnamed), comparisons of columns and of two places' figures,
year series; a keyword query ending in "count" counts its own list reading.

One mechanism per module, each named for what it recognises. The README's module map ("How
questions are answered") lists this package's modules; tests/test_module_map.py keeps it complete.
"""
