"""Keyword queries that name the asked end of a relation by its role noun: "<funder> recipients"
(the countries it funds, not how many people), "<region> funders list" (the funders of the
region's countries, not the countries), "<event> co-organisers" (bodies, not a head count), and
"financing partners" (funders, not the partnership relation).

The nouns come from the relation registry (``subject_nouns`` / ``object_nouns``), and the bank asks
every relation by them in both directions.  Expected answers are read from the knowledge base's
facts (never typed from the report), so the tests hold on an altered report too.
"""
from __future__ import annotations

import pytest

from app.qa.bank import generate
from app.qa.form.end_nouns import asked_end, end_noun_type
from graph.relations import REGISTRY


# -- pure pieces ---------------------------------------------------------------------------------
@pytest.mark.parametrize("query, types, expected", [
    ("atlantis fund recipients", ["Organization"], ("Country", "fundedBy", "subject")),
    ("atlantis fund beneficiaries list", ["Organization"], ("Country", "fundedBy", "subject")),
    ("number of atlantis fund grantees", ["Initiative"], ("Country", "fundedBy", "subject")),
    ("utopia recipients 2024", ["Country", "Organization"], ("Country", "fundedBy", "subject")),  # a donor's government
    ("utopia beneficiaries", ["Country"], None),  # a country that funds nothing: its people are counted
    ("old age grant recipients", ["Scheme"], None),  # a scheme's recipients are people
    ("which countries are atlantis fund recipients", ["Organization"], None),  # a sentence: its head decides
])
def test_asked_end(query, types, expected):
    got = asked_end(query, types)
    assert (got and got[1:]) == (expected and expected[1:])


@pytest.mark.parametrize("query, expected", [
    ("utopia day 2024 organisers", "Organization"),
    ("lemuria side event co-organizers", "Organization"),
    ("atlantis paper co-authors", "Organization"),
    ("atlantis workshop participants", None),  # people (and members of mixed kinds)
    ("who were the organisers", None),  # a question word: the analysis reads it
])
def test_end_noun_type(query, expected):
    assert end_noun_type(query) == expected


def test_bank_asks_every_declared_end_noun_in_keyword_style():
    texts = {(q.text, q.intent.relation, q.intent.direction, q.intent.op) for q in generate() if q.style == "keyword"}
    declared = [r for r in REGISTRY if r.subject_nouns or r.object_nouns]
    assert declared, "precondition: the registry declares role nouns"
    for r in declared:
        for noun in r.subject_nouns:
            assert any(t.endswith(noun) and rel == r.name and d == "subject" and op == "list" for t, rel, d, op in texts), noun
            assert any(noun in t and rel == r.name and op == "count" for t, rel, d, op in texts), noun
        for noun in r.object_nouns:
            assert any(t.endswith(noun) and rel == r.name and d == "object" and op == "list" for t, rel, d, op in texts), noun
        if "Country" in r.domain and r.object_nouns:  # a region stands for its countries
            assert any(t.startswith("[region]") and rel == r.name and d == "object" for t, rel, d, op in texts)


# -- the real engine over the real build -------------------------------------------------------------
def _labels(r):
    return {x["label"] for x in r["answers"]}


def _recipients(engine, funder):
    return {engine.k.label(f["subject"]) for f in engine.k.facts_where(obj=funder, predicate="fundedBy")
            if f["subject"].startswith("Country:")}


def _funders_in(engine, region):
    inside = {f["subject"] for f in engine.k.facts_where(obj=region, predicate="inRegion")}
    return {f["object"] for c in inside for f in engine.k.facts_where(subject=c, predicate="fundedBy")}


def _funders_with(engine, n_min, prefix):
    counts = {}
    for f in engine.k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:") and f["object"].startswith(prefix):
            counts.setdefault(f["object"], set()).add(f["subject"])
    return [o for o, cs in counts.items() if len(cs) >= n_min]


@pytest.mark.parametrize("noun", ["recipients", "beneficiaries", "recipients list"])
def test_funder_then_recipients_asks_for_the_countries_funded(engine, noun):
    funders = _funders_with(engine, 2, "Organization:")[:3] + _funders_with(engine, 2, "Initiative:")[:1]
    assert len(funders) >= 3, "precondition: several funders fund two countries or more"
    for funder in funders:
        name = engine.k.entity(funder).get("acronym") or engine.k.label(funder)
        r = engine.ask(f"{name} {noun}")
        assert r["answer_type"] == "Country", (name, r.get("path"))
        assert _labels(r) == _recipients(engine, funder), name


@pytest.mark.parametrize("form", ["{r} funders list", "{r} donors", "list of {r} financiers", "{r} financing partners"])
def test_region_then_funder_noun_asks_for_the_funders_of_its_countries(engine, form):
    regions = [f["object"] for f in engine.k.facts_where(predicate="inRegion")]
    region = max(set(regions), key=lambda r: (len(_funders_in(engine, r)) < 12, len(_funders_in(engine, r))))
    want = {engine.k.label(o) for o in _funders_in(engine, region)}
    assert len(want) > 2
    r = engine.ask(form.format(r=engine.k.label(region).lower()))
    assert r["answer_type"] == "Organization", r.get("path")
    got = _labels(r)
    countries = {engine.k.label(f["subject"]) for f in engine.k.facts_where(obj=region, predicate="inRegion")}
    assert not got & countries, "the region's countries are not what is asked"
    assert len(got & want) >= 0.8 * len(want)


def test_financing_partners_are_funders_not_partners(engine):
    country = next(c for c in ("Country:JOR", "Country:KEN", "Country:NPL")
                   if engine.k.facts_where(subject=c, predicate="fundedBy"))
    want = {engine.k.label(f["object"]) for f in engine.k.facts_where(subject=country, predicate="fundedBy")}
    name = engine.k.label(country).lower()
    for q in (f"{name} financing partners", f"funding partners of {name}"):
        r = engine.ask(q)
        assert r["answer_type"] == "Organization"
        assert _labels(r) == want, q


# -- a keyword query closing on a word of measure asks for a figure ------------------------------------
from app.qa.form.end_nouns import role_head  # noqa: E402
from app.qa.figures.keyword_figures import closes_on_measure  # noqa: E402
from app.qa.understand import _YEAR_HEAD  # noqa: E402


@pytest.mark.parametrize("query, expected", [
    ("atlantis older persons grant reach", True),
    ("lemuria data dashboards users", True),
    ("utopia platform page impressions 2024", True),
    ("utopia severe disability allowance individuals benefited", True),
    ("atlantis social allowances funding secured", True),
    ("c102 ratifications registered 2024", False),  # which ones
    ("which countries did the grant reach", False),  # a question word: its head decides
    ("reach", False),
])
def test_closes_on_measure(query, expected):
    assert closes_on_measure(query) is expected


@pytest.mark.parametrize("head, role, expected", [
    ("Initiative", ("Country", "coChairOf", "subject"), "Organization"),  # "... working group co-chair"
    ("Initiative", ("Country", "secretariatOf", "subject"), "Organization"),
    ("Country", ("Country", "fundedBy", "subject"), "Country"),  # the head is the asked end already
    (None, ("Country", "fundedBy", "subject"), None),
])
def test_role_head(head, role, expected):
    assert role_head(head, role) == expected


@pytest.mark.parametrize("query, asked", [
    ("morocco c102 ratification year", True), ("cambodia pathfinder join date", True),
    ("coverage increase per year", False), ("contributions over a 10-year period", False),
    ("benefits paid each year", False),
    ("atlantis issue paper publication month", True), ("allowance paid per month", False),
])
def test_a_rate_or_span_asks_no_year(query, asked):
    assert bool(_YEAR_HEAD.search(query)) is asked


def test_scheme_then_measure_word_asks_for_a_figure(engine):
    schemes = sorted({f["subject"] for f in engine.k.facts_where(predicate="schemeInCountry")})
    names = [engine.k.label(s).lower() for s in schemes if len(engine.k.label(s).split()) >= 2][:4]
    assert len(names) >= 3
    for name in names:
        for tail in ("reach", "beneficiaries reached"):
            r = engine.ask(f"{name} {tail}")
            assert r["answer_type"] == "Number", (name, tail, r.get("path"))


@pytest.mark.parametrize("form", ["{i} co-chair", "{i} co-chairs"])
def test_working_group_then_role_noun_asks_for_the_holder(engine, form):
    held = {}
    for f in engine.k.facts_where(predicate="coChairOf"):
        held.setdefault(f["object"], set()).add(engine.k.label(f["subject"]))
    init = next(i for i, hs in held.items() if len(hs) >= 2)
    r = engine.ask(form.format(i=engine.k.label(init)))
    assert r["answer_type"] == "Organization"
    assert held[init] <= {x["label"] for x in r["answers"]}


# -- names written differently: codes in lower case, elisions without their apostrophe ------------------
def test_letter_digit_code_links_in_a_mixed_case_question(engine):
    number = sorted(engine.lexicon.instrument_numbers)[0]
    want = engine.lexicon.instrument_numbers[number]
    country = next(l for l in (engine.k.label(i) for i in engine.k.entities if i.startswith("Country:")) if l[0].isupper())
    for code in (f"c{number}", f"c.{number}", f"c {number}"):
        for q in (f"{country} {code} year", f"Did {country} ratify {code}?"):
            ids = {i for l in engine.lexicon.link(q) for i in l.ids}
            assert want <= ids, q
    assert not engine.lexicon.link("who is it"), "a question word in lower case is still no acronym"


@pytest.mark.parametrize("typed", ["cote divoire", "Cote dIvoire", "cote d ivoire"])
def test_elided_article_typed_without_its_apostrophe(engine, typed):
    ids = {i for l in engine.lexicon.link(f"{typed} funders") for i in l.ids}
    assert "Country:CIV" in ids


def test_every_name_of_a_donor_country_links_its_government(engine):
    donors = sorted({f["object"] for f in engine.k.facts_where(predicate="fundedBy") if f["object"].startswith("Organization:gov-")})
    assert donors, "precondition: donor governments in the graph"
    for gov in donors[:6]:
        iso = gov.rsplit("-", 1)[1]
        for name in {n for n in engine.lexicon.names if engine.lexicon.names[n] & {f"Country:{iso}"}}:
            ids = {i for l in engine.lexicon.link(" ".join(name) + " funded countries") for i in l.ids}
            if f"Country:{iso}" in ids:
                assert gov in ids, name


def test_funds_after_a_country_that_funds_nothing_is_a_noun(engine):
    from app.qa.relation.fund_nouns import blank_non_funders_funds

    funders = {f["object"].rsplit("-", 1)[1] for f in engine.k.facts_where(predicate="fundedBy") if f["object"].startswith("Organization:gov-")}
    recipient = next(f["subject"] for f in engine.k.facts_where(predicate="fundedBy")
                     if f["subject"].startswith("Country:") and f["subject"].split(":")[1] not in funders)
    donor = sorted(funders)[0]
    for iso, kept in ((recipient.split(":")[1], False), (donor, True)):
        name = engine.k.label(f"Country:{iso}").lower()
        q = f"{name} funds health coverage"
        blanked = blank_non_funders_funds(q, engine.lexicon.link(q))
        assert ("funds" in blanked) is kept, q


@pytest.mark.parametrize("query", ["regions where {d} funds countries", "regions where {d} funds work"])
def test_regions_where_asks_for_regions(engine, query):
    gov = next(f["object"] for f in engine.k.facts_where(predicate="fundedBy") if f["object"].startswith("Organization:gov-"))
    country = "Country:" + gov.rsplit("-", 1)[1]
    in_region = {f["subject"]: f["object"] for f in engine.k.facts_where(predicate="inRegion")}
    want = {engine.k.label(in_region[f["subject"]]) for f in engine.k.facts_where(obj=gov, predicate="fundedBy")
            if f["subject"] in in_region}
    r = engine.ask(query.format(d=engine.k.label(country).lower()))
    assert {x["label"] for x in r["answers"]} == want
