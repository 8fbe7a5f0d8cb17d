"""Adding a relation is one declaration plus its extractor, and nothing else.

A toy relation ("twinned with": each country entry with the next one of the same region) is
declared in the registry together with its extractor.  A build then shows it in the ontology and
the SHACL shapes (and the graph still conforms), in the partnership network, in the entity API's
relation labels, in the generated question bank, and in the answer to a question about it — with
no other code edited.  The relation is unregistered afterwards.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib.namespace import OWL, RDF, RDFS, SH

from tests.conftest import push_if_external

NAME = "toyTwinnedWith"
TOY_DATASET = "toy-relation"  # the toy build's name in an external store


def twin_countries(doc, kb) -> None:
    """Toy extractor: in each region, a country entry is twinned with the next country entry."""
    from graph import countries

    by_region: dict[str, list[tuple[str, str]]] = {}
    for p in doc.passages:
        path = p.section_path
        if len(path) < 2:
            continue
        iso3 = countries.lookup(path[-1])
        region = countries.region_name(path[-2]) if len(path) >= 2 else None
        if not iso3 or not region or f"Country:{iso3}" not in kb.entities:
            continue
        entries = by_region.setdefault(region, [])
        if not entries or entries[-1][0] != iso3:
            if all(e[0] != iso3 for e in entries):
                entries.append((iso3, p.id))
    for entries in by_region.values():
        for (a, pid), (b, _) in zip(entries, entries[1:]):
            kb.add_fact(f"Country:{a}", NAME, f"Country:{b}", [pid])


@pytest.fixture(scope="module")
def toy_build(built_data_dir, tmp_path_factory):
    """The bundled report rebuilt (vectors of the session build reused) with the toy relation."""
    from app.config import Config
    from app.pipeline import build
    from graph.relations import REGISTRY, Relation

    REGISTRY.register(Relation(
        NAME, ("Country",), ("Country",), "twinned with", "twinned with",
        "Toy relation for the registry test: a country entry and the next one of its region.",
        edge="twinned", symmetric=True, keywords=("twinned", "twin", "twinning"),
        ask_object=("which {type} is {s} twinned with", "{s} twins"),
        ask_subject=("which {type} are twinned with {o}", "{o} twinned countries", "twins of {o}"),
        extractor=twin_countries))
    d = tmp_path_factory.mktemp("toy-relation") / "data"
    shutil.copytree(built_data_dir, d)
    try:
        build(Config.from_env(data_dir=d), progress=lambda s: None)
        push_if_external(d, TOY_DATASET)  # an external-store run: the toy build is its own dataset there
        yield d
    finally:
        REGISTRY.unregister(NAME)


def _facts(d: Path) -> list[dict]:
    kb = json.loads((d / "kb.json").read_text(encoding="utf-8"))
    return [f for f in kb["facts"] if f["predicate"] == NAME]


def test_toy_relation_is_extracted_and_in_the_ontology_and_shapes(toy_build):
    from graph.relations import ontology_graph, shapes_graph
    from graph.vocab import FG

    facts = _facts(toy_build)
    assert len(facts) >= 10, "the toy extractor ran in the build"
    onto, shapes = ontology_graph(), shapes_graph()
    p = FG[NAME]
    assert (p, RDF.type, OWL.ObjectProperty) in onto
    assert (p, RDFS.domain, FG.Country) in onto and str(onto.value(p, RDFS.label)) == "twinned with"
    assert (FG[f"{NAME}Shape"], SH.targetSubjectsOf, p) in shapes
    stats = json.loads((toy_build / "stats.json").read_text(encoding="utf-8"))
    flat = json.dumps(stats)
    assert NAME in flat, "statements_by_relation counts the new relation"
    assert stats.get("statements_by_relation", {}).get(NAME) == len(facts)
    assert stats["shacl_conforms"] is True and stats["statements_without_provenance"] == 0


def test_toy_relation_in_network_and_entity_api_labels(toy_build):
    from app.knowledge import Knowledge

    net = json.loads((toy_build / "network" / "network.json").read_text(encoding="utf-8"))
    twinned = [e for e in net["edges"] if e.get("relation") == "twinned"]
    assert len(twinned) == len(_facts(toy_build))
    k = Knowledge(toy_build)
    f = _facts(toy_build)[0]
    card = k.entity_card(f["subject"])
    rels = [r for r in card["relations"] if r["predicate"] == NAME]
    assert rels and all(r["label"] == "twinned with" for r in rels)


def test_toy_relation_in_the_bank_and_in_answers(toy_build):
    from app.config import Config
    from app.qa.engine import QuestionEngine

    bank = [json.loads(l) for l in (toy_build / "qa" / "intent.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(r["relation"] == NAME for r in bank), "generated questions for the new relation"
    engine = QuestionEngine.from_config(Config.from_env(data_dir=toy_build, sparql_dataset=TOY_DATASET))
    facts = _facts(toy_build)
    target = facts[0]["object"]
    expected = {f["subject"] for f in facts if f["object"] == target}
    label = engine.k.label(target)
    res = engine.ask(f"Which countries are twinned with {label}?")
    assert f"fg:{NAME}" in res["sparql"]
    got = {"Country:" + a["iso3"] for a in res["answers"]}
    assert got == expected
    assert res["answer_text"] and all(res["citations"][str(i + 1)] == a["evidence"][0]["passage_id"]
                                      for i, a in enumerate(res["answers"][:12]))
