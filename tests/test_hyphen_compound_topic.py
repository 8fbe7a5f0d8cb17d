"""A hyphenated compound in the evidence ("shock-responsive", "gender-responsive") holds each of
its words: the question's terms split it, so a sentence that writes the compound says the topic and
may narrow a graph answer (a keyword query "unicef shock-responsive social protection country" got
every country the ILO works with UNICEF in)."""
from __future__ import annotations

import pytest

from app.qa.multihop.chains import says_topic, topic_coverage


# -- hyphenated compounds ---------------------------------------------------------------------
def test_a_hyphenated_compound_says_each_of_its_words():
    said = "The agency works to make the mechanisms shock-responsive at all levels."
    assert topic_coverage(["shock", "responsive"], said) == 1.0
    assert says_topic(["shock", "responsive"], said)
    assert topic_coverage(["gender", "design"], "promoting gender-responsive design") == 1.0
    assert topic_coverage(["shock"], "a responsive design") == 0.0  # no compound, no word


@pytest.mark.parametrize("question", [
    "unicef shock-responsive social protection country",
    "In which country is the ILO working with UNICEF to make social protection shock-responsive?",
])
def test_a_partner_topic_in_a_compound_narrows_the_partner_countries(engine, question):
    unicef = next(e["id"] for e in engine.k.of_type("Organization") if "UNICEF" in engine.k.names(e["id"]))
    partnered = {f["subject"] for f in engine.k.facts_where(predicate="partneredWith", obj=unicef)} | \
        {f["subject"] for f in engine.k.facts_where(predicate="supportedBy", obj=unicef)}
    out = engine.ask(question)
    got = {(engine.k.entity_by_iri(x["iri"]) or {}).get("id") for x in out["answers"]}
    assert got and got < partnered  # narrowed, not every partner country
    cited = " ".join(ev.get("text", "") for x in out["answers"] for ev in x.get("evidence", []))
    assert "shock-responsive" in cited.lower()
