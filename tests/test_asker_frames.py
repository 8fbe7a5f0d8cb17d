"""The frame an asker puts around a question does not change its answer (a metamorphic check, no
gold needed): a greeting or a sentence about the asker before it, a label before a colon ("Quick
question for a donor brief: ..."), a thank-you or plea for help after a keyword query typed with no
stop before it ("mul contributors Any help would be appreciated.").  A probe of 1,300 questions the
engine answered right found one in ten changed by such frames, nearly all keyword queries: read
whole, their own reading (the count word first, the word order) never started.

A sentence that tells what the asker heard ("I read that a pilot will target refugees.") or names
something ("I work on Jordan.") is the question's, and stays (app/qa/form/question_sentence.py,
``asker_sentences_apart``; app/qa/engine.py, ``_asking_sentence_proper``)."""
from __future__ import annotations

import pytest

from app.qa.form import asked_core
from app.qa.form.question_sentence import asker_sentences_apart


@pytest.mark.parametrize("text, want", [
    ("mul contributors Any help would be appreciated.", "mul contributors"),
    ("eu financing support countries Thanks a lot for your help!", "eu financing support countries"),
    ("ukraine c102 ratified when thanks a lot", "ukraine c102 ratified when"),
    ("Quick question for a donor brief: kenya health insurance fund replaced 2024",
     "kenya health insurance fund replaced 2024"),
    ("For my thesis: number donors senegal", "number donors senegal"),
    # kept: "how many" is no thank-you; a label naming a country is the question's; a capital
    # after a keyword query that is no thanks; "thank" is a verb
    ("portugal funded countries improving operations result how many Thanks!",
     "portugal funded countries improving operations result how many"),
    ("For my thesis on Kenya: funders", "For my thesis on Kenya: funders"),
    ("What does Kenya Any do", "What does Kenya Any do"),
    ("Which partners did the report thank", "Which partners did the report thank"),
])
def test_frames_are_peeled_off(text, want):
    assert asked_core.of(text) == want


@pytest.mark.parametrize("text, question", [
    ("I am preparing a briefing for my team. pathfinders roadmap endorsed 2024", "pathfinders roadmap endorsed 2024"),
    ("For my thesis. c102 ratifications 2024", "c102 ratifications 2024"),
])
def test_a_keyword_query_after_sentences_about_the_asker(text, question):
    split = asker_sentences_apart(text)
    assert split is not None and split.question == question and split.dropped


@pytest.mark.parametrize("text", [
    "The report is long. pathfinders roadmap endorsed 2024",  # a statement of context, not about the asker
    "kenya vs. uganda funders",  # "vs." ends no sentence
    "I read that a pilot will target refugees. Which country is that in?",  # what the asker read is asked about
    "A friend told me registered workers grew to 146,000. Which country was that?",
])
def test_sentences_that_carry_the_question_stay(text):
    assert asker_sentences_apart(text) is None


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("plain, framed", [
    ("number donors senegal", "For my thesis. number donors senegal"),
    ("number donors senegal", "I am preparing a short briefing note for my team on the report. number donors senegal"),
    ("countries funded by both irland and the eu", "countries funded by both irland and the eu Thanks a lot for your help!"),
    ("countries funded by both irland and the eu",
     "I am preparing a short briefing note for my team. countries funded by both irland and the eu"),
    ("countries funded by both irland and the eu", "Could you please tell me: countries funded by both irland and the eu"),
    ("mul contributors", "mul contributors Any help would be appreciated."),
    ("eu financing support countries", "eu financing support countries Any help would be appreciated."),
    ("kenya health insurance fund replaced 2024", "Quick question for a donor brief: kenya health insurance fund replaced 2024"),
    ("Of the pathfinders that formally endorsed their national roadmaps in 2024, which one is funded by Ireland?",
     "Hi there! Of the pathfinders that formally endorsed their national roadmaps in 2024, which one is funded by Ireland?"),
    ("Is there a report on fiscal space for social protection in Timor Leste?",
     "Hi there! Is there a report on fiscal space for social protection in Timor Leste?"),
    ("Which programme gives a monthly benefit to everyone aged 70 and above?",
     "We are mapping who does what in social protection. Which programme gives a monthly benefit to everyone aged 70 and above?"),
])
def test_the_frame_does_not_change_the_answer(engine, plain, framed):
    want = _labels(engine, plain)
    assert want, plain  # the plain wording is answered, so the comparison means something
    assert _labels(engine, framed) == want


def test_a_sentence_naming_the_subject_stays_with_the_query(engine):
    # "I work on Jordan." names what "funders" asks about: dropping it would leave no subject
    assert _labels(engine, "I work on Jordan. funders") == _labels(engine, "Jordan funders")
