"""Keyword queries and wordy questions read by their core (qstyle5).

- a keyword query's trailing dates and references to the report qualify it; the type noun before
  them is what it asks for ("... working paper april 2024", "gtt staff march 2025");
- a keyword query may end on what it leaves out ("lebanon donors not eu");
- a number after a part-of-document noun is a label ("result 1"), never a count condition;
- a wordy question's core can follow "remind me", "somebody asked me"; names in the asker's own
  clauses (a city the report never names) are context, not the subject, and do not make the
  engine abstain;
- "which company" asks for an organisation.

Expected answers come from the knowledge base's facts, never typed from the report.
"""
from __future__ import annotations

import pytest

from app.qa.form.asides import without_asides
from app.qa.constraints.count_conditions import _LABEL_BEFORE
from app.qa.constraints.exclusion import set_aside
from app.qa.form.query_tail import without_tail
from app.qa.question import Link, answer_type


# -- pure pieces ---------------------------------------------------------------------------------
@pytest.mark.parametrize("query, expected", [
    ("utopia working paper april 2024", "utopia working paper"),
    ("utopia staff march 2025", "utopia staff"),
    ("utopia pathfinders 2021-2024", "utopia pathfinders"),
    ("utopia members as of end 2024", "utopia members"),
    ("utopia network members named in report", "utopia network members"),
    ("utopia funders according to the report", "utopia funders"),
    ("utopia financing report", "utopia financing report"),  # a report asked for stays
    ("2024", "2024"),
])
def test_tail_dates_and_report_references(query, expected):
    assert without_tail(query) == expected


@pytest.mark.parametrize("question, core", [
    ("Since our embassy in Atlantis keeps asking and I never remember, could you remind me where the money for "
     "the work in Utopia comes from?", "Where the money for the work in Utopia comes from?"),
    ("Our union in Atlantis is preparing a statement, and somebody asked me when exactly Utopia ratified the "
     "convention.", "When exactly Utopia ratified the convention."),
    ("After the floods in 2024, and I know the report says a lot about them, what was the name of the Utopian "
     "benefit?", "After the floods in 2024, what was the name of the Utopian benefit?"),
])
def test_core_after_a_verb_of_telling_with_its_person(question, core):
    r = without_asides(question)
    assert r.question == core
    assert r.dropped


@pytest.mark.parametrize("question, core", [
    ("Who funds Utopia's social protection work under the programme, i.e. the donors named in Utopia's entry?",
     "Who funds Utopia's social protection work under the programme?"),
    ("Which countries did Atlantis fund in 2024, in other words the ones it paid for that year?",
     "Which countries did Atlantis fund in 2024?"),
])
def test_a_restatement_after_the_question_is_dropped(question, core):
    """"..., i.e. the donors named in X's entry" says the question again: its words ("named", "entry")
    are no second question."""
    r = without_asides(question)
    assert r.question == core and len(r.dropped) == 1


@pytest.mark.parametrize("question", [
    "Who worked with the ILO on Utopia's pension reform, i.e. who financed it?",  # a sharper question: kept
    "Which countries ratified the convention, i.e. the ones in Atlantis?",  # a name the question lacks: kept
    "Which countries ratified the convention, that is since 2021?",  # a figure the question lacks: kept
])
def test_a_restatement_that_adds_is_kept(question):
    assert not without_asides(question).dropped


def test_company_is_an_organisation_head():
    assert answer_type("which company did the ILO partner with on maternity benefits?") == "Organization"


def test_label_numbers_are_no_count_conditions():
    for before in ("africa result ", "table ", "step ", "pillar ", "phase "):
        assert _LABEL_BEFORE.search(before)
    assert not _LABEL_BEFORE.search("countries with ")


def test_keyword_tail_exclusion_only_at_the_query_end():
    q = "utopia donors not atlantis"
    links = [Link(0, 6, "Country", ["Country:UTO"]), Link(19, 27, "Organization", ["Organization:ATL"])]
    out = set_aside(q, links)
    assert out.ids == {"Organization:ATL"} and out.question == "utopia donors"
    # a sentence, or a name that does not end the query, is left to the negation reading
    assert not set_aside("which donors are not atlantis", [Link(22, 30, "Organization", ["Organization:ATL"])]).ids
    assert not set_aside("not atlantis funded", [Link(4, 12, "Organization", ["Organization:ATL"])]).ids


# -- the engine over the real build ----------------------------------------------------------------
def _labels(r):
    return {x["label"] for x in r["answers"]}


def _funders(engine, eid):
    return {f["object"] for f in engine.k.facts_where(subject=eid, predicate="fundedBy") if not f["attrs"].get("role")}


def _ids(r):
    return {x.get("iri", "").rsplit("/", 1)[-1] for x in r["answers"]}


def test_keyword_query_leaving_out_a_funder(engine):
    have = _funders(engine, "Country:LBN")
    assert "Organization:eu" in have and len(have) > 1, "precondition"
    want = {engine.k.label(i) for i in have - {"Organization:eu"}}
    assert _labels(engine.ask("lebanon donors not eu")) == want
    assert _labels(engine.ask("lebanon funders minus the eu")) == want


def test_wordy_aside_city_the_report_never_names_is_no_abstention(engine):
    want = {engine.k.label(i) for i in _funders(engine, "Country:TJK")}
    assert want
    r = engine.ask("Since our embassy in Dushanbe keeps asking and I never remember, could you remind me where "
                   "the money for the ILO's social protection work in Tajikistan comes from?")
    assert want <= _labels(r)


def test_wordy_year_after_somebody_asked_me(engine):
    years = {str(f["attrs"].get("year")) for f in engine.k.facts_where(subject="Country:ALB", predicate="ratified")
             if f["attrs"].get("year")}
    assert len(years) == 1, "precondition: one dated ratification"
    r = engine.ask("Our union federation in Tirana is preparing a statement, and somebody asked me when exactly "
                   "Albania ratified Convention No. 102 - does the report mention the year?")
    assert _labels(r) == years


def test_keyword_publication_with_a_trailing_date(engine):
    r = engine.ask("financing gap working paper april 2024")
    assert r["answer_type"] == "Publication"
    assert r["answers"] and all("financing gap" in x["label"].lower() for x in r["answers"])


def test_keyword_result_label_is_no_count(engine):
    r = engine.ask("africa result 1 policies 2024")
    assert r["answer_type"] == "Country"
    assert not any("exactly" in p for p in r.get("path", []))
    assert len(r["answers"]) > 1


# -- a pronoun referring back to the asker's aside ---------------------------------------------------
class _A:
    def __init__(self, links):
        self.links = links


def _fake_analyse(text):
    from app.qa.question import Link

    return _A([Link(m.start(), m.end(), "Country", [f"Country:{m.group(0)[:3].upper()}"])
               for m in __import__("re").finditer(r"Utopia|Atlantis", text)])


def test_pronoun_filled_from_the_single_country_of_the_asides():
    from app.qa.form.coreference import core_of

    r = core_of("Because we are updating a database, and I know Utopia ratified it in 2019, in which year was its "
                "framework law adopted?", _fake_analyse)
    assert r.question == "In which year was Utopia's framework law adopted?"
    # two countries in the asides, or a pronoun that may be the thing asked: read whole
    q = "I follow Utopia and Atlantis for my team, so in which year was its law adopted?"
    assert core_of(q, _fake_analyse).question == q
    q = "I am looking for the title of the report on Utopia's pension fund; what is it called?"
    assert core_of(q, _fake_analyse).question == q


def _fake_things(text):
    from app.qa.question import Link

    kinds = {"Pact No. 9": "LegalInstrument", "Charter No. 4": "LegalInstrument", "Utopia Alliance": "Initiative"}
    return _A([Link(m.start(), m.end(), m.group(0), [f"{kinds[m.group(0)]}:{m.group(0)}"])
               for m in __import__("re").finditer("|".join(kinds), text)])


@pytest.mark.parametrize("question, core", [
    ("I'm preparing a briefing for our union on the campaign for Pact No. 9. Which member states have ratified it since 2021?",
     "Which member states have ratified Pact No. 9 since 2021?"),
    ("Our team tracks Pact No. 9 and the Utopia Alliance closely. Which countries ratified it in 2022?",
     "Which countries ratified Pact No. 9 in 2022?"),  # a treaty verb takes the convention
    ("I keep reading about the Utopia Alliance in my work. Which countries joined it in 2024?",
     "Which countries joined Utopia Alliance in 2024?"),
])
def test_an_object_it_is_the_one_thing_the_asides_name(question, core):
    from app.qa.form.coreference import core_of

    assert core_of(question, _fake_things).question == core


@pytest.mark.parametrize("question", [
    "I follow Pact No. 9 and Charter No. 4 for my team. Which countries ratified it in 2022?",  # two treaties: whole
    "I read the Pact No. 9 brief for my team. What is it called in French?",  # "it" is the asked thing
])
def test_an_object_it_with_no_single_referent_is_read_whole(question):
    from app.qa.form.coreference import core_of

    assert core_of(question, _fake_things).question == question


def test_aside_fact_is_not_the_answer_once_the_pronoun_is_filled(engine):
    r = engine.ask("Because we're updating a legal database, and I know Morocco ratified C102 in 2019, in which "
                   "year was its framework law on social protection adopted?")
    ratified = {str(f["attrs"].get("year")) for f in engine.k.facts_where(subject="Country:MAR", predicate="ratified")}
    assert r["answer_type"] == "Year" and r["answers"]
    assert not _labels(r) & ratified
    assert "Morocco" in " ".join(p for p in r.get("path", []))


def test_year_a_few_words_after_the_event(engine):
    r = engine.ask("haba haba original launch year")
    ev = r["answers"][0]["evidence"][0]["text"] if r["answers"] and r["answers"][0].get("evidence") else ""
    label = r["answers"][0]["label"] if r["answers"] else None
    assert label and __import__("re").search(r"originally[^.]{0,30}" + label, ev)


def test_relation_nouns_are_asked_ends_not_counted_people():
    from app.qa.figures.numbers import counted_noun_last, relation_noun

    assert relation_noun("founders") and relation_noun("co-chairs")
    assert not relation_noun("beneficiaries")  # a figure's word: counted
    assert not counted_noun_last("utopia founders")
    assert counted_noun_last("utopia grant beneficiaries")
    assert counted_noun_last("utopia assembly representatives may 2024")


def test_keyword_initiatives_and_founders(engine):
    want = {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate="founderOf")
            if f["object"].endswith("usp2030")}
    assert want, "precondition: the founders are in the graph"
    r = engine.ask("usp2030 founders")
    assert _labels(r) == want and r["answer_type"] == "Organization"
    r = engine.ask("malawi initiatives")
    assert r["answer_type"] == "Initiative" and r["answers"]


@pytest.mark.parametrize("query, expected", [
    ("utopia campaign launched by", "who utopia campaign launched by"),
    ("utopia scheme run by", "who utopia scheme run by"),
    ("utopia funders by region", "utopia funders by region"),  # "by region" groups, no verb before "by"
])
def test_keyword_query_ending_on_by_asks_who(query, expected):
    from app.qa.form.keyword_order import question_word_first

    assert question_word_first(query) == expected


def test_keyword_agent_query(engine):
    admin = {engine.k.label(f["object"]) for f in engine.k.facts_where(predicate="administeredBy")
             if "haba" in f["subject"].lower()}
    assert admin, "precondition"
    r = engine.ask("haba haba scheme run by")
    assert r["answer_type"] == "Organization" and _labels(r) == admin
