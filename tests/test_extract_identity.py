"""One entity per real thing: governments linked to their countries, agencies to governments,
national institutions to their countries; no unlinked duplicates; readable organisation kinds;
the Netherlands and Luxembourg pages show what their governments fund."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.namespace import RDFS

from graph.build import build_in_memory, write_artefacts
from graph.extract.identity import duplicate_entities
from graph.kb import KnowledgeBase
from graph.relations import REGISTRY, ontology_graph
from graph.vocab import ORG_ROLE_LABELS, ORG_ROLES, org_kind_label

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"


@pytest.fixture(scope="module")
def build():
    return build_in_memory([REPORT])


@pytest.fixture(scope="module")
def knowledge(build, tmp_path_factory):
    from app.knowledge import Knowledge

    d = tmp_path_factory.mktemp("identity-build")
    write_artefacts(build, d, with_stats=False)
    return Knowledge(d)


def test_no_unlinked_duplicates(build):
    assert duplicate_entities(build.kb) == []


def test_duplicates_are_counted_when_not_linked():
    kb = KnowledgeBase()
    kb.add_entity("Country", "NLD", "Netherlands", iso3="NLD", iso2="NL")
    kb.add_entity("Organization", "gov-NLD", "Netherlands", role="bilateral_donor", country="NLD",
                  passage="p1", iso3="NLD")
    kb.add_entity("Organization", "ilo", "International Labour Organization", acronym="ILO")
    kb.add_entity("Organization", "ilo-2", "ILO")
    pairs = {frozenset(p[:2]) for p in duplicate_entities(kb)}
    assert frozenset(("Country:NLD", "Organization:gov-NLD")) in pairs  # same name and ISO, not linked
    assert frozenset(("Organization:ilo", "Organization:ilo-2")) in pairs  # acronym = other's name
    kb.add_fact("Organization:gov-NLD", "governmentOf", "Country:NLD", ["p1"])
    pairs = {frozenset(p[:2]) for p in duplicate_entities(kb)}
    assert frozenset(("Country:NLD", "Organization:gov-NLD")) not in pairs


def test_a_countrys_national_strategy_is_not_another_countrys():
    kb = KnowledgeBase()
    kb.add_entity("LegalInstrument", "mwi-nsp", "National Social Protection Policy", country="MWI")
    kb.add_entity("LegalInstrument", "zmb-nsp", "National Social Protection Policy", country="ZMB")
    assert duplicate_entities(kb) == []


def test_governments_agencies_and_institutions_are_linked(build):
    kb = build.kb
    for iso in ("NLD", "LUX", "NOR", "DEU"):
        assert kb.facts.get((f"Organization:gov-{iso}", "governmentOf", f"Country:{iso}")), iso
    assert kb.facts.get(("Organization:expertise-france", "agencyOf", "Organization:gov-FRA"))
    assert kb.facts.get(("Organization:bmz", "agencyOf", "Organization:gov-DEU"))
    fiiapp = next(e for e in kb.of_type("Organization") if e.acronym == "FIIAPP" or e.label == "FIIAPP")
    assert kb.facts.get((fiiapp.id, "agencyOf", "Organization:gov-ESP"))
    ssc = next(f.subject for f in kb.facts_where(obj="Country:JOR", predicate="institutionOf")
               if kb.entities[f.subject].acronym == "SSC")
    assert kb.entities[ssc].role == "national_institution"
    # every governmentOf statement is evidenced by a passage that names the country
    for f in kb.facts_where(predicate="governmentOf"):
        assert f.passages


def test_registry_declares_government_as_the_same_thing():
    assert "governmentOf" in REGISTRY.same_thing()
    assert "fundedBy" not in REGISTRY.same_thing()


@pytest.mark.parametrize("iso,fund", [("NLD", None), ("LUX", "Multi-donor Programme")])
def test_country_pages_show_their_governments_funding(knowledge, iso, fund):
    card = knowledge.entity_card(f"Country:{iso}")
    funds = [r for r in card["relations"] if r["predicate"] == "fundedBy" and r["direction"] == "in"]
    assert funds, f"{iso} page shows no funding"
    assert all(r["via"]["id"] == f"Organization:gov-{iso}" for r in funds)
    assert all(r["evidence"] and r["evidence"][0]["text"] for r in funds)
    if fund:
        through = {f["fund"]["label"]: {x["label"] for x in f["recipients"]} for f in card["funds_through"]}
        hit = next(k for k in through if fund in k)
        assert len(through[hit]) >= 3  # Luxembourg -> Multi-donor Programme -> the countries it funds
    assert card["same_as"][0]["kind"] == "bilateral donor"


def test_netherlands_funds_jordan_from_both_pages(knowledge):
    nld = knowledge.entity_card("Country:NLD")
    assert "Jordan" in {r["other"]["label"] for r in nld["relations"] if r["predicate"] == "fundedBy"}


def test_organisation_kinds_are_readable_and_declared_once(knowledge):
    onto = ontology_graph()
    for role, cls in ORG_ROLES.items():
        label = str(onto.value(cls, RDFS.label))
        assert label.lower() == ORG_ROLE_LABELS[role].lower(), role
        assert "_" not in ORG_ROLE_LABELS[role]
    assert org_kind_label("ifi") == "international financial institution"
    assert org_kind_label(None) == "organization"
    assert knowledge.entity_card("Organization:ilo")["role"] == "UN agency"
    kinds = {n.get("kind") for n in knowledge.network["nodes"] if n.get("type") == "organization"}
    assert kinds and not any("_" in k for k in kinds)
