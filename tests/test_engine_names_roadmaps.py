"""Initials, head-noun synonyms, written shorthand and roadmap status with pathfinders: the real
engine over the real build of the bundled report.

Questions are written for these tests (not in any tuning set).  Expected answers are read from
the knowledge base's facts, so the tests hold on another report with the same kinds of facts.
"""
from __future__ import annotations

from app.qa.names.name_forms import head_variants, initials
from tests.support.engine import answer_ids as _ids


def _roadmap_members(engine, status: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate="memberOf")
            if (f.get("attrs") or {}).get("roadmap") == status}


def test_initials_of_names():
    assert initials("Global Accelerator") == "GA"
    assert initials("Technical Support Facility (TSF)") == "TSF"
    assert initials("ILO-IMF Partnership") is None  # already led by an acronym
    assert initials("Accelerator") is None
    assert head_variants("ILO-IMF Partnership") == ["ILO-IMF collaboration", "ILO-IMF cooperation"]


def test_initials_link_the_initiative(engine):
    links = engine.lexicon.link("Which countries endorsed their GA roadmaps?")
    assert any("Initiative:global-accelerator" in l.ids for l in links)


def test_head_noun_synonym_links_but_not_across_a_long_window(engine):
    assert any("Initiative:ilo-imf-partnership" in l.ids for l in engine.lexicon.link("ILO-IMF cooperation countries"))
    # "the ILO's collaboration with the IMF" names two organisations, not the partnership
    links = engine.lexicon.link("publications from the ILO's collaboration with the IMF")
    assert not any("Initiative:ilo-imf-partnership" in l.ids for l in links)


def test_shorthand_governments_and_initials_roadmap(engine):
    want = _roadmap_members(engine, "endorsed")
    assert want
    res = engine.ask("which govts have endorsed a national GA roadmap")
    assert res["answer_type"] == "Country"
    assert _ids(engine, res) == want


def test_signed_off_roadmaps_are_the_endorsed_ones(engine):
    """(round 26) "which governments formally signed off on their national roadmaps": endorsed."""
    want = _roadmap_members(engine, "endorsed")
    assert want
    res = engine.ask("I'm reading up on the UN accelerator for jobs and social protection. Which governments signed "
                     "off on their national roadmaps?")
    assert _ids(engine, res) == want


def test_pathfinders_with_roadmap_in_progress(engine):
    want = _roadmap_members(engine, "in-progress")
    pathfinders = {f["subject"] for f in engine.k.facts_where(predicate="pathfinderOf")}
    assert want and want <= pathfinders
    res = engine.ask("Which of the Global Accelerator's pathfinder countries are still working on getting their roadmaps endorsed?")
    assert _ids(engine, res) == want


# -- the year of a fact named from both ends, or of a named publication ------------------------

def _pathfinder_with_year(engine):
    for f in engine.k.facts_where(predicate="pathfinderOf"):
        y = (f.get("attrs") or {}).get("year")
        if y:
            return f["subject"], f["object"], str(y)
    raise AssertionError("no dated pathfinder fact")


def test_year_of_a_pathfinder_commitment_is_the_facts_year(engine):
    country, init, year = _pathfinder_with_year(engine)
    res = engine.ask(f"In what year did {engine.k.label(country)} sign up as a pathfinder of the {engine.k.label(init)}?")
    assert [a["label"] for a in res["answers"]] == [year]
    assert res["answers"][0]["evidence"]


def test_year_of_a_scheme_mention_is_not_its_founding_year(engine):
    from app.qa.things.fact_years import _is_event

    assert _is_event("pathfinderOf") and _is_event("ratified")
    assert not _is_event("schemeInCountry") and not _is_event("fundedBy")


def test_keyword_since_when_asks_a_year(engine):
    from app.qa.question import answer_type

    assert answer_type("rwanda accelerator member since when") == "Year"


# -- countries an initiative lists under a qualifier (pilot / expanded phase) ------------------

def _qualified_lists(engine):
    """initiative -> role -> countries, from priorityCountryOf facts with two or more roles."""
    out: dict[str, dict[str, set[str]]] = {}
    for f in engine.k.facts_where(predicate="priorityCountryOf"):
        at = f.get("attrs") or {}
        for r in [at.get("role"), *(at.get("also_roles") or [])]:
            if r:
                out.setdefault(f["object"], {}).setdefault(r, set()).add(f["subject"])
    return {i: roles for i, roles in out.items() if len(roles) >= 2}


def test_qualified_country_lists_are_extracted_and_asked(engine):
    lists = _qualified_lists(engine)
    assert lists, "an initiative listing countries under two qualifiers"
    init, roles = next(iter(sorted(lists.items())))
    for role, want in roles.items():
        word = role.split()[0]
        res = engine.ask(f"which countries are the {word} countries of the {engine.k.label(init)}")
        assert _ids(engine, res) == want, role


def test_possessive_of_a_frequent_word_is_not_corrected(engine):
    fixed, fixes = engine.speller.correct("the partnership's members")
    assert fixed == "the partnership's members" and not fixes


def test_ongoing_engagements_are_not_members(engine):
    for init in {f["subject"] for f in engine.k.facts_where(predicate="partneredWith") if f["subject"].startswith("Initiative:")}:
        want = {f["object"] for f in engine.k.facts_where(subject=init, predicate="partneredWith")
                if (f.get("attrs") or {}).get("status") == "engagement-ongoing"}
        if not want:
            continue
        res = engine.ask(f"Which countries is the {engine.k.label(init)} in ongoing engagements with?")
        got = _ids(engine, res)
        assert got == want
        members = {f["subject"] for f in engine.k.facts_where(predicate="memberOf", obj=init)}
        assert not (got & members)
        return
    raise AssertionError("no initiative with ongoing engagements in the build")
