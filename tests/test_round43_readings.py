"""Readings found by round 43's probes, each in general form, through the real engine on the bundled
report.  Expected answers are read from the graph's facts and the report's passages, or from the
engine's own answer to another wording, never typed."""
from __future__ import annotations

import re

import pytest


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


# ---- "Which governments are credited as contributors to the RBSA?": the funders, not the funded

@pytest.mark.parametrize("verb", ["credited in the report", "acknowledged", "recognised", "mentioned"])
def test_countries_credited_as_contributors_to_a_fund_are_its_funders(engine, verb):
    from app.qa.graphstep import FUNDER_ASKED
    assert FUNDER_ASKED.search(f"Which countries are {verb} as contributors to the Atlantis Fund?")
    assert not FUNDER_ASKED.search("Which countries are credited with a new scheme funded by the Atlantis Fund?")
    plain = engine.ask("Which countries contribute to the RBSA?")
    assert plain["answers"], plain["path"]
    got = engine.ask(f"Which countries are {verb} as contributors to the RBSA?")
    assert _labels(got) == _labels(plain), got["path"]
    # and never the countries the fund pays for
    funded = _labels(engine.ask("Which countries are funded by the RBSA?"))
    assert not set(_labels(got)) & set(funded)
