"""'Which organisations fund Jordan?': after an agent noun, "fund" is the verb, not the kind of
national body asked (app/qa/constraints/org_country.py); the funders of the country come back whole, and the
yes/no question built on that list answers from it.  Expected sets come from the engine's own
plain wording, never typed here."""
from __future__ import annotations

import pytest


def _labels(r) -> set[str]:
    return {a["label"] for a in r["answers"]}


@pytest.mark.parametrize("country", ["Jordan", "Kenya"])
def test_agent_noun_then_fund_asks_the_countrys_funders(engine, country):
    want = _labels(engine.ask(f"Who funds the work in {country}?"))
    assert len(want) >= 2
    for q in (f"Which organisations fund {country}?", f"Which donors fund {country}?",
              f"Which partners fund the ILO's work in {country}?"):
        assert _labels(engine.ask(q)) == want, q


def test_a_national_fund_is_still_asked_by_its_kind(engine):
    r = engine.ask("Which social security fund in Madagascar did the ILO support?")
    assert r["answers"] and all(a["type"] == "Organization" for a in r["answers"])
    assert len(r["answers"]) == 1


def test_yes_no_over_a_countrys_funders(engine):
    funders = sorted(_labels(engine.ask("Who funds the work in Jordan?")))
    r = engine.ask(f"Does {funders[0]} fund Jordan?")
    assert [a["label"] for a in r["answers"]] == ["Yes"]
