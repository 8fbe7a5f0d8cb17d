""""How many of <a set> are <something>?" is the size of "Which of <the set> are <something>?".

"How many of the countries funded by the EU are in the Arab States?", "How many of the countries
that the ILO is helping to assess ... are also priority countries?", "..., in how many of them do
the Dutch appear as a source of financing?": a count of a pick from a set.  The count reading
matched the bank by meaning alone and counted the first set whole (every EU-funded country, every
country assessed), dropping the condition the pick adds.  The same question asked as a pick ("Which
of the countries funded by the EU are in the Arab States?") is read by the list machinery that
composes both conditions (:mod:`app.qa.multihop.set_by_description`, the graph's own filters); its
answer's size is the count, with its entities as the rows behind the figure.

Only then: the pick must answer entities, and fewer than the count reading counted (a pick from a
set is never larger than the set); a count the report states, or a count reading already as
narrow, stands.  English frames only ("how many of the / those / these / them", "in how many of").
"""
from __future__ import annotations

import re

from app.qa.figures.counted_list import as_count

_SET_NOUN = (r"(?:countries|nations|member\s+states|territories|governments|organi[sz]ations|donors|funders|"
             r"partners|agencies|institutions|initiatives|schemes|programmes|programs|projects)")
# "how many of the countries ...", "in how many of them ...", "how many of those nine ..."
_PICK = re.compile(r"\b(?P<prep>(?:in|for|with)\s+)?how\s+many\s+of\s+(?P<set>(?:the|those|these)\s+(?:[\w'’-]+\s+){0,3}?"
                   + _SET_NOUN + r"\b|them\b)", re.I)
_ENTITY_TYPES = {"Country", "Organization", "Initiative", "Scheme", "Convention", "Publication"}


def pick_form(question: str) -> str | None:
    """The question asked as a pick ("How many of the countries X are Y?" -> "Which of the
    countries X are Y?"), or None when it does not count a pick from a set."""
    q = " ".join((question or "").split())
    m = _PICK.search(q)
    if m is None:
        return None
    rest = q[m.end():]
    if re.match(r"\s*(?:are|were|is)\s+there\b", rest, re.I):
        return None  # "how many of the countries are there": the set's own size
    if not re.search(r"\b(?:are|were|is|was|have|has|had|do|does|did|also|appear|receive|received|get|got|show)\b", rest, re.I):
        return None  # nothing said of the set beyond naming it: the set's own size
    head = q[:m.start()]
    said = f"{m['prep'] or ''}which of {m['set']}"
    if not head:
        said = said[:1].upper() + said[1:]
    return head + said + rest


def counted_value(out: dict) -> float | None:
    """The number a count reading answered, or None."""
    answers = out.get("answers") or []
    if len(answers) == 1 and answers[0].get("type") == "Number":
        try:
            return float(answers[0].get("value"))
        except (TypeError, ValueError):
            return None
    return None


def narrower(out: dict, picked: dict, asked: str) -> bool:
    """Replace ``out`` (the count reading) by the size of ``picked`` (the pick reading) when the
    pick answers entities and fewer than ``out`` counted (or ``out`` counted nothing); True when it
    did."""
    items = [a for a in picked.get("answers") or [] if a.get("type") in _ENTITY_TYPES and a.get("iri")]
    if not items or len(items) != len(picked.get("answers") or []):
        return False
    value = counted_value(out)
    if out.get("answers") and (value is None or value <= len({a["iri"] for a in items})):
        return False
    counted = as_count(items)
    counted["path"] = [f"count of the answers to “{asked}”"]
    out["answers"] = [counted]
    out["answer_type"] = "Number"
    out["strategy"] = picked.get("strategy") or out.get("strategy")
    out["sparql"] = picked.get("sparql") or out.get("sparql", "")
    out["path"] = counted["path"] + list(picked.get("path") or [])
    out.pop("message", None)
    return True
