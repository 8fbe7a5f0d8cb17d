"""Yes/no questions over a whole set: "Did every one of the Arab States priority countries record at
least one institutional result in 2024?", "Have all the Global Accelerator pathfinders ratified C102?".

:mod:`app.qa.constraints.polar` tests one named entity's membership in a list; here the subject is a
set, so two list questions are asked: the set itself ("Which Arab States priority countries?") and
the set under the predicate ("Which Arab States priority countries did record at least one
institutional result in 2024?").  "Every" is Yes when the first list lies inside the second, No
(naming the ones left out) otherwise.  Only when both lists are the graph's and the set is not
empty: a text step's few sentences are no complete list.  ("Did any ... country ...?" stays a list
question, as the engine has always read it.)

Ordinary English only: auxiliaries, quantifiers and kind nouns.
"""
from __future__ import annotations

import re
from app.qa.constraints.polar import cited
from dataclasses import dataclass

_EVERY = re.compile(
    r"^\W*(?P<aux>did|do|does|have|has|had|are|were|is|was)\s+"
    r"(?:every(?:\s+single)?(?:\s+one)?|each(?:\s+one)?|all)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?"
    # the set's words run to its last kind noun, through no verb ("Arab States priority countries")
    r"(?P<set>(?:(?!(?:did|do|does|have|has|had|are|were|is|was|get|got|(?-i:[a-z][\w-]*ed))\b)[\w'’-]+\s+){0,6}"
    r"(?:countr(?:y|ies)|pathfinders?|members?|states|nations?|donors?|funders?|"
    r"organi[sz]ations?|partners?|agenc(?:y|ies)))\s+(?P<pred>(?!(?:or|and|that|which|who|of|in|from|under|with|for|on|at|by)\b)\S.*?)\s*[?.!]*$", re.I)
_PLURAL = {"country": "countries", "agency": "agencies"}


@dataclass(frozen=True)
class EveryPolar:
    """The set asked about and the set under the question's predicate, each as a list question."""
    set_question: str
    held_question: str


def read(question: str) -> EveryPolar | None:
    """The two list questions of "did every one of <set> <predicate>?", or None."""
    m = _EVERY.match(" ".join(question.split()))
    if m is None:
        return None
    words = m["set"].split()
    last = words[-1].lower()
    words[-1] = _PLURAL.get(last, last if last.endswith("s") else last + "s")
    plural = " ".join(words)
    aux = {"does": "do", "has": "have", "is": "are", "was": "were"}.get(m["aux"].lower(), m["aux"].lower())
    return EveryPolar(f"Which {plural}?", f"Which {plural} {aux} {m['pred']}?")


def verdict(ask: EveryPolar, whole: dict, held: dict) -> dict | None:
    """Yes when every answer to the set question is among the answers to the held question; None
    unless both are the graph's and the set is not empty."""
    if not all(str(o.get("strategy", "")).startswith("graph") for o in (whole, held)) or not whole.get("answers"):
        return None
    key = lambda x: x.get("iri") or x["label"]  # noqa: E731
    have = {key(x) for x in held.get("answers") or []}
    missing = [x["label"] for x in whole["answers"] if key(x) not in have]
    n = len(whole["answers"])
    if missing:
        why = f"of the {n} answers to “{ask.set_question}”, {len(missing)} are not among the answers to " \
              f"“{ask.held_question}”: {', '.join(missing)}"
    else:
        why = f"all {n} answers to “{ask.set_question}” are among the answers to “{ask.held_question}”"
    evidence = [e for x in held.get("answers") or [] if key(x) in {key(y) for y in whole["answers"]}
                for e in (x.get("evidence") or [])[:1]][:3]
    return {"label": "No" if missing else "Yes", "type": "Text", "score": 1.0, "evidence": evidence,
            "path": [why], "missing": missing, "of": n}


def summary(said: dict) -> tuple[str, dict[str, str]]:
    """(answer_text, citations): the verdict with the count behind it, the ones left out named."""
    cites, marks = cited(said)
    if said["label"] == "Yes":
        return f"Yes: all {said['of']} of them do, as far as the report's graph holds it{marks}.", cites
    return (f"No: {len(said['missing'])} of the {said['of']} do not ({', '.join(said['missing'])})"
            f", as far as the report's graph holds it.", {})
