""""Through which initiative does the ILO give technical assistance to Khyber Pakhtunkhwa's ...?"
answered every initiative the ILO belongs to (the author was the only name linked, and no role
worded reads as membership in general).  An initiative asked as the means of one piece of the
author's work is the sentence's, not the author's memberships."""
from __future__ import annotations


def test_the_means_is_read_from_the_sentence(engine):
    k = engine.k
    memberships = {a["label"] for a in engine.ask("Which initiatives is the ILO involved in?")["answers"]}
    assert len(memberships) > 2, "the author's memberships are many"
    got = engine.ask("Through which initiative does the ILO give technical assistance to Khyber Pakhtunkhwa's "
                     "social protection registry work?")
    labels = [a["label"] for a in got["answers"]]
    assert len(labels) == 1 and labels[0] not in memberships
    assert any("Khyber Pakhtunkhwa" in e["text"] or labels[0] in e["text"] for e in got["answers"][0]["evidence"])


def test_a_named_party_keeps_the_graph_reading(engine):
    got = engine.ask("Through which initiative does the ILO support Pakistan's registry?")
    assert got["strategy"].startswith("graph") and got["answers"]
