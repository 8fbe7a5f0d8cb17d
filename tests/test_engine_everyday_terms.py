"""Topics asked in everyday words ("jobless benefits", "work accident insurance", "sick pay") are
read as the field's terms (app.qa.topics.everyday_terms), so they find the same countries as the terms."""

import pytest

from app.qa.topics.everyday_terms import EverydayTerms


def test_an_everyday_phrase_becomes_the_fields_term_and_is_reported():
    terms = EverydayTerms(["The scheme pays unemployment benefits."])
    fixed, done = terms.rewrite("Which countries pay jobless benefits?")
    assert fixed == "Which countries pay unemployment benefits?"
    assert [(d.original, d.corrected) for d in done] == [("jobless", "unemployment")]


def test_a_phrase_the_report_writes_itself_is_left_alone():
    terms = EverydayTerms(["It covers the elderly and workers on sick leave."])
    for q in ("help for the elderly", "workers on sick leave"):
        assert terms.rewrite(q) == (q, [])


@pytest.mark.parametrize("q", ["Which countries have a jobsite?", "kidsgrove report", "workplace safety"])
def test_words_that_only_contain_an_everyday_phrase_are_not_rewritten(q):
    assert EverydayTerms([""]).rewrite(q) == (q, [])


def _countries(engine, question):
    return {a["iso3"] for a in engine.ask(question)["answers"] if a.get("iso3")}


@pytest.mark.parametrize("everyday,term,asking", [
    ("jobless benefits", "unemployment benefits", "Which countries did the ILO help with {t}?"),
    ("jobless benefits", "unemployment benefits", "{t} ilo countries"),
    ("work accident insurance", "employment injury insurance", "Where did the ILO help with {t}?"),
    ("computer systems", "management information systems", "In which countries did the ILO help set up {t} for social security?"),
    ("sick pay", "sickness benefits", "Which country's new law brings in {t} with ILO input?"),
])
def test_an_everyday_topic_finds_the_countries_of_the_fields_term(engine, everyday, term, asking):
    plain = engine.ask(asking.format(t=everyday))
    field = _countries(engine, asking.format(t=term))
    assert field and {a["iso3"] for a in plain["answers"] if a.get("iso3")} == field
    assert any(everyday.split()[0] in p and "→" in p for p in plain["path"])  # the reading is said
