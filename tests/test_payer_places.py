"""Where the asked payers come from: "Which European donors fund Jordan?", "which non-European
donors ...", "Nordic donors", "which funders in the Jordan line are not European?".  The place
word was dropped (every funder came back) and "non-European" negated the funding itself (175
organisations that do not fund Jordan).  Expected answers are computed from the graph: a payer's
home is its country (governments, agencies, national bodies) on the general UN continent table."""
from __future__ import annotations

import pytest

from app.qa.names.payer_places import payer_place
from graph.countries import _coco_table


def _funders(engine, country: str) -> dict[str, str | None]:
    k = engine.k
    out = {}
    for f in k.facts_where(subject=country, predicate="fundedBy"):
        e = k.entity(f["object"]) or {}
        out[e.get("label")] = (e.get("attrs") or {}).get("country")
    return out


def _labels(got: dict) -> set[str]:
    return {a["label"] for a in got["answers"]}


def _continent(iso3: str | None) -> str | None:
    return _coco_table().get(iso3, ("", ""))[0] if iso3 else None


@pytest.mark.parametrize("question, negated", [
    ("Which non-European donors fund Jordan?", True),
    ("Which funders in the Jordan line are not European?", True),
    ("which donors of Jordan are not European", True),
    ("Which European funders fund Jordan?", False),
])
def test_european_or_not_among_the_funders_of_jordan(engine, question, negated):
    funders = _funders(engine, "Country:JOR")
    european = {lab for lab, iso in funders.items() if _continent(iso) == "Europe"}
    assert european and set(funders) - european, "the fixture needs funders on both sides"
    got = _labels(engine.ask(question))
    if negated:
        # a payer with no country and no continent in its name is not "European" either
        assert got == {lab for lab in funders if lab not in european and "europe" not in lab.lower()}
    else:
        assert european <= got <= european | {lab for lab in funders if "europe" in lab.lower()}


def test_a_named_group_of_payers(engine):
    funders = _funders(engine, "Country:JOR")
    nordic = {lab for lab, iso in funders.items() if iso in {"DNK", "FIN", "ISL", "NOR", "SWE"}}
    assert nordic
    assert _labels(engine.ask("Which Nordic donors fund Jordan?")) == nordic


def test_a_plain_funder_question_is_not_filtered(engine):
    assert _labels(engine.ask("Who funds Jordan?")) == set(_funders(engine, "Country:JOR"))


@pytest.mark.parametrize("question, place, negated", [
    ("Which non-European donors fund Jordan?", "Europe", True),
    ("which asian funders support kenya", "Asia", False),
    ("Which West African donors fund the ILO?", "Western Africa", False),
    ("Which donors fund West African countries?", None, None),
    ("Which European countries are pathfinders?", None, None),
    ("Is the European Union a donor?", None, None),
])
def test_the_place_said_of_the_payers(question, place, negated):
    got = payer_place(question)
    assert (got.place if got else None) == place
    if got:
        assert got.negated == negated
