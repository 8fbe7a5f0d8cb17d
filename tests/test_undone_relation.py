"""A question about the end of a relation ("which countries left the Global Accelerator", "who
denounced C102") abstains instead of listing the relation's subjects; the verbs come from the
registry's ``undone_by`` declarations (graph/relations.py, app/qa/relation/undone.py), and a
"leaving X aside" or "parental leave" is no departure."""
from __future__ import annotations

import pytest

from app.qa.relation.undone import undone
from graph.relations import REGISTRY, Relation


class _Link:
    def __init__(self, start, end, ids):
        self.start, self.end, self.ids = start, end, ids

    @property
    def type(self):
        return self.ids[0].split(":", 1)[0]


def _at(question: str, name: str, eid: str):
    i = question.index(name)
    return [_Link(i, i + len(name), [eid])]


def test_a_sub_relation_inherits_its_parents_undoing_verbs():
    assert "left" in REGISTRY.undoing_verbs("pathfinderOf")
    assert "denounced" in REGISTRY.undoing_verbs("ratified")


@pytest.mark.parametrize("question, name, eid, want", [
    ("Which countries left the Accelerator in 2024?", "Accelerator", "Initiative:ga", "memberOf"),
    ("who has withdrawn from the Accelerator", "Accelerator", "Initiative:ga", "memberOf"),
    ("Which states denounced Convention No. 102?", "Convention No. 102", "LegalInstrument:c102", "ratified"),
    ("Which countries joined the Accelerator, leaving aside Cambodia?", "Accelerator", "Initiative:ga", None),
    ("Leaving the Accelerator out of it, who funds Kenya?", "Accelerator", "Initiative:ga", None),
    ("Which countries are left in the Accelerator?", "Accelerator", "Initiative:ga", None),
    ("Leaving the Accelerator and the money behind it aside, who funds Kenya?", "Accelerator", "Initiative:ga", None),
    ("Which company worked on parental leave with the Accelerator?", "Accelerator", "Initiative:ga", None),
    ("Which countries left Kenya?", "Kenya", "Country:KEN", None),  # no relation's range
])
def test_undoing_verbs_said_of_a_linked_end(question, name, eid, want):
    got = undone(question, _at(question, name, eid))
    assert (got.relation if got else None) == want


def test_a_declared_verb_is_read_with_no_other_edit():
    REGISTRY.register(Relation("toySponsorOf", ("Country",), ("Initiative",), "sponsor of", "sponsored by",
                               "A toy relation for this test.", undone_by=("stopped sponsoring",)))
    try:
        q = "Which countries stopped sponsoring the Accelerator?"
        got = undone(q, _at(q, "Accelerator", "Initiative:ga"))
        assert got is not None and got.relation == "toySponsorOf"
    finally:
        REGISTRY.unregister("toySponsorOf")


def test_the_engine_abstains_on_who_left(engine):
    members = {f["subject"] for f in engine.k.facts_where(predicate="memberOf") if "accelerator" in f["object"].lower()}
    assert members  # the graph does hold the members the old answer listed
    got = engine.ask("Which countries left the Global Accelerator in 2024?")
    assert got["answers"] == [] and "left" in got["message"] and got["passages"]
    kept = engine.ask("Which countries joined the Global Accelerator, leaving aside Cambodia?")
    assert kept["answers"] and "Cambodia" not in {a["label"] for a in kept["answers"]}
