"""A working group whose own block names it only in its heading ("USP2030 Working Group on Climate
Action" above "Co-chaired by ILO, FAO ... the working group's efforts ...") is still recorded as part
of its initiative, cited by a passage of that block that names the whole: every initiative the
extractor knows to be part of another has its ``partOf`` fact.
"""
from __future__ import annotations

ONLY = ("instruments", "initiatives")


def test_every_recorded_part_has_its_part_of_fact(kb, doc):
    parts = [e for e in kb.of_type("Initiative") if e.attrs.get("part_of") in kb.entities]
    assert parts
    missing = [e.label for e in parts if not kb.facts_where(subject=e.id, predicate="partOf", obj=e.attrs["part_of"])]
    assert missing == []


def test_a_part_of_fact_is_cited_by_a_passage_that_names_the_part_or_the_whole(kb, doc):
    """Every fact stays grounded in its passage's text (a part named only by its block's heading is
    cited by a passage of that block naming the whole)."""
    by_id = {p.id: p for p in doc.passages}
    facts = kb.facts_where(predicate="partOf")
    assert facts
    for f in facts:
        names = [n.lower() for eid in (f.subject, f.object) for e in [kb.entities[eid]]
                 for n in [e.label, *e.alt_labels, e.acronym or ""] if len(n) >= 3]
        cited = [by_id[pid] for pid in f.passages if pid in by_id]
        assert any(n in p.text.lower() for p in cited for n in names), f.subject
