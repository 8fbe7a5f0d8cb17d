"""An ILO instrument named by its adoption year ("the 1952 convention", "the social security
convention of 1952"): the year names the instrument and dates nothing.

Pure pieces run on an invented instrument; engine tests build their questions from the graph's own
instruments and ratification facts, never from typed-in facts of the report.
"""
from __future__ import annotations

import pytest

from app.qa.names.instrument_years import named_by_year, resolve, title_years, years_outside_titles
from app.qa.question import Link
from tests.support.engine import answer_ids


class _K:
    """A knowledge stub holding one invented convention and one recommendation."""

    def __init__(self):
        self.ents = [
            {"id": "LegalInstrument:c999", "type": "LegalInstrument",
             "attrs": {"adoptionYear": "2031", "title": "Rural Workers (Income Security) Convention"}},
            {"id": "LegalInstrument:r998", "type": "LegalInstrument", "attrs": {}},
        ]
        self.nm = {"LegalInstrument:c999": ["Convention No. 999", "C999"],
                   "LegalInstrument:r998": ["Recommendation No. 998", "Care Floors Recommendation, 2031 (No. 998)"]}

    def of_type(self, t):
        return [e for e in self.ents if e["type"] == t]

    def names(self, eid):
        return self.nm[eid]


def test_title_years_come_from_the_adoption_year_or_the_title():
    years = title_years(_K())
    assert set(years["2031"]) == {"LegalInstrument:c999", "LegalInstrument:r998"}
    assert "rural" in years["2031"]["LegalInstrument:c999"]


@pytest.mark.parametrize("q, surface", [
    ("who ratified the 2031 convention in 2040", "2031 convention"),
    ("who ratified the 2031 rural workers convention", "2031 rural workers convention"),
    ("countries that ratified the income security convention of 2031", "income security convention of 2031"),
    ("the rural workers convention, 2031 ratifications", "rural workers convention, 2031"),
])
def test_a_year_with_the_kind_word_names_the_one_instrument_of_that_kind(q, surface):
    spans = named_by_year(q, title_years(_K()))
    assert [(q[a:b], ids) for a, b, ids in spans] == [(surface, ["LegalInstrument:c999"])]


def test_words_the_title_lacks_or_another_kind_or_year_name_nothing():
    years = title_years(_K())
    assert named_by_year("the 2031 maternity convention", years) == []  # "maternity" is no word of its names
    assert named_by_year("who ratified the convention in 2031", years) == []  # "in" dates the ratifying
    assert named_by_year("the 2030 convention", years) == []
    assert [ids for _, _, ids in named_by_year("the 2031 recommendation", years)] == [["LegalInstrument:r998"]]


def test_the_title_year_is_dropped_from_the_question_years_and_inner_links_give_way():
    q = "which countries ratified the 2031 rural workers convention in 2040"
    years = title_years(_K())
    inner = Link(q.index("rural"), q.index("rural") + len("rural workers"), "rural workers", ["ThematicArea:rural"])
    links = resolve(q, [inner], years)
    assert [(l.surface, l.ids) for l in links] == [("2031 rural workers convention", ["LegalInstrument:c999"])]
    assert years_outside_titles(q, ["2031", "2040"], links, years) == ["2040"]
    assert years_outside_titles(q, ["2031", "2040"], [], years) == ["2031", "2040"]


# -- the real engine ----------------------------------------------------------------------------------
def _dated_ratifications(engine):
    """(instrument id, adoption year, ratification year, ratifying countries) for instruments the graph
    dates by adoption and that have dated ratifications."""
    out = {}
    for f in engine.k.facts_where(predicate="ratified"):
        inst = engine.k.entity(f["object"]) or {}
        adopted = (inst.get("attrs") or {}).get("adoptionYear")
        year = (f.get("attrs") or {}).get("year")
        if adopted and year:
            out.setdefault((f["object"], str(adopted), str(year)), set()).add(f["subject"])
    if not out:
        pytest.skip("no instrument with an adoption year and dated ratifications")
    return out


@pytest.mark.parametrize("form", [
    "Which countries ratified the {adopted} convention in {year}?",
    "countries that ratified the {adopted} convention in {year}",
    "In {year}, which states ratified the convention of {adopted}?",
])
def test_ratifiers_of_the_instrument_named_by_its_year(engine, form):
    (inst, adopted, year), countries = sorted(_dated_ratifications(engine).items())[0]
    res = engine.ask(form.format(adopted=adopted, year=year))
    assert answer_ids(engine, res) == countries


def test_the_year_of_ratifying_an_instrument_named_by_its_year(engine):
    (inst, adopted, year), countries = sorted(_dated_ratifications(engine).items())[0]
    country = engine.k.label(sorted(countries)[0])
    res = engine.ask(f"when did {country} ratify the {adopted} convention")
    assert [a["label"] for a in res["answers"]] == [year]
