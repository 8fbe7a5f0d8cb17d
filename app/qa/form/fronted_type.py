"""The kind of thing asked for, named before the question word: "Thinking of countries: which
ones ratified Convention No. 102 in 2023?"

"Looking at the organisations in the report, which ones fund the work in Nepal?" asks "Which
organisations fund the work in Nepal?", but the answer noun sits in a frame before the question
word and "which ones" types nothing, so the reading lost the type (a scheme, an initiative, or
nothing at all came back).  A frame that names a set by a description of its own ("of the
countries that ratified ..., which ones ...") is :mod:`app.qa.multihop.set_by_description`'s and is left alone:
here the words between the noun and the question word may only point at the report itself ("in the
report", "the report mentions", "named there").

:func:`rewrite` puts the plural noun back after the question word.  Ordinary English only.
"""
from __future__ import annotations

import re

_FRAME = re.compile(
    r"^\W*(?:(?:so|and|now|ok|okay|well)[\s,]+)?(?:looking\s+at|thinking\s+(?:of|about)|of|among|amongst|out\s+of|"
    r"from|considering|taking|as\s+for|when\s+it\s+comes\s+to|regarding|speaking\s+of|talking\s+about)\s+"
    r"(?:all\s+)?(?:of\s+)?(?:the\s+|those\s+|these\s+)?(?P<noun>[a-z][a-z-]{2,}s)(?P<mid>(?:\s+[\w'’]+){0,5}?)"
    r"\s*[,:;–—-]+\s*(?P<pick>which|what)\s+(?:ones?|of\s+(?:them|these|those))\b", re.I)
# Words that point at the report, not at a subset of the noun's things.
_GENERIC = frozenset("""in the this report report's report’s annual mentioned mentions mentioned named names listed lists
covered covers described describes there it that are is out of""".split())
# Plural-looking words that are not a kind of thing asked for.
_NOT_NOUNS = frozenset("this thus its his has was is as yes unless always perhaps various previous".split())


def rewrite(question: str) -> str:
    """"Which <noun> ..." for a question that names its answer noun in a frame before "which
    ones"; the question unchanged otherwise."""
    m = _FRAME.match(question)
    if m is None:
        return question
    noun = m.group("noun")
    words = [w.lower() for w in m.group("mid").split()]
    if noun.lower() in _NOT_NOUNS or noun.endswith(("'s", "’s")) or any(w not in _GENERIC for w in words):
        return question
    rest = question[m.end():].lstrip()
    return f"Which {noun.lower()} {rest}".rstrip()
