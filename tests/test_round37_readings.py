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


# ---- a noun for a relation's end counts as its word in a choice ("a partner or co-contributor")

def test_a_relations_end_noun_offers_it_in_a_choice():
    from app.qa.relation.either_relation import relations_of

    assert "fundedBy" in relations_of("co-contributor") and "fundedBy" in relations_of("contributors")
    assert "partneredWith" in relations_of("partner")
    assert relations_of("alongside") <= {"partneredWith"}


# ---- "rather than relying only on ...": the "only" of the alternative set aside is no condition

def test_only_in_a_rather_than_phrase_sets_no_condition(engine):
    own = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy")
           if f["subject"].startswith("Country:") and any(
               g["object"] == f["subject"] for g in engine.k.facts_where(subject=f["object"], predicate="institutionOf"))}
    mixed = {c for c in own if any(not any(g["object"] == c for g in engine.k.facts_where(subject=f["object"], predicate="institutionOf"))
                                   for f in engine.k.facts_where(subject=c, predicate="fundedBy"))}
    if not mixed:
        pytest.skip("no country funded both by its own institution and by others")
    got = engine.ask("For our map we want to know where governments co-finance ILO work rather than relying only on "
                     "foreign donors. Which countries list one of their own national institutions among the financing sources?")
    labels = set(_labels(got))
    assert {engine.k.label(c) for c in mixed} <= labels, got["path"]


# ---- "After the countries that joined in 2024, how many ... in total?": the total, not the joiners

def test_a_total_after_a_clause_of_events_is_the_total():
    from app.qa.form.background_clause import without_background

    got = without_background("After the countries that joined in 2024, how many pathfinder countries does the "
                             "Global Accelerator have in total?")
    assert got.question == "How many pathfinder countries does the Global Accelerator have in total?" and got.dropped
    kept = without_background("After the countries that joined in 2024, how many pathfinder countries joined?")
    assert not kept.dropped  # no total asked: the clause may date the question


# ---- a wordy table question: the asking sentence addresses the cell, the context names the table

def test_the_asking_sentence_addresses_the_cell(engine):
    cells = [c for c in engine.tables.cells if c.unit != "marked" and not c.row.lower().startswith("total")]
    tables = {}
    for c in cells:
        tables.setdefault((c.table_no, c.row), []).append(c)
    pick = next(((no, row, cs) for (no, row), cs in sorted(tables.items())
                 if len(cs) >= 2 and len({c.value for c in cs}) == len(cs) and no), None)
    if pick is None:
        pytest.skip("no table row with two distinct figures")
    no, row, cs = pick
    asked, other = cs[0], cs[1]
    plain = engine.ask(f"In Table {no}, what is the {asked.col} figure for {row.split('>')[-1].strip()}?")
    if not plain["answers"] or plain["answers"][0].get("value") != asked.value:
        pytest.skip("the plain question does not address the cell")
    got = engine.ask(f"We care about {other.col} above all. Table {no} breaks the figures down. "
                     f"What is the {asked.col} figure for {row.split('>')[-1].strip()}?")
    assert got["answers"] and got["answers"][0].get("value") == asked.value, got["path"]


# ---- an acronym glued by a slash to a number is part of a document's reference

def test_an_acronym_in_a_document_number_links_nothing(engine):
    acronyms = sorted(e["acronym"] for e in engine.k.entities.values()
                      if e["type"] == "Organization" and (e.get("acronym") or "").isalpha() and e["acronym"].isupper()
                      and len(e["acronym"]) >= 3)
    if not acronyms:
        pytest.skip("no organisation acronym in the graph")
    acr = acronyms[0]
    assert any(l.surface == acr for l in engine.lexicon.link(f"what did the {acr} do in 2024"))
    assert not any(acr in l.surface for l in engine.lexicon.link(f"which scheme did Decree 824/{acr}/2024 reform"))


# ---- "their own national social security or health institutions": up to five words before the noun

def test_own_bodies_with_several_modifiers_name_national_institutions():
    from app.qa.relation.role_kinds import named_role

    q = "Which countries' social protection work is financed by their own national social security or health institutions?"
    assert named_role(q) == "national_institution"


# ---- a set-aside name the graph does not hold is set aside whole, not by the region its first word links

def test_a_longer_unknown_name_after_a_cue_is_set_aside_whole(engine):
    from app.qa.constraints.exclusion import set_aside

    q = "Who funds Kenya apart from the African Development Bank?"
    got = set_aside(q, engine.lexicon.link(q))
    assert got.phrases == ["apart from the African Development Bank"] and not any(i.startswith("Region:") for i in got.ids)
    kenya = {engine.k.label(f["object"]) for f in engine.k.facts_where(subject="Country:KEN", predicate="fundedBy")}
    if not kenya:
        pytest.skip("no funders of Kenya in the graph")
    assert set(_labels(engine.ask(q))) == kenya
