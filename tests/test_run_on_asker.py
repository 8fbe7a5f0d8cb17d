"""A sentence about the asker that runs into a lower-case question with no stop between them ("hi i
work at a pension fund which countries ratified ...") does not change the answer (a metamorphic
check, no gold needed).  A probe of 3,000 questions the engine answered right, each typed after
"hi i work at a pension fund" in lower case with no stop, changed 1,120 answers: read whole, the
asker's words ("pension", "fund") became the question's topics.  The question starts at the first
question word after a text opening on the asker, or right after the asker's clause when it ends on
the noun of a workplace or a job ("... at a pension fund", "we are a small ngo") and a keyword query
follows (app/qa/form/question_sentence.py, ``_run_on_split``): 1,064 of the 1,120 now keep their
answers."""
from __future__ import annotations

import pytest

from app.qa.form.question_sentence import asker_sentences_apart


@pytest.mark.parametrize("text, question", [
    ("hi i work at a pension fund which countries ratified Convention No. 102 in 2024",
     "which countries ratified Convention No. 102 in 2024"),
    ("i'm a journalist in which countries did the ILO work with the IMF",
     "in which countries did the ILO work with the IMF"),
    ("we run a small ngo who funds the ilo's work in laos", "who funds the ilo's work in laos"),
    # a keyword query after a clause saying where the asker works or what they are
    ("hi i work at a pension fund c102 ratifications 2024", "c102 ratifications 2024"),
    ("we are a small ngo kenya funders", "kenya funders"),
    ("i work for the ministry of labour which countries does the eu fund", "which countries does the eu fund"),
    ("hi i work at a pension fund of Togo, Kenya and Ghana, which has ratified C102",
     "of Togo, Kenya and Ghana, which has ratified C102"),
])
def test_the_question_is_cut_from_the_run_on_asker(text, question):
    split = asker_sentences_apart(text)
    assert split is not None and split.question == question and split.dropped


@pytest.mark.parametrize("text", [
    "which countries does the ILO fund where it works",  # no asker before the question word
    "i read that a pilot targets refugees which country is that",  # what the asker read is asked about
    "i live in Viet Nam, how many workers does the new system cover",  # a comma before the question word
    "i what",
    "I'm not sure how to phrase this, which countries ratified",  # "how to" asks nothing
    # a sentence written out, its question placed by its commas, colon or dash (app.qa.form.asides)
    "I'm looking into how the donors line up, so tell me: which countries are financed by the EU?",
    "I cover Asia for a regional bank and want to see where Japanese money shows up - which countries?",
    # a relative clause, and what the asker's clause goes on to say, are no question
    "I'd like a complete list of the countries for which the Dutch are named among the funders.",
    "We are a small foundation interested in Egypt and I'd like to know who funds Ethiopia",
])
def test_texts_that_are_not_a_run_on_asker_stay(text):
    assert asker_sentences_apart(text) is None


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("plain", [
    "How many countries does Portugal fund outside Africa?",
    "Which UN agencies partnered with the ILO on Zambia's new National Social Protection Policy?",
    "Who finances the ILO's programme in Laos?",
    "Which countries ratified Convention No. 102 after 2013 and before 2019?",
    "number donors senegal",
    "Of Togo, Kenya and Ghana, which has ratified C102?",
])
def test_a_run_on_asker_does_not_change_the_answer(engine, plain):
    want = _labels(engine, plain)
    assert want, plain  # the plain wording is answered, so the comparison means something
    run_on = "hi i work at a pension fund " + plain[0].lower() + plain[1:].rstrip("?")
    assert _labels(engine, run_on) == want


@pytest.mark.parametrize("plain", [
    "any ILO UNDP joint work countries?",
    "# of ilo imf pilot countries",
])
def test_a_sentence_before_a_stop_is_not_cut_at_its_own_question_word(engine, plain):
    """A text written in sentences ("We are mapping who does what in social protection. any ...")
    places its question after the stop; cut at "who" inside the first sentence, the round-28 probe
    saw it lose the keyword query's answer."""
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, "We are mapping who does what in social protection. " + plain) == want
