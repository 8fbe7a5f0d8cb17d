"""A network named as a partner beside organisations ("in collaboration with UNICEF and the CONNECT
network"): the graph holds networks as initiatives, so a partners question answered from that
sentence kept the organisation and dropped the network (app.qa.question.is_network, used by the
text step and the engine's answer-type filter).  Real engine over the real build; the sentence and
the network are read from the graph."""
from __future__ import annotations

from app.qa.question import is_network


def test_is_network_by_head_noun():
    assert is_network("Initiative", "Lighthouse Keepers Network")
    assert not is_network("Initiative", "Network Readiness Programme")
    assert not is_network("Organization", "Lighthouse Keepers Network")


def test_a_network_named_beside_an_organisation_is_a_partner(engine):
    """An initiative whose name ends in "Network" and an organisation named in one sentence "in
    collaboration with" both: asked who the ILO partnered with on that sentence's event, both answer."""
    nets = [e for e in engine.k.of_type("Initiative") if is_network("Initiative", e["label"])]
    assert nets
    checked = 0
    for net in nets:
        for pid in engine.k.passages_mentioning(net["id"]):
            text = engine.k.passage(pid).text
            for sent in text.split(". "):
                low = sent.lower()
                if "in collaboration with" not in low or "webinar series" not in low:
                    continue
                ms = [m for m in engine.k.mentions_in(pid) if m["type"] == "Organization"
                      and text.find(sent) <= m["start"] < text.find(sent) + len(sent)]
                if not ms:
                    continue
                got = engine.ask("Who did the ILO partner with for the webinar series on social health protection "
                                 "for persons with disabilities in Asia?")
                labels = {a["label"] for a in got["answers"]}
                assert net["label"] in labels, (labels, got["path"])
                checked += 1
                break
    assert checked


def test_the_network_the_question_names_is_not_its_own_partner(engine):
    """Asked who led a named network's session, that network is the subject, not an answer."""
    nets = [e for e in engine.k.of_type("Initiative") if is_network("Initiative", e["label"])]
    for net in nets:
        chairs = engine.k.facts_where(obj=net["id"], predicate="chairOf")
        if not chairs:
            continue
        got = engine.ask(f"Who led the {net['label']}'s session at the symposium?")
        assert net["label"] not in {a["label"] for a in got["answers"]}, got["path"]
        return
    raise AssertionError("no network with a chair in the build")
