"""A described set whose frame words are misspelt ("The countriees that ratified C102 in 2023 - who
funds them?") is read once the question is spelled, as the described-country reading already is:
the set-description reader works on the words as typed, so a slip in "countries" made it a plain
question over every ratifier (app/qa/engine.py, ``_ask_reading``).  A metamorphic pair: the same
answers as the correctly spelled question."""
from __future__ import annotations

import pytest


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("slip", ["countriees", "contries"])
def test_a_misspelt_described_set_is_chained(engine, slip):
    plain = "The countries that ratified C102 in 2023 - who funds them?"
    want = _labels(engine, plain)
    assert want and engine.ask(plain)["answer_type"] == "Organization"
    assert _labels(engine, plain.replace("countries", slip)) == want
