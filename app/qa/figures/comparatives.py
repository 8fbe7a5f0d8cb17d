"""The words of comparison the figure readers share: an auxiliary that asks yes or no, a lead-in
before it, and the comparatives that ask for the larger or the smaller figure.

Row comparisons (:mod:`app.qa.figures.row_pairs`), comparisons of two items of a written list
(:mod:`app.qa.figures.rank_polar`) and choices between named figures
(:mod:`app.qa.figures.figure_choice`) read the same ordinary English; spelled once here, a word
added ("greater", "bigger") is read by all of them.
"""
from __future__ import annotations

import re

AUX = r"(?:has|have|had|did|does|do|is|are|was|were)"
# a lead-in before the asking clause ("In 2024, did ...", "Table 7: was ..."), dropped before the
# auxiliary is looked for
LEAD = re.compile(rf"^\s*[^,?;:]{{3,80}}[,:]\s*(?={AUX}\b)", re.I)
MORE = r"more|larger|bigger|greater|higher"
LESS = r"fewer|less|smaller|lower"
