"""Readings found by round 36's probes (the management, monitoring and resource-mobilisation
chapter; the African entries asked in wordy form; funders across the report's financing lines),
each in general form, through the real engine on the bundled report where the reading changes an
answer.  Expected answers are read from the graph or from the answer's own evidence, never typed."""
from __future__ import annotations

import re

import pytest

from app.qa.figures import numbers
from app.qa.figures.keyword_figures import opens_on_audience
from app.qa.figures.tables import terms as table_terms
from app.qa.question import answer_type
from app.qa.things.entity_years import _asked_events

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _evidence_text(answer: dict) -> str:
    return " ".join(e.get("text") or "" for e in answer.get("evidence") or [])


def _by_acronym(engine, acronym: str) -> str:
    found = [eid for eid, e in engine.k.entities.items() if e.get("acronym") == acronym]
    if not found:
        pytest.skip(f"the graph holds no entity abbreviated {acronym}")
    return found[0]


def _funders(engine, eid: str) -> set[str]:
    return {engine.k.label(f["object"]) for f in engine.k.facts_where(subject=eid, predicate="fundedBy")}


# ---- dates: "on what date" asks the day; a day range is no count; the clause naming the thing dates it

def test_what_date_asks_the_day_the_sentence_writes(engine):
    got = engine.ask("On what date did the Multi-Donor Programme Steering Committee meet?")
    assert got["answers"], got.get("message")
    label = got["answers"][0]["label"]
    assert re.fullmatch(rf"\d{{1,2}} (?:{_MONTHS}) \d{{4}}", label), label
    day, month, year = label.split()
    assert re.search(rf"\b0?{day} {month} {year}\b", _evidence_text(got["answers"][0]))


def test_a_day_range_before_a_month_is_no_figure():
    seg = "held from 13 to 15 November 2024 in Abidjan, and 44 attendees came"
    assert [s.label for s in numbers.spans(seg)] == ["44"]


def test_the_year_of_the_clause_naming_the_thing_asked(engine):
    got = engine.ask("When was the Africa Social Protection Clock presented at a GTT knowledge-sharing meeting?")
    assert got["answers"], got.get("message")
    label = got["answers"][0]["label"]
    clause = re.search(rf"Clock held on \d{{1,2}} ({_MONTHS}) (\d{{4}})", _evidence_text(got["answers"][0]))
    assert clause, "the evidence writes the Clock's own date"
    assert label == f"{clause.group(1)} {clause.group(2)}"


def test_a_year_the_question_gives_as_context_is_not_asked(engine):
    got = engine.ask("In which year had the Haba Haba scheme originally been set up, "
                     "before the NSSF re-launched it in October 2024?")
    assert got["answers"], got.get("message")
    label = got["answers"][0]["label"]
    assert label != "2024"
    assert re.search(rf"set up in {label}\b", _evidence_text(got["answers"][0]))


def test_an_event_told_as_context_selects_no_dated_attribute():
    asked = _asked_events("In which year had the scheme originally been set up, before the fund re-launched it in 2024?")
    assert "launch" in asked and "relaunch" not in asked


# ---- a keyword query opening on a counted audience asks its size, whatever the rest names

def test_audience_first_keyword_query_is_a_count(engine):
    q = "attendees gtt meeting financing gap study"
    assert opens_on_audience(q)
    assert numbers.asked_unit(q) == "count"  # "financing" names the study, not money asked
    got = engine.ask(q)
    assert got["answer_type"] == "Number" and got["answers"], got.get("message")
    label = got["answers"][0]["label"]
    assert re.search(rf"\b{re.escape(label)} attendees\b", _evidence_text(got["answers"][0]))


def test_audience_with_a_kind_noun_is_not_a_count():
    assert not opens_on_audience("participants webinar countries")


# ---- spelling: "mobilise" names the table row "Mobilized in 2024"

def test_ise_and_ize_spellings_meet():
    assert table_terms("mobilise") == table_terms("mobilized")
    assert table_terms("organisation") == table_terms("organizations")


def test_table_row_read_by_the_other_spelling(engine):
    a = engine.ask("how much money did the flagship programme mobilise in 2024")
    b = engine.ask("how much money did the flagship programme mobilize in 2024")
    assert _labels(a) and _labels(a) == _labels(b)


# ---- the report's acronym list: a sentence writing only the acronym is about the spelled-out name

def test_acronym_terms_come_from_the_reports_own_list(engine):
    pairs = engine.text.acronym_terms("From which year does the Results Monitoring Tool's coverage start?")
    assert (["result", "monitor", "tool"], ["rmt"]) in [(n, a) for n, a in pairs] or \
        any(a == ["rmt"] for _, a in pairs)
    assert engine.text.acronym_terms("Which countries ratified Convention No. 102?") == []


# ---- funders: two funds' shared donors, the relation as a noun, "which country funds X", "whose"

def test_contributors_of_one_fund_who_also_fund_another(engine):
    rbsa, mul = _by_acronym(engine, "RBSA"), _by_acronym(engine, "MUL")
    shared = _funders(engine, rbsa) & _funders(engine, mul)
    if not shared or shared == _funders(engine, rbsa):
        pytest.skip("the two funds' donors do not overlap in part")
    got = engine.ask("Which of the RBSA contributors also fund the Multi-donor Programme?")
    assert set(_labels(got)) == shared
    got = engine.ask("Which countries fund both the RBSA and the Multi-donor Programme?")
    assert set(_labels(got)) == shared


@pytest.mark.parametrize("noun_form", [
    "Which country does the report name as the only funder of the ILO's work in {c}?",
    "Which country is the main funder of the ILO's work in {c}?",
    "Which country funds {c}?",
])
def test_funder_asked_by_a_noun_or_a_singular_verb(engine, noun_form):
    verb = set(_labels(engine.ask("Which countries fund the ILO's work in Madagascar?")))
    assert verb
    assert set(_labels(engine.ask(noun_form.format(c="Madagascar")))) == verb


def test_a_funder_named_in_the_question_is_no_asked_funder(engine):
    recipients = set(_labels(engine.ask("Which countries does France fund?")))
    assert recipients
    assert set(_labels(engine.ask("Which countries list France as a funder of the ILO's work?"))) == recipients


def test_whose_work_is_financed_asks_the_country(engine):
    q = "Whose social protection work is financed by the Workers' Compensation Fund?"
    assert answer_type(q) == "Country"
    got = engine.ask(q)
    assert got["answer_type"] == "Country"
    assert set(_labels(got)) == set(_labels(engine.ask("Which countries are funded by the Workers' Compensation Fund?")))
    assert _labels(got)


# ---- a superlative over a named country's funders ranks only those funders

def test_main_donor_of_a_named_country_is_one_of_its_funders(engine):
    own = set(_labels(engine.ask("Which organisations fund the ILO's work in Madagascar?")))
    assert own
    got = engine.ask("Which is the main donor in Madagascar?")
    assert _labels(got) and set(_labels(got)) <= own


def test_which_of_a_countrys_funders_funds_the_most_countries(engine):
    kenya = next(i for i, e in engine.k.entities.items() if e["type"] == "Country" and e["label"] == "Kenya")
    funders = [f["object"] for f in engine.k.facts_where(subject=kenya, predicate="fundedBy")]
    reach = {engine.k.label(f): len({x["subject"] for x in engine.k.facts_where(obj=f, predicate="fundedBy")
                                     if x["subject"].startswith("Country:")}) for f in funders}
    best = max(reach.values())
    if list(reach.values()).count(best) > 1:
        pytest.skip("Kenya's funders tie on reach")
    got = engine.ask("Which of Kenya's funders funds the most countries?")
    assert _labels(got)[:1] == [max(reach, key=reach.get)]


# ---- "<fund> countries" beside a worded relation; "did any <kind> country"; two clauses of one sentence

def test_a_fund_named_before_countries_filters_a_worded_relation(engine):
    mul = _by_acronym(engine, "MUL")
    funded = {engine.k.label(f["subject"]) for f in engine.k.facts_where(obj=mul, predicate="fundedBy")
              if f["subject"].startswith("Country:")}
    with_result = set(_labels(engine.ask("Which countries had a Result 3 in 2024?")))
    want = funded & with_result
    if not want or want == with_result:
        pytest.skip("the fund's countries do not narrow the result's")
    assert set(_labels(engine.ask("Which Multi-donor Programme countries improved their operations in 2024 (Result 3)?"))) == want


def test_did_any_country_asks_the_countries():
    assert answer_type("Did any Europe and Central Asia country achieve a result in introducing or reforming schemes in 2024?") == "Country"
    assert answer_type("Has any Arab States country ratified Convention No. 102?") == "Country"


def test_two_clauses_of_one_sentence_combined():
    from app.qa.topics.clause_sets import Pair, asked_pair, combine

    sentence = ("The partnership began in 2024, including developing recommendations in the Article IV reports in "
                "Cambodia, Comoros and Thailand; providing technical assistance on financing reforms in Lebanon, "
                "Eswatini and Thailand; promoting gender-responsive design in Morocco and Paraguay.")
    both = asked_pair("Which countries got both Article IV recommendations and technical assistance on financing reforms?")
    assert (both.op, both.a, both.b) == ("and", "Article IV recommendations", "technical assistance on financing reforms")
    assert combine(both, sentence) == ["THA"]
    minus = asked_pair("Among the countries with Article IV recommendations, which did not also receive technical assistance on financing reforms?")
    assert minus is not None and minus.op == "minus"
    assert combine(minus, sentence) == ["KHM", "COM"]
    assert combine(Pair("and", "pensions", "health"), sentence) is None  # no clause clearly named


def test_both_clauses_through_the_engine(engine):
    single = set(_labels(engine.ask("In which countries did the ILO-IMF partnership provide technical assistance on financing for social protection reforms?")))
    both = set(_labels(engine.ask("Which countries got both Article IV recommendations and technical assistance on financing reforms from the ILO-IMF partnership?")))
    assert both and both < single


# ---- a keyword query closing on a body of the named thing; "only" in a partitive lead

def test_keyword_query_closing_on_a_committee_asks_no_funders(engine):
    fp = next((i for i, e in engine.k.entities.items() if e["label"] == "Flagship Programme"), None)
    if fp is None:
        pytest.skip("no Flagship Programme entity")
    funders = _funders(engine, fp)
    got = _labels(engine.ask("flagship programme governance committee"))
    assert got and not set(got) & funders
    assert any("Committee" in g for g in got)


def test_only_in_a_partitive_lead_is_the_set_picked_from(engine):
    inline = set(_labels(engine.ask("Which countries funded only by the ILO's Regular Budget achieved a result in 2024?")))
    assert inline
    lead = set(_labels(engine.ask("Among the countries funded only by the ILO's Regular Budget, which achieved any result in 2024?")))
    assert lead == inline


# ---- a stop before a question typed in lower case ends the asker's sentence

def test_a_lower_case_question_after_the_askers_sentence_is_the_one_asked():
    from app.qa.form.question_sentence import asking_sentence

    split = asking_sentence("We are mapping who does what in social protection. any ILO UNDP joint work countries?")
    assert split.question == "any ILO UNDP joint work countries?"
    assert split.dropped == ["We are mapping who does what in social protection."]
    # a statement about the report's content is no aside: the text is read whole (its pronoun needs it)
    whole = "Kenya re-launched a scheme. kenya scheme year"
    assert asking_sentence(whole).question == whole and not asking_sentence(whole).dropped
