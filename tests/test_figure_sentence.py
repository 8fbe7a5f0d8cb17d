"""A figure or a year is read from the sentence that names what the question asks about
(app/qa/textstep.py unit_scores): "how much did Korea commit" is the sentence naming Korea, not the
round total two sentences before it in the same passage; a year, also from the sentence that goes
on about it ("... partners with Eni. The initiative, launched in November 2023, ...").

Expected figures are read from the passages in Python (the sentence naming the entity); the
questions are written here, several wordings.
"""
from __future__ import annotations

import re

import pytest


def _sentence_with(engine, *words: str) -> str:
    for p in engine.k.passages.values():
        for s in re.split(r"(?<=[.!?])\s+", p.text):
            if all(w.lower() in s.lower() for w in words):
                return s
    raise AssertionError(f"no sentence with {words}")


@pytest.mark.parametrize("question,name", [
    ("how much did korea commit to the global accelerator", "Korea"),
    ("What amount did the Republic of Korea commit to the ILO for Global Accelerator projects?", "Korea"),
    ("how much did france commit to the ILO for the global accelerator", "France"),
])
def test_amount_is_read_from_the_sentence_naming_the_entity(engine, question, name):
    sentence = _sentence_with(engine, name, "committed")
    res = engine.ask(question)
    assert res["answer_type"] == "Number" and res["answers"], res["path"]
    label = res["answers"][0]["label"]
    assert label in sentence, (label, sentence)


@pytest.mark.parametrize("question", [
    "In what year was the initiative with the Italian energy company Eni launched?",
    "When did the ILO launch its initiative with Eni?",
])
def test_year_is_read_from_the_sentence_going_on_about_the_entity(engine, question):
    named = _sentence_with(engine, "partners with", "Eni")
    follow = _sentence_with(engine, "The initiative, launched")
    assert "Eni" not in follow, "the fixture needs a follow-up sentence that does not name Eni"
    year = re.search(r"\b(?:19|20)\d\d\b", follow).group(0)
    assert year not in named
    res = engine.ask(question)
    labels = [a["label"] for a in res["answers"]][:1]
    # a "when" question may say the month the sentence dates it by ("November 2023"): the year is the same
    assert labels and labels[0].endswith(year) and (labels[0] == year or question.startswith("When")), res["path"]


def _picked(seg: str, question: str) -> float | None:
    """The value the number picker reads out of ``seg`` for ``question`` (every question word counted)."""
    from app.qa.figures.numbers import pick
    from app.qa.units import terms

    asked = set(terms(question))
    got = pick(seg, question, lambda w: bool(set(terms(w)) & asked), strict=False)
    return got.value if got is not None else None


# A figure counting a part of what the figure before it counts ("N of whom ..."): what follows it is
# said of the part, what comes before of the whole.  Sentences written here, not the report's.
_PART = ("In Utopia, support was extended to 8,400 farmers with small plots through the Rural Support "
         "Scheme, 2,100 of whom also received a drought bonus during the dry season.")


@pytest.mark.parametrize("question,want", [
    ("How many farmers with small plots received the drought bonus?", 2100.0),
    ("utopia drought bonus recipients", 2100.0),
    ("How many farmers with small plots were supported through the Rural Support Scheme?", 8400.0),
])
def test_partitive_figure_owns_what_is_said_after_it(question, want):
    assert _picked(_PART, question) == want


# Ages asked in keyword queries and as a range's bound.  Sentences written here.
_AGES = "The Utopian carers' allowance is paid monthly to 12,000 persons with disabilities aged 18 to 45 living in the north."


@pytest.mark.parametrize("question,want", [
    ("utopia carers allowance maximum age", 45.0),
    ("What is the youngest age at which someone can receive the Utopian carers' allowance?", 18.0),
    ("up to what maximum age is the utopian carers allowance paid", 45.0),
    ("utopia carers allowance age", 18.0),
])
def test_age_questions_pick_the_age_and_its_bound(question, want):
    assert _picked(_AGES, question) == want


@pytest.mark.parametrize("question", ["What is the youngest age for the allowance?",
                                      "up to what maximum age is it paid", "what is the maximum age"])
def test_age_questions_ask_a_number(question):
    from app.qa.question import answer_type

    assert answer_type(question) == "Number"
