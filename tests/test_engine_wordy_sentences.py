"""Wordy questions written as several sentences, with courtesies, hedges and thanks (qwordy9).

- A question written as several sentences asks in one of them: the sentences about the asker
  ("I'm doing background reading for a proposal."), greetings and thanks are set apart, and a
  pronoun in the asking sentence still points back into them.
- A connective left in front of the question proper ("..., but where did ...") is no part of it.
- "Not urgent", "no rush" are courtesies, not negations; "if any", "if the report says anything
  about it at all" after the question are hedges on the answer's existence, not conditions.
- "both A and B" names two things; "both" alone points back.
- "can you tell me according to Table 8, what ...": the scope after the verb of asking is asked.
- "ones" stands for the plural noun the dropped asides said ("countries").

The engine checks compare the wordy answer with the engine's answer to the bare question (or the
knowledge base's facts): nothing is typed from the report.
"""
from __future__ import annotations

import pytest

from app.qa.form.asides import without_asides
from app.qa.form.coreference import core_of, fill_ones
from app.qa.form.question_sentence import asking_sentence, split_sentences
from tests.support.engine import answer_ids, funders_per_country


@pytest.mark.parametrize("question, core", [
    ("Hi there. I'm doing some background reading for a grant proposal. Who funds Atlantis?", "Who funds Atlantis?"),
    ("My colleague and I disagree on this one, and neither of us has the file at hand. How many countries does "
     "Atlantis fund?", "How many countries does Atlantis fund?"),
    ("Could you help me out? Of the countries Atlantis funds, which are in Africa?",
     "Of the countries Atlantis funds, which are in Africa?"),
    ("Which countries does Atlantis fund? Many thanks.", "Which countries does Atlantis fund?"),
    ("We are reviewing our portfolio this week. When did Utopia ratify the convention? Thanks in advance!",
     "When did Utopia ratify the convention?"),
])
def test_the_sentence_that_asks_is_read(question, core):
    r = without_asides(question, pronouns=True)
    assert r.question == core and not r.pronoun and r.dropped, r


def test_a_sentence_that_says_what_is_asked_is_kept():
    q = "Table 4 lists results by region. Which countries in Africa had a scheme result?"
    assert asking_sentence(q).question == q and not asking_sentence(q).dropped


def test_a_second_question_keeps_the_text_whole():
    q = "Which countries does Atlantis fund? And which does Utopia fund?"
    assert asking_sentence(q).question == q


@pytest.mark.parametrize("question", ["I work on Utopia. Who funds it?", "We follow Utopia closely. Who funds the work there?"])
def test_a_pronoun_still_points_into_the_dropped_sentence(question):
    r = without_asides(question, pronouns=True)
    assert r.pronoun and any("Utopia" in d for d in r.dropped), r


def test_sentence_ends_are_not_abbreviations():
    assert split_sentences("Which countries ratified Convention No. 102 in 2024?") == [
        "Which countries ratified Convention No. 102 in 2024?"]
    assert len(split_sentences("Eni S.p.A. funds Utopia. Who else does?")) == 2


@pytest.mark.parametrize("question, core", [
    ("I don't know whether the report covers this, but where does Atlantis fund the work?",
     "Where does Atlantis fund the work?"),
    ("I follow this closely, so which countries does Atlantis fund?", "Which countries does Atlantis fund?"),
    ("Not urgent, but when you get a chance: who funds Atlantis?", "Who funds Atlantis?"),
    ("No rush at all, and whenever you can: which schemes does Utopia have?", "Which schemes does Utopia have?"),
])
def test_connectives_and_courtesies_are_not_part_of_the_question(question, core):
    r = without_asides(question, pronouns=True)
    assert r.question == core, r
    assert not any(w in r.question.lower().split() for w in ("not", "no", "but", "so")), r


@pytest.mark.parametrize("question, core, hedge", [
    ("Who funds Atlantis, if the report says anything about it at all?", "Who funds Atlantis?", "if the report"),
    ("Which schemes does Utopia have, if any?", "Which schemes does Utopia have?", "if any"),
    ("When did Utopia ratify the convention, as far as the report goes?", "When did Utopia ratify the convention?",
     "as far as"),
])
def test_a_hedge_after_the_question_is_dropped(question, core, hedge):
    r = without_asides(question)
    assert r.question == core and any(d.startswith(hedge) for d in r.dropped), r


def test_a_condition_naming_something_stays():
    r = without_asides("Which countries does Atlantis fund, if Utopia is left out?")
    assert "Utopia" in r.question


@pytest.mark.parametrize("question, core", [
    ("I'm not sure how to phrase this, but which countries had both a scheme result and an operations result?",
     "Which countries had both a scheme result and an operations result?"),
    ("Just checking for my notes, which countries either inquired or ratified?",
     "Which countries either inquired or ratified?"),
])
def test_both_and_joins_named_things(question, core):
    assert without_asides(question, pronouns=True).question == core


def test_both_alone_still_points_back():
    q = "I follow Utopia and Atlantis, so which countries do both fund?"
    assert without_asides(q, pronouns=True).question == q


@pytest.mark.parametrize("question, core", [
    ("Can you tell me according to Table 8, what were the resources required?",
     "According to Table 8, what were the resources required?"),
    ("I was wondering, in Table 2, which impact is the largest?", "In Table 2, which impact is the largest?"),
    ("I was wondering of the countries Atlantis funds, which one adopted a strategy?",
     "Of the countries Atlantis funds, which one adopted a strategy?"),
])
def test_the_scope_after_the_verb_of_asking_is_asked(question, core):
    assert without_asides(question, pronouns=True).question == core


def test_context_after_the_verb_of_asking_is_not_a_scope():
    r = without_asides("I was curious about Utopia, but which funders does Atlantis have?", pronouns=True)
    assert "Utopia" not in r.question


@pytest.mark.parametrize("question, noun", [
    ("Our board follows several donors closely; which of the Asian ones fund Utopia?", "donors"),
    ("I know Atlantis funds a lot of countries, but which of the African ones does Utopia fund?", "countries"),
])
def test_ones_stands_for_the_noun_of_the_asides(question, noun):
    r = fill_ones(without_asides(question, pronouns=True))
    assert f" {noun} " in r.question and "ones" not in r.question, r


def test_ones_without_a_noun_is_left():
    r = core_of("I follow this closely: which ones are funded by Atlantis?", lambda t: None)
    assert "ones" in r.question


@pytest.mark.parametrize("frame", [
    "Hi there. I'm doing some background reading for a grant proposal. Who funds the ILO's work in {c}?",
    "We're a small NGO and new to this. Who finances the programme in {c}? Many thanks.",
    "Not urgent, but when you get a chance: who funds the work in {c}?",
    "I don't know whether the report covers this, but who pays for the ILO's work in {c}?",
    "Who funds the ILO's work in {c}, if the report says anything about it at all?",
])
def test_wordy_frames_answer_as_the_bare_question(engine, frame):
    country, funders = next((c, f) for c, f in sorted(funders_per_country(engine.k).items()) if len(f) >= 2)
    asked = {q: answer_ids(engine, engine.ask(q.format(c=engine.k.label(country))))
             for q in ("Who funds the ILO's work in {c}?", frame)}
    bare, wordy = asked.values()
    assert bare >= funders and wordy == bare, frame


@pytest.mark.parametrize("question, core", [
    ("Not urgent, but when you get a chance: of the countries that Atlantis funds, which had a scheme result?",
     "Of the countries that Atlantis funds, which had a scheme result?"),
    ("We're a small NGO, so forgive me if this is obvious: of Utopia, Atlantis and Erewhon, which has ratified it?",
     "Of Utopia, Atlantis and Erewhon, which has ratified it?"),
    ("I couldn't find this in the summary, so: which countries that improved operations are funded by Atlantis?",
     "Which countries that improved operations are funded by Atlantis?"),
])
def test_a_relative_that_and_a_partitive_which_do_not_keep_the_preamble(question, core):
    assert without_asides(question, pronouns=True).question == core


@pytest.mark.parametrize("question", ["We follow Utopia and Atlantis: which of those countries does the EU fund?",
                                      "I read about Utopia's law. Which convention does that law follow?"])
def test_a_demonstrative_still_points_back(question):
    r = without_asides(question, pronouns=True)
    assert r.question == question or r.pronoun, r


def test_but_turns_to_the_question():
    r = without_asides("I don't know whether the report covers this, but in Africa, which countries does Atlantis fund?")
    assert r.question == "In Africa, which countries does Atlantis fund?", r


def test_a_question_typed_in_lower_case_after_a_full_stop_is_a_sentence():
    assert split_sentences("We have no copy at hand. in which year was it adopted") == [
        "We have no copy at hand.", "in which year was it adopted"]


@pytest.mark.parametrize("frame", [
    "I'm checking our notes for a board meeting. Has {c} ratified Convention No. 102?",
    "Could you help me out? Is it true that {c} has ratified Convention No. 102?",
    "Hi. We are updating a legal database. Has {c} ratified Convention No. 102? Thanks!",
])
def test_a_yes_no_question_after_the_askers_sentences_is_answered_yes_or_no(engine, frame):
    ratified = sorted(f["subject"] for f in engine.k.facts_where(predicate="ratified") if f["subject"].startswith("Country:"))
    if not ratified:
        pytest.skip("no ratification in this build")
    name = engine.k.label(ratified[0])
    bare = engine.ask(f"Has {name} ratified Convention No. 102?")
    res = engine.ask(frame.format(c=name))
    assert res["strategy"] == bare["strategy"] == "graph (yes/no)", res["path"][:2]
    assert [a["label"] for a in res["answers"]] == [a["label"] for a in bare["answers"]]


@pytest.mark.parametrize("question, dropped", [
    ("Which countries does Atlantis fund? Asking for a donor review.", "Asking for a donor review."),
    ("Who funds Utopia? Just curious.", "Just curious."),
    ("Who funds Utopia? For a briefing note.", "For a briefing note."),
    ("Which brands does the report list for Utopia, at least the ones it names?", "at least the ones it names"),
])
def test_a_stated_purpose_or_a_completeness_hedge_is_set_apart(question, dropped):
    r = without_asides(question)
    assert dropped in r.dropped and r.question.endswith("?") and dropped not in r.question, r


def test_a_purpose_that_asks_is_kept():
    q = "For a briefing note, which countries does Atlantis fund?"
    assert asking_sentence(q).question == q


@pytest.mark.parametrize("question", ["I work on Utopia, so in that country, who funds the work?",
                                      "I cover Utopia and Atlantis, and since those countries matter most, who funds them?"])
def test_a_clause_going_on_from_the_askers_that_points_back_keeps_the_question_whole(question):
    assert without_asides(question, pronouns=True).question == question


def test_with_that_in_mind_is_still_dropped():
    assert without_asides("I work on Utopia, so with that in mind, who funds Atlantis?").question == "Who funds Atlantis?"
