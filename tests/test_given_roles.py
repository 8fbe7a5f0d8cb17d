"""A clause naming a named initiative's role holder ("..., which the ILO leads", "led by the ILO")
describes the initiative; the question asks something else (app.qa.form.given_roles)."""
from __future__ import annotations

import pytest

from app.qa.form.given_roles import without
from app.qa.question import Link




def _links(question: str, spans: dict[str, str]) -> list[Link]:
    out = []
    for surface, eid in spans.items():
        i = question.index(surface)
        out.append(Link(i, i + len(surface), surface, [eid]))
    return out


@pytest.mark.parametrize("question,expected", [
    ("Which agencies are part of the Atlantis Facility, which the ILO leads?", "Which agencies are part of the Atlantis Facility?"),
    ("which agencies are part of the Atlantis Facility led by the ILO?", "which agencies are part of the Atlantis Facility?"),
    ("Which agencies (besides the chair) are in the Atlantis Facility (led by the ILO)?",
     "Which agencies (besides the chair) are in the Atlantis Facility?"),
])
def test_a_named_role_holder_of_a_named_initiative_is_set_aside(question, expected):
    links = _links(question, {"Atlantis Facility": "Initiative:af", "ILO": "Organization:ilo"})
    assert without(question, links) == expected


@pytest.mark.parametrize("question", [
    "Which working groups led by the ILO are part of the Atlantis Facility?",  # the role asks by it
    "Who leads the Atlantis Facility?",  # the role is what is asked
    "The Atlantis Facility led by the ILO.",  # nothing asked
])
def test_other_clauses_stay(question):
    links = _links(question, {"Atlantis Facility": "Initiative:af", **({"ILO": "Organization:ilo"} if "ILO" in question else {})})
    assert without(question, links) is None


def test_engine_answers_the_members_not_the_named_lead(engine):
    tsf = next((e["id"] for e in engine.k.of_type("Initiative")
                if engine.k.facts_where(predicate="constituentOf", obj=e["id"])
                and engine.k.facts_where(predicate="chairOf", obj=e["id"])), None)
    if tsf is None:
        pytest.skip("no initiative with a lead and constituent agencies in this build")
    lead = engine.k.facts_where(predicate="chairOf", obj=tsf)[0]["subject"]
    name, lead_name = engine.k.label(tsf), engine.k.label(lead)
    res = engine.ask(f"Which agencies are part of the {name}, which the {lead_name} leads?")
    got = {engine.k.entity_by_iri(a["iri"])["id"] for a in res["answers"] if a.get("iri")}
    constituents = {f["subject"] for f in engine.k.facts_where(predicate="constituentOf", obj=tsf)}
    assert constituents <= got, got


# -- the progressive a second-language writer uses, and "which other" (round 28) -------------------

@pytest.mark.parametrize("question,expected", [
    ("Which agencies are part of the Atlantis Facility, which the ILO is leading?",
     "Which agencies are part of the Atlantis Facility?"),
    ("There is an Atlantis Facility which the ILO has been chairing. Which agencies take part in it?",
     "There is an Atlantis Facility. Which agencies take part in it?"),
    ("Which other agencies are taking part in the Atlantis Facility, which the ILO is leading?",
     "Which agencies are taking part in the Atlantis Facility, apart from ILO?"),
])
def test_a_progressive_role_clause_is_set_aside_and_other_sets_its_holder_aside(question, expected):
    links = _links(question, {"Atlantis Facility": "Initiative:af", "ILO": "Organization:ilo"})
    assert without(question, links) == expected


def test_engine_which_other_leaves_out_the_lead_the_clause_named(engine):
    tsf = next((e["id"] for e in engine.k.of_type("Initiative")
                if engine.k.facts_where(predicate="constituentOf", obj=e["id"])
                and engine.k.facts_where(predicate="chairOf", obj=e["id"])), None)
    if tsf is None:
        pytest.skip("no initiative with a lead and constituent agencies in this build")
    lead = engine.k.facts_where(predicate="chairOf", obj=tsf)[0]["subject"]
    name, lead_name = engine.k.label(tsf), engine.k.label(lead)
    res = engine.ask(f"For the initiative there is a {name} which the {lead_name} is leading. "
                     f"Which other agencies are taking part in it?")
    got = {engine.k.entity_by_iri(a["iri"])["id"] for a in res["answers"] if a.get("iri")}
    constituents = {f["subject"] for f in engine.k.facts_where(predicate="constituentOf", obj=tsf)}
    assert got and lead not in got and (constituents - {lead}) <= got, got
