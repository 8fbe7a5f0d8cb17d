"""The region as the last hop of a chain, and a named thing's country as the middle one.

"Which region is Kenya in", "region of the country that ratified C102 in 2024", "what region is
the country where the Haba Haba scheme was relaunched": the region (``fg:inRegion``) of countries
the question names, describes by a relation, or implies by the one thing it names.  "RAMU country
funders": the outer relation asked of the named thing's country.  The real engine over the real
build; expected answers come from the knowledge base's facts, so the tests hold on another report.
"""
from __future__ import annotations

import re

import pytest

from tests.support.engine import answer_ids


def _region_of(engine, country: str) -> str | None:
    facts = engine.k.facts_where(subject=country, predicate="inRegion")
    return facts[0]["object"] if facts else None


def _labels(res) -> set[str]:
    return {a["label"] for a in res["answers"]}


def _single_country_schemes(engine) -> list[tuple[str, str]]:
    """(scheme, country) for schemes the graph places in exactly one country that has a region,
    whose name links to that scheme alone (a kind's name, "Universal Health Insurance Scheme", or a
    name holding a country's, says no one thing)."""
    from app.qa.question import analyse

    by_scheme: dict[str, set[str]] = {}
    for f in engine.k.facts_where(predicate="schemeInCountry"):
        by_scheme.setdefault(f["subject"], set()).add(f["object"])
    out = []
    for s, cs in sorted(by_scheme.items()):
        label = engine.k.label(s)
        if len(cs) != 1 or not _region_of(engine, next(iter(cs))) or re.search(r"\d", label):
            continue
        links = analyse(label, engine.lexicon).links
        if len(links) == 1 and links[0].ids == [s]:
            out.append((s, cs.pop()))
    return out


def test_the_region_of_a_named_country(engine):
    """'which region is X in', 'region of X': the region the graph lists the country under."""
    countries = sorted({f["subject"] for f in engine.k.facts_where(predicate="inRegion")})[:4]
    assert countries, "the graph places no country in a region"
    for c in countries:
        name = engine.k.label(c)
        want = engine.k.label(_region_of(engine, c))
        for q in (f"Which region is {name} in?", f"region of {name}"):
            assert _labels(engine.ask(q)) == {want}, q


def test_the_region_of_the_countries_a_ratification_year_describes(engine):
    """'region of the country that ratified <convention> in <year>': the regions of the
    countries whose registered ratification has that year, not the countries themselves."""
    by_key: dict[tuple[str, str], set[str]] = {}
    for f in engine.k.facts_where(predicate="ratified"):
        attrs = f.get("attrs") or {}
        if attrs.get("year") and attrs.get("status") in (None, "registered"):
            by_key.setdefault((f["object"], str(attrs["year"])), set()).add(f["subject"])
    cases = [(k, cs) for k, cs in sorted(by_key.items()) if all(_region_of(engine, c) for c in cs)]
    if not cases:
        pytest.skip("no dated ratification of a country the graph places in a region")
    for (instrument, year), countries in cases[:3]:
        want = {engine.k.label(_region_of(engine, c)) for c in countries}
        name = engine.k.label(instrument)
        for q in (f"region of the country that ratified {name} in {year}",
                  f"What region is the country that ratified {name} in {year} in?"):
            res = engine.ask(q)
            assert _labels(res) == want, (q, res["path"])


def test_the_region_of_the_country_a_named_scheme_is_in(engine):
    """'what region is the country where the <scheme> was relaunched': the scheme's country's region."""
    cases = _single_country_schemes(engine)
    if not cases:
        pytest.skip("no named scheme placed in one country")
    for scheme, country in cases[:3]:
        want = engine.k.label(_region_of(engine, country))
        q = f"what region is the country where the {engine.k.label(scheme)} was relaunched"
        res = engine.ask(q)
        assert _labels(res) == {want}, (q, res["path"])


def test_keyword_funders_of_a_named_schemes_country_are_that_countrys(engine):
    """'<scheme> country funders', 'funders of the <scheme> country': the funders of the scheme's
    country, as asked by its name.  (A name ending in "programme" is left to the wordier form:
    "programme country" is also the report's own phrase for the Flagship's countries.)"""
    funded = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy")}
    cases = [(s, c) for s, c in _single_country_schemes(engine) if c in funded]
    if not cases:
        pytest.skip("no named scheme in a funded country")
    for scheme, country in cases[:3]:
        want = answer_ids(engine, engine.ask(f"Who funds {engine.k.label(country)}?"))
        assert want
        label = engine.k.label(scheme)
        qs = [f"funders of the {label} country"]
        if not re.search(r"programme$", label, re.I):
            qs.append(f"{label} country funders")
        for q in qs:
            res = engine.ask(q)
            assert answer_ids(engine, res) == want, (q, res["path"])
