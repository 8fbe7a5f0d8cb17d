"""A count asked, a list found: the answer is the list's size, with the list as its rows.

Some count questions reach the list machinery instead of :meth:`QuestionEngine._count` ("could
you count for me how many of them mention the Netherlands as a financing source": the counted
noun is a pronoun for something said before).  The graph then answers with the entities, which
is a wrongly typed answer to "how many".  The engine never returns a wrongly typed list: the
entities become one Number answer whose ``counted`` rows are them (an aggregate returns its value
and the rows behind it), and the path says so.
"""
from __future__ import annotations

import re

# "Of the eight States that ratified ..., how many are priority countries?": the set is named
# first and read as a list question (its head noun types it); the clause after it asks the size.
_CLAUSE_COUNT = re.compile(r"[,;:—–]\s*(?:and\s+|so\s+|but\s+|then\s+)?how many\b(?![^?]*\b(?:which|what|who)\b)", re.I)


# "In how many languages is the toolkit available?": names a sentence lists (read by the span
# readings for "which languages"), not entities of the graph, so no relation counts them.
_LISTED_NAMES_COUNT = re.compile(r"\bhow\s+many\s+(?:different\s+|distinct\s+|separate\s+)?(?P<noun>languages)\b", re.I)


def listing_question(question: str) -> str | None:
    """The question that lists the names a count asks for ("... which languages ..."), or None."""
    m = _LISTED_NAMES_COUNT.search(question)
    return None if m is None else question[:m.start()] + "which " + m.group("noun") + question[m.end():]


def asks_count(question: str) -> bool:
    """Does a clause after the named set ask how many of them there are?"""
    return bool(_CLAUSE_COUNT.search(question))


def as_count(answers: list[dict]) -> dict:
    """One Number answer counting the distinct entity answers, with their labels and evidence."""
    seen: dict[str, dict] = {}
    for x in answers:
        seen.setdefault(x.get("iri") or x["label"], x)
    rows = list(seen.values())
    evidence: list[dict] = []
    for e in (e for x in rows for e in x.get("evidence", [])[:1]):  # each row's first, one per passage
        if len(evidence) < 3 and all(e.get("passage_id", id(e)) != d.get("passage_id", id(d)) for d in evidence):
            evidence.append(e)
    return {"label": str(len(rows)), "iri": None, "type": "Number", "value": float(len(rows)), "score": 1.0,
            "evidence": evidence, "counted": [x["label"] for x in rows],
            "counted_iris": [x["iri"] for x in rows if x.get("iri")],
            "path": [f"count of the {len(rows)} answers: {', '.join(x['label'] for x in rows)}"]}


def needs_count(answer_type: str, strategy: str, answers: list[dict], question: str = "") -> bool:
    """A Number asked (by the type, or by a closing "..., how many ...") and the graph answered
    with entities (none of them a number)."""
    return (answer_type == "Number" or asks_count(question)) and strategy.startswith("graph") and bool(answers) \
        and all(x.get("type") not in ("Number", "Year") and x.get("iri") for x in answers)
