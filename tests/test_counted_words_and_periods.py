"""Two figure readings.  A keyword count ("how many country brief ilo put online 2024") ended its
counted phrase at nothing, so "online" counted "nearly a dozen exploratory online meetings"; its
verb ends the phrase now, and a sentence writing a figure right before a rare counted word ("52
country briefs") ranks first.  "Which years does the bulletin cover" asks a span of years the
sentence writes ("the 2018-2022 period"), not one year of it."""
from __future__ import annotations

import re

import pytest

from app.qa.textstep import PERIOD_ASKED, focus_terms


def test_a_keyword_count_reads_as_the_worded_one(engine):
    worded = engine.ask("How many country briefs did the ILO publish online in 2024?")
    assert worded["answers"]
    keyword = engine.ask("how many country brief ilo put online 2024")
    assert [a["label"] for a in keyword["answers"]] == [a["label"] for a in worded["answers"]]
    # the figure stands before the counted words in its evidence
    label = keyword["answers"][0]["label"]
    assert any(re.search(re.escape(label) + r"\s+country\s+briefs", e["text"]) for e in keyword["answers"][0]["evidence"])


@pytest.mark.parametrize("question, focus", [
    ("how many country brief ilo put online 2024", ["country", "brief", "ilo"]),
    ("How many registered workers did it have", ["registered", "workers"]),
    ("how many detailed studies", ["detailed", "studies"]),
])
def test_a_verb_ends_the_counted_phrase(question, focus):
    assert focus_terms(question) == focus


@pytest.mark.parametrize("question", [
    "wich years does angola's first social protection statistics bulletin cover",
    "What period does Angola's Bulletin of Social Protection Statistics cover?",
])
def test_a_period_is_answered_by_the_span_written(engine, question):
    got = engine.ask(question)
    assert got["answers"], got.get("message")
    label = got["answers"][0]["label"]
    assert re.fullmatch(r"(19|20)\d\d\s*[-–]\s*(19|20)\d\d", label)
    assert any(label in e["text"] for e in got["answers"][0]["evidence"])


@pytest.mark.parametrize("question, period", [
    ("Which years does the bulletin cover?", True),
    ("What period does the strategy span?", True),
    ("In which year did Angola launch the bulletin?", False),
    ("What year was the bulletin launched?", False),
])
def test_a_period_is_asked_by_its_words(question, period):
    assert bool(PERIOD_ASKED.search(question)) is period


def test_where_typed_in_lower_case_still_asks_the_place(engine):
    """A lower-case question opening on "where" asks a place, as its capitalised form does, not the
    "provincial governments" it names (a group asked only by a keyword query)."""
    worded = engine.ask("Where is the ILO supporting provincial governments drafting more inclusive labour codes?")
    assert worded["answers"] and worded["answer_type"] == "Country"
    lower = engine.ask("where is the ilo supporting provincial governments drafting more inclusive labour codes")
    assert [a["label"] for a in lower["answers"]] == [a["label"] for a in worded["answers"]]


def test_a_year_inside_an_instruments_number_is_no_date(engine):
    """"Law No. 38/VIII/2013": the year closing the law's number dates nothing; the approval asked
    is dated elsewhere in the sentence."""
    got = engine.ask("When did the Council of Ministers approve the first amendment to Cabo Verde's Law No. 38/VIII/2013?")
    assert got["answers"]
    label = got["answers"][0]["label"]
    assert "2013" not in label
    assert any(label.split()[-1] in e["text"] for e in got["answers"][0]["evidence"])


def test_the_year_closing_a_number_still_dates_the_instrument_itself(engine):
    """Not named by its number, the law is dated by it: "in what year was the original law passed"."""
    got = engine.ask("In what year was Cabo Verde's original law on the non-contributory components of social protection passed?")
    assert got["answers"] and any(got["answers"][0]["label"] in e["text"] for e in got["answers"][0]["evidence"])
    assert "/" + got["answers"][0]["label"] in " ".join(e["text"] for e in got["answers"][0]["evidence"]).replace(" ", "")
