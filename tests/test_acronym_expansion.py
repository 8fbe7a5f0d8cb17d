"""What an acronym stands for (app.qa.things.acronym_expansion): "What does OPG stand for in
Malawi?" answered the full name with the acronym appended, "nigeria BHCPF full name" nothing.

The engine questions are built from the graph (things with an acronym), never typed in.
"""
from __future__ import annotations

import re

import pytest

from app.qa.question import Link
from app.qa.things.acronym_expansion import expanded


class _K:
    def __init__(self):
        self.e = {"Scheme:x": {"label": "Herders' Winter Grant", "acronym": "HWG"},
                  "Organization:y": {"label": "Steppe Pension Trust", "acronym": "SPT"}}

    def entity(self, eid):
        return self.e.get(eid)


def _links(q: str, names: dict[str, str]) -> list[Link]:
    out = []
    for name, eid in names.items():
        i = q.lower().find(name.lower())
        if i >= 0:
            out.append(Link(i, i + len(name), q[i:i + len(name)], [eid]))
    return out


@pytest.mark.parametrize("q, want", [
    ("What does HWG stand for?", "Scheme:x"),
    ("hwg full name", "Scheme:x"),
    ("SPT full form", "Organization:y"),
    ("What is the HWG?", None),                          # what it is: the definition step's question
    ("Who runs the HWG?", None),
    ("What does the Herders' Winter Grant stand for?", None),  # named in full: nothing to spell out
    ("What do HWG and SPT stand for?", None),            # two: not one answer
    ("what is the full name of the HWG?", "Scheme:x"),
    ("What is the full title of the SPT report?", None),  # a title asked, not the acronym
    ("Which countries are in the expanded SPT phase?", None),
    ("I'm writing a short for HWG readers: who runs it?", None),
])
def test_the_acronym_asked_for_is_the_thing_named_by_it(q, want):
    assert expanded(q, _links(q, {"HWG": "Scheme:x", "SPT": "Organization:y",
                                   "Herders' Winter Grant": "Scheme:x"}), _K()) == want


def _with_acronyms(k):
    """Schemes and organisations whose acronym names only them, with a full label of 3+ words."""
    seen: dict[str, list[str]] = {}
    for e in k.entities.values():
        if e["type"] in ("Scheme", "Organization") and e.get("acronym") and re.fullmatch(r"[A-Z]{3,6}", e["acronym"]):
            seen.setdefault(e["acronym"], []).append(e["id"])
    return sorted((a, ids[0]) for a, ids in seen.items() if len(ids) == 1 and len(k.label(ids[0]).split()) >= 3)


def test_the_full_name_is_answered_without_the_acronym(engine):
    cases = _with_acronyms(engine.k)[:6]
    assert cases
    for acr, eid in cases:
        for q in (f"What does {acr} stand for?", f"{acr} full name"):
            got = engine.ask(q)
            assert [x["label"] for x in got["answers"]] == [engine.k.label(eid)], (q, got["answers"])
