"""Readings found by round 37's probes (a fact-checker's figures and tables; a bilateral agency's map
of who works with whom), each in general form, through the real engine on the bundled report.
Expected answers are read from the graph, never typed."""
from __future__ import annotations

import pytest

from app.qa.constraints.absent import unwritten_bodies
from app.qa.form.qword_acronyms import acronym_spans
from app.qa.form.question_sentence import last_asking
from app.qa.relation.either_relation import split as either_split


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _hyphenated_acronym(engine) -> tuple[str, str]:
    """An organisation the report abbreviates with a hyphen ("SEN-CSU") and whose parts are not all
    English words, with its id."""
    for eid, e in sorted(engine.k.entities.items()):
        acr = e.get("acronym") or ""
        if e["type"] == "Organization" and "-" in acr and acr.replace("-", "").isalpha() and len(acr) >= 5:
            return acr, eid
    pytest.skip("the graph holds no organisation with a hyphenated acronym")


# ---- a lower-case acronym joined by a hyphen is the name, even when one part is an English word

def test_a_hyphenated_acronym_typed_in_lower_case_links(engine):
    acr, eid = _hyphenated_acronym(engine)
    links = engine.lexicon.link(f"what is {acr.lower()}")
    assert any(eid in l.ids for l in links), (acr, links)


# ---- "apart from the ILO who co-chairs ...": the set-aside opener makes "who" the question word

def test_who_after_a_set_aside_name_asks():
    spans = acronym_spans("apart from the ILO who co-chairs the working group", {"ILO", "WHO"}, [(15, 18)])
    assert spans == []
    # a keyword query still reads the two names side by side as a list
    assert acronym_spans("joint ilo who guidance 2024", {"ILO", "WHO"}, [(6, 9)])


def test_apart_from_the_ilo_who_co_chairs_sets_aside_only_the_ilo(engine):
    groups = {f["object"] for f in engine.k.facts_where(predicate="coChairOf")}
    group = next((g for g in sorted(groups) if "ilo" in {f["subject"].split(":", 1)[1]
                                                         for f in engine.k.facts_where(predicate="coChairOf", obj=g)}), None)
    if group is None:
        pytest.skip("the ILO co-chairs nothing in the graph")
    chairs = {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate="coChairOf", obj=group)}
    name = engine.k.label(group)
    got = engine.ask(f"apart from the ILO who co-chairs the {name}")
    assert set(_labels(got)) == chairs - {engine.k.label("Organization:ilo")}, got["path"]


# ---- a body named in full that the report never writes is not read as a description

def test_a_body_the_report_never_names_is_not_mentioned():
    written = lambda phrase: phrase.lower() == "asian development bank"
    q = "In which countries did the ILO work with the African Development Bank?"
    assert unwritten_bodies(q, [], written) == ["African Development Bank"]
    assert unwritten_bodies("Which countries did the ILO work with the Asian Development Bank in?", [], written) == []
    assert unwritten_bodies("Who funds Kenya apart from the African Development Bank?", [], written) == []


def test_an_unwritten_bank_gets_no_answer_but_a_written_one_does(engine):
    banks = [e["label"] for e in engine.k.entities.values()
             if e["type"] == "Organization" and e["label"].endswith("Development Bank")
             and engine.k.facts_where(predicate="partneredWith", obj=e["id"])]
    if not banks:
        pytest.skip("no development bank partners a country in the graph")
    got = engine.ask(f"In which countries did the ILO work with the {banks[0]}?")
    assert got["answers"]
    absent = "Atlantic Development Bank"
    assert absent.lower() not in " ".join(p.text.lower() for p in engine.k.passages.values())
    got = engine.ask(f"In which countries did the ILO work with the {absent}?")
    assert got["answers"] == [] and absent in (got.get("message") or ""), got["path"]


# ---- a grouping cue in a sentence of context describes the source, not the answer

def test_the_asking_sentence_is_the_last_that_asks():
    q = "Table 4 lists every priority country by region. Counting only the African countries, how many are marked?"
    assert last_asking(q) == "Counting only the African countries, how many are marked?"
    assert last_asking("how many pathfinders per region") == "how many pathfinders per region"


def _with_result(engine, kind: str, region: str) -> set[str]:
    countries = {f["subject"] for f in engine.k.facts_where(predicate="achievedResult")
                 if kind in engine.k.label(f["object"]).lower()}
    return {c for c in countries for f in engine.k.facts_where(subject=c, predicate="inRegion")
            if engine.k.label(f["object"]) == region}


def test_counting_only_a_region_in_a_wordy_question_counts_that_region(engine):
    african = _with_result(engine, "operations", "Africa")
    if len(african) < 2:
        pytest.skip("too few African operations results in the graph")
    got = engine.ask("Table 4 of the report lists every priority country by region and marks which of the three result "
                     "types it achieved in 2024. Counting only the African countries in that table, how many of them are "
                     "marked with a Result 3 (improving operations) result?")
    assert got["answers"] and float(got["answers"][0]["label"]) == len(african), got["path"]


def test_a_group_by_region_keeps_the_questions_result_type(engine):
    african = _with_result(engine, "operations", "Africa")
    if not african:
        pytest.skip("no African operations results in the graph")
    got = engine.ask("How many countries improved operations in each region?")
    rows = {a["label"]: a for a in got["answers"]}
    assert got["answer_type"] == "Region" and "Africa" in rows, got["path"]
    assert f"Africa {len(african)}" in got["answer_text"], got["answer_text"]


# ---- "a partner or funder": what either relation holds

def test_two_relations_offered_as_a_choice_split():
    rels = {"partner": {"partneredWith"}, "funder": {"fundedBy"}, "donor": {"fundedBy"}}
    of = lambda w: rels.get(w.lower(), set())
    assert either_split("where is the World Bank a partner or funder?", of) == \
        ("where is the World Bank a partner?", "where is the World Bank a funder?")
    assert either_split("who is a funder or donor of Kenya", of) is None  # one relation's words
    assert either_split("which countries is the World Bank not a partner or funder of", of) is None
    assert either_split("is the EU a partner or a funder of Jordan?", of) is None


def test_partner_or_funder_answers_the_union(engine):
    wb = next((i for i, e in engine.k.entities.items() if e["type"] == "Organization" and e["label"] == "World Bank"), None)
    if wb is None:
        pytest.skip("no World Bank in the graph")
    partnered = {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate="partneredWith", obj=wb)
                 if f["subject"].startswith("Country:")}
    funded = {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate="fundedBy", obj=wb)
              if f["subject"].startswith("Country:")}
    if not partnered:
        pytest.skip("the World Bank partners no country in the graph")
    got = engine.ask("In which countries is the World Bank a partner or funder?")
    assert set(_labels(got)) == partnered | funded, got["path"]
