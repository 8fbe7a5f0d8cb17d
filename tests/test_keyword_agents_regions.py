"""Keyword queries worded like a search box (round 11): a type noun before a passive agent
("countries financed by <fund> donors"), a region with no type noun ("<funder> funded <region>"),
the payers into a fund ("<fund> contributors", "... contributing governments"), a type noun that
only modifies a role noun ("<donor> grant recipients"), "country programmes", dotted initials with
their last stop ("E.U. funded countries number"), the regions' short forms ("LatAm & Caribbean")
and office shorthand ("acct").

Expected answers are read from the knowledge base's facts, never typed from the report.
"""
from __future__ import annotations

import re

import pytest

from app.qa.names.dotted_acronyms import dotted_end
from app.qa.graphstep import ACHIEVED_ANY
from app.qa.form.passive_agent import agent_cut, closes_in_agent
from app.qa.names.region_scope import region_countries_asked
from app.qa.form.spelling import SHORTHAND
from app.qa.understand import _HEAD_NOUNS
from app.qa.names.subregions import named_subregion

_KINDS = [rx for rx, t in _HEAD_NOUNS if t not in ("Number", "Year")]


# -- pure pieces ---------------------------------------------------------------------------------
@pytest.mark.parametrize("query, inside", [
    ("pathfinder countries financed by atlantis donors", True),
    ("asian countries backed by utopia funders", True),
    ("schemes supported by lemuria sponsors", True),
    ("countries paid for by atlantis donors", True),
    ("atlantis donors", False),  # no type noun before: the donors are asked
    ("donors funded by atlantis", True),  # closes in the agent (the donors before it stay the head)
    ("atlantis funded countries", False),
])
def test_closing_noun_inside_a_passive_agent(query, inside):
    assert closes_in_agent(query) is inside


def test_agent_cut_needs_a_type_noun_before():
    assert agent_cut("funded by atlantis donors", _KINDS) is None
    assert agent_cut("countries funded by atlantis donors", _KINDS) == len("countries ")


def test_region_scope_only_without_a_head_and_with_a_country_end():
    assert region_countries_asked(True, False, "fundedBy", "subject", "Organization")
    assert not region_countries_asked(True, True, "fundedBy", "subject", "Organization")  # "... donors" said
    assert not region_countries_asked(False, False, "fundedBy", "subject", "Organization")  # no region
    assert not region_countries_asked(True, False, "fundedBy", "object", "Organization")  # funders are bodies
    assert not region_countries_asked(True, False, "fundedBy", "subject", "Number")  # a count is asked


@pytest.mark.parametrize("text, span, end", [
    ("E.U. funded countries number", (0, 3), 4),
    ("how many U.N.D.P. partners", (9, 16), 17),
    ("EU. funded", (0, 2), 2),  # no dots inside: the stop is punctuation
    ("ask the E.U", (8, 11), 11),
])
def test_dotted_initials_keep_their_last_stop(text, span, end):
    assert dotted_end(text, *span) == end


def test_results_with_a_year_between_are_results_achieved():
    for q in ("countries with 2024 results", "asian countries with any 2024 result", "priority countries with results"):
        assert ACHIEVED_ANY.search(q), q
    assert not ACHIEVED_ANY.search("countries with 2024 results 3")


def test_latin_america_and_the_caribbean_is_the_region_not_the_subregion():
    for q in ("latam & caribbean pathfinders", "latin america and the caribbean donors", "latin america & caribbean"):
        assert named_subregion(q) is None, q
    assert named_subregion("caribbean priority countries") == "Caribbean"


def test_office_shorthand_is_general_english():
    assert SHORTHAND["acct"] == "account" and SHORTHAND["mgmt"] == "management"


# -- the real engine over the real build -------------------------------------------------------------
def _labels(r):
    return {x["label"] for x in r["answers"]}


def _funded_countries(engine, funder):
    return {f["subject"] for f in engine.k.facts_where(obj=funder, predicate="fundedBy") if f["subject"].startswith("Country:")}


def _region_of(engine, country):
    return next((f["object"] for f in engine.k.facts_where(subject=country, predicate="inRegion")), None)


def _name(engine, i):
    return engine.k.entity(i).get("acronym") or engine.k.label(i)


def _funders_of_several(engine, n_min=3):
    counts = {}
    for f in engine.k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:") and f["object"].startswith("Organization:"):
            counts.setdefault(f["object"], set()).add(f["subject"])
    return sorted((o for o, cs in counts.items() if len(cs) >= n_min), key=lambda o: -len(counts[o]))


@pytest.mark.parametrize("form", ["countries financed by {f} donors", "priority countries backed by {f} funders",
                                  "the countries supported by {f} sponsors"])
def test_type_noun_before_a_passive_agent_is_asked(engine, form):
    funders = _funders_of_several(engine)[:3]
    assert funders, "precondition: funders of several countries"
    for funder in funders:
        q = form.format(f=_name(engine, funder).lower())
        r = engine.ask(q)
        assert r["answer_type"] == "Country", (q, r.get("path"))
        assert _labels(r) == {engine.k.label(c) for c in _funded_countries(engine, funder)}, q


@pytest.mark.parametrize("form", ["{f} funded {r}", "{r} {f} funded", "{f} financed {r}"])
def test_funder_and_region_without_type_noun_asks_for_the_regions_countries(engine, form):
    checked = 0
    for funder in _funders_of_several(engine):
        by_region = {}
        for c in _funded_countries(engine, funder):
            by_region.setdefault(_region_of(engine, c), set()).add(c)
        region, inside = max(by_region.items(), key=lambda kv: len(kv[1]))
        if region is None or len(inside) < 2 or len(by_region) < 2:
            continue
        q = form.format(f=_name(engine, funder).lower(), r=engine.k.label(region).lower())
        r = engine.ask(q)
        assert r["answer_type"] == "Country", (q, r.get("path"))
        assert _labels(r) == {engine.k.label(c) for c in inside}, q
        checked += 1
        if checked == 2:
            break
    assert checked, "precondition: a funder of several countries in two regions"


@pytest.mark.parametrize("form", ["{f} contributors", "{f} contributing governments", "{f} contributing countries"])
def test_contributors_of_a_fund_are_its_funders(engine, form):
    funds = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy")
             if f["subject"].startswith("Organization:") and len(engine.k.facts_where(subject=f["subject"], predicate="fundedBy")) >= 2
             and _funded_countries(engine, f["subject"])}
    assert funds, "precondition: a pooled fund with donors of its own that funds countries"
    for fund in sorted(funds)[:2]:
        q = form.format(f=_name(engine, fund).lower())
        r = engine.ask(q)
        want = {engine.k.label(f["object"]) for f in engine.k.facts_where(subject=fund, predicate="fundedBy")}
        assert _labels(r) == want, (q, r.get("path"))


@pytest.mark.parametrize("noun", ["grant recipients", "grant beneficiaries", "funding recipients"])
def test_type_noun_modifying_a_role_noun_is_not_asked(engine, noun):
    donors = [o for o in _funders_of_several(engine, 2) if o.startswith("Organization:gov-")][:2]
    assert donors, "precondition: donor governments"
    for gov in donors:
        country = "Country:" + gov.split("gov-", 1)[1].upper()
        q = f"{engine.k.label(country).lower()} {noun}"
        r = engine.ask(q)
        assert r["answer_type"] == "Country", (q, r.get("path"))
        assert _labels(r) == {engine.k.label(c) for c in _funded_countries(engine, gov)}, q


def test_country_programmes_are_countries(engine):
    gov = next(o for o in _funders_of_several(engine, 2) if o.startswith("Organization:gov-"))
    country = "Country:" + gov.split("gov-", 1)[1].upper()
    want = {engine.k.label(c) for c in _funded_countries(engine, gov)}
    for q in (f"{engine.k.label(country).lower()}-financed country programmes",
              f"{engine.k.label(country).lower()} funded country programmes"):
        r = engine.ask(q)
        assert r["answer_type"] == "Country" and _labels(r) == want, (q, r.get("path"))


def test_dotted_initials_count_like_plain_ones(engine):
    plain = engine.ask("EU funded countries number")
    for q in ("E.U. funded countries number", "number of E.U. financed countries"):
        r = engine.ask(q)
        assert r["answer_type"] == "Number" and _labels(r) == _labels(plain), (q, r.get("path"))
    assert _labels(plain) == {str(len(_funded_countries(engine, "Organization:eu")))}


def test_region_short_forms_link_the_region(engine):
    americas = next(r for r in {f["object"] for f in engine.k.facts_where(predicate="inRegion")}
                    if engine.k.label(r) == "Americas")
    inside = {engine.k.label(f["subject"]) for f in engine.k.facts_where(obj=americas, predicate="inRegion")}
    for q in ("latam priority countries", "LatAm & Caribbean priority countries", "LAC priority countries"):
        got = _labels(engine.ask(q))
        assert got and got <= inside, q
    assert _labels(engine.ask("LatAm & Caribbean priority countries")) == _labels(engine.ask("americas priority countries"))


def test_eca_is_europe_and_central_asia(engine):
    """"ECA countries 2024 institutional results" answered every country with a result: the short
    form linked nothing, so the region filter was lost."""
    eca = next(r for r in {f["object"] for f in engine.k.facts_where(predicate="inRegion")}
               if engine.k.label(r) == "Europe and Central Asia")
    inside = {engine.k.label(f["subject"]) for f in engine.k.facts_where(obj=eca, predicate="inRegion")}
    for q in ("ECA priority countries", "eca countries 2024 institutional results"):
        got = _labels(engine.ask(q))
        assert got and got <= inside, q
    assert _labels(engine.ask("ECA priority countries")) == _labels(engine.ask("Europe and Central Asia priority countries"))


def test_office_shorthand_in_a_name(engine):
    full = engine.ask("regular budget supplementary account contributors")
    short = engine.ask("regular budget supplementary acct contributors")
    assert _labels(full) and _labels(short) == _labels(full)
    assert re.search(r"acct", " ".join(short.get("path") or []))


# -- names, a topic word and a region: what a search box gives ---------------------------------------
def _initiatives_with_members_in_two_regions(engine):
    out = []
    for init in {f["object"] for f in engine.k.facts_where(predicate="memberOf") if f["object"].startswith("Initiative:")}:
        members = {f["subject"] for rel in ("memberOf", "pathfinderOf") for f in engine.k.facts_where(obj=init, predicate=rel)
                   if f["subject"].startswith("Country:")}
        by_region = {}
        for c in members:
            by_region.setdefault(_region_of(engine, c), set()).add(c)
        by_region.pop(None, None)
        if len(by_region) >= 2:
            out.append((init, by_region))
    return out


def test_initiative_and_region_without_type_noun_asks_for_its_countries_there(engine):
    found = _initiatives_with_members_in_two_regions(engine)
    assert found, "precondition: an initiative with member countries in two regions"
    for init, by_region in found[:2]:
        region, inside = max(by_region.items(), key=lambda kv: len(kv[1]))
        for q in (f"{_name(engine, init).lower()} {engine.k.label(region).lower()}",
                  f"{engine.k.label(region).lower()} {_name(engine, init).lower()}"):
            r = engine.ask(q)
            assert r["answer_type"] == "Country", (q, r.get("path"))
            got = _labels(r)
            members = {engine.k.label(c) for cs in by_region.values() for c in cs}
            assert {engine.k.label(c) for c in inside} <= got, q  # its members placed in the region
            assert not got & (members - {engine.k.label(c) for c in inside}), q  # and none placed elsewhere


def _sole_funding_donors(engine):
    """Donor countries whose only tie to other countries in the graph is funding them."""
    out = []
    for gov in {f["object"] for f in engine.k.facts_where(predicate="fundedBy") if f["object"].startswith("Organization:gov-")}:
        country = "Country:" + gov.split("gov-", 1)[1].upper()
        ties = {f["predicate"] for i in (country, gov) for f in [*engine.k.facts_where(subject=i), *engine.k.facts_where(obj=i)]
                if f["predicate"] not in ("inRegion", "governmentOf")
                and any(e.startswith("Country:") and e != country for e in (f["subject"], f["object"]))}
        if ties == {"fundedBy"} and engine.k.entity(country):
            out.append((country, gov))
    return out


def test_region_and_donor_country_without_relation_word_asks_for_the_countries_it_funds_there(engine):
    checked = 0
    for country, gov in _sole_funding_donors(engine):
        by_region = {}
        for c in _funded_countries(engine, gov):
            by_region.setdefault(_region_of(engine, c), set()).add(c)
        by_region.pop(None, None)
        if not by_region:
            continue
        region, inside = max(by_region.items(), key=lambda kv: len(kv[1]))
        for q in (f"{engine.k.label(region).lower()} {engine.k.label(country).lower()}",
                  f"{engine.k.label(country).lower()} {engine.k.label(region).lower()}"):
            r = engine.ask(q)
            assert r["answer_type"] == "Country" and _labels(r) == {engine.k.label(c) for c in inside}, (q, r.get("path"))
        checked += 1
        if checked == 2:
            break
    assert checked, "precondition: a donor country whose only tie to countries is funding"


def test_funders_of_an_initiatives_role_list(engine):
    from app.qa.constraints.qualified_members import _roles

    checked = 0
    for init in sorted({f["object"] for f in engine.k.facts_where(predicate="priorityCountryOf")}):
        lists: dict[str, set] = {}
        for f in engine.k.facts_where(obj=init, predicate="priorityCountryOf"):
            for prop, value in _roles(f):
                if prop == "role":
                    lists.setdefault(value, set()).add(f["subject"])
        if len(lists) < 2:
            continue
        for role, countries in lists.items():
            direct = {f["object"] for c in countries for f in engine.k.facts_where(subject=c, predicate="fundedBy")}
            want = {engine.k.label(o) for o in direct}
            # the donors behind a pooled fund among them may be listed too
            behind = {engine.k.label(f["object"]) for o in direct for f in engine.k.facts_where(subject=o, predicate="fundedBy")}
            word = role.split()[0]
            if not want or any(word in other for other in lists if other != role):
                continue
            for q in (f"donors of {_name(engine, init).lower()} {word} countries",
                      f"{_name(engine, init).lower()} {word} countries funders"):
                r = engine.ask(q)
                assert want <= _labels(r) <= want | behind, (q, r.get("path"))
            checked += 1
    assert checked, "precondition: an initiative listing countries under two roles"


# -- a country by the distinctive word of its name ---------------------------------------------------
def test_distinctive_words_of_country_names():
    from app.qa.names.country_words import distinctive_words

    names = {"AAA": ["Burkina Faso"], "BBB": ["Guinea"], "CCC": ["Guinea-Bissau"], "DDD": ["Sierra Leone"],
             "EEE": ["Ocean Islands", "British Ocean Territory"], "FFF": ["Grand Duchy of Atlantis", "Atlantis"],
             "GGG": ["Occupied Lemuria"]}
    common = {"AAA": "Burkina Faso", "BBB": "Guinea", "CCC": "Guinea-Bissau", "DDD": "Sierra Leone",
              "EEE": "Ocean Islands", "FFF": "Atlantis", "GGG": "Occupied Lemuria"}
    english = {"ocean": 30_000_000, "islands": 70_000_000}
    got = distinctive_words(names, english, common)
    assert got["burkina"] == "AAA" and got["leone"] == "DDD" and got["bissau"] == "CCC"
    assert "guinea" not in got  # two countries' word
    assert "ocean" not in got and "islands" not in got  # English words
    assert "duchy" not in got  # only the common name's words
    assert "occupied" not in got and got["lemuria"] == "GGG"  # a verb form is a word


def test_country_by_its_distinctive_word_is_linked(engine):
    from app.qa.names.country_words import distinctive_words
    from app.qa.form.spelling import english_frequency
    from graph import countries

    cs = countries.all_countries()
    known = {i: c.name for i, c in cs.items() if f"Country:{i}" in engine.k.entities}
    words = distinctive_words({i: list(c.names) for i, c in cs.items()}, english_frequency(), known)
    checked = 0
    for word, iso3 in sorted(words.items()):
        if not engine.k.facts_where(subject=f"Country:{iso3}", predicate="fundedBy"):
            continue
        want = _labels(engine.ask(f"{known[iso3].lower()} donors"))
        for q in (f"{word} donors", f"Who funds the programme in {word.title()}?"):
            r = engine.ask(q)
            assert want and _labels(r) == want, (q, r.get("path"))
        checked += 1
    assert checked >= 2, "precondition: funded countries with a distinctive word"
