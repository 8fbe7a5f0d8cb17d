"""The body asked by its noun, however the rest of the question reads.  "Which banks are also
helping Tajikistan put its social protection system online, alongside the ILO?" was typed a
scheme question (the later "system"), "for the Cabo Verde, who is paying?" asked no funding (the
progressive "who is paying" with no object).  Expected answers are computed from the graph."""
from __future__ import annotations

import pytest


def test_banks_asked_are_organisations(engine):
    k = engine.k
    got = engine.ask("Which banks are also helping Tajikistan put its social protection system online, alongside the ILO?")
    assert got["answer_type"] == "Organization"
    labels = {a["label"] for a in got["answers"]}
    assert labels and all(a.get("iri") and k.entity_by_iri(a["iri"]) for a in got["answers"])  # the graph's bodies
    assert all("bank" in lab.lower() for lab in labels)


def test_a_name_with_bank_in_it_still_names_its_noun(engine):
    got = engine.ask("Which World Bank report is cited?")
    assert got["answer_type"] == "Publication"


@pytest.mark.parametrize("question", ["for the Cabo Verde, who is paying?", "In Cabo Verde who was paying?"])
def test_who_is_paying_asks_the_funders(engine, question):
    funders = {(engine.k.entity(f["object"]) or {}).get("label")
               for f in engine.k.facts_where(subject="Country:CPV", predicate="fundedBy")}
    assert funders
    assert {a["label"] for a in engine.ask(question)["answers"]} == funders
