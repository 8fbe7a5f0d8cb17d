"""A comparison whose yardstick comes first ("Compared with Zambia, did Uganda achieve more ...",
"Relative to Japan, does Portugal fund more countries?") is the same comparison as "Did Uganda or
Zambia ...": before, the names were not read as compared, and the first question listed every
country with a result."""
from __future__ import annotations

import pytest


def _labels(engine, q: str) -> set[str]:
    return {a["label"] for a in engine.ask(q)["answers"]}


@pytest.mark.parametrize("fronted, plain", [
    ("Compared with Zambia, did Uganda achieve more or fewer institutional results in 2024? Give the country with more.",
     "Did Uganda or Zambia achieve more institutional results in 2024?"),
    ("Compared to Japan, does Portugal fund more countries?", "Which funds more countries, Portugal or Japan?"),
    ("relative to ireland, does the EU fund more countries", "Does the EU or Ireland fund more countries?"),
])
def test_a_fronted_yardstick_compares_the_two_names(engine, fronted, plain):
    want = _labels(engine, plain)
    assert len(want) == 1, want
    assert _labels(engine, fronted) == want


def test_a_compared_with_aside_is_no_comparison_of_two_names(engine):
    # one name only: nothing to compare, the question keeps its list reading
    want = _labels(engine, "Which countries does Japan fund?")
    assert want
    assert _labels(engine, "Compared with other donors, which countries does Japan fund?") == want
