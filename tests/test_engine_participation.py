"""Taking part in an initiative under whatever relation the report gave it (members, pathfinders,
selected, pilot or new-phase countries): the real engine over the real build.

The questions are written for these tests and are in no tuning set.  Initiatives, roles and the
expected answers are read from the knowledge base's facts (not from the engine's SPARQL), so the
tests hold on another report with the same kinds of facts.
"""
from __future__ import annotations

import pytest

from app.qa.relation.participation import family, own_programme
from tests.support.engine import answer_ids


def _dated_lists(engine) -> tuple[str, dict[str, tuple[set[int], set[str]]]]:
    """An initiative holding country lists under roles whose latest years differ (so "the new
    phase" picks some of them): (initiative, role -> (years, countries))."""
    for rel in family():
        by_init: dict[str, dict[str, tuple[set[int], set[str]]]] = {}
        for f in engine.k.facts_where(predicate=rel):
            at = f.get("attrs") or {}
            if f["subject"].startswith("Country:") and at.get("role") and str(at.get("year") or "").isdigit():
                years, members = by_init.setdefault(f["object"], {}).setdefault(at["role"], (set(), set()))
                years.add(int(at["year"]))
                members.add(f["subject"])
        for f in engine.k.facts_where(predicate=rel):  # a country on two lists is in both
            for role in (f.get("attrs") or {}).get("also_roles") or []:
                if role in by_init.get(f["object"], {}):
                    by_init[f["object"]][role][1].add(f["subject"])
        for init, roles in by_init.items():
            if len({max(y) for y, _ in roles.values()}) >= 2 and len({min(y) for y, _ in roles.values()}) >= 2:
                return init, roles
    pytest.skip("no initiative with country lists of different years")


def _short(engine, init: str) -> str:
    return min(engine.k.names(init), key=len)


def test_the_new_phase_is_the_latest_dated_list(engine):
    init, roles = _dated_lists(engine)
    latest = max(max(y) for y, _ in roles.values())
    want = set().union(*(m for y, m in roles.values() if max(y) == latest))
    for q in (f"{_short(engine, init)} new phase countries",
              f"Which countries are covered by the latest round of the {_short(engine, init)}?"):
        res = engine.ask(q)
        assert answer_ids(engine, res) == want, q


def test_the_first_phase_is_the_earliest_list_and_can_be_counted(engine):
    init, roles = _dated_lists(engine)
    first = min(min(y) for y, _ in roles.values())
    want = set().union(*(m for y, m in roles.values() if min(y) == first))
    res = engine.ask(f"how many countries were in the initial phase of the {_short(engine, init)}")
    assert res["answers"] and res["answers"][0]["value"] == len(want)


def test_selected_countries_are_taking_part(engine):
    """An initiative whose only country list is held as selected (priority) countries."""
    for f in engine.k.facts_where(predicate="priorityCountryOf"):
        init = f["object"]
        if init != "Initiative:flagship-programme" and not any(
                engine.k.facts_where(predicate=r, obj=init) for r in family() if r != "priorityCountryOf"):
            break
    else:
        pytest.skip("no initiative with selected countries only")
    want = {g["subject"] for g in engine.k.facts_where(predicate="priorityCountryOf", obj=init)}
    res = engine.ask(f"which countries take part in the {engine.k.label(init)}?")
    assert answer_ids(engine, res) == want


def test_initiatives_a_country_takes_part_in_under_any_role(engine):
    """A country that is a member (or pathfinder) of one initiative and a selected country of
    another: asked in keyword form, both come back."""
    names = family()
    own = own_programme(engine.k)
    for f in engine.k.facts_where(predicate="priorityCountryOf"):
        c = f["subject"]
        ties = [g for r in names for g in engine.k.facts_where(subject=c, predicate=r) if g["object"] not in own]
        inits = {g["object"] for g in ties}
        if len({g["predicate"] for g in ties}) >= 2:
            break
    else:
        pytest.skip("no country taking part under two relations")
    res = engine.ask(f"{engine.k.label(c).lower()} initiatives participation")
    assert res["answer_type"] == "Initiative"
    # being in the scope of the report's own programme is no participation in an initiative
    assert answer_ids(engine, res) == inits - own_programme(engine.k)


def test_a_negated_list_is_not_read_as_taking_part(engine):
    """'pathfinders that do not feature among [programme]'s priority countries': the programme's
    list is the one left out, not a second list to intersect."""
    path = {f["subject"] for f in engine.k.facts_where(predicate="pathfinderOf")}
    prio = {f["subject"] for f in engine.k.facts_where(predicate="priorityCountryOf", obj="Initiative:flagship-programme")}
    if not path or not prio or not (path - prio):
        pytest.skip("no pathfinder outside the priority countries")
    ga = next(iter({f["object"] for f in engine.k.facts_where(predicate="pathfinderOf")}))
    res = engine.ask(f"Going through the two lists, which pathfinders of the {_short(engine, ga)} do not appear "
                     f"anywhere among the priority countries of the Flagship Programme?")
    assert answer_ids(engine, res) == path - prio


def _pathfinder_initiative(engine) -> tuple[str, set[str]]:
    facts = engine.k.facts_where(predicate="pathfinderOf")
    if not facts:
        pytest.skip("no pathfinders")
    init = facts[0]["object"]
    return init, {f["subject"] for f in facts if f["object"] == init}


def test_a_set_aside_clause_picks_no_list(engine):
    """'leaving aside countries only in talks to join, which ... are pathfinders': the prospective
    members the aside names are not the list asked for."""
    init, path = _pathfinder_initiative(engine)
    if not any(f["object"].startswith("Country:") for f in engine.k.facts_where(subject=init, predicate="partneredWith")):
        pytest.skip("no prospective members held")
    res = engine.ask(f"Leaving aside the countries that are still only in talks to join, which countries are already "
                     f"pathfinders of the {_short(engine, init)}?")
    assert answer_ids(engine, res) == path


def test_pathfinders_of_a_possessive_name_in_a_region_are_counted(engine):
    init, path = _pathfinder_initiative(engine)
    by_region: dict[str, set[str]] = {}
    for c in path:
        for f in engine.k.facts_where(subject=c, predicate="inRegion"):
            by_region.setdefault(f["object"], set()).add(c)
    # a region every pathfinder of which the graph places there itself (the engine also places
    # countries the report names under no regional heading, by the gazetteer)
    region = next((r for r in by_region if engine.k.label(r) == "Africa"), None)
    if region is None:
        pytest.skip("no African pathfinder")
    listed = answer_ids(engine, engine.ask(f"Which pathfinder countries of the {_short(engine, init)} are in "
                                           f"{engine.k.label(region)}?"))
    assert listed >= by_region[region]
    res = engine.ask(f"How many of the {_short(engine, init)}'s pathfinder countries are in {engine.k.label(region)}?")
    assert res["strategy"] == "graph" and res["answers"][0]["value"] == len(listed)


def test_a_stated_aim_is_no_count_of_the_selected_countries(engine):
    """'aims to assist at least N countries, including the already selected A, B ...': asked how
    many it has already selected, the answer is the selected list's size, not the aim."""
    from app.qa.figures.counts import stated_as_aim

    for init in {f["object"] for f in engine.k.facts_where(predicate="priorityCountryOf")}:
        for f in engine.k.facts_where(subject=init, predicate="hasQuantity"):
            at = (engine.k.entity(f["object"]) or {}).get("attrs") or {}
            if at.get("sentence") and stated_as_aim(at["sentence"], at.get("surface") or ""):
                selected = {g["subject"] for g in engine.k.facts_where(predicate="priorityCountryOf", obj=init)}
                res = engine.ask(f"how many countries has the {engine.k.label(init)} already selected")
                assert res["answers"] and res["answers"][0]["value"] == len(selected)
                return
    pytest.skip("no initiative with selected countries and a stated aim")


def test_selected_by_a_named_initiative_is_not_the_report_s_priority_list(engine):
    """'which countries has [initiative] already selected': that initiative's list, including a
    country outside the report's own priority countries (which are not required too)."""
    own = own_programme(engine.k)
    for f in engine.k.facts_where(predicate="priorityCountryOf"):
        if f["object"] in own:
            continue
        init = f["object"]
        sel = {g["subject"] for g in engine.k.facts_where(predicate="priorityCountryOf", obj=init)}
        if not any(not (engine.k.entity(c).get("attrs") or {}).get("priority") for c in sel):
            continue
        res = engine.ask(f"Which countries has the {engine.k.label(init)} already selected for its support?")
        assert answer_ids(engine, res) == sel
        return
    pytest.skip("no selected country outside the report's priority list")


def test_still_in_engagement_asks_the_ongoing_engagements_not_the_members(engine):
    """'which countries is [initiative] still in engagement with about joining' (round 26): "still"
    says the engagement is an ongoing one, so the prospective members, not the pathfinders."""
    init, path = _pathfinder_initiative(engine)
    engaged = {f["object"] for f in engine.k.facts_where(subject=init, predicate="partneredWith")
               if f["object"].startswith("Country:") and (f.get("attrs") or {}).get("status") == "engagement-ongoing"}
    if not engaged:
        pytest.skip("no ongoing engagements held")
    res = engine.ask(f"which countries is the {_short(engine, init)} still in engagement with about joining")
    assert answer_ids(engine, res) == engaged and not answer_ids(engine, res) & (path - engaged)
