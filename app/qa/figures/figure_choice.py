"""Which of two (or more) named places has the larger (largest) figure: "Which country affiliated more people to health
insurance in 2024, Burkina Faso or Zambia?", "did Lebanon or Jordan reach more workers?".

The report states each figure in its own sentence; no relation of the graph holds it, so the
choice between the names found no constraint to apply and nothing was answered.  A comparison of
two figures is two figure questions: the question is asked again of each name alone, as "how
many <what the comparative qualifies> ... in <name>?", and the name whose figure is larger (or
smaller, for "fewer", "less", "lower") is the answer.  Both figures must be read, and differ.

Ordinary English comparatives only; the sub-questions are built from the question's own words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.figures.comparatives import LESS as _LESS, MORE as _MORE

_COMPARATIVE = re.compile(rf"\b(?P<cmp>{_MORE}|{_LESS})\s+(?:number\s+of\s+|share\s+of\s+|amount\s+of\s+)?", re.I)
# Of three or more names, the superlative: "among A, B and C, which one reaches the largest number of ..."
_MOST = r"most|largest|biggest|highest|greatest"
_SUPERLATIVE = re.compile(rf"\b(?:the\s+)?(?P<cmp>{_MOST}|fewest|least|smallest|lowest)\s+(?:number\s+of\s+|share\s+of\s+|amount\s+of\s+)?",
                          re.I)
# The asking words around the comparative: "which country", "which of the two", "between", a
# leading or lone auxiliary ("did", "which has").
_ASKER = re.compile(r"\b(?:which|what|who)\b(?:\s+(?:one|country|countries|territory|nation|of\s+the\s+two|"
                    r"of\s+(?:them|these|those)))?(?:\s+(?:did|does|do|has|had|have|was|were|is|are)\b)?|"
                    r"^\W*(?:did|does|do|has|had|have|was|were|is|are)\b|\bbetween\b|[,;:]", re.I)
# The words that front a comparison's yardstick: "Compared with Zambia, did Uganda ..." (also read by
# :func:`app.qa.constraints.choices.compared`, which sets the two names against each other).
YARDSTICK = (r"(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|as\s+against|next\s+to|"
             r"set\s+against)\s+(?:the\s+)?")
_FRONTED = re.compile(r"\b" + YARDSTICK + "$", re.I)
_EITHER_WAY = re.compile(rf"^\s*or\s+(?:{_MORE}|{_LESS})\s+", re.I)  # "more or fewer", "more or less"
_AMOUNT = re.compile(r"\b(?:amount|share|money|funding|budget|us\$|usd|dollars?|per\s*cent|percentage)\b", re.I)


@dataclass(frozen=True)
class FigureChoice:
    questions: tuple[str, ...]  # one figure question per name, in the names' order
    larger: bool  # the larger figure wins ("more"), else the smaller ("fewer")


def questions(question: str, spans: list[tuple[int, int, str]]) -> FigureChoice | None:
    """The figure question to ask of each compared name (``spans``: start, end and name of each, in
    order), or None when the question sets no figure side by side with a comparative."""
    if len(spans) < 2:
        return None
    before = re.sub(r"\s*[,;:]?\s*(?:\b(?:between|of)\s*)?$", " ", question[:spans[0][0]], flags=re.I)
    before = _FRONTED.sub(" ", before)  # "Compared with Zambia, did Uganda ...": the yardstick's words
    # "Among the reforms in A, B and C, which one ...": the frame's noun, without its "among ... in"
    before = re.sub(r"\s+(?:in|for|of)\s*$", " ", re.sub(r"^\W*(?:among|amongst|of|between|from)\s+", "", before, flags=re.I),
                    flags=re.I)
    rest = before + " " + question[spans[-1][1]:]  # the question without the run of names
    m = _COMPARATIVE.search(rest) if len(spans) == 2 else None
    m = m or _SUPERLATIVE.search(rest)
    if not m:
        return None
    head = " ".join(_ASKER.sub(" ", rest[:m.start()]).split())
    # "more or fewer results in 2024? Give the country with more.": the figure's words end the sentence
    tail = _EITHER_WAY.sub("", re.split(r"[?!]|\.\s", rest[m.end():])[0])
    tail = re.sub(r"[?.!\s,]+$", "", tail).strip(" ,")
    if not tail:
        return None
    how = "how much" if _AMOUNT.search(tail) else "how many"
    larger = m.group("cmp").lower() in _MORE.split("|") + _MOST.split("|")
    built = tuple(" ".join(f"{how} {tail} {head} in {name}?".split()) for _, _, name in spans)
    return FigureChoice(built, larger)


def pick(values: list[float | None], larger: bool) -> int | None:
    """The index of the winning figure, or None when a figure is missing or the top ones tie."""
    if len(values) < 2 or any(v is None for v in values):
        return None
    ranked = sorted(range(len(values)), key=lambda i: -values[i] if larger else values[i])
    if values[ranked[0]] == values[ranked[1]]:
        return None
    return ranked[0]
