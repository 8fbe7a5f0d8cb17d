"""A number that only names the set of result kinds ("nothing under any of the three result types")
is no count of kinds a country must hold, with the article dropped too ("any of three result
types"): before, the article-less wording asked for countries with exactly three kinds and
answered nothing."""
from __future__ import annotations

import pytest

from app.qa.constraints.result_sets import _numbered


@pytest.mark.parametrize("question, counts", [
    ("which countries have nothing under any of the three result types", False),
    ("which countries have nothing under any of three result types", False),
    ("which countries achieved none of three result types", False),
    ("which countries achieved two result types", True),
    ("which countries achieved results of two of three types", True),
])
def test_a_number_after_any_of_names_the_set(question, counts):
    assert (_numbered(question) is not None) == counts


def test_dropped_articles_keep_the_answer(engine):
    plain = "For the Americas, which countries in Table 4 have nothing ticked under any of the three result types?"
    bare = "For Americas, which countries in Table 4 have nothing ticked under any of three result types?"
    want = {a["label"] for a in engine.ask(plain)["answers"]}
    assert want
    assert {a["label"] for a in engine.ask(bare)["answers"]} == want
