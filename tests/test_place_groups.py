"""Places finer than an ILO region that questions name ("Nordic", "Maghreb", "Southern Cone", a
UN sub-region, a misspelt "carribean"): a filter on country answers in every answer path, which
leaves none when no answer lies in the place, and a set-aside when a cue comes first ("outside
West Africa").  Memberships come from general tables; expected answers from the graph's facts.
"""
from __future__ import annotations

import pytest

from app.qa.constraints.exclusion import set_aside
from app.qa.names.country_groups import members, named_groups
from app.qa.names.subregions import in_subregion, keep_places, named_places, set_aside_places


@pytest.mark.parametrize("q, place", [
    ("which Maghreb countries are pathfinders", "Maghreb"),
    ("magreb pathfinders", "Maghreb"),
    ("Which Gulf Cooperation Council countries are priority countries?", "Gulf Cooperation Council"),
    ("gcc states ratifications", "Gulf Cooperation Council"),
    ("Which Southern Cone country ratified C102?", "Southern Cone"),
    ("nordic donors", "Nordic countries"),
    ("scandinavian funders of the programme", "Nordic countries"),
    ("sub-saharan ratifiers", "Sub-Saharan Africa"),
    ("PALOP countries funded by Portugal", "Lusophone Africa"),
])
def test_a_named_grouping_is_read_in_several_wordings(q, place):
    assert place in [name for name, _, _ in named_groups(q)]


@pytest.mark.parametrize("q", ["relevant ILO standards", "the Baltic Sea", "Asia and the Pacific countries",
                               "South Africa pensions", "which countries fund the programme"])
def test_words_that_only_look_like_a_place_name_none(q):
    assert not named_places(q)


@pytest.mark.parametrize("q, place", [("which carribean countries joined", "Caribbean"),
                                      ("pacfic island states", "Pacific"),
                                      ("caribbean pathfinders", "Caribbean")])
def test_a_misspelt_one_word_sub_region_is_still_read(q, place):
    assert [p for p, _, _ in named_places(q)] == [place]


def test_memberships_come_from_general_tables():
    assert in_subregion("NOR", "Nordic countries") and not in_subregion("DEU", "Nordic countries")
    assert in_subregion("ETH", "Sub-Saharan Africa") and not in_subregion("MAR", "Sub-Saharan Africa")
    assert in_subregion("MAR", "Maghreb") and in_subregion("CIV", "Western Africa")
    assert members("Sub-Saharan Africa") and not members("Western Africa")  # a sub-region is read from the UN table


def test_a_place_after_a_cue_is_set_aside_not_asked():
    for q in ("Which countries outside West Africa ratified C102?", "c102 ratifiers except the Nordic countries",
              "pathfinders, not in the Sahel", "non-Maghreb pathfinders"):
        assert set_aside_places(q), q
        assert keep_places(q, [{"label": "x", "iso3": "CIV"}, {"label": "y", "iso3": "NOR"},
                               {"label": "z", "iso3": "MAR"}])[1] == [], q


def test_a_set_aside_place_takes_its_countries_out_and_leaves_the_rest_of_the_question():
    out = set_aside("Which countries outside West Africa ratified Convention No. 102?", [])
    assert "Country:CIV" in out.ids and "Country:SLE" in out.ids and "Country:MAR" not in out.ids
    assert "West Africa" not in out.question and "ratified Convention No. 102" in out.question


def _holders(engine, predicate: str) -> tuple[str, set[str]]:
    from collections import Counter

    facts = engine.k.facts_where(predicate=predicate)
    obj = Counter(f["object"] for f in facts).most_common(1)[0][0]
    return obj, {f["subject"].split(":", 1)[1] for f in facts if f["object"] == obj and f["subject"].startswith("Country:")}


@pytest.mark.parametrize("form", ["Which {g} countries ratified {c}?", "{c} ratifications in the {g}",
                                  "{g} states that have ratified {c}"])
@pytest.mark.parametrize("group", ["Nordic", "Southern Cone", "Gulf Cooperation Council", "Baltic"])
def test_a_grouping_with_no_answer_in_it_leaves_none(engine, form, group):
    inst, holders = _holders(engine, "ratified")
    name = named_groups(group)[0][0]
    if any(in_subregion(h, name) for h in holders):
        pytest.skip(f"the graph has a {group} ratifier")
    res = engine.ask(form.format(g=group, c=engine.k.label(inst)))
    assert res["answers"] == [], (form, group, [a["label"] for a in res["answers"]])


@pytest.mark.parametrize("form", ["Which countries outside {g} ratified {c}?", "{c} ratifiers except those in {g}",
                                  "{c} ratifying countries minus {g} ones"])
def test_a_set_aside_sub_region_leaves_the_others(engine, form):
    inst, holders = _holders(engine, "ratified")
    inside = {h for h in holders if in_subregion(h, "Western Africa")}
    if not inside or inside == holders:
        pytest.skip("no West African ratifier, or only West African ones")
    res = engine.ask(form.format(g="West Africa" if "{g} ones" not in form else "west african", c=engine.k.label(inst)))
    got = {a.get("iso3") for a in res["answers"]}
    assert got and not got & inside, form
