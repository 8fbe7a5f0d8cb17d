"""Funders asked with no recipient named: "Who funds the ILO's work?", "Which foundations fund the
ILO's work?", "which social security institutions pay for the ILO's own work in their country?".
The engine read one sentence and named its one or two bodies (a health insurance fund, a scheme),
or the countries a foundation funds.  Now every funder of the ILO's country work the graph holds
is asked, of the asked kind by the build's role.  Expected answers are computed from the graph."""
from __future__ import annotations

import pytest

from app.qa.relation.funder_side import funds_work_in_general


def _country_funders(engine) -> dict[str, str | None]:
    """label -> role of every body the graph has fund a country's ILO work."""
    k = engine.k
    out = {}
    for f in k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:"):
            e = k.entity(f["object"]) or {}
            out[e.get("label")] = e.get("role")
    return out


def _labels(got: dict) -> set[str]:
    return {a["label"] for a in got["answers"]}


@pytest.mark.parametrize("question", ["Who funds the ILO's work?", "Who pays for the ILO's country work?", "Name the donors of the ILO's work",
                                      "who finances ilo work"])
def test_every_funder_of_the_country_work(engine, question):
    funders = _country_funders(engine)
    assert len(funders) > 10, "the fixture's financing lines name many funders"
    got = engine.ask(question)
    assert _labels(got) == set(funders)
    assert got["strategy"].startswith("graph")


@pytest.mark.parametrize("question, role", [
    ("Which foundations fund the ILO's work?", "foundation"),
    ("which philanthropies fund ilo country work", "foundation"),
    ("Which private companies fund the ILO's work?", "private_company"),
    ("Which social security institutions pay for the ILO's own work in their country?", "national_institution"),
    ("which national institutions finance ilo work", "national_institution"),
])
def test_funders_of_one_kind(engine, question, role):
    expected = {lab for lab, r in _country_funders(engine).items() if r == role}
    assert expected, f"the fixture has {role} funders"
    assert _labels(engine.ask(question)) == expected


def test_a_kind_no_funder_has_is_answered_none(engine):
    if any(r == "un_agency" for r in _country_funders(engine).values()):
        pytest.skip("the build has a UN agency fund a country")
    got = engine.ask("Which UN agencies fund the ILO's work?")
    assert got["answers"] == []


@pytest.mark.parametrize("question, country, role", [
    ("Who is the private company among the funders of ILO work in Côte d'Ivoire?", "Country:CIV", "private_company"),
    ("Which of the funders of the ILO's work in Jordan is a national institution?", "Country:JOR", "national_institution"),
    ("Which of Kenya's funders is a company?", "Country:KEN", "private_company"),
])
def test_the_kind_asked_among_one_countrys_funders(engine, question, country, role):
    k = engine.k
    funders = {(k.entity(f["object"]) or {}).get("label"): (k.entity(f["object"]) or {}).get("role")
               for f in k.facts_where(subject=country, predicate="fundedBy")}
    expected = {lab for lab, r in funders.items() if r == role}
    assert expected and expected != set(funders)
    assert _labels(engine.ask(question)) == expected


@pytest.mark.parametrize("question, general", [
    ("Who funds the ILO's work?", True),
    ("Which foundations fund the ILO's work?", True),
    ("Who funded the SP&PFM project?", False),       # a recipient named
    ("Which funder provided 53 per cent?", False),   # a figure narrows it
    ("Who funds the ILO's work on pensions?", False),  # a topic narrows it
    ("Which countries ratified C102?", False),       # no funding asked
])
def test_general_funding_is_read_from_the_words_alone(question, general):
    role = "foundations" if "foundations" in question else ""
    assert funds_work_in_general(question, role) is general
