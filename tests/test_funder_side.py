"""A country the report has only as a funder (it gives to a pooled fund, has no entry and no
funders of its own): asked for *its* funders, the answer is none, not the funds it gives to; asked
what it funds, the funds.

Unit checks on the wording, and the real engine over the real build with the funder found in the
knowledge base's facts (skips when the report has none).
"""
from __future__ import annotations

import pytest

from app.qa.relation.funder_side import asks_for_funders
from tests.support.engine import answer_ids


@pytest.mark.parametrize("question", [
    "sweden funders", "Who funds the ILO's work in France?", "Who are the donors for Norway's programme?",
    "who pays for the programme in Germany", "list the financiers of the work in Denmark",
])
def test_wordings_that_ask_for_the_named_entity_s_funders(question):
    assert asks_for_funders(question)


@pytest.mark.parametrize("question", [
    "Which funds does Sweden contribute to?", "which initiatives does France help fund?",
    "Which pooled funds have Sweden as a donor?", "Which funds list Denmark as a major contributor?",
    "Who Belgium fund?",  # the auxiliary dropped (a second-language writer): Belgium is the funder
])
def test_wordings_that_name_a_funder(question):
    assert not asks_for_funders(question)


def _only_funder(engine) -> tuple[str, set[str]]:
    """A government that funds bodies (not countries), is funded by nothing, and whose country
    has no facts as a recipient: with the bodies it funds."""
    k = engine.k
    for e in sorted(k.entities):
        if not e.startswith("Organization:gov-"):
            continue
        funded = {f["subject"] for f in k.facts_where(predicate="fundedBy", obj=e)}
        country = "Country:" + e.split("gov-", 1)[1]
        if funded and not any(s.startswith("Country:") for s in funded) and \
                not k.facts_where(subject=e, predicate="fundedBy") and not k.facts_where(subject=country, predicate="fundedBy") \
                and k.entity(country) is not None and not k.entity(country)["attrs"].get("priority"):
            return country, funded
    pytest.skip("no government the report has only as a funder of bodies")


@pytest.mark.parametrize("template", ["{x} funders", "Who funds the ILO's work in {x}?",
                                      "Who are the donors for {x}'s programme?"])
def test_funders_of_a_pure_funder_are_none(engine, template):
    country, _ = _only_funder(engine)
    res = engine.ask(template.format(x=engine.k.label(country)))
    assert res["answers"] == [], [a["label"] for a in res["answers"]]
    assert res.get("message")


def test_what_a_pure_funder_funds_is_still_answered(engine):
    country, funded = _only_funder(engine)
    res = engine.ask(f"Which funds does {engine.k.label(country)} contribute to?")
    assert answer_ids(engine, res) & funded


def test_who_with_a_name_before_the_verb_asks_what_it_funds(engine):
    """"Who Belgium fund?" reads as "whom does Belgium fund": the bodies Belgium funds."""
    k = engine.k
    funded = {k.label(f["subject"]) for f in k.facts_where(predicate="fundedBy", obj="Organization:gov-BEL")}
    assert funded
    got = {a["label"] for a in engine.ask("Who Belgium fund?")["answers"]}
    assert got and got <= funded
