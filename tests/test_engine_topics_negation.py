"""Topic questions answered country by country, and negation as a set difference: the real engine
over the real build of the bundled report.

Questions are written for these tests (not in any tuning set).  Expected sets are read from the
knowledge base's facts or from the report's passages by pattern, so the tests hold on another
report with the same kinds of facts.
"""
from __future__ import annotations

import re

from app.qa.constraints.exclusion import without_negated_clause
from app.qa.topics.topic_coverage import defined_acronyms, holds, holds_any
from app.qa.units import terms
from tests.support.engine import answer_ids as _ids
from tests.support.engine import entry_countries_saying as _entry_countries_saying
from tests.support.engine import evidence_texts as _evidence_text


def _facts(engine, predicate: str, obj: str | None = None) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate=predicate) if obj is None or f["object"] == obj}


def test_pure_pieces():
    assert holds(terms("social allowances for persons with severe disabilities"), {"allowance"})
    assert not holds(terms("a health insurance scheme"), {"allowance"})
    assert without_negated_clause("Which countries with refugee work are not Global Accelerator pathfinders?") == \
        "Which countries with refugee work are ?"
    assert without_negated_clause("Not now") == "Not now"  # too short to hold a topic before the negation


def test_acronyms_the_report_defines_match_their_long_form():
    forms = defined_acronyms(["the development of a management information system (MIS) for ASIP",
                              "| SHP | social health protection |", "Ministry of Labour (see Annex)"])
    assert forms["mis"] == terms("management information system") and forms["shp"] == terms("social health protection")
    assert "see" not in forms and "annex" not in forms  # a bracketed aside is no acronym
    assert holds_any(terms("supported the government to develop a management information system"), "mis", forms)


def test_an_acronym_topic_finds_entries_that_spell_it_out(engine):
    """'MIS' in the question, 'management information system' in another country's entry."""
    res = engine.ask("In which countries did the ILO help develop an MIS for social protection?")
    got = _ids(engine, res)
    assert len(got) >= 2, got
    texts = _evidence_text(res)
    assert sum(bool(re.search(r"management information system|\bMIS\b|digital", t, re.I)) for t in texts) >= 0.6 * len(texts)
    assert any(re.search(r"management information system", t, re.I) and not re.search(r"\bMIS\b", t) for t in texts)


def test_a_topic_is_answered_from_every_country_entry_that_says_it(engine):
    """A keyword query about a scheme type: the countries of every entry that writes it, not the
    three nearest sentences'."""
    want = _entry_countries_saying(engine, r"\bunemployment (insurance|benefit|protection)")
    assert len(want) >= 5
    res = engine.ask("unemployment benefit schemes countries")
    got = _ids(engine, res)
    assert res["answer_type"] == "Country"
    assert len(got & want) >= 0.6 * len(want), (got, want)
    for text in _evidence_text(res):  # every answer is evidenced by a sentence on the topic
        assert re.search(r"unemploy", text, re.I)
    assert any("same topic" in " ".join(a.get("path", [])) or "nearly as close" in " ".join(a.get("path", []))
               for a in res["answers"])


def test_a_typo_in_the_topic_word_still_covers_the_entries(engine):
    want = _entry_countries_saying(engine, r"\bmaternity (benefit|protection|leave benefit)")
    assert len(want) >= 2
    res = engine.ask("in which countries did the ILO work on matenity benefits")
    got = _ids(engine, res)
    assert len(got & want) >= 0.6 * len(want), (got, want)


def test_donors_named_in_an_entry_are_not_where_the_work_happened(engine):
    """A sentence in one country's entry naming its donor governments answers with that country."""
    donors = {f["object"] for f in engine.k.facts_where(predicate="fundedBy")}
    res = engine.ask("disability allowance countries")
    assert res["answers"]
    for a in res["answers"]:
        ent = engine.k.entity_by_iri(a["iri"])
        gov = f"Organization:gov-{ent['id'].split(':', 1)[1]}"
        assert gov not in donors or _facts(engine, "priorityCountryOf") & {ent["id"]}, a["label"]


def test_pathfinders_that_did_not_endorse_a_roadmap(engine):
    endorsed = {f["subject"] for f in engine.k.facts_where(predicate="memberOf")
                if (f.get("attrs") or {}).get("roadmap") == "endorsed"}
    pathfinders = _facts(engine, "pathfinderOf")
    assert endorsed and pathfinders - endorsed
    res = engine.ask("Which Global Accelerator pathfinders did not get their national roadmap endorsed?")
    assert _ids(engine, res) == pathfinders - endorsed
    assert any("not:" in step for step in res.get("path", []))


def test_negation_typed_without_apostrophe_and_a_relative_clause_query(engine):
    """'didnt' negates; 'asian priority countries that ...' asks for the countries."""
    priority = _facts(engine, "priorityCountryOf", "Initiative:flagship-programme")
    with_result = _facts(engine, "achievedResult")
    for region, words in (("Region:asia-and-the-pacific", "asian"), ("Region:africa", "african")):
        in_region = _facts(engine, "inRegion", region)
        want = (priority & in_region) - with_result
        assert want
        res = engine.ask(f"{words} priority countries that didnt get any result")
        assert res["answer_type"] == "Country"
        assert _ids(engine, res) == want, words


def test_a_text_topic_minus_a_graph_set(engine):
    """'which countries that had X are not Y': X read from the text, Y taken out by the graph."""
    priority = _facts(engine, "priorityCountryOf", "Initiative:flagship-programme")
    pathfinders = _facts(engine, "pathfinderOf")
    res = engine.ask("Which countries that received an ILO actuarial valuation are not priority countries?")
    got = _ids(engine, res)
    assert got and not (got & priority)
    assert all(re.search(r"actuarial", t, re.I) for t in _evidence_text(res))
    assert any("minus the excluded set" in step for step in res.get("path", []))
    res = engine.ask("Which countries where the ILO worked on including refugees are not pathfinders of the Global Accelerator?")
    got = _ids(engine, res)
    assert len(got) >= 2 and not (got & pathfinders)
    assert sum(bool(re.search(r"refugee", t, re.I)) for t in _evidence_text(res)) >= 0.7 * len(got)
