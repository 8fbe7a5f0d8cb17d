"""A sentence narrows a graph answer only when it is about what the question names
(app/qa/engine.py, the narrowing step).

"What is the Global Flagship Programme's strategy guided by in terms of ILO standards?" reads the
programme's guidedBy statements in the graph (a recommendation and a convention).  The text step
found a sentence about another country's national strategy "in line with international social
security standards, including Convention No. 102" and narrowed the answer to the convention: that
sentence never names the programme, so it says nothing of the programme's standards.
"""
from __future__ import annotations


def test_a_sentence_about_something_else_does_not_narrow_the_graph_answer(engine):
    programme = next(l for l in engine.lexicon.link("the Global Flagship Programme") if l.type == "Initiative")
    subject = programme.ids[0]
    held = {engine.k.label(f["object"]) for f in engine.k.facts_where(subject=subject, predicate="guidedBy")}
    assert len(held) >= 2, "the graph holds several standards the programme is guided by"
    got = engine.ask("What is the Global Flagship Programme's strategy guided by in terms of ILO standards?")
    assert {a["label"] for a in got["answers"]} == held
    assert got["strategy"] == "graph"
