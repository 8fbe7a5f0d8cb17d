"""The frame a writer puts around a question (app/qa/form/asked_core.py and its four rewrites).

- A request lead-in ("I'd like to know", "Could you tell me", "Please let me know") before a keyword
  core, a statement or a question is dropped (request_lead).
- An answer noun named before "which ones" ("Thinking of countries: which ones ...") is put back
  after the question word (fronted_type); a set described there is left to set_by_description.
- Thanks, a signature and a follow-up about the answer ("Is that right?") after the question are
  dropped (sign_off); a second question that names something is kept.
- An aside the writer marks off with dashes, brackets or commas is dropped when it is the asker's
  remark or a hedge and limits nothing (marked_aside).

The engine checks are strip-and-compare: the framed question gets the answer of the bare one, over
several wordings and several subjects taken from the knowledge base's facts (no answer typed here).
"""
from __future__ import annotations

import pytest

from app.qa.form import fronted_type, marked_aside, request_lead, sign_off
from app.qa.form.asked_core import of
from tests.support.engine import answer_ids, funders_per_country


@pytest.mark.parametrize("question, core", [
    ("Could you tell me atlantis c102 ratification year?", "atlantis c102 ratification year?"),
    ("I'd like to know utopia funded countries.", "utopia funded countries."),
    ("Please let me know the country where the pilot ran - when did it ratify?",
     "the country where the pilot ran - when did it ratify?"),
    ("I was wondering who funds the work in Atlantis.", "Who funds the work in Atlantis?"),
    ("Hi there, could you please tell me which countries does Utopia fund.", "Which countries does Utopia fund?"),
    # what is left is typed in lower case: it stays so (its lower-case acronyms stay names, see
    # app.qa.form.as_sentence_start)
    ("Can you find out for me where the focal point is stationed?", "where the focal point is stationed?"),
    ("Can you find out for me where the ILO focal point is stationed?", "Where the ILO focal point is stationed?"),
])
def test_a_request_lead_in_is_dropped(question, core):
    assert request_lead.strip(question) == core


@pytest.mark.parametrize("question", [
    "Could you tell me about pensions in Atlantis?",  # a topic to talk about
    "I'd like to know whether Atlantis ratified C102.",  # a yes/no question, read elsewhere
    "Could you tell me more?",
    "Tell me what the Atlantis project is.",  # a definition: read whole by app.qa.things.definition
    "Could you tell me, for a newcomer, what the Utopia network actually is?",
    "Which countries does Utopia fund?",
])
def test_no_request_lead_in_leaves_the_question_alone(question):
    assert request_lead.strip(question) == question


@pytest.mark.parametrize("question, core", [
    ("Thinking of countries: which ones ratified the convention in 2023?", "Which countries ratified the convention in 2023?"),
    ("Looking at the organisations in the report, which ones fund the work in Atlantis?",
     "Which organisations fund the work in Atlantis?"),
    ("Of all the donors the report mentions, which of them fund Utopia?", "Which donors fund Utopia?"),
])
def test_an_answer_noun_named_before_which_ones_is_put_back(question, core):
    assert fronted_type.rewrite(question) == core


@pytest.mark.parametrize("question", [
    "Of the countries that ratified the convention, which ones are pathfinders?",  # a described set
    "Looking at the pathfinders Atlantis funds, which ones had a result?",
    "Thinking of this: which ones are funded?",
])
def test_a_described_set_before_which_ones_is_left_alone(question):
    assert fronted_type.rewrite(question) == question


@pytest.mark.parametrize("question, core", [
    ("Which countries does Utopia fund? Is that right?", "Which countries does Utopia fund?"),
    # (a keyword query's own question mark goes too: it asks nothing more, see sign_off)
    ("atlantis c102 year? Also, is that list complete as far as the report goes?", "atlantis c102 year"),
    ("Which countries does Utopia fund? Thanks in advance! Maria", "Which countries does Utopia fund?"),
    ("Which countries does Utopia fund? Cheers, Tom", "Which countries does Utopia fund?"),
    ("utopia funded countries - Thank you so much, this helps a lot.", "utopia funded countries"),
    ("utopia funded countries, thanks!", "utopia funded countries"),
    # a plea for help after an indirect question is no question of its own
    ("A colleague asked me who funds the work in Utopia. Can you help?", "A colleague asked me who funds the work in Utopia."),
    ("Who funds Atlantis? Could you please help me with this?", "Who funds Atlantis?"),
    ("Who funds Atlantis? Any help would be appreciated.", "Who funds Atlantis?"),
])
def test_thanks_signatures_and_follow_ups_after_the_question_are_dropped(question, core):
    assert sign_off.strip(question) == core


@pytest.mark.parametrize("question", [
    "Who funds Atlantis? Is that the same as for Utopia?",  # a second question naming something
    "Which donors, thanks to whom the work grew, fund Atlantis?",
    "Thanks! Who funds Atlantis?",
    "Who funds Atlantis?",
    "Who funds Atlantis? Can you help me find its partners too?",  # the plea asks for more
])
def test_a_second_question_or_a_leading_thanks_stays(question):
    assert sign_off.strip(question) == " ".join(question.split())


@pytest.mark.parametrize("question, core", [
    ("Which countries financed - and this is just for my own notes - by Utopia are pathfinders?",
     "Which countries financed by Utopia are pathfinders?"),
    ("utopia funded countries (roughly speaking)", "utopia funded countries"),
    ("countries ratified in 2022, if the report says,", "countries ratified in 2022"),
    ("Who funds Atlantis (I need it for my slides)?", "Who funds Atlantis?"),
    ("Which countries financed (at least partly) by Utopia are pathfinders?", "Which countries financed by Utopia are pathfinders?"),
])
def test_an_askers_marked_aside_is_dropped(question, core):
    assert marked_aside.strip(question) == core


@pytest.mark.parametrize("question", [
    "Which countries (not in Africa) does Utopia fund?",  # limits what is asked
    "Which countries - apart from those I know - does Utopia fund?",
    "Which countries (or refugee women) are covered?",  # names a second group, no asker word
    "Which countries does Utopia fund - and, if you can, which does Atlantis fund - in Africa?",  # a name inside
    "Who funds Atlantis, Utopia and Erewhon?",
])
def test_a_marked_segment_that_limits_or_names_stays(question):
    assert marked_aside.strip(question) == question


def _funded(engine):
    """Two countries with two or more funders each, from the knowledge base's facts."""
    per = {c: f for c, f in funders_per_country(engine.k).items() if len(f) >= 2}
    if len(per) < 2:
        pytest.skip("the report names no two countries with two funders")
    return [engine.k.entity(c)["label"] for c in sorted(per)[:2]]


FRAMES = [
    "I'd like to know {q}",
    "Could you tell me {q}",
    "{q}? Is that right?",
    "{q}? Thanks in advance! Maria",
    "{q} - Cheers, Tom",
]


@pytest.mark.parametrize("frame", FRAMES)
def test_a_framed_question_gets_the_bare_answer(engine, frame):
    for country in _funded(engine):
        for bare in (f"who funds the work in {country}", f"{country.lower()} donors"):
            want = answer_ids(engine, engine.ask(bare))
            assert want
            got = answer_ids(engine, engine.ask(frame.format(q=bare)))
            assert got == want, (frame, bare)


def test_a_fronted_answer_noun_gets_the_answer_of_the_plain_question(engine):
    for country in _funded(engine):
        want = answer_ids(engine, engine.ask(f"Which organisations fund the work in {country}?"))
        for framed in (f"Looking at the organisations in the report, which ones fund the work in {country}?",
                       f"Thinking of organisations: which ones fund the work in {country}?"):
            assert answer_ids(engine, engine.ask(framed)) == want


def test_the_frames_are_peeled_in_one_pass():
    assert of("Could you tell me, thinking of countries: which ones does Utopia fund? Is that right? Cheers, Tom") \
        == "Which countries does Utopia fund?"
