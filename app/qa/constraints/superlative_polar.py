"""Yes/no questions that test one name against a superlative: "Was the EU the biggest source of
money for new Flagship projects in 2024?", "Is Kenya the country with the most funders?".

:mod:`app.qa.constraints.polar` tests membership in a list, and sets superlatives aside as choices
("Is Norway or the UK the funder of more countries?").  A superlative asked of one name is the
wh-question with that name left open ("Which organisation was the biggest source of money ...?")
and a check that the name is its answer.  Yes when the name is among the top answers; No when the
top answer (one, or a tie of a few) is another name; None when the wh-question gives a list rather
than a top (then it was no superlative the engine could rank) or nothing at all.

A superlative has one answer, which the text step's best sentence can state as well as the graph
("The largest share of resources ... were provided by the European Union"), so, unlike a list's
membership, either answer decides.  Ordinary English only: auxiliaries and superlative words.
"""
from __future__ import annotations

import re
from app.qa.constraints.polar import cited
from dataclasses import dataclass

_AUX = re.compile(r"^\W*(is|was|are|were)\s+(?:the\s+)?", re.I)
# "the biggest", "its main", "the single largest", "the country with the most"
_TOP = re.compile(r"^\s+(?:the|its|their)\s+(?:(?:single|very|one)\s+)?"
                  r"(?:(?:[a-z-]+\s+){0,2}?(?:with|that\s+had|that\s+has|that\s+got|receiving|getting)\s+the\s+most\b|"
                  r"biggest|largest|greatest|main|top|leading|primary|principal|highest|most\s+important)\b", re.I)
_NOUN = {"Country": "country", "Organization": "organisation"}
MAX_TOP = 3  # more answers than this is a list, not the top of a ranking


@dataclass(frozen=True)
class SuperlativePolar:
    open_question: str  # the superlative with the name left open
    subject_ids: list[str]


# A country asked about as a source of money is its government, one of the organisations that fund
_MONEY = re.compile(r"\b(?:fund\w*|financ\w*|donors?|money|sources?\s+of|contribut\w*|resources|pa(?:y|id)\w*)\b", re.I)


# "Did the EU provide the largest share of ...?": a verb before the superlative, asked with "do"
_DO = re.compile(r"^\W*(did|does|do)\s+(?:the\s+)?", re.I)
_VERB_TOP = re.compile(r"^\s+(?P<verb>[a-z]+)\s+(?P<top>(?:the|its|their)\s+(?:(?:single|very|one)\s+)?"
                       r"(?:biggest|largest|greatest|highest|most|main|top|leading)\b.*)$", re.I)
_IRREGULAR = {"give": "gave", "get": "got", "make": "made", "have": "had", "take": "took", "put": "put",
              "pay": "paid", "lead": "led", "hold": "held", "bring": "brought", "send": "sent", "win": "won"}


def _inflected(verb: str, aux: str) -> str:
    """The verb as the open question says it: "provide" after "did" is "provided", after "does"
    "provides"."""
    v = verb.lower()
    if aux == "do":
        return v
    if aux == "does":
        return "has" if v == "have" else v + "es" if re.search(r"(?:[sxz]|ch|sh)$", v) else \
            v[:-1] + "ies" if re.search(r"[^aeiou]y$", v) else v + "s"
    if v in _IRREGULAR:
        return _IRREGULAR[v]
    return v + "d" if v.endswith("e") else v[:-1] + "ied" if re.search(r"[^aeiou]y$", v) else v + "ed"


def _with_verb(question: str, links, is_body) -> SuperlativePolar | None:
    """"Did <name> <verb> the largest ...?" as "Which <kind> <verbed> the largest ...?"."""
    m = _DO.match(question)
    if m is None:
        return None
    first = min((l for l in links if l.start >= m.start(1)), key=lambda l: l.start, default=None)
    if first is None or first.type not in _NOUN or not m.end(1) < first.start <= m.end():
        return None
    said = _VERB_TOP.match(question[first.end:])
    if said is None or re.search(r"\bor\b", said.group("top")) or said.group("verb").lower() in ("not", "never"):
        return None
    kind, ids = first.type, list(first.ids)
    if kind == "Country" and is_body is not None and _MONEY.search(said.group(0)):
        gov = f"Organization:gov-{ids[0].split(':', 1)[1]}"
        if is_body(gov):
            kind, ids = "Organization", ids + [gov]
    verb = _inflected(said.group("verb"), m.group(1).lower())
    return SuperlativePolar(" ".join(f"Which {_NOUN[kind]} {verb} {said.group('top')}".split()), ids)


def read(question: str, links, is_body=None) -> SuperlativePolar | None:
    """The wh-question of "was <name> the biggest ...?" (or "did <name> <verb> the largest ...?"), or
    None when the question is not of that shape.
    ``is_body(id)``: does the entity act in the report (a country's government that funds)?"""
    m = _AUX.match(question)
    if m is None:
        return _with_verb(question, links, is_body)
    first = min((l for l in links if l.start >= m.start(1)), key=lambda l: l.start, default=None)
    if first is None or first.type not in _NOUN or not m.end(1) < first.start <= m.end():
        return None
    rest = question[first.end:]
    top = _TOP.match(rest)
    if top is None or re.search(r"\bor\b", rest):
        return None  # "Was the EU or Germany the biggest ...": a choice, read elsewhere
    aux = m.group(1).lower()
    kind, ids = first.type, list(first.ids)
    if kind == "Country" and is_body is not None and _MONEY.search(rest):
        gov = f"Organization:gov-{ids[0].split(':', 1)[1]}"
        if is_body(gov):  # "Was Germany the biggest source of money ...?": the funders are ranked
            kind, ids = "Organization", ids + [gov]
    return SuperlativePolar(" ".join(f"Which {_NOUN[kind]} {aux}{rest}".split()), ids)


def verdict(ask: SuperlativePolar, answered: dict, knowledge) -> dict | None:
    """Yes or No from the open question's top answers (None when it gave none, or a list)."""
    answers = answered.get("answers") or []
    if not answers or len(answers) > MAX_TOP or answered.get("answer_type") in ("Number", "Year"):
        return None
    ids = set(ask.subject_ids) | {f"Organization:gov-{i.split(':', 1)[1]}" for i in ask.subject_ids
                                  if i.startswith("Country:")}
    iris = {str(knowledge.iri(i)) for i in ids}
    hit = next((x for x in answers if x.get("iri") in iris), None)
    tops = ", ".join(x["label"] for x in answers)
    subject = knowledge.label(ask.subject_ids[0])
    why = f"“{ask.open_question}” answered: {tops}; " + (f"{subject} is the answer" if hit else f"{subject} is not")
    ev = (hit or answers[0]).get("evidence", [])[:2]
    return {"label": "Yes" if hit else "No", "type": "Text", "score": 1.0, "evidence": ev, "path": [why],
            "subject": subject, "top": tops}


def summary(said: dict) -> tuple[str, dict[str, str]]:
    """(answer_text, citations): the verdict and the top answer it rests on."""
    cites, marks = cited(said)
    if said["label"] == "Yes":
        return f"Yes: the report's answer is {said['top']}{marks}.", cites
    return f"No: the report's answer is {said['top']}, not {said['subject']}{marks}.", cites
