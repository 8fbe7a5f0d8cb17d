"""A question that asks its countries first and their regions second ("Which countries list Germany
as a source of financing, and in which regions are they?") is answered with the countries, each
saying its region in `path`; "just the regions" asks the regions; "in what region is each" is
distributive, not "every country of the region" (app/qa/figures/region_answers.py)."""
from __future__ import annotations

from app.qa.figures.region_answers import asks_regions, regions_asked_after


def test_which_ask_is_the_answer():
    assert asks_regions("Which regions does Germany fund countries in?")
    assert not asks_regions("Which countries list Germany as a source of financing, and in which regions are they?")
    assert regions_asked_after("Which countries list Germany as a source of financing, and in which regions are they?")
    assert asks_regions("For the countries that endorsed their roadmaps in 2024, in what region is each? "
                        "Just the regions please.")
    assert not asks_regions("Which countries ratified C102 and in which region is each? Just the countries please.")


def _germany_funded(engine) -> set[str]:
    return {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate="fundedBy")
            if f["subject"].startswith("Country:") and engine.k.label(f["object"]) == "Germany"}


def test_countries_first_regions_in_the_path(engine):
    funded = _germany_funded(engine)
    assert funded
    got = engine.ask("Which countries list Germany as a source of financing, and in which regions are they?")
    assert {a["label"] for a in got["answers"]} == funded
    for a in got["answers"]:
        assert any("—inRegion→" in p for p in a["path"]), a


def test_each_is_distributive(engine):
    got = engine.ask("For the countries that endorsed their Global Accelerator roadmaps in 2024, in what region "
                     "is each? Just the regions please.")
    assert got["answer_type"] == "Text"
    regions = {e["label"] for e in engine.k.of_type("Region")}
    assert got["answers"] and {a["label"] for a in got["answers"]} <= regions


def test_the_region_of_a_country_found_by_description(engine):
    said = next(u for u in engine.units.units if u.kind == "sentence" and "first Bulletin of Social Protection" in u.text)
    country = next(i for i in engine.text.passage_entities(said.passage_id) if i.startswith("Country:")
                   and any(n in said.text for n in engine.k.names(i)))
    region = {engine.k.label(f["object"]) for f in engine.k.facts_where(subject=country, predicate="inRegion")}
    got = engine.ask("I read that a country launched its first Bulletin of Social Protection Statistics on "
                     "December 17, 2024 - which region of the report is that country listed under?")
    assert {a["label"] for a in got["answers"]} == region
    assert any("—inRegion→" in p for a in got["answers"] for p in a["path"])


def test_all_stays_universal():
    from app.qa.figures.region_answers import _EVERY
    assert _EVERY.search("Which region's priority countries are all financed by the EU?")
    assert not _EVERY.search("in what region is each?")
