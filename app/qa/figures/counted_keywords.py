"""A keyword query closing on a count word counts what the same query lists.

"japan countries count", "kuwait countries count", "gates foundation countries count": the query
without its count word ("japan countries") is a list the engine answers (the relation the graph
holds for the name, app.qa.relation.grounded_direction), but the count reading matched the bank by meaning
alone ("how many of [country]", "how many countries are supported by [organisation]") and found
nothing, or counted nothing (0).  When the count reading found nothing and the list reading finds
things, the answer is how many it found, with those things as the rows behind the figure.

Only then: a count the report states ("usp2030 members count": 53) or one the count reading does
find stands, and a list reading that is empty leaves an empty or zero count as it was (a negative).
"""
from __future__ import annotations

import re

from app.qa.figures.counted_list import as_count

# "... count", "... number", "... total", "... tally", "... how many" closing a query that asks
# nothing else ("how many ... count" or "which ... number" are questions, not keyword counts).
_CLOSING = re.compile(r"^(?P<rest>.*\S)\s*[,:-]?\s+(?:count|tally|number|total|how\s+many)\s*\??\s*$", re.I)
_QUESTION_WORD = re.compile(r"\b(?:who|whom|whose|which|what|where|when|how|why|number|count)\b", re.I)
_ENTITY_TYPES = {"Country", "Organization", "Initiative", "Scheme", "Convention", "Publication", "Region"}


def list_part(question: str) -> str | None:
    """The query without its closing count word, when it is a keyword query ("kuwait countries
    count" -> "kuwait countries"); None otherwise."""
    m = _CLOSING.match(question.strip())
    if not m or _QUESTION_WORD.search(m.group("rest")):
        return None
    return m.group("rest").rstrip(",:;- ") or None


def found_nothing(out: dict) -> bool:
    """Did a count reading answer nothing, or a zero?"""
    answers = out.get("answers") or []
    if not answers:
        return True
    return len(answers) == 1 and answers[0].get("type") == "Number" and answers[0].get("value") in (0, 0.0)


def count_of(listed: dict, rest: str) -> dict | None:
    """The count answer of a list reading's entity answers (None when it lists no entities)."""
    items = [a for a in listed.get("answers") or [] if a.get("type") in _ENTITY_TYPES and a.get("iri")]
    if not items:
        return None
    counted = as_count(items)  # one Number answer with the counted rows and their evidence
    counted["path"] = [f"count of the answers to “{rest}”"]
    return counted


def count_instead(out: dict, ask) -> bool:
    """Replace ``out``'s empty or zero keyword count by the count of its list reading (``ask`` answers
    a question); True when it did."""
    if out.get("answer_type") != "Number" or not found_nothing(out):
        return False
    rest = list_part(out.get("question") or "")
    if rest is None:
        return False
    listed = ask(rest)
    answer = count_of(listed, rest)
    if answer is None:
        return False
    out["answers"] = [answer]
    out["strategy"] = listed.get("strategy") or out.get("strategy")
    out["sparql"] = listed.get("sparql") or out.get("sparql", "")
    out["path"] = answer["path"] + list(listed.get("path") or [])
    out.pop("message", None)
    return True
