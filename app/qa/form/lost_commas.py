"""Commas a question typed without punctuation leaves out, put back where English needs them.

"Of the pathfinders that endorsed their roadmaps in 2024 which one is funded by Ireland", "Of Togo
Kenya and Ghana which has ratified C102", "Which of Albania Bhutan Kenya and Jordan are not
pathfinders": the readings of a pick from a set (:mod:`app.qa.multihop.set_by_description`, the
"of X, which ..." partitive) and of a list of names look for the comma that ends the fronted phrase
and the commas that join the list; without them the set's description ran into the question proper
and the names into one another.  :func:`partitive_comma` puts a comma before the question word that
opens the question proper after a fronted partitive ("of/among/for the ..."): the last question
word, so a relative "which" inside the description stays.  :func:`list_commas` joins names written
side by side before a final "and"/"or" name with commas.  Both only act on a text with no comma at
all.  Ordinary English only.
"""
from __future__ import annotations

import re

_FRONTED = re.compile(r"^\W*(?:(?:of|among|amongst|out\s+of|from\s+among|for|looking\s+at|considering|thinking\s+(?:about|of))\s+)"
                      r"(?!(?:which|what|whom|who|whose|these|those|them|it|this|that)\b)", re.I)
_QWORD = re.compile(r"(?<![\w'’-])(?:which|what|who|how\s+many|how\s+much|where|when)\b", re.I)
# A word before a question word that makes it part of a phrase ("in which", "the year when"), not an opener.
_BOUND_BEFORE = re.compile(r"\b(?:in|of|for|from|to|by|with|on|at|among|under|through|and|or|year|time|date|place|"
                           r"period|month|day|countr(?:y|ies)|nations?|organi[sz]ations?|ones?|those|these|them)\s+$", re.I)
# (a kind noun right before "which one(s)" is the set's own: "of the Arab States countries which one ...")


def partitive_comma(text: str) -> str:
    """The text with a comma before the question proper after a fronted partitive, when it has no comma."""
    if re.search(r"[,;:—–]|\s-\s", text) or not _FRONTED.match(text):
        return text
    found = [m for m in _QWORD.finditer(text) if m.start() > 0]
    if not found:
        return text
    m = found[-1]
    before = text[:m.start()]
    if _BOUND_BEFORE.search(before) and not re.match(r"\s+(?:one|ones)\b", text[m.end():], re.I) or len(before.split()) < 3:
        return text
    return before.rstrip() + ", " + text[m.start():]


def list_commas(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with commas between names written side by side before a last "and"/"or" name
    (``spans``: where the names are); unchanged when the text has a comma or no such list."""
    if "," in text or len(spans) < 3:
        return text
    spans = sorted(spans)
    inserts: list[int] = []
    run: list[tuple[int, int]] = [spans[0]]
    for span in spans[1:]:
        gap = text[run[-1][1]:span[0]]
        if not gap.strip():
            run.append(span)
            continue
        if re.fullmatch(r"\s+(?:and|or)\s+", gap, re.I) and len(run) >= 2:
            inserts += [s[1] for s in run[:-1]]
        run = [span]
    for at in sorted(inserts, reverse=True):
        text = text[:at] + "," + text[at:]
    return text
