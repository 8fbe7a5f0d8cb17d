"""Partners and funders asked by kind: a relation's kind (an allocation is funding), the kind of body
at the relation's other end ("countries funded by private companies", "their own social security
institute"), the report's author as context, and partnership said in other words ("teamed up").

Expected answers come from the knowledge base's facts, never from the report's names.
"""
from __future__ import annotations

import pytest

from app.qa.graphstep import Constraint
from app.qa.question import PARTNER
from app.qa.relation import sub_relations
from app.qa.relation.role_kinds import asked_role, named_role
from tests.support.engine import answer_ids


# -- a relation's kinds (graph.relations: ``parent``) ---------------------------------------------
class _Facts:
    def __init__(self, facts):
        self.facts = facts

    def facts_where(self, subject=None, predicate=None, obj=None):
        return [f for f in self.facts if (subject is None or f["subject"] == subject)
                and (predicate is None or f["predicate"] == predicate) and (obj is None or f["object"] == obj)]


def _funders_of(eid: str) -> Constraint:
    return Constraint(f"{{ <x:{eid}> fg:fundedBy ?answer }} VALUES ?p {{ fg:fundedBy }}", f"funders of {eid}",
                      [(eid, "fundedBy", "?")])


def test_the_kinds_of_funding_are_declared_in_the_registry():
    assert "receivedAllocationFrom" in sub_relations.kinds_of("fundedBy")
    assert sub_relations.kinds_of("receivedAllocationFrom") == []


def test_a_named_end_silent_on_the_parent_is_asked_its_kinds_too_outside_values_lists():
    kb = _Facts([{"subject": "Country:AAA", "predicate": "receivedAllocationFrom", "object": "Organization:f"},
                 {"subject": "Country:BBB", "predicate": "fundedBy", "object": "Organization:g"}])
    silent, held = sub_relations.widen([_funders_of("Country:AAA"), _funders_of("Country:BBB")], kb)
    assert "fg:fundedBy|fg:receivedAllocationFrom ?answer" in silent.pattern
    assert "VALUES ?p { fg:fundedBy }" in silent.pattern  # a path is no term of a VALUES list
    assert ("Country:AAA", "receivedAllocationFrom", "?") in silent.evidence
    assert held.pattern == _funders_of("Country:BBB").pattern  # the parent speaks: unchanged


def test_engine_reads_an_allocation_as_its_own_kind_of_funding(engine):
    fund = next(f["object"] for f in engine.k.facts_where(predicate="receivedAllocationFrom"))
    allocated = {f["subject"] for f in engine.k.facts_where(predicate="receivedAllocationFrom", obj=fund)}
    lines = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=fund) if f["subject"].startswith("Country:")}
    assert allocated != lines
    short = engine.k.entity(fund).get("acronym") or engine.k.label(fund)
    for q in (f"Which countries had {short} money allocated to new activities?",
              f"Where did the {short} allocations go?",
              f"{short} allocation countries"):
        assert answer_ids(engine, engine.ask(q)) == allocated, q
    assert answer_ids(engine, engine.ask(f"Which countries does the {short} fund?")) == lines


def test_engine_answers_the_funder_of_a_country_known_only_by_an_allocation(engine):
    only = [f for f in engine.k.facts_where(predicate="receivedAllocationFrom")
            if not engine.k.facts_where(subject=f["subject"], predicate="fundedBy")]
    if not only:
        pytest.skip("every allocated country has a financing line")
    country, fund = only[0]["subject"], only[0]["object"]
    name = engine.k.label(country)
    for q in (f"Who funds the ILO's work in {name}?", f"{name.lower()} funding source"):
        assert fund in answer_ids(engine, engine.ask(q)), q


# -- the kind of body at the other end ------------------------------------------------------------
@pytest.mark.parametrize("question, role", [
    ("Which countries co-finance the ILO's work through their own social security institute?", "national_institution"),
    ("In which countries is the work paid for by that country's own institution, fund or ministry?", "national_institution"),
    ("Which countries are funded by private companies?", "private_company"),
    ("countries with un agency partners", "un_agency"),
    ("In which countries did the ILO work with development banks?", "ifi"),
])
def test_the_kind_of_the_other_end_is_read(question, role):
    assert named_role(question) == role


@pytest.mark.parametrize("question", [
    "Apart from private companies, who funds Kenya?",
    "Which countries does Japan fund?",
    "Which UN agencies and development banks worked in Jordan?",
])
def test_no_kind_when_set_aside_absent_or_several(question):
    assert named_role(question) is None


@pytest.mark.parametrize("question, role", [
    ("Which Italian energy company does the ILO partner with in Kenya?", "private_company"),
    ("Which UN refugee agency worked with the ILO in Ethiopia?", "un_agency"),
    ("tajikistan development banks digitalisation", "ifi"),
])
def test_an_asked_kind_with_modifiers_or_as_a_keyword_head(question, role):
    assert asked_role(question) == role


def _countries_by_role(engine, relation: str, role: str) -> set[str]:
    out = set()
    for f in engine.k.facts_where(predicate=relation):
        for end, other in ((f["subject"], f["object"]), (f["object"], f["subject"])):
            if end.startswith("Country:") and (engine.k.entity(other) or {}).get("role") == role:
                out.add(end)
    return out


def test_engine_answers_countries_by_the_kind_of_their_funder(engine):
    own = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")
           and (engine.k.entity(f["object"]) or {}).get("role") == "national_institution"}
    assert own
    for q in ("Which countries co-finance the ILO's work themselves through a national institution?",
              "In which countries is the ILO's work paid for by the country's own social security institution?",
              "Which countries have their own social security institute funding the ILO?"):
        assert answer_ids(engine, engine.ask(q)) == own, q
    companies = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")
                 and (engine.k.entity(f["object"]) or {}).get("role") == "private_company"}
    for q in ("Which countries are funded by private companies?", "Which countries does a company help pay for?"):
        assert answer_ids(engine, engine.ask(q)) == companies, q


def test_engine_reads_the_partners_kind_beside_a_country_in_a_keyword_query(engine):
    country = next(c for c in sorted(_countries_by_role(engine, "partneredWith", "ifi")))
    partners = {f["object"] for f in engine.k.facts_where(subject=country, predicate="partneredWith")
                if (engine.k.entity(f["object"]) or {}).get("role") == "ifi"}
    name = engine.k.label(country).lower()
    for q in (f"{name} development banks", f"{name} development banks digitalisation"):
        assert answer_ids(engine, engine.ask(q)) == partners, q


# -- the author and the words of partnership -------------------------------------------------------
@pytest.mark.parametrize("question", [
    "Who did the ILO team up with in Suriname?", "Who are the ILO's allies in Iraq?",
    "Which organisations did the ILO join forces with in Uzbekistan?", "Who did the ILO co-operate with in Nigeria?",
    "Who worked side by side with the ILO in Tajikistan?", "Who did the ILO work closely with in Kenya?",
])
def test_other_words_for_working_together_are_partnership(question):
    assert PARTNER.search(question)


def test_engine_answers_partners_in_other_words_from_the_graph_never_the_author(engine):
    partnered = sorted({f["subject"] for f in engine.k.facts_where(predicate="partneredWith")
                        if f["subject"].startswith("Country:") and f["object"].startswith("Organization:")})
    assert partnered
    for country in partnered[:4]:
        held = {f["object"] for p in ("partneredWith", "supportedBy") for f in engine.k.facts_where(subject=country, predicate=p)}
        name = engine.k.label(country)
        for q in (f"Who did the ILO team up with in {name}?", f"Which organisations did the ILO join forces with in {name}?"):
            got = answer_ids(engine, engine.ask(q))
            assert got and got <= held, q
            assert "Organization:ilo" not in got, q


def _partner_facts(engine, country: str, org: str) -> list[dict]:
    return [f for f in engine.k.facts_where(subject=country, predicate="partneredWith") if f["object"] == org]


def test_engine_reads_with_both_x_and_y_as_one_piece_of_work(engine):
    orgs = sorted({f["object"] for f in engine.k.facts_where(predicate="partneredWith")
                   if f["subject"].startswith("Country:") and f["object"].startswith("Organization:")})
    for x in orgs:
        for y in orgs:
            if x >= y:
                continue
            countries = {f["subject"] for f in engine.k.facts_where(predicate="partneredWith", obj=x)} & \
                        {f["subject"] for f in engine.k.facts_where(predicate="partneredWith", obj=y)}
            joint = {c for c in countries if {(f.get("attrs") or {}).get("sentence") for f in _partner_facts(engine, c, x)}
                     & {(f.get("attrs") or {}).get("sentence") for f in _partner_facts(engine, c, y)}}
            if joint and joint < countries:
                nx, ny = (engine.k.entity(i).get("acronym") or engine.k.label(i) for i in (x, y))
                for q in (f"In which countries did the ILO work with both {nx} and {ny}?",
                          f"Where did the ILO team up jointly with {nx} and {ny}?"):
                    assert answer_ids(engine, engine.ask(q)) == joint, q
                return
    pytest.skip("no two partners whose countries differ jointly and separately")


def test_engine_asks_the_funders_of_a_named_scheme_not_its_country(engine):
    scheme = next((f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Scheme:")), None)
    if scheme is None:
        pytest.skip("no funded scheme")
    funders = {f["object"] for f in engine.k.facts_where(subject=scheme, predicate="fundedBy")}
    home = next(f["object"] for f in engine.k.facts_where(subject=scheme, predicate="schemeInCountry"))
    name, country = engine.k.label(scheme), engine.k.label(home)
    for q in (f"Who funds the {name} in {country}?", f"Which companies contribute to the {name}?"):
        got = answer_ids(engine, engine.ask(q))
        assert got and got <= funders, q


@pytest.mark.parametrize("question", [
    "Who puts up the money for the ILO's work in Malawi?", "Who foots the bill for the ILO in Kenya?",
    "Which brands are paying into the pilot?",
])
def test_other_ways_to_say_who_pays_are_funding(question):
    from app.qa.question import FUND
    assert FUND.search(question)


def test_contributing_to_a_piece_of_work_is_no_funding():
    from app.qa.question import FUND
    assert not FUND.search("Which development partners are contributing to the digitalisation of the system?")
    assert FUND.search("Which governments contribute to the RBSA?")


def test_engine_sets_aside_the_country_other_answers_are_likened_to(engine):
    funder = next(f["object"] for f in engine.k.facts_where(predicate="fundedBy")
                  if f["object"].startswith("Organization:gov-")
                  and len([g for g in engine.k.facts_where(predicate="fundedBy", obj=f["object"])
                           if g["subject"].startswith("Country:")]) >= 2)
    funded = sorted(g["subject"] for g in engine.k.facts_where(predicate="fundedBy", obj=funder) if g["subject"].startswith("Country:"))
    country = engine.k.label(funded[0])
    gov = engine.k.label(funder)
    got = answer_ids(engine, engine.ask(f"Which other countries are, like {country}, funded by {gov}?"))
    assert got == set(funded[1:])
