"""Yes/no checks of a figure against a bar: "Did the Flagship Programme funding gap fall below US$30
million by the end of 2024?", "Was the EU's share of new resources above 50 per cent in 2024?".

The asker sets a bar rather than stating the figure, so no sentence writes the question's words:
the engine answered the figure itself ("US$27.9 million") where a Yes or No was asked.  Here the
bar and its verb are taken out and the figure asked open ("What was the Flagship Programme funding
gap by the end of 2024?"), which the engine answers as any amount; Yes when its one figure clears
the bar (:mod:`app.qa.figures.thresholds` reads the bar), No otherwise, each with the figure and its
evidence; no verdict when the open question gives no single figure of the bar's kind.

Only amounts and shares (a bar with a currency, a scale or "per cent"): a bar on a count ("more
than 10 countries") is a list's size, left to the count readings.  A verb other than one of level
("fall", "reach", "stay", "exceed", "be") would need the question rebuilt around it and is left
alone, as are negated and quantified checks.  Ordinary English only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.figures import thresholds
from app.qa.figures.numbers import spans
from app.qa.form.embedded_polar import ASKED_NOT, checked_clause
from app.qa.constraints.polar import cited

_AUX = re.compile(r"^\W*(?P<aux>is|are|was|were|has|have|had|does|do|did|will)\s+", re.I)
_QUANTIFIED = re.compile(r"\b(?:any|every|all|each|which|what|who|whom|how|when|either|neither|or)\b", re.I)
# verbs that say where a figure stands: dropped with the bar ("fall below", "remain above", "reach over")
_LEVEL_VERB = re.compile(r"\s+(?:fall|fell|fallen|drop|dropped|decline|declined|go|went|gone|rise|rose|risen|"
                         r"increase|increased|decrease|decreased|reach|reached|amount|amounted|total|totalled|totaled|"
                         r"come|came|stay|stayed|remain|remained|exceed|exceeds|exceeded|surpass|surpassed|top|topped|"
                         r"be|been|sit|stand|stood)"
                         r"(?:\s+(?:to|at))?\s*$", re.I)
_MONEY_OR_SHARE = re.compile(r"\$|€|£|\b(?:us|usd|eur|euros?|dollars?|chf|francs?)\b", re.I)


@dataclass(frozen=True)
class BarPolar:
    open_question: str  # "What was the Flagship Programme funding gap by the end of 2024?"
    bar: thresholds.Bar
    money: bool  # the bar is an amount of money (else a share)


def read(question: str) -> BarPolar | None:
    """The open figure question of a bar check, or None when the question is no such check."""
    clause, _framed = checked_clause(question)
    aux = _AUX.match(clause)
    if aux is None or ASKED_NOT.search(clause) or _QUANTIFIED.search(clause):
        return None
    # "exceed 60 per cent" sets the bar with its verb alone
    clause = re.sub(r"\b(exceed(?:s|ed)?|surpass(?:es|ed)?|top(?:s|ped)?)\s+(?=(?:us\s*)?[\d$€£])", r"\1 more than ",
                    clause, flags=re.I)
    bar = thresholds.read(clause)
    if bar is None or bar.end < 0:
        return None
    m = next(m for m in thresholds._BOUND.finditer(clause) if m.end() == bar.end)
    money = bool(_MONEY_OR_SHARE.search(m.group(0)) or (m.group("scale") and not bar.percent))
    if not (money or bar.percent):
        return None  # "more than 10 countries": a count
    before = clause[aux.end():m.start()]
    verb = _LEVEL_VERB.search(before)
    if verb is None and aux.group("aux").lower() not in ("is", "are", "was", "were"):
        return None  # "Did the EU provide more than half ...": a verb the open question cannot keep
    subject = before[:verb.start()] if verb else before
    rest = clause[m.end():]
    if len(subject.split()) < 2:
        return None
    tense = "is" if aux.group("aux").lower() in ("is", "are", "does", "do", "has", "have", "will") else "was"
    shared = re.search(r"\b(?:share|percentage|proportion|rate|ratio|per\s*cent)\b", subject + rest, re.I)
    asked = "What share" if bar.percent and not money and not shared else "What"
    opened = f"{asked} {tense} {subject.strip()} {rest.strip()}".strip()
    return BarPolar(" ".join(opened.split()) + "?", bar, money)


def verdict(ask: BarPolar, answered: dict) -> dict | None:
    """Yes or No from the open question's one figure of the bar's kind (None when it gave none)."""
    answers = answered.get("answers") or []
    if answered.get("answer_type") != "Number" or len(answers) != 1:
        return None
    label = str(answers[0].get("label", ""))
    kinds = ("percent",) if ask.bar.percent else ("money", "plain")
    figures = [s for s in spans(label) if s.kind in kinds]
    if len(figures) != 1:
        return None
    held = ask.bar.test(figures[0].value)
    why = (f"“{ask.open_question}” answered: {label}; “{ask.bar.said}” "
           + ("holds" if held else "does not hold"))
    return {"label": "Yes" if held else "No", "type": "Text", "score": 1.0,
            "evidence": (answers[0].get("evidence") or [])[:2], "path": [why],
            "bar": ask.bar.said, "figure": label}


def summary(said: dict) -> tuple[str, dict[str, str]]:
    """(answer_text, citations): the verdict and the report's figure it rests on."""
    cites, marks = cited(said)
    return f"{said['label']}: the report gives {said['figure']}, {'' if said['label'] == 'Yes' else 'not '}" \
           f"{said['bar']}{marks}.", cites
