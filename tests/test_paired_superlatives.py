""""Which country ratified C102 earliest, and which most recently?": both ends of one ranking
(app.qa.form.paired_superlatives).  Read whole, only one end came back.  The expected answer is the
engine's own answers to the two rankings asked apart; the questions are written for these tests."""
from __future__ import annotations

import pytest

from app.qa.form.paired_superlatives import split


@pytest.mark.parametrize("q, pair", [
    ("which country ratified C102 earliest, and which most recently",
     ("Which country ratified C102 earliest?", "Which country ratified C102 most recently?")),
    ("Which donor funds the most countries and which the fewest?",
     ("Which donor funds the most countries?", "Which donor funds the fewest countries?")),
    ("For my note, which country joined first, and which one was the last?",
     ("Which country joined first?", "Which country joined last?")),
    ("Which country ratified C102 earliest?", None),
    ("Which countries ratified C102 and which are pathfinders?", None),
])
def test_split(q, pair):
    assert split(q) == pair


def test_both_ends_answered(engine):
    q = "Which country ratified Convention No. 102 earliest, and which one most recently?"
    first, second = split(q)
    want = {a["label"] for a in engine.ask(first)["answers"]} | {a["label"] for a in engine.ask(second)["answers"]}
    got = {a["label"] for a in engine.ask(q)["answers"]}
    assert got == want and len(want) >= 2
