"""A count of a group the report lists by name but never counts: "From how many Indian states did
representatives take part in the exercise at ITC-ILO in Turin?".

The report writes "representatives from the States of Assam, Jharkhand, Telangana, Karnataka,
Rajasthan and Kerala", no figure.  Asked with "which", the span step reads the six names (a group
the question's plural noun heads, :mod:`app.qa.topics.spans`); asked with "how many", nothing
answered.  :func:`as_which` turns the count into that list question; the engine reads the group
as it would for "which", and :func:`answer` counts it, the names kept as the counted rows.  Only
when nothing else answered the count (a figure the report writes wins).

Ordinary English only: "how many" and the group the span step reads.
"""
from __future__ import annotations

import re

_HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)


def as_which(question: str) -> str | None:
    """The list question a count asks of ("how many Indian states ..." -> "which Indian states ..."),
    or None when the question asks no "how many"."""
    m = _HOW_MANY.search(question)
    if m is None:
        return None
    word = "Which" if question[:m.start()].strip() == "" else "which"
    return question[:m.start()] + word + question[m.end():]


def answer(out: dict, found: list, units, evidence) -> None:
    """The count of the names read, with each name and its sentence as the rows counted."""
    labels = list(dict.fromkeys(c.label for c in found))
    first = found[0]
    sentence = units.units[first.unit_id].text
    ev = [evidence(first.passage_id, [c.label for c in found], spans=[(c.start, c.end) for c in found
                                                                     if c.passage_id == first.passage_id])]
    why = f"counted: the {len(labels)} names the sentence lists ({', '.join(labels)}): {sentence}"
    out["answers"] = [{"label": str(len(labels)), "iri": None, "type": "Number", "value": float(len(labels)),
                       "score": 1.0, "evidence": ev, "counted": labels, "path": [why]}]
    out["answer_type"], out["strategy"], out["sparql"] = "Number", "text-span", ""
    out["path"] = [why]
