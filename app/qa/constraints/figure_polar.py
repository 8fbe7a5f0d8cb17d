"""Yes/no checks of a stated count: "Is it correct that the Flagship Programme achieved 45
institutional changes in 2024?", "Report says ten countries joined the Global Accelerator in 2024 -
correct?".

A fact-checker states the figure they were given and asks whether it holds.  The other yes/no
readings look for a name in a list or a sentence that writes the question's words; a figure the
report writes differently (41, not 45) is in no sentence, and the engine answered the figure itself
rather than the check.  Here the stated count becomes the open question ("how many institutional
changes the Flagship Programme achieved in 2024"), which the engine answers as any count; Yes when
its one figure is the stated one, No (with the report's figure) when it is another, no verdict when
the open question gives no single figure.

Only counts of things ("45 institutional changes", "ten countries"): a year, a convention's number,
a percentage or an amount of money is not a count the open question can ask.  A negated check
("Did ... not achieve 45 ...?") is left to the other readings.  Ordinary English only: auxiliaries,
claim frames ("the report says", "is that correct"), number words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.figures.number_words import UNITS, TENS
from app.qa.form.embedded_polar import ASKED_NOT, checked_clause
from app.qa.constraints.polar import cited

_AUX = re.compile(r"^\W*(?:is|are|was|were|has|have|had|does|do|did)\s+", re.I)
_QUANTIFIED = re.compile(r"\b(?:any|every|all|each|both|which|what|who|whom|how|either|neither)\b", re.I)
_WORD_VALUES = {**UNITS, **TENS}  # "ten" -> 10, "forty" -> 40
_WORD = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
# a label's number ("Table 4", "Result 1", "Phase 2") counts nothing, nor is a function word counted
_FUNCTION = "for|in|on|of|to|by|at|from|with|and|or|the|a|an|is|are|was|were|has|have|had"
# a count and the word it counts; not a year, a convention's number ("No. 102"), a share or an amount
_COUNT = re.compile(rf"(?<![\w.$€£%-])(?<!No\.\s)(?-i:(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{{2}}\s)(?<![A-Z][a-z]{{3}}\s)"
                    rf"(?<![A-Z][a-z]{{4}}\s)(?<![A-Z][a-z]{{5}}\s)(?<![A-Z][a-z]{{6}}\s))(?P<n>\d{{1,3}}(?:,\d{{3}})*|{_WORD})(?:\s*\(\d+\))?\s+"
                    rf"(?!(?:per\s*cent|percent|million|billion|thousand|%|years?\b|months?\b|days?\b))"
                    rf"(?!(?:{_FUNCTION})\b)(?P<noun>[a-z][a-z-]+)", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# the counted phrase, up to a preposition, verb-like word or the clause's end: "institutional changes"
_PHRASE = re.compile(r"[A-Za-z][\w-]*(?:\s+(?!(?:in|on|for|by|with|at|from|to|of|across|during|under|since|and|or|"
                     r"that|which|who|is|are|was|were|has|have|had|did|does|\w+ed)\b)[A-Za-z][\w-]*){0,2}")


@dataclass(frozen=True)
class FigurePolar:
    open_question: str  # "how many institutional changes the Flagship Programme achieved in 2024"
    value: float  # the stated figure
    stated: str  # as written: "45 institutional changes"


def _value(word: str) -> float | None:
    low = word.lower().replace(",", "")
    if low.isdigit():
        return None if _YEAR.match(low) else float(low)
    return float(_WORD_VALUES[low]) if low in _WORD_VALUES else None


def read(question: str) -> FigurePolar | None:
    """The open count question of a stated-figure check, or None when the question is no such check."""
    clause, framed = checked_clause(question)
    aux = _AUX.match(clause)
    if not (framed or aux) or ASKED_NOT.search(clause) or _QUANTIFIED.search(clause):
        return None  # "Did any priority country achieve all three result types?": no count stated
    clause = clause[aux.end():] if aux else clause
    counts = [m for m in _COUNT.finditer(clause) if _value(m.group("n")) is not None]
    if len(counts) != 1:
        return None  # no count, or two to choose between
    m = counts[0]
    before, after = clause[:m.start()].strip(), clause[m.start("noun"):].strip()
    phrase = _PHRASE.match(clause, m.start("noun"))
    stated = f"{m.group('n')} {phrase.group(0)}"
    return FigurePolar(" ".join(f"how many {after} {before}".split()), _value(m.group("n")), stated)


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def verdict(ask: FigurePolar, answered: dict) -> dict | None:
    """Yes or No from the open question's one figure (None when it gave no single figure)."""
    answers = answered.get("answers") or []
    if answered.get("answer_type") != "Number" or len(answers) != 1:
        return None
    m = _FIGURE.search(str(answers[0].get("label", "")))
    if m is None:
        return None
    found = float(m.group(0).replace(",", ""))
    held = found == ask.value
    why = (f"“{ask.open_question}” answered: {answers[0]['label']}; the stated {ask.stated} "
           + ("is the report's figure" if held else "is not"))
    return {"label": "Yes" if held else "No", "type": "Text", "score": 1.0,
            "evidence": (answers[0].get("evidence") or [])[:2], "path": [why],
            "stated": ask.stated, "figure": answers[0]["label"]}


def summary(said: dict) -> tuple[str, dict[str, str]]:
    """(answer_text, citations): the verdict and the report's figure it rests on."""
    cites, marks = cited(said)
    if said["label"] == "Yes":
        return f"Yes: the report gives {said['figure']}{marks}.", cites
    return f"No: the report gives {said['figure']}, not {said['stated']}{marks}.", cites
