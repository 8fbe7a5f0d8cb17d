"""Stated membership counts and how members joined.

Two layers: the pure sentence readers on made-up sentences (spelled counts, stated totals, the
instrument of joining), then the real engine over the real build of the bundled report, with the
questions built from the knowledge base's facts so they hold on another report with such facts.
The questions are written for these tests and are in no tuning set.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract.initiatives import join_means
from graph.extract.quantities import figures_in, spelled_numbers
from tests.support.engine import answer_ids


# ------------------------------------------------------------------ sentence readers (made-up text)

def test_spelled_counts_keep_offsets_and_bracketed_digits_win():
    s = "The Alliance welcomed seven new members and an additional twelve (12) states joined it."
    out = spelled_numbers(s)
    assert len(out) == len(s)
    got = {(f.value, f.measure) for f in figures_in(s)}
    assert (Decimal(7), "new members") in got
    assert (Decimal(12), "states joined") in got  # a count followed by 'joined' is what joined


def test_spelled_words_that_are_not_counts_are_left_alone():
    got = {f.value for f in figures_in("One of the partners held a two-day workshop with two dozen journalists.")}
    assert got == set()  # 'one of', 'two-day', 'two dozen' are no counts of their own


def test_a_stated_total_counts_the_lower_case_noun_after_the_name():
    figs = figures_in("This brought the total number of Sunrise Coalition members to 31 (A, B and C).")
    total = [f for f in figs if f.qualifier == "total"]
    assert [(f.value, f.measure) for f in total] == [(Decimal(31), "members")]


@pytest.mark.parametrize("sentence,means", [
    ("Freedonia joined the Compact as a pathfinder through a high-level commitment by the Minister on 3 May 2031.",
     "high-level commitment"),
    ("In May 2031, Freedonia officially joined the Compact in a letter from the Minister to the UN.", "letter"),
    ("The Minister confirmed Freedonia's high-level commitment to join the Compact.", "high-level commitment"),
    ("Freedonia joined the Compact in 2031.", None),
])
def test_the_instrument_of_joining(sentence, means):
    assert join_means(sentence) == means


# ------------------------------------------------------------------ the real engine, real build

def _stated(engine, measure_words: set[str], qualifier: str | None = None):
    """(initiative id, value, measure) of each figure the graph holds whose measure has these words."""
    out = []
    for f in engine.k.facts_where(predicate="hasQuantity"):
        if not f["subject"].startswith("Initiative:"):
            continue
        q = engine.k.entity(f["object"]) or {}
        at = q.get("attrs") or {}
        if set((at.get("measure") or "").split()) == measure_words and (qualifier is None or at.get("qualifier") == qualifier):
            out.append((f["subject"], float(at["value"]), at))
    return out


def test_a_stated_member_total_wins_over_the_named_members(engine):
    found = _stated(engine, {"members"}, "total")
    if not found:
        pytest.skip("no initiative with a stated total of members")
    for init, value, _ in found:
        res = engine.ask(f"how many members does the {engine.k.label(init)} have?")
        assert [a.get("value") for a in res["answers"]] == [value], res.get("path")


def test_new_members_of_a_year_are_counted_as_stated(engine):
    found = _stated(engine, {"new", "members"})
    if not found:
        pytest.skip("no count of new members")
    init, value, at = found[0]
    res = engine.ask(f"{engine.k.label(init).lower()} new members {at.get('year') or ''} how many")
    assert [a.get("value") for a in res["answers"]] == [value]


def test_a_dated_count_of_arrivals_is_not_the_membership(engine):
    """'N countries joined X in <year>' answers that year's question, not 'how many have joined'."""
    found = [x for x in _stated(engine, {"countries", "joined"}) if x[2].get("year")]
    if not found:
        pytest.skip("no dated count of countries that joined")
    init, value, at = found[0]
    res = engine.ask(f"How many countries joined the {engine.k.label(init)} in {at['year']}?")
    assert [a.get("value") for a in res["answers"]] == [value]
    members = {f["subject"] for rel in ("memberOf", "pathfinderOf") for f in engine.k.facts_where(predicate=rel, obj=init)
               if f["subject"].startswith("Country:")}
    res = engine.ask(f"How many countries have joined the {engine.k.label(init)}?")
    assert [a.get("value") for a in res["answers"]] != [value] or value == len(members)


def test_members_picked_by_how_they_joined(engine):
    by_means: dict[tuple[str, str], set[str]] = {}
    for f in engine.k.facts_where(predicate="memberOf"):
        m = (f.get("attrs") or {}).get("means")
        if m and f["subject"].startswith("Country:"):
            by_means.setdefault((f["object"], m), set()).add(f["subject"])
    letters = [(k, v) for k, v in by_means.items() if k[1] == "letter"]
    if not letters:
        pytest.skip("no membership the report says came by letter")
    (init, _), expected = letters[0]
    name = engine.k.label(init)
    for q in (f"Which countries joined the {name} through a letter?",
              f"{name} members that joined by letter",
              f"Which countries joined the {name} by means of a letter rather than a high-level commitment?"):
        res = engine.ask(q)
        assert answer_ids(engine, res) == expected, q


def test_an_organisation_member_narrowed_by_the_demonym_of_its_country(engine):
    """'Which <demonym> organisation is a member of X': the member placed in that country only."""
    from app.qa.names.demonyms import IRREGULAR

    adj_of = {iso: adj for adj, iso in IRREGULAR.items()}
    for f in engine.k.facts_where(predicate="memberOf"):
        org = engine.k.entity(f["subject"]) or {}
        iso = (org.get("attrs") or {}).get("country")
        if f["subject"].startswith("Organization:") and iso in adj_of:
            others = [g for g in engine.k.facts_where(predicate="memberOf", obj=f["object"])
                      if g["subject"].startswith("Organization:") and g["subject"] != f["subject"]]
            if others:
                break
    else:
        pytest.skip("no organisation member placed in a country with an irregular demonym, beside other members")
    res = engine.ask(f"Which {adj_of[iso]} organisation is a member of the {engine.k.label(f['object'])}?")
    assert answer_ids(engine, res) == {f["subject"]}


def test_a_region_set_aside_drops_countries_the_report_places_nowhere(engine):
    from app.qa.graphstep import _placed_by_gazetteer

    for region in [e for e in engine.k.entities if e.startswith("Region:")]:
        unplaced = set(_placed_by_gazetteer(engine.k, region))
        for f in engine.k.facts_where(predicate="pathfinderOf"):
            if f["subject"] in unplaced:
                init = f["object"]
                res = engine.ask(f"{engine.k.label(init).lower()} pathfinders outside {engine.k.label(region).lower()}")
                got = answer_ids(engine, res)
                assert got and not (got & unplaced)
                return
    pytest.skip("no pathfinder the report places in no region")


def test_countries_that_provided_resources_for_an_initiative_are_its_funders(engine):
    """'provided additional resources for X' / 'pledged funds to X' word funding, as 'contributed
    money to X' does: the countries whose governments fund X, not X's members."""
    inits = sorted({f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Initiative:")
                    and (engine.k.entity(f["object"]) or {}).get("id", "").startswith(("Country:", "Organization:gov-"))})
    if not inits:
        pytest.skip("no initiative funded by a government")
    name = engine.k.label(inits[0])
    base = answer_ids(engine, engine.ask(f"Which countries contributed money to the {name}?"))
    assert base
    for q in (f"Which countries provided additional resources for the {name}?",
              f"which governments pledged funds to the {name}"):
        assert answer_ids(engine, engine.ask(q)) == base, q


@pytest.mark.parametrize("q", ["What number of member states signed the Compact?",
                               "what is the number of partners in the Sunrise Coalition",
                               "What's the total number of pathfinder countries?"])
def test_what_number_of_asks_a_number(q):
    from app.qa.question import answer_type

    assert answer_type(q) == "Number"  # not the counted noun's type


def test_a_member_count_bound_only_by_a_region_does_not_count_the_regions_countries(engine):
    # "a network in <region> ...; how many members does it have": no statement of membership bounds
    # the count, so the number of the region's countries is not the answer (the text may state it).
    regions = {f["object"] for f in engine.k.facts_where(predicate="inRegion")}
    assert regions
    for region in sorted(regions):
        in_region = {f["subject"] for f in engine.k.facts_where(predicate="inRegion", obj=region)}
        res = engine.ask(f"There is a network in {engine.k.label(region)} that welcomed new members this year; "
                         "how many members does it have in total?")
        assert not any(p.startswith("count of: countries in") for p in res.get("path", [])), res.get("path")
        assert [a.get("value") for a in res["answers"]] != [float(len(in_region))] or not in_region


def test_total_inside_a_keyword_query_counts_what_follows_it(engine):
    """'<initiative> total pathfinder countries' (round 26): "total" before the counted plural noun
    asks for the count wherever the keyword query writes it, not for the list."""
    facts = engine.k.facts_where(predicate="pathfinderOf")
    if not facts:
        pytest.skip("no pathfinders")
    init = facts[0]["object"]
    name = min(engine.k.names(init), key=len)
    for q in (f"{name} total pathfinder countries", f"total pathfinder countries {name}"):
        res = engine.ask(q)
        assert res["answer_type"] == "Number" and len(res["answers"]) == 1, (q, res["path"])
    from app.qa.question import answer_type

    assert answer_type("how many pathfinder countries does it have in total") == "Number"
    assert answer_type("Sunrise Coalition pathfinders in total") != "Number"  # "in total" is no count word here
