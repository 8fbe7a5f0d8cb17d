"""A table row written in the singular ("Step 1: Strategy adopted") is named by the plural a
question uses ("strategies adopted"): the stemmer strips "ies" but left "strategy" whole, so the
row was never named and "how many more ... than from strategies adopted" answered one cell."""
from __future__ import annotations

import re

from app.qa.figures.tables import terms


def test_singular_and_plural_in_y_meet():
    for one, many in [("strategy", "strategies"), ("policy", "policies"), ("study", "studies")]:
        assert terms(one) == terms(many)
    assert terms("survey") != terms("surve")  # a vowel before the y keeps it


def test_two_rows_named_in_the_plural_are_subtracted(engine):
    got = engine.ask("In 2024, how many more institutional changes came from improving operations "
                     "than from strategies adopted?")
    why = " ".join(got["path"])
    m = re.search(r"\((\d[\d,]*)\) − “[^”]*” \((\d[\d,]*)\)", why)
    assert m, why  # two rows of one column, subtracted
    a, b = (int(x.replace(",", "")) for x in m.groups())
    assert [x["label"] for x in got["answers"]] == [f"{abs(a - b):,}"]
