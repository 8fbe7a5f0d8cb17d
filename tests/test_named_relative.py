"""A relative clause that only describes a thing the question names by its own name ("Who funds
the UN Peace and Development Trust Fund that finances the ILO's work in Tajikistan?") is set apart:
the fund's funders are asked, not the funders of the country the clause names."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.qa.form.named_relative import without_describing_clause


@dataclass
class L:
    start: int
    end: int
    surface: str
    ids: list


def _links(question: str, names: dict[str, str]) -> list[L]:
    return sorted((L(question.index(n), question.index(n) + len(n), n, [i]) for n, i in names.items()),
                  key=lambda l: l.start)


def test_a_clause_naming_another_thing_is_set_apart():
    q = "Who funds the Freedonia Trust Fund that finances the ILO's work in Ruritania?"
    got = without_describing_clause(q, _links(q, {"Freedonia Trust Fund": "Organization:ftf", "ILO": "Organization:ilo",
                                                  "Ruritania": "Country:RUR"}), {"Organization:ilo"})
    assert got.question == "Who funds the Freedonia Trust Fund?"
    assert got.dropped == ["that finances the ILO's work in Ruritania"]


@pytest.mark.parametrize("q, names", [
    # "who" after the name asks: no question before it
    ("Apart from the Freedonia Trust Fund, who funds the ILO's work in Ruritania?",
     {"Freedonia Trust Fund": "Organization:ftf", "Ruritania": "Country:RUR"}),
    # the clause names nothing else: harmless, kept
    ("Who funds the Freedonia Trust Fund that was set up last year?", {"Freedonia Trust Fund": "Organization:ftf"}),
    # "that are in ..." agrees with the plural noun asked, not with the name
    ("Which countries does the Freedonia Trust Fund fund that are in Ruritania's region?",
     {"Freedonia Trust Fund": "Organization:ftf", "Ruritania": "Country:RUR"}),
    # a country is as often narrowed by its clause
    ("Who funds Ruritania that ratified it in Freedonia?", {"Ruritania": "Country:RUR", "Freedonia": "Country:FRE"}),
])
def test_other_clauses_are_kept(q, names):
    assert without_describing_clause(q, _links(q, names), {"Organization:ilo"}).dropped == []


def test_the_engine_asks_the_named_fund(engine):
    fund = "the UN Peace and Development Trust Fund"
    plain = {a["label"] for a in engine.ask(f"Who funds {fund}?")["answers"]}
    country = {a["label"] for a in engine.ask("Who funds the ILO's work in Tajikistan?")["answers"]}
    assert plain and plain != country
    got = engine.ask(f"Who funds {fund} that finances the ILO's work in Tajikistan?")
    assert {a["label"] for a in got["answers"]} == plain
    assert any("read as" in p for p in got["path"])


# ---- ", where ..." after a country the graph constraints bind: what the asker knows of the place

from app.qa.form.named_relative import place_description_spans  # noqa: E402


def test_a_where_clause_on_a_bound_country_is_a_description():
    q = "Who pays for the ILO's work in Ruritania, where the first allowances went out?"
    links = _links(q, {"ILO": "Organization:ilo", "Ruritania": "Country:RUR"})
    (span,) = place_description_spans(q, links, {"Country:RUR"})
    assert q[span[0]:span[1]].strip(" ,") == "where the first allowances went out"


@pytest.mark.parametrize("q, bound", [
    # the country is not what the graph's relation binds: the clause may be the topic
    ("Who pays for the ILO's work in Ruritania, where the first allowances went out?", set()),
    # no question before the name: "where" asks
    ("Ruritania, where did the first allowances go out?", {"Country:RUR"}),
    # no comma: a restrictive "where" narrows
    ("Who pays for the ILO's work in Ruritania where the first allowances went out?", {"Country:RUR"}),
])
def test_other_where_clauses_are_kept(q, bound):
    assert place_description_spans(q, _links(q, {"Ruritania": "Country:RUR"}), bound) == []


def test_a_description_of_the_place_does_not_narrow_its_funders(engine):
    plain = {a["label"] for a in engine.ask("Who funds the ILO's work in the Occupied Palestinian Territory?")["answers"]}
    assert len(plain) >= 2
    # a sentence on the first allowances names one of the funders; the clause only describes the place
    got = engine.ask("Who pays for the ILO's social protection work in Palestine, where the first disability "
                     "and old-age allowances went out in 2024?")
    assert {a["label"] for a in got["answers"]} == plain
    zambia = {a["label"] for a in engine.ask("Who funds the ILO's work in Zambia?")["answers"]}
    got = engine.ask("Who pays for the ILO support in Zambia, where the National Health Insurance Scheme was "
                     "extended to cash transfer households?")
    assert {a["label"] for a in got["answers"]} == zambia
