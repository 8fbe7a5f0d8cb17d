"""Yes/no comparisons of one measure at two dates: "Was the Flagship Programme's remaining funding
gap smaller at the end of 2024 than at the end of 2023?", "Did the funding gap go down in 2024
compared with the year before?", "Did the number of new projects rise between 2022 and 2023?".

The asker compares two figures the report writes in different places (often in different
sentences), so no one sentence writes the question and no one list holds its answer: the engine
answered one of the figures where a Yes or No was asked.  Here the measure is asked open at each date
("What was the Flagship Programme's remaining funding gap at the end of 2024?", "... of 2023?"),
which the engine answers as any figure; the two figures are compared in the direction asked.  No
verdict unless each open question gives one figure, both of one kind (two amounts, two counts).

Only ordinary English: comparatives, verbs of change, and the ways to name the year before.  A
negated or quantified comparison is left to the other readings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.figures.numbers import spans
from app.qa.form.embedded_polar import ASKED_NOT, checked_clause
from app.qa.constraints.polar import cited

_AUX = re.compile(r"^\W*(?P<aux>is|are|was|were|has|have|had|does|do|did)\s+", re.I)
_QUANTIFIED = re.compile(r"\b(?:any|every|all|each|which|what|who|whom|how|when|either|neither|or)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a comparative of size, and a verb of change, each with its direction
_UP_WORDS = (r"larger|bigger|higher|greater|wider|more|"
             r"(?:rise|rose|risen|grow|grew|grown|increase|increased|climb|climbed|widen|widened|go\s+up|went\s+up|gone\s+up)")
_DOWN_WORDS = (r"smaller|lower|less|fewer|narrower|"
               r"(?:fall|fell|fallen|drop|dropped|decline|declined|decrease|decreased|shrink|shrank|shrunk|narrow|"
               r"narrowed|reduce|reduced|go\s+down|went\s+down|gone\s+down|come\s+down|came\s+down)")
_CHANGE = re.compile(rf"\s+(?:(?:get|got|gotten|become|became)\s+)?(?:(?P<up>{_UP_WORDS})|(?P<down>{_DOWN_WORDS}))\b", re.I)
# a date the measure is read at: "at the end of 2024", "by end-2023", "in 2022"
# ("between the end of 2023 and the end of 2024": the end of a year said without "at")
_AT = re.compile(r"(?:(?:(?:at|by)\s+)?(?:the\s+)?end(?:\s+of|-)?\s*|(?:in|during|for|by)\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
# the year before the one named: "the year before", "the previous year", "2023" said as "a year earlier"
_YEAR_BEFORE = re.compile(r"\b(?:the\s+(?:year|one)\s+before|the\s+previous\s+(?:year|one)|the\s+prior\s+year|"
                          r"the\s+preceding\s+year|a\s+year\s+(?:earlier|before)|last\s+year)\b", re.I)


@dataclass(frozen=True)
class ComparedPolar:
    measure: str  # "the Flagship Programme's remaining funding gap"
    later: str  # the open question at the date compared ("... at the end of 2024?")
    earlier: str  # the open question at the date of reference ("... at the end of 2023?")
    up: bool  # is the later figure asked to be the larger?
    later_when: str  # "at the end of 2024"
    earlier_when: str


def _when(match: re.Match) -> str:
    said = " ".join(match.group(0).split())
    if re.match(r"(?:the\s+)?end\b", said, re.I):
        return f"at {said}" if said.lower().startswith("the") else f"at the {said}"
    return said if not said[:1].isdigit() else f"in {said}"


def read(question: str) -> ComparedPolar | None:
    """The two open figure questions of a comparison across dates, or None for another question."""
    clause, _framed = checked_clause(question)
    aux = _AUX.match(clause)
    if aux is None or ASKED_NOT.search(clause) or _QUANTIFIED.search(clause):
        return None
    body = clause[aux.end():]
    change = _CHANGE.search(body)
    if change is None:
        return None
    measure = body[:change.start()].strip()
    after = body[change.end():]
    dates = list(_AT.finditer(after))
    if not 2 <= len(measure.split()) <= 12 or _YEAR.search(measure) or not dates:
        return None
    first = dates[0]
    between = re.match(r"\s*(?:between|from)\s*$", after[:first.start()], re.I)
    if len(dates) == 2 and between:  # "rise between 2022 and 2023", "fall from 2023 to 2024": the later is second
        earlier_m, later_m = dates
    elif len(dates) == 2 and re.search(r"\bthan\b|\bcompared\b|\brelative\b|\bagainst\b|\bversus\b|\bvs\b",
                                       after[first.end():dates[1].start()], re.I):
        later_m, earlier_m = dates  # "smaller at the end of 2024 than (it had been) at the end of 2023"
    elif len(dates) == 1 and _YEAR_BEFORE.search(after[first.end():]):
        later_m, earlier_m = first, None  # "go down in 2024 compared with the year before"
    else:
        return None
    later_when = _when(later_m)
    if earlier_m is None:
        year = int(later_m.group("year")) - 1
        earlier_when = later_when.replace(later_m.group("year"), str(year))
    else:
        earlier_when = _when(earlier_m)
    if later_when == earlier_when:
        return None
    verb = "is" if aux.group("aux").lower() in ("is", "are", "does", "do", "has", "have") else "was"
    up = change.group("up") is not None
    return ComparedPolar(measure, f"What {verb} {measure} {later_when}?", f"What {verb} {measure} {earlier_when}?",
                         up, later_when, earlier_when)


def _figure(answered: dict):
    """The one figure of an open question's answer, else None."""
    answers = answered.get("answers") or []
    if answered.get("answer_type") != "Number" or len(answers) != 1:
        return None, None
    label = str(answers[0].get("label", ""))
    found = [s for s in spans(label) if s.kind in ("money", "percent", "plain")]
    return (found[0], answers[0]) if len(found) == 1 else (None, None)


def verdict(ask: ComparedPolar, later: dict, earlier: dict) -> dict | None:
    """Yes or No from the two figures (None unless each open question gave one, of one kind)."""
    (a, a_ans), (b, b_ans) = _figure(later), _figure(earlier)
    # (a table's bare figure and a sentence's amount are one measure: "27,880,174" and "US$36 million")
    if a is None or b is None or (a.kind == "percent") != (b.kind == "percent") or a.value == b.value:
        return None
    held = (a.value > b.value) == ask.up
    word = "larger" if ask.up else "smaller"
    why = (f"“{ask.later}” answered: {a_ans['label']}; “{ask.earlier}” answered: {b_ans['label']}; "
           f"the first is {'' if held else 'not '}{word}")
    return {"label": "Yes" if held else "No", "type": "Text", "score": 1.0,
            "evidence": (a_ans.get("evidence") or [])[:1] + (b_ans.get("evidence") or [])[:1], "path": [why],
            "figures": ((a_ans["label"], ask.later_when), (b_ans["label"], ask.earlier_when))}


def summary(said: dict) -> tuple[str, dict[str, str]]:
    """(answer_text, citations): the verdict and the two figures it rests on."""
    cites, _marks = cited(said)
    (fa, wa), (fb, wb) = said["figures"]
    ca, cb = (" [1]" if cites else ""), (" [2]" if len(cites) > 1 else "")
    return f"{said['label']}: the report gives {fa} {wa}{ca} and {fb} {wb}{cb}.", cites
