"""Two frames that ask nothing: the report named as the source ("..., according to the report?")
and a sentence about why the asker asks, typed after the question ("... I'm asking because our
team is preparing a donor brief."), with or without a stop before it."""
from __future__ import annotations

import pytest

from app.qa.form import asked_core
from app.qa.form.source_phrase import without_source


@pytest.mark.parametrize("question, plain", [
    ("What did the ILO publish on fiscal space, according to the report?", "What did the ILO publish on fiscal space?"),
    ("According to the report, which countries ratified C102?", "Which countries ratified C102?"),
    ("which countries ratified c102 according to the 2024 annual report", "which countries ratified c102"),
    ("Which countries, as per the report, joined the network?", "Which countries joined the network?"),
])
def test_the_report_as_source_is_dropped(question, plain):
    assert without_source(question) == plain


@pytest.mark.parametrize("question", [
    "What does the paper say, according to the report on Iraq's pensions?",  # a report described, not the source
    "according to the report",                                                 # nothing else left
    "Which report did the ILO publish in April?",
])
def test_other_mentions_of_a_report_stay(question):
    assert without_source(question) == question


@pytest.mark.parametrize("question, asked", [
    ("dci selected countries africa I'm asking because our team is preparing a donor brief.",
     "dci selected countries africa"),
    ("ivory coast c102 ratified when i'm asking because our team is preparing a donor brief",
     "ivory coast c102 ratified when"),
    ("Which countries does Kuwait fund? I'm asking because our team is preparing a donor brief.",
     "Which countries does Kuwait fund?"),
])
def test_a_sentence_about_the_asker_after_the_question_is_dropped(question, asked):
    assert asked_core.of(question) == asked


@pytest.mark.parametrize("question", [
    # the query follows the asker's clause: nothing after "I'm" is only about the asker
    "For a piece I'm writing on social protection, drc health solidarity fund acronym",
    # the sentence goes on past a function word: it is the question's own
    "Which schemes got valuations? Pension-only valuations are not what I'm after here.",
    # a question word or a name after the asker's words asks
    "kuwait funded countries I need to know which ones",
])
def test_other_first_person_tails_stay(question):
    assert asked_core.of(question) == question


def test_the_engine_answers_as_without_the_frames(engine):
    plain = engine.ask("What did the ILO publish on fiscal space?")
    assert plain["answers"]
    for framed in ("What did the ILO publish on fiscal space, according to the report?",
                   "What did the ILO publish on fiscal space? I'm asking because our team is preparing a brief."):
        assert [a["label"] for a in engine.ask(framed)["answers"]] == [a["label"] for a in plain["answers"]]


@pytest.mark.parametrize("framed, bare", [
    ("For a piece I'm writing on social protection, drc health solidarity fund acronym", "drc health solidarity fund acronym"),
    ("For a piece I'm writing on social protection, ilo imf technical assistance financing reforms countries",
     "ilo imf technical assistance financing reforms countries"),
])
def test_a_keyword_query_after_the_askers_clause_reads_as_the_bare_query(engine, framed, bare):
    plain = engine.ask(bare)
    assert plain["answers"]
    got = engine.ask(framed)
    assert [a["label"] for a in got["answers"]] == [a["label"] for a in plain["answers"]]
    assert any(bare in p for p in got["path"])


def test_a_clause_naming_something_stays_with_the_keyword_query(engine):
    got = engine.ask("For my notes on Kenya, funders")
    assert not any(p.startswith("question read as: “funders”") for p in got["path"])


@pytest.mark.parametrize("question, asked", [
    ("Which countries does Ireland fund? And where does the report say so?", "Which countries does Ireland fund?"),
    ("Which countries does Ireland fund? If the report says, that is.", "Which countries does Ireland fund?"),
    ("ireland funding recipients If the report says, that is.", "ireland funding recipients"),
    ("ireland funding recipients And where does the report say so?", "ireland funding recipients"),
    ("Cameroon funding sources ILO If the report says, that is.", "Cameroon funding sources ILO"),
    ("iraq social security and pensions law no. 18 approved year If the report says, that is.",
     "iraq social security and pensions law no. 18 approved year"),
    ("Just wondering, rbsa donors country financing lines", "rbsa donors country financing lines"),
    ("Can you help me with this: lebanon disability allowance name", "lebanon disability allowance name"),
    ("Hello team, Which country finalised a draft UHC Financing Strategy in November 2024? Best, Anna",
     "Which country finalised a draft UHC Financing Strategy in November 2024?"),
])
def test_evidence_requests_hedges_and_greetings_ask_nothing(question, asked):
    assert asked_core.of(question) == asked


@pytest.mark.parametrize("question", [
    "Which countries ratified? If Kenya did, when?",   # a second question of its own
    "hello world bank donors",                         # no greeting without its comma
])
def test_a_tail_or_opener_that_asks_stays(question):
    assert asked_core.of(question) == question


def test_a_keyword_query_after_a_sentence_about_the_asker():
    from app.qa.form.question_sentence import asker_sentences_apart

    split = asker_sentences_apart("Context: I'm a policy analyst at a donor agency. # of ilo imf pilot countries")
    assert split is not None and split.question == "# of ilo imf pilot countries"
    assert asker_sentences_apart("Kenya is big. kenya funders") is None
