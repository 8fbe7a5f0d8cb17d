"""Question words typed without their vowels on a phone ("hw mny countries ratified c102 since
2021", "wht orgs fund ilo in jordan"): "hw mny" left a count asked as a list ("mny", three letters,
was no slip of "many" the two-letter "hw" could stand before).  The answer is the spelled-out
question's."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("typed, spelled", [
    ("hw mny countries ratified c102 since 2021", "how many countries ratified c102 since 2021"),
    ("wht orgs fund ilo in jordan", "what organisations fund ilo in jordan"),
    ("whch countries eu funds in africa", "which countries eu funds in africa"),
])
def test_shorthand_question_words_read_as_spelled(engine, typed, spelled):
    expected = engine.ask(spelled)
    assert expected["answers"]
    got = engine.ask(typed)
    assert got["answer_type"] == expected["answer_type"]
    assert [a["label"] for a in got["answers"]] == [a["label"] for a in expected["answers"]]
