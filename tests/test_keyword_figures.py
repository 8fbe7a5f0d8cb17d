"""A keyword query asking for a figure without "how many" (app/qa/figures/keyword_figures.py): the counted
audience first ("attendees ... meeting"), people then what was done to them ("... leaders
trained"), an amount's unit last ("... us dollars", "... budget"); never when the query names a
kind of entity, nor for groups of people that are a topic ("workers informal economy").

The engine checks compare with figures read from the passages in Python; the queries are written
here, several per shape.
"""
from __future__ import annotations

import re

import pytest

from app.qa.figures.keyword_figures import asks_figure


@pytest.mark.parametrize("query", [
    "attendees informality dashboard meeting", "participants mooc 2024", "subscribers outlook newsletter",
    "iraq trade union leaders trained", "cambodia social workers trained 2024",
    "german contribution global accelerator us dollars", "eu digital project budget", "korea pledge usd",
])
def test_figure_asked(query):
    assert asks_figure(query)


@pytest.mark.parametrize("query", [
    "connect asia disability webinar countries", "p4h network members", "malawi donors",
    "workers informal economy kenya", "migrants social protection jordan", "which meeting had most attendees",
    "gtt staff march 2025",  # counted last: numbers.counted_noun_last's shape, not this one
])
def test_no_figure_asked(query):
    assert not asks_figure(query)


def test_a_linked_name_is_not_a_unit():
    q = "countries ilo regular budget"
    assert not asks_figure(q)
    name = "ilo regular budget"
    s = "nepal ilo regular budget".index(name)
    assert not asks_figure("nepal ilo regular budget", [(s, s + len(name))])


def _figure_beside(engine, noun: str, near: str) -> float:
    """The figure written right before ``noun`` in the passage that also says ``near``."""
    for p in engine.k.passages.values():
        if near.lower() in p.text.lower():
            m = re.search(r"\(?(\d[\d,]*)\s+" + noun, p.text)
            if m:
                return float(m.group(1).replace(",", ""))
    raise AssertionError(f"no '{noun}' figure near '{near}'")


@pytest.mark.parametrize("query,noun,near", [
    ("attendees informality dashboard meeting", "attendees", "Informality Dashboard"),
    ("attendees informality dashboard session 2024", "attendees", "Informality Dashboard"),
    ("iraq trade union leaders trained", "female and male trade union leaders", "Baghdad"),
])
def test_keyword_figure_is_answered_with_the_figure(engine, query, noun, near):
    res = engine.ask(query)
    assert res["answer_type"] == "Number", res["path"]
    values = [a.get("value") for a in res["answers"]]
    assert values and values[0] == _figure_beside(engine, noun, near)
