"""The rest of a cut sentence that the converter glued onto a later paragraph.

Why: a PDF converter reading a page in the wrong order can put a heading and another paragraph
between a sentence and its end, and glue the end onto that other paragraph after its last full
stop: "The MOOC ... was produced" | "Newsletter" | "News items ... were published in 2024. in
partnership with the SDG Academy and ... (EN3S) thanks to the support of Belgium. ...".  The cut
paragraph then never names its co-producers, and the other paragraph holds a sentence about
something else.  The mark of such a tail is a sentence that starts in lowercase right after a full
stop while an earlier paragraph nearby still waits for the end of its sentence; the tail runs to
the end of the paragraph it was glued to.
"""
from __future__ import annotations

import re

from graph.text import _ABBREV

# a full stop (not an abbreviation's) followed by a lowercase word: a new "sentence" in lowercase
_LOWERCASE_AFTER_STOP = re.compile(r"(?<=[a-z0-9)\]][.!?])" + _ABBREV + r"\s+(?=[a-z]{2,}\s)")
MAX_BLOCKS_BETWEEN = 3  # the cut paragraph, a heading, the paragraph holding the tail
MIN_CUT_WORDS = 8


def is_cut(text: str) -> bool:
    """Does a paragraph stop inside a sentence: several words, the last one a lowercase word (not a
    title line such as "Annual Report 2031", nor a figure or a name)?"""
    words = text.split()
    return len(words) >= MIN_CUT_WORDS and words[-1].isalpha() and words[-1].islower()


def split_tail(paragraph: str) -> tuple[str, str] | None:
    """(the paragraph without the tail, the tail) when the paragraph holds a sentence that starts
    in lowercase after a full stop; None otherwise."""
    m = _LOWERCASE_AFTER_STOP.search(paragraph)
    if m is None:
        return None
    head, tail = paragraph[:m.start()].rstrip(), paragraph[m.end():].strip()
    return (head, tail) if head and tail else None


def rejoin(cut_text: str, tail: str) -> str:
    """The cut paragraph with its tail put back."""
    return cut_text.rstrip() + ("" if cut_text.endswith("-") else " ") + tail
