"""The type asked by "the name of <thing>" / "what is <thing> called" is the thing's head noun
(app.qa.things.name_asked), and a scheme asked by a "pilot" noun is read as a scheme: pure functions over
wordings written for these tests, plus the engine over the real build for a kind of question."""
from __future__ import annotations

import pytest

from app.qa.multihop.described_scheme import asked_head
from app.qa.things.name_asked import name_asked_type
from app.qa.question import answer_type


@pytest.mark.parametrize("question, expected", [
    ("What was the name of Atlantis's donor-funded pilot that paid part of the contributions?", "Scheme"),
    ("What is the name of the donor-backed pilot programme in Atlantis that subsidised contributions?", "Scheme"),
    ("I read that Atlantis brought in a monthly payment. What is that benefit called, and under which law?", "Scheme"),
    ("What's the title of the joint policy paper that three agencies published on pensions?", "Publication"),
    ("Give me the name of the report assessing the national fund's health insurance schemes", "Publication"),
    ("Could you tell me the exact name of the bill that the state is working to introduce?", "Law"),
    ("what's the name of the big online course on social protection", "Publication"),
    ("What is the name of the country whose minister was quoted?", "Country"),
    ("What is the name of the Asian network that added five members?", "Initiative"),
])
def test_the_named_things_head_noun_says_the_type(question, expected):
    assert name_asked_type(question) == expected
    assert answer_type(question) == expected


@pytest.mark.parametrize("question", ["Which donors fund Atlantis?", "what did the programme do in 2024",
                                      "What is the name of it?"])
def test_no_name_of_a_kind_decides_nothing(question):
    assert name_asked_type(question) is None


@pytest.mark.parametrize("question, expected", [
    ("Which pilot gives the garment workers cover after an accident?", "Scheme"),
    ("Which pilot countries did the two organisations start with?", "Country"),
    ("Which of the pilot or new-phase countries are pathfinders?", "Country"),
])
def test_a_pilot_is_a_scheme_unless_it_qualifies_countries(question, expected):
    assert answer_type(question) == expected


@pytest.mark.parametrize("question, head", [
    ("What was the name of Atlantis's donor-funded pilot that paid part of the contributions?", "pilot"),
    ("Which pilot gives the 4 million garment workers cover?", "pilot"),
    ("Which pilot covers 4 million workers?", "pilot"),
    ("Which pilot countries did they start with?", None),
    ("What is the joint programme Atlantis launched?", "programme"),
])
def test_the_scheme_noun_asked_with_a_verb_or_a_compound_adjective_around_it(question, head):
    assert asked_head(question) == head


@pytest.mark.parametrize("question", [
    "What was the name of {country}'s donor-funded {noun} that {words}?",
    "Which {noun} gives {words} in {country}?",
])
def test_a_described_scheme_is_found_whatever_the_frame(engine, question):
    """For each scheme the graph places in one country and names with a kind noun, describe it by
    two words of its sentences (not of its name) in both frames: the answer is that scheme."""
    import re

    checked = 0
    for ent in engine.k.of_type("Scheme"):
        label = ent["label"]
        noun = next((w for w in ("pilot", "programme", "scheme") if w in label.lower().split()), None)
        countries = [f["object"] for f in engine.k.facts_where(subject=ent["id"]) if f["predicate"] == "schemeInCountry"]
        if not noun or len(countries) != 1:
            continue
        cname = engine.k.label(countries[0])
        sentence = next((f.get("attrs", {}).get("sentence") for f in engine.k.facts_about(ent["id"])
                         if f.get("attrs", {}).get("sentence")), "")
        # two long words of the sentence that names it, neither in its name nor its country's
        picked = [w for w in re.findall(r"[a-z]{6,}", sentence.lower())
                  if w not in label.lower() and w not in cname.lower()][:3]
        if len(picked) < 2:
            continue
        q = question.format(country=cname, noun=noun, words=" ".join(picked))
        res = engine.ask(q)
        labels = [a["label"] for a in res["answers"]]
        if labels == [label]:
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize("question, expected", [
    ("I remember the ILO put out a fact sheet with a UN office in 2031, what was it called?", "Publication"),
    ("The ministry set up a new pilot last year; what is it called?", "Scheme"),
])
def test_what_it_is_called_is_the_thing_said_before(question, expected):
    """"..., what was it called?": the pronoun stands for the thing the sentence named before."""
    assert name_asked_type(question) == expected
