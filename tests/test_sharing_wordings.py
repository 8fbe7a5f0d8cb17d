"""A verb of sharing asks what two named ends have in common (graphstep.SHARING).

"Compare Jordan and Lebanon: which donors they are sharing?", "Which funders do X and Y share?",
"Do X and Y have the same donors?": only "both", "in common", "common" and the like read two named
countries as ends the answer must share, so these wordings listed the funders of either country.
The answer of each wording is the answer of the "in common" wording (no answer is written here).
"""
from __future__ import annotations

import re

import pytest

from app.qa.graphstep import SHARING


@pytest.mark.parametrize("text, hit", [
    ("which donors they are sharing", True),
    ("which funders do the two share?", True),
    ("do they have the same donors", True),
    ("what share of the funds", False),  # the noun
    ("in the same year", False),
])
def test_sharing_words(text, hit):
    assert bool(re.search(r"\b(?:" + SHARING + r")", text, re.I)) is hit


def _labels(engine, q):
    return {a["label"] for a in engine.ask(q)["answers"]}


@pytest.mark.parametrize("a, b", [("Jordan", "Lebanon"), ("Kenya", "Côte d'Ivoire")])
def test_sharing_wordings_answer_what_the_two_have_in_common(engine, a, b):
    common = _labels(engine, f"Which funders do {a} and {b} have in common?")
    either = _labels(engine, f"Who funds {a} or {b}?")
    assert common and common < either
    for q in (f"Compare {a} and {b}: which donors they are sharing for the ILO work?",
              f"Which funders do {a} and {b} share?",
              f"Do {a} and {b} have the same donors? Which ones?"):
        assert _labels(engine, q) == common, q
