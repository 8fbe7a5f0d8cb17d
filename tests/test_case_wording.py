"""Small wording variants do not change an answer (metamorphic pairs, no gold needed): "Name the X
that ..." / "List the X that ..." for "Which X ...", all capitals, all lower case, no punctuation,
dropped articles.  A probe of 600 questions the engine answered right found about one in ten
changed by such variants (app/qa/form/request_lead.py and the modules each test names)."""
from __future__ import annotations

import re

import pytest

from app.qa.form.request_lead import imperative_as_which, strip


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("text, want", [
    ("Name the UN agencies that partnered with the ILO on Zambia's policy",
     "Which UN agencies partnered with the ILO on Zambia's policy?"),
    ("List the countries which have ratified C102.", "Which countries have ratified C102?"),
    ("Could you name the organisation from Burma that joined the network in 2024?",
     "Which organisation from Burma joined the network in 2024?"),
    ("Name the result type that was achieved by the most countries",
     "Which result type was achieved by the most countries?"),
])
def test_an_imperative_over_a_subject_relative_is_a_which_question(text, want):
    assert imperative_as_which(text) == want
    assert strip(text) == want


@pytest.mark.parametrize("text", [
    "Name the convention the ILO is helping Mongolia assess its system against",  # no relative word
    "Name the two countries with the largest number of funders",  # no relative clause
    "Name the number of countries that joined the network",  # a count asked, not the countries
    "List the countries that the EU funds",  # an object relative: its subject is another noun
])
def test_other_imperatives_stay(text):
    assert imperative_as_which(text) == text


@pytest.mark.parametrize("plain, varied", [
    ("Which UN agencies partnered with the ILO on Zambia's new National Social Protection Policy?",
     "Name the UN agencies that partnered with the ILO on Zambia's new National Social Protection Policy"),
    ("Which result type was achieved by the most countries in 2024?",
     "Name the result type that was achieved by the most countries in 2024"),
    ("Which partners worked with Lebanon's Ministry of Social Affairs, alongside the ILO, to provide the US$100 "
     "emergency top-up to disability allowance beneficiaries?",
     "List the partners that worked with Lebanon's Ministry of Social Affairs, alongside the ILO, to provide the "
     "US$100 emergency top-up to disability allowance beneficiaries"),
])
def test_the_variant_does_not_change_the_answer(engine, plain, varied):
    want = _labels(engine, plain)
    assert want, plain  # the plain wording is answered, so the comparison means something
    assert _labels(engine, varied) == want


# -- a question typed all in capitals (app/qa/form/shouted.py) --
from app.qa.form.shouted import unshout  # noqa: E402


@pytest.mark.parametrize("text, want", [
    ("WHO FUNDED THE ILO'S WORK IN INIDA?", "who funded the ilo's work in inida?"),
    ("PERU MAIN PUBLIC HEALTH INSURANCE SCHEME", "peru main public health insurance scheme"),
    ("WHICH BURMESE ORGANISATION BECAME A CONNECT MEMBER?", "which burmese organisation became a CONNECT member?"),
    # unchanged: mixed case, a short acronym query
    ("Who funded the ILO's work in India?", "Who funded the ILO's work in India?"),
    ("ILO IMF", "ILO IMF"),
])
def test_a_shouted_question_is_read_in_lower_case(text, want):
    assert unshout(text, lambda w: w == "CONNECT") == want


@pytest.mark.parametrize("plain", [
    "peru main public health insurance scheme",
    "timor leste fiscal space reprot",
    "Who funded the ILO's work in Inida?",
    "Whn did Paraguay ratfy C102",
    "Which Burmese organisation became a CONNECT member?",
    "Who are the donars for Nepal",
])
def test_capitals_do_not_change_the_answer(engine, plain):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, plain.upper()) == want


# -- the author's acronym typed in lower case after a cue that sets it aside (app/qa/question.py) --
@pytest.mark.parametrize("plain", [
    "Besides the ILO, who co-chairs the USP2030 working group on climate action?",
    "Apart from the ILO, which UN agencies make up the Global Accelerator's Technical Support Facility?",
    "Which organisations co-chair the USP2030 working group on climate action alongside the ILO?",
])
def test_lower_case_does_not_change_a_set_aside(engine, plain):
    want = _labels(engine, plain)
    assert want and "International Labour Organization" not in want, plain
    assert _labels(engine, plain.lower().rstrip("?")) == want


# -- dropped articles (app/qa/form/bare_nouns.py) --
from app.qa.form.bare_nouns import with_articles  # noqa: E402


@pytest.mark.parametrize("text, want", [
    ("What was total amount of new funding approved?", "What was the total amount of new funding approved?"),
    ("What is financing gap for social protection floors?", "What is the financing gap for social protection floors?"),
    ("What was Flagship Programme's funding gap at end of 2023?",
     "What was the Flagship Programme's funding gap at the end of 2023?"),
    ("Who finances ILO's work in country covered by the paper?", "Who finances ILO's work in the country covered by the paper?"),
    ("country whose parliament passed an act is a pathfinder of which initiative?",
     "The country whose parliament passed an act is a pathfinder of which initiative?"),
    ("How many of 50 priority countries recorded no result?", "How many of the 50 priority countries recorded no result?"),
    ("Which country had most result types in 2024?", "Which country had the most result types in 2024?"),
    ("What is fund that workers can register with?", "What is the fund that workers can register with?"),
    ("Who funds ILO's work in country hit by the typhoon?", "Who funds ILO's work in the country hit by the typhoon?"),
    # unchanged: a name, a concept asked to be defined, a verb, an adjective alone, a count, "most of"
    ("What is it that the ILO does?", "What is it that the ILO does?"),
    ("count of countries where eni s.p.a. is a funder", "count of countries where eni s.p.a. is a funder"),
    ("how many of 5 are funded", "how many of 5 are funded"),
    ("which country has most of its funding from the EU", "which country has most of its funding from the EU"),
    ("What is Kenya's funding gap?", "What is Kenya's funding gap?"),
    ("What is social protection floor?", "What is social protection floor?"),
    ("What was launched in 2024?", "What was launched in 2024?"),
    ("What is new in Kenya?", "What is new in Kenya?"),
])
def test_dropped_articles_are_put_back(text, want):
    assert with_articles(text) == want


@pytest.mark.parametrize("plain, bare", [
    ("What was the total amount of new funding approved over 2021-2024?",
     "What was total amount of new funding approved over 2021-2024?"),
    ("What was the Flagship Programme's funding gap at the end of 2023?",
     "What was Flagship Programme's funding gap at end of 2023?"),
    ("What was the remaining funding gap of the Flagship Programme at the end of 2024?",
     "What was remaining funding gap of Flagship Programme at end of 2024?"),
    ("How many of the 50 Flagship priority countries recorded no institutional result at all in 2024?",
     "How many of 50 Flagship priority countries recorded no institutional result at all in 2024?"),
    ("Which Arab States country had the most result types in 2024?", "Which Arab States country had most result types in 2024?"),
    ("What is the fund that Nepal's informal and self-employed workers can voluntarily register with?",
     "What is fund that Nepal's informal and self-employed workers can voluntarily register with?"),
])
def test_dropped_articles_do_not_change_the_answer(engine, plain, bare):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, bare) == want


# -- a question typed without commas (app/qa/form/lost_commas.py) --
from app.qa.form.lost_commas import list_commas, partitive_comma  # noqa: E402


@pytest.mark.parametrize("text, want", [
    ("Of the pathfinders that endorsed their roadmaps in 2024 which one is funded by Ireland",
     "Of the pathfinders that endorsed their roadmaps in 2024, which one is funded by Ireland"),
    ("Of the countries which ratified C102 which ones are funded by Ireland",
     "Of the countries which ratified C102, which ones are funded by Ireland"),
    ("Of the Arab States countries which one ratified C102", "Of the Arab States countries, which one ratified C102"),
    # unchanged: a comma already there, a question word opening a phrase, only a relative clause
    ("Of the pathfinders, which one is funded by Ireland", "Of the pathfinders, which one is funded by Ireland"),
    ("In which year did Jordan ratify C102", "In which year did Jordan ratify C102"),
    ("For which countries does Norway pay", "For which countries does Norway pay"),
    ("Of the countries which ratified C102", "Of the countries which ratified C102"),
])
def test_the_comma_after_a_fronted_partitive(text, want):
    assert partitive_comma(text) == want


def test_commas_between_listed_names():
    assert list_commas("Of Togo Kenya and Ghana which", [(3, 7), (8, 13), (18, 23)]) == "Of Togo, Kenya and Ghana which"
    assert list_commas("Togo Kenya funders", [(0, 4), (5, 10)]) == "Togo Kenya funders"  # no list


@pytest.mark.parametrize("plain", [
    "Of Togo, Kenya and Ghana, which has ratified C102?",
    "Of the pathfinders that endorsed their roadmaps in 2024, which one is funded by Ireland?",
    "Which of Albania, Bhutan, Kenya and Jordan are not Global Accelerator pathfinders?",
    "Of the Arab States countries, which one ratified Convention No. 102 most recently?",
])
def test_no_punctuation_does_not_change_the_answer(engine, plain):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, re.sub(r"[?!.,;:]", "", plain)) == want


# -- a sentence ending on a year before a question typed in lower case (app/qa/form/question_sentence.py) --
def test_a_year_ends_a_sentence_before_a_lower_case_question():
    from app.qa.form.question_sentence import split_sentences

    assert split_sentences("a mechanism was put in place in 2024. who pays for it") == \
        ["a mechanism was put in place in 2024.", "who pays for it"]
    assert split_sentences("what about c. 102. who") == ["what about c. 102. who"]  # a number, no year


def test_lower_case_context_sentence_ending_on_a_year(engine):
    plain = ("Someone on my team said a mechanism for mobile contribution payments was put in place for the "
             "artisans' mutual in 2024. Who pays for the ILO's work in that country?")
    want = _labels(engine, plain)
    assert want
    assert _labels(engine, plain.lower().rstrip("?")) == want


def test_a_capitalised_question_word_starts_a_sentence_typed_without_its_full_stop():
    from app.qa.form.question_sentence import split_sentences

    assert split_sentences("GIZ keeps popping up in this report Where did the ILO work with GIZ") == \
        ["GIZ keeps popping up in this report", "Where did the ILO work with GIZ"]
    assert split_sentences("Which countries does the EU fund") == ["Which countries does the EU fund"]
    assert split_sentences("the figure Exactly how many") == ["the figure Exactly how many"]  # "how" is no opener here


def test_no_full_stop_before_the_question_does_not_change_the_answer(engine):
    plain = ("GIZ keeps popping up in this report. Where at country level did the ILO work together with GIZ "
             "(joint projects, joint visits, or partnering on digital work) according to the 2024 report?")
    want = _labels(engine, plain)
    assert want
    assert _labels(engine, re.sub(r"[?!.,;:]", "", plain)) == want


# -- an acronym that is an English word, typed in lower case where only a name fits (app/qa/question.py) --
@pytest.mark.parametrize("plain", [
    "Which Burmese organisation became a CONNECT member?",
    "Which Sri Lankan member joined CONNECT in 2024?",
    "From which countries do the organisations that became CONNECT members in 2024 come?",
])
def test_lower_case_acronym_in_a_name_slot(engine, plain):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, plain.lower().rstrip("?")) == want


def test_the_name_slot():
    from app.qa.question import _in_name_slot

    assert _in_name_slot("joined connect in 2024", 7, 14)
    assert _in_name_slot("a connect member", 2, 9)
    assert not _in_name_slot("help connect workers", 5, 12)


def test_an_empty_reading_is_no_crash():
    from app.qa.form.question_sentence import asking_sentence

    assert asking_sentence("").question == ""  # was an IndexError, met by a perturbed question
