"""Places inside a country ("which Indian state", "which provinces", "which Kenyan counties") are
asked as text the sentences write, never answered with the country itself.

Before: "Which Indian state is working on a social security bill for platform-based gig workers?"
linked "Indian" to the country, read "state" as a country noun and answered the country; the
sentence writes the state as "the State of <Name>", a form the group finder did not read.
"""
from __future__ import annotations

import re

import pytest

from app.qa.question import answer_type, asks_inner_place
from app.qa.topics.spans import _listed_before


@pytest.mark.parametrize("question, inner", [
    ("Which Indian state is working on a bill?", True),
    ("In which Indian state were consultations held?", True),
    ("Which provinces of the country subsidise contributions?", True),
    ("Which Kenyan counties piloted the strategy?", True),
    ("Which Arab states ratified the convention?", False),     # states that are countries
    ("Which member states ratified the convention?", False),
    ("Which states ratified the convention in 2024?", False),
    ("Which African states ratified the convention?", False),  # a continent's adjective: countries
])
def test_inner_place_questions(question, inner):
    assert asks_inner_place(question) is inner
    if inner:
        assert answer_type(question) == "Text"
    else:
        assert answer_type(question) == "Country"


def test_a_place_named_after_its_kind_is_read():
    seg = "Consultations were conducted in the State of Karnataka in March, which is drafting a bill."
    (s, e), = _listed_before(seg, "state")
    assert seg[s:e] == "Karnataka"
    seg2 = "The piloting continued in Kisumu and Mombasa counties."
    assert [seg2[s:e] for s, e in _listed_before(seg2, "counties")] == ["Kisumu", "Mombasa"]


def test_engine_answers_the_state_the_report_names(engine):
    text = "\n".join(p.text for p in engine.k.passages.values())
    m = re.search(r"the State of ([A-Z][a-z]+)[^.]*?working to introduce[^.]*?\bgig workers", text)
    assert m, "the report writes a state working on a bill for gig workers"
    got = engine.ask("Which Indian state is working on a social security bill for platform-based gig workers?")
    assert got["answer_type"] == "Text"
    assert [a["label"] for a in got["answers"]] == [m.group(1)]
