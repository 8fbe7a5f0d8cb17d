"""Yes/no checks of a stated year: "Did the Vietnamese amendments to the Law on Social Insurance take
effect in 2024?", "Is the Employment Injury Scheme Pilot in Bangladesh due to finish in 2025?".

The other yes/no readings look for the question's words in a list or a sentence, and the stated
year is one more word to match: a sentence on the amendments written in 2024 carries "2024", so
the check came back Yes although the changes "will take effect starting July 2025".  Here the year
is taken out and the question asked open ("When did the Vietnamese amendments ... take effect?"),
which the engine answers as any date question; No, with the report's date, when the one year it
finds is another ("in") or later ("by").  An agreeing year is no verdict: the open question may
have found another event of that year ("Did the ILO work ... in the Baltic states in 2024?"), and
the other readings, which need the question's words written, decide.

Only a year after a preposition that dates the event ("in 2024", "by 2026", "in June 2025"): a
year that names a thing ("the 2024 annual report") or a span ("2021-2025") is left to the other
readings, as are negated and quantified checks.  Ordinary English only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.constraints.month_dated import MONTHS
from app.qa.form.embedded_polar import ASKED_NOT, checked_clause
from app.qa.constraints.polar import cited

_AUX = re.compile(r"^\W*(?P<aux>is|are|was|were|has|have|had|does|do|did|will|would)\s+", re.I)
_QUANTIFIED = re.compile(r"\b(?:any|every|all|each|both|which|what|who|whom|how|when|either|neither|or)\b", re.I)
_MONTH = "|".join(MONTHS)
# "in 2024", "by 2026", "in June 2025", "before the end of 2025"; no span ("2021-2025") nor a year naming a thing
_DATED = re.compile(rf"\s*,?\s*\b(?P<prep>in|during|by|before)\s+(?:the\s+end\s+of\s+)?(?:(?:{_MONTH})\s+)?"
                    rf"(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)(?!\s*[-–]\s*\d)", re.I)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a past participle closing the words before a date, inside the subject ("the amendments approved")
_DESCRIBING = re.compile(r"\b(?:the|its|their|[\w'’]+['’]s)\s+(?:[\w'’-]+\s+){1,8}?[a-z]{3,}ed\s*$", re.I)


@dataclass(frozen=True)
class YearPolar:
    open_question: str  # "When did the Vietnamese amendments to the Law on Social Insurance take effect?"
    year: int  # the stated year
    by: bool  # "by 2026"/"before 2026": an earlier year holds too
    stated: str  # as written: "in 2024"


def read(question: str) -> YearPolar | None:
    """The open date question of a stated-year check, or None when the question is no such check."""
    clause, _framed = checked_clause(question)
    aux = _AUX.match(clause)
    if aux is None or ASKED_NOT.search(clause) or _QUANTIFIED.search(clause):
        return None  # a statement without its auxiliary is left to the statement reading
    years = _ANY_YEAR.findall(clause)
    dated = list(_DATED.finditer(clause))
    if len(years) == 2 and len(dated) == 2 and _DESCRIBING.search(clause[:dated[0].start()]):
        # "Do the amendments approved in June 2024 take effect during 2024?": the first date is the
        # subject's own (a participle describing it), the second is checked
        years, dated = years[1:], dated[1:]
    if len(years) != 1 or len(dated) != 1:
        return None  # no year, or a second one that could be the dated one
    m = dated[0]
    rest = (clause[aux.end():m.start()] + clause[m.end():]).strip(" ,")
    if len(rest.split()) < 3:
        return None
    prep = m.group("prep").lower()
    return YearPolar(f"When {aux.group('aux').lower()} {rest}?", int(m.group("year")), prep in ("by", "before"),
                     m.group(0).strip(" ,"))


def verdict(ask: YearPolar, answered: dict) -> dict | None:
    """Yes or No from the open question's one dated answer (None when it gave no single date)."""
    answers = answered.get("answers") or []
    if answered.get("answer_type") != "Year" or len(answers) != 1:
        return None
    found = [int(y) for y in _ANY_YEAR.findall(str(answers[0].get("label", "")))]
    if len(set(found)) != 1:
        return None
    year = found[0]
    if (year <= ask.year) if ask.by else (year == ask.year):
        # agreeing proves little: the open question may have found another event that year ... unless
        # the date found is the asked event's own ("Employment Injury Scheme — launched in 2022" for
        # "was it launched before 2023?"), written with the question's verb
        if ask.by and year < ask.year and _dates_asked_event(ask.open_question, answers[0]):
            why = f"“{ask.open_question}” answered: {answers[0]['label']}; that is {ask.stated}"
            return {"label": "Yes", "type": "Text", "score": 1.0, "evidence": (answers[0].get("evidence") or [])[:2],
                    "path": [why], "stated": ask.stated, "date": answers[0]["label"], "agrees": True}
        return None
    why = f"“{ask.open_question}” answered: {answers[0]['label']}; “{ask.stated}” does not agree with it"
    return {"label": "No", "type": "Text", "score": 1.0,
            "evidence": (answers[0].get("evidence") or [])[:2], "path": [why],
            "stated": ask.stated, "date": answers[0]["label"]}


def _dates_asked_event(open_question: str, answer: dict) -> bool:
    """Does the one date found say it dates the event the question asks ("launched" in "When was the
    pilot launched?"), in its path (a graph attribute's event) rather than a sentence's nearby year?"""
    verbs = re.findall(r"\b([a-z]{4,}?)(?:ed|d)\b", open_question.lower())
    said = " ".join(str(p) for p in answer.get("path") or []).lower()
    return bool(verbs) and bool(re.match(r"^[^:]{2,120}—", said)) and any(re.search(rf"\b{v}\w*", said) for v in verbs)


def summary(said: dict) -> tuple[str, dict[str, str]]:
    """(answer_text, citations): the verdict and the report's date it rests on."""
    cites, marks = cited(said)
    if said.get("agrees"):
        return f"Yes: the report gives {said['date']}, which is {said['stated']}{marks}.", cites
    return f"No: the report gives {said['date']}, not {said['stated']}{marks}.", cites
