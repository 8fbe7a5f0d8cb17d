"""A ratification still ahead ("which convention is X looking to ratify") asks what a country that has
ratified nothing works towards: the instruments it is assessed against or inquired about
(app.qa.question.PROSPECTIVE, the ratification branch of app.qa.graphstep).  Real engine, real build."""
from __future__ import annotations

import pytest

from app.qa.question import PROSPECTIVE
from tests.support.engine import answer_ids


@pytest.mark.parametrize("question,prospective", [
    ("which convention is atlantis looking to ratify", True),
    ("what is atlantis considering ratifying", True),
    ("atlantis roadmap towards ratification", True),
    ("conventions atlantis plans to eventually ratify", True),
    ("which conventions did atlantis ratify", False),
    ("when did atlantis ratify c102", False),
    ("is atlantis's ratification valid yet", False),
])
def test_prospective_wording(question, prospective):
    assert bool(PROSPECTIVE.search(question)) == prospective


def test_a_country_with_no_ratification_asked_what_it_looks_to_ratify(engine):
    k = engine.k
    ratifiers = {f["subject"] for f in k.facts_where(predicate="ratified")}
    assessed: dict[str, set[str]] = {}
    for p in ("alignmentAssessed", "inquiredAbout"):
        for f in k.facts_where(predicate=p):
            if f["subject"].startswith("Country:") and f["subject"] not in ratifiers:
                assessed.setdefault(f["subject"], set()).add(f["object"])
    if not assessed:
        pytest.skip("no country works towards a ratification in this build")
    country, instruments = sorted(assessed.items())[0]
    res = engine.ask(f"which convention is {k.label(country)} looking to ratify")
    assert answer_ids(engine, res) == instruments
