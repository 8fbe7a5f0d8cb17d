"""A year the question sets aside, and a range written upper bound first.

* "which countries ratified C since 2021 but not in 2024", "... excluding 2024", "other than in
  2024": the relation's facts dated in the year set aside are left out; the year was read as a
  positive qualifier before (the 2024 ratifiers answered "but not in 2024").  A fact the report
  does not date stays in (nothing says it falls in that year).
* "ratified C before 2024 but after 2020": both bounds, as "after 2020 but before 2024" (only the
  first was read, so ratifications of 2006 answered).
* "did not join in 2024" negates the relation, not the year: no year is set aside there
  (app.qa.constraints.year_ranges.set_aside_years).

The real engine over the real build; ratifications and pathfinders and their years are read from
the knowledge base's facts, so each test holds on another report (or skips, saying why).
"""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.constraints.year_ranges import set_aside_years, year_range
from tests.support.engine import answer_ids


def _dated(engine, predicate: str) -> tuple[str, list[dict]]:
    """The object with the most facts of ``predicate`` dated in two or more years, and its facts."""
    by_obj = Counter(f["object"] for f in engine.k.facts_where(predicate=predicate) if f["attrs"].get("year"))
    for obj, _ in by_obj.most_common():
        facts = [f for f in engine.k.facts_where(predicate=predicate, obj=obj) if f["subject"].startswith("Country:")]
        if len({f["attrs"].get("year") for f in facts if f["attrs"].get("year")}) >= 2:
            return obj, facts
    pytest.skip(f"no {predicate} object has facts dated in two years")


def _registered(f) -> bool:
    return f["attrs"].get("status") in (None, "registered")


def test_the_words_that_set_a_year_aside():
    assert set_aside_years("which countries ratified C102 since 2021 but not in 2024") == {"2024"}
    assert set_aside_years("countries that ratified convention 102 after 2020 excluding 2024 ratifications") == {"2024"}
    assert set_aside_years("apart from the ones ratified in 2024, which countries ratified C102") == {"2024"}
    # the relation is negated, not the year: the negation machinery's
    assert set_aside_years("which pathfinders did not join in 2024") == set()
    assert set_aside_years("which countries ratified C102 in 2024") == set()
    r = year_range("which countries ratified C102 before 2024 but after 2020")
    assert (r.low, r.high, r.low_open, r.high_open) == ("2020", "2024", True, True)


def test_ratified_since_a_year_but_not_in_another(engine):
    inst, facts = _dated(engine, "ratified")
    facts = [f for f in facts if _registered(f)]
    years = Counter(f["attrs"]["year"] for f in facts if f["attrs"].get("year"))
    latest = max(years)
    low = min(y for y in years if y != latest)

    def since(f, y):
        return int(f["attrs"].get("year") or f["attrs"].get("since") or 0) >= int(y)

    expected = {f["subject"] for f in facts if since(f, low) and f["attrs"].get("year") != latest}
    if not expected:
        pytest.skip("no ratification dated between the two years")
    label = engine.k.label(inst)
    for q in (f"Which countries ratified {label} since {low} but not in {latest}?",
              f"countries that ratified {label} since {low} excluding {latest} ratifications"):
        got = answer_ids(engine, engine.ask(q))
        assert got == expected, q
        assert not {f["subject"] for f in facts if f["attrs"].get("year") == latest} & got


def test_range_written_upper_bound_first(engine):
    inst, facts = _dated(engine, "ratified")
    years = sorted({int(f["attrs"]["year"]) for f in facts if f["attrs"].get("year") and _registered(f)})
    hi, lo = years[-1], years[-1] - 4
    expected = {f["subject"] for f in facts if _registered(f) and f["attrs"].get("year")
                and lo < int(f["attrs"]["year"]) < hi}
    if not expected or len(expected) == len([f for f in facts if f["attrs"].get("year")]):
        pytest.skip("no range that leaves some ratifications in and some out")
    q = f"Which countries ratified {engine.k.label(inst)} before {hi} but after {lo}?"
    assert answer_ids(engine, engine.ask(q)) == expected


def test_pathfinders_but_not_those_of_a_year(engine):
    init, facts = _dated(engine, "pathfinderOf")
    years = Counter(f["attrs"]["year"] for f in facts if f["attrs"].get("year"))
    year = years.most_common(1)[0][0]
    expected = {f["subject"] for f in facts if f["attrs"].get("year") != year}
    q = f"which pathfinders joined the {engine.k.label(init)} but not in {year}"
    got = answer_ids(engine, engine.ask(q))
    assert got == expected
    # the members asked by their own noun: a negated joining sets the year aside within them
    assert answer_ids(engine, engine.ask(f"which pathfinders did not join in {year}")) == expected
    assert set_aside_years(f"which pathfinders did not join in {year}", joining=True) == {year}


def _dated_lists(engine):
    """An initiative whose every participation statement carries a year, in two or more years."""
    from app.qa.relation.participation import family

    for init in sorted({f["object"] for r in family() for f in engine.k.facts_where(predicate=r)
                        if f["object"].startswith("Initiative:")}):
        facts = [f for r in family() for f in engine.k.facts_where(predicate=r, obj=init)
                 if f["subject"].startswith("Country:")]
        years = {str((f.get("attrs") or {}).get("year") or "") for f in facts}
        if facts and all(y.isdigit() for y in years) and len(years) >= 2:
            return init, facts, sorted(years)
    pytest.skip("no initiative whose lists are all dated, in two years")


def test_taking_part_in_a_dated_list_by_year(engine):
    """ "Which countries did the partnership start with in 2021": the list of that year; a year no
    list carries ("... in 2019") answers none (all the lists were answered before)."""
    init, facts, years = _dated_lists(engine)
    first = years[0]
    expected = {f["subject"] for f in facts if f["attrs"]["year"] == first}
    label = engine.k.label(init)
    got = answer_ids(engine, engine.ask(f"Which countries did the {label} start with in {first}?"))
    assert expected <= got and got < {f["subject"] for f in facts}
    missing = str(int(first) - 2)
    res = engine.ask(f"Which countries did the {label} start with in {missing}?")
    assert not res["answers"]


def test_neither_roadmap_status(engine):
    """ "Pathfinders that have neither endorsed their roadmap nor are in the process of doing so":
    the pathfinders with no roadmap status at all (the progress words alone made it the in-progress
    list, the very set excluded)."""
    from app.qa.question import neither_status

    assert neither_status("which pathfinders have neither endorsed their roadmap nor are in the process of doing so")
    assert neither_status("which pathfinders have not endorsed a roadmap or started doing so")
    assert not neither_status("which pathfinders have not yet endorsed their roadmap")
    assert not neither_status("which pathfinders endorsed their roadmap or are in the process of doing so")
    facts = [f for f in engine.k.facts_where(predicate="pathfinderOf")]
    if not facts:
        pytest.skip("no pathfinders")
    init = facts[0]["object"]
    with_status = {f["subject"] for f in engine.k.facts_where(predicate="memberOf", obj=init)
                   if str((f.get("attrs") or {}).get("status") or "").startswith("roadmap-")} | \
        {f["subject"] for f in facts if (f.get("attrs") or {}).get("roadmap")}
    expected = {f["subject"] for f in facts if f["object"] == init} - with_status
    if not with_status or not expected:
        pytest.skip("no pathfinder with a roadmap status, or none without")
    for q in (f"Which {engine.k.label(init)} pathfinder countries have neither endorsed their roadmap nor are in "
              f"the process of doing so?",
              "which pathfinder countries haven't endorsed a roadmap or started doing so"):
        assert answer_ids(engine, engine.ask(q)) == expected, q
