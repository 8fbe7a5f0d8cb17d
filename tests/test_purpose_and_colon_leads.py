"""Frames of purpose around a question ask nothing: "As part of a review of donor engagement in
social protection, ...", a sentence about the asker closed by a colon before a keyword query, and
"Please keep it short." after it."""
from __future__ import annotations

import pytest

from app.qa.form import asked_core
from app.qa.form.purpose_lead import without_purpose


@pytest.mark.parametrize("question, plain", [
    ("As part of a review of donor engagement in social protection, unpdf contributors", "unpdf contributors"),
    ("for my thesis on pensions - kenya funders", "kenya funders"),
    # a keyword query may hold a question word or "name" later on
    ("As part of a review of donor engagement in social protection, global accelerator 2024 contributions ireland vs "
     "germany which larger", "global accelerator 2024 contributions ireland vs germany which larger"),
])
def test_a_phrase_of_purpose_is_dropped(question, plain):
    assert without_purpose(question) == plain


@pytest.mark.parametrize("question", [
    "For a country that joined the accelerator, who funds it?",   # no piece of work: a description
    "For a review of Kenya's work, who funds it?",                # names what "it" points at
    "For a review, x",                                            # nothing left to ask
    # a question in words: the complement may say what it means
    "For a paper on roadmap progress under the jobs-and-social-protection accelerator, which governments endorsed one?",
])
def test_other_openings_stay(question):
    assert without_purpose(question) == question


@pytest.mark.parametrize("question, asked", [
    ("usp2030 climate working group co-chairs Please keep it short.", "usp2030 climate working group co-chairs"),
    ("Which countries? Please keep it short.", "Which countries?"),
])
def test_keep_it_short_asks_nothing(question, asked):
    assert asked_core.of(question) == asked


@pytest.mark.parametrize("framed, bare", [
    ("I have been reading the ILO's annual report on social protection floors for a while now and there is one "
     "thing I could not figure out: unpdf contributors", "unpdf contributors"),
    ("As part of a review of donor engagement in social protection, unpdf contributors", "unpdf contributors"),
])
def test_the_engine_answers_the_bare_query(engine, framed, bare):
    plain = [a["label"] for a in engine.ask(bare)["answers"]]
    assert plain
    assert [a["label"] for a in engine.ask(framed)["answers"]] == plain


def test_a_colon_after_a_named_place_keeps_the_place(engine):
    got = engine.ask("I work on Kenya: funders")
    assert not any(p.startswith("question read as: “funders”") for p in got["path"])


@pytest.mark.parametrize("question, asked", [
    ("global accelerator contributions ireland vs germany which larger FYI this is for a ministerial brief.",
     "global accelerator contributions ireland vs germany which larger"),
    ("How many people has the Flagship Programme impacted over 2021-2024? TIA",
     "How many people has the Flagship Programme impacted over 2021-2024?"),
    ("sierra leone nassit actuarial valuation who paid 🙏", "sierra leone nassit actuarial valuation who paid"),
    ("Re: social protection - how many people has the Flagship Programme impacted?",
     "How many people has the Flagship Programme impacted?"),
])
def test_chat_tails_subject_lines_and_emoji_ask_nothing(question, asked):
    assert asked_core.of(question) == asked


@pytest.mark.parametrize("question", [
    "Which countries? Curious which ones are in Africa.",   # a purpose word before a question of its own
    "Re: Kenya funders - who are they?",                     # a subject line that names what is asked
])
def test_tails_and_subjects_that_ask_stay(question):
    assert asked_core.of(question) == question
