"""A country's public body asked by its kind noun in a keyword query (app.qa.things.country_bodies):
"sierra leone social security trust name" answered countries, "burkina faso health insurance fund
called" a scheme, "sudan health insurance fund evaluated" other countries.

The engine questions are built from the graph (each country's ``institutionOf`` bodies and the last
word of their names), never typed in.
"""
from __future__ import annotations

import pytest

from app.qa.things.country_bodies import asks_acronym, body_noun
from app.qa.units import stem, terms
from graph import countries

_NOUNS = ("fund", "trust", "institute", "corporation", "bureau", "authority", "agency", "board")


@pytest.mark.parametrize("q, noun", [
    ("sierra leone social security trust name", "trust"),
    ("burkina faso health insurance fund called", "fund"),
    ("sudan health insurance fund evaluated", "fund"),
    ("paraguay social security institute acronym", "institute"),
    ("laos health insurance bureau", "bureau"),
    ("Which fund in Kenya relaunched the scheme?", None),        # a sentence: the type rules read it
    ("kenyan fund relaunched haba haba scheme", None),           # the fund is not the query's head
    ("nigeria funds extending non-contributory health coverage", None),
    ("zambia health insurance scheme name", None),               # a scheme, not a body
])
def test_the_body_noun_heads_a_keyword_query(q, noun):
    assert body_noun(q) == (stem(noun) if noun else None)


def test_an_acronym_is_asked_only_in_so_many_words():
    assert asks_acronym("paraguay social security institute acronym")
    assert not asks_acronym("paraguay social security institute name")


def _unique_bodies(k):
    """(country id, body id, kind noun) for each national institution that is its country's only
    one whose name ends in that kind noun."""
    by_country: dict[str, list[str]] = {}
    for f in k.facts:
        if f["predicate"] == "institutionOf" and f["subject"].startswith("Organization:"):
            by_country.setdefault(f["object"], []).append(f["subject"])
    out = []
    for c, bodies in sorted(by_country.items()):
        bodies = sorted(set(bodies))
        for b in bodies:
            words = k.label(b).lower().split()
            if not words or words[-1] not in _NOUNS:
                continue
            noun = words[-1]
            if sum(1 for o in bodies if stem(noun) in {stem(t) for t in terms(k.label(o))}) == 1:
                out.append((c, b, noun))
    return out


def test_the_report_has_such_bodies(engine):
    assert len(_unique_bodies(engine.k)) >= 4


def test_a_countrys_body_asked_by_its_kind_noun_is_that_body(engine):
    cases = _unique_bodies(engine.k)
    for c, b, noun in cases:
        name = countries.display_name(c.split(":", 1)[1])
        for q in (f"{name} {noun} name", f"{name.lower()} {noun} called"):
            got = engine.ask(q)
            assert [x["iri"].rsplit("/", 1)[-1] for x in got["answers"]] and \
                   engine.k.entity_by_iri(got["answers"][0]["iri"])["id"] == b, (q, got["answers"])
            assert len(got["answers"]) == 1, q


def _funds_by_country(k) -> dict[str, set[str]]:
    """Each country's national institutions whose names end in "Fund"."""
    out: dict[str, set[str]] = {}
    for f in k.facts:
        if f["predicate"] == "institutionOf" and k.label(f["subject"]).lower().endswith(" fund"):
            out.setdefault(f["object"], set()).add(f["subject"])
    return out


def test_the_query_s_words_pick_among_bodies_of_one_kind(engine):
    """A country with two bodies of one kind: the query's other words choose."""
    k = engine.k
    by_country = _funds_by_country(k)
    pairs = [(c, sorted(set(b))) for c, b in by_country.items() if len(set(b)) >= 2]
    assert pairs
    for c, bodies in pairs:
        name = countries.display_name(c.split(":", 1)[1])
        for b in bodies:
            own = [w for w in k.label(b).lower().split()[:-1]
                   if not any(w in k.label(o).lower().split() for o in bodies if o != b)]
            if not own:
                continue
            q = f"{name} {' '.join(own)} fund name"
            got = engine.ask(q)
            assert [engine.k.entity_by_iri(x["iri"])["id"] for x in got["answers"]] == [b], (q, got["answers"])


def test_with_nothing_to_choose_by_the_rule_does_not_guess(engine):
    from app.qa.things.country_bodies import answer_ids

    k = engine.k
    by_country = _funds_by_country(k)
    c = next(c for c, b in sorted(by_country.items()) if len(b) >= 2)
    q = f"{countries.display_name(c.split(':', 1)[1]).lower()} fund"
    assert answer_ids(q, engine.lexicon.link(q), k) == []


def test_a_plural_kind_asking_for_names_is_every_body_of_that_kind(engine):
    k = engine.k
    by_country = _funds_by_country(k)
    pairs = [(c, b) for c, b in sorted(by_country.items()) if len(b) >= 2]
    assert pairs
    for c, bodies in pairs:
        q = f"{countries.display_name(c.split(':', 1)[1]).lower()} funds names"
        got = engine.ask(q)
        assert {engine.k.entity_by_iri(x["iri"])["id"] for x in got["answers"]} >= bodies, (q, got["answers"])


# -- the body noun right after the country, described after it (country_bodies.owned_body) ---------
def _only_fund_countries(k):
    """(country, body) where the body is the country's only national institution whose name says Fund."""
    by_country: dict[str, set[str]] = {}
    for f in k.facts:
        if f["predicate"] == "institutionOf" and "fund" in k.label(f["subject"]).lower().split():
            by_country.setdefault(f["object"], set()).add(f["subject"])
    return sorted((c, next(iter(b))) for c, b in by_country.items() if len(b) == 1)


def test_the_countrys_only_fund_is_the_described_fund(engine):
    cases = _only_fund_countries(engine.k)
    assert cases
    for c, b in cases[:5]:
        name = countries.display_name(c.split(":", 1)[1]).lower()
        for q in (f"{name} fund whose staff were trained on actuarial methods",
                  f"Which {name} fund got ILO support in 2024?"):
            got = engine.ask(q)
            assert [engine.k.entity_by_iri(x["iri"])["id"] for x in got["answers"]] == [b], (q, got["answers"])


def test_of_several_funds_the_one_running_the_named_scheme(engine):
    """A country with two funds, one of which administers a scheme: naming the scheme picks it."""
    k = engine.k
    found = 0
    for f in k.facts:
        if f["predicate"] != "administeredBy" or "fund" not in k.label(f["object"]).lower().split():
            continue
        homes = [g["object"] for g in k.facts_where(subject=f["object"], predicate="institutionOf")]
        if len(homes) != 1:
            continue
        funds = {g["subject"] for g in k.facts_where(obj=homes[0], predicate="institutionOf")
                 if "fund" in k.label(g["subject"]).lower().split()}
        if len(funds) < 2:
            continue
        name = countries.display_name(homes[0].split(":", 1)[1]).lower()
        q = f"{name} fund relaunched {k.label(f['subject']).lower()}"
        got = engine.ask(q)
        assert [engine.k.entity_by_iri(x["iri"])["id"] for x in got["answers"]] == [f["object"]], (q, got["answers"])
        found += 1
    assert found


@pytest.mark.parametrize("q", [
    "Which fund finances the work in {c}?",      # a fund not said to be the country's own
    "{c} fund donors",                          # the funders of the country, not its fund
])
def test_a_fund_that_is_not_the_countrys_own_body_is_not_this_rule(engine, q):
    from app.qa.things.country_bodies import owned_body

    k = engine.k
    c = next(c for c, b in _only_fund_countries(k))
    text = q.format(c=countries.display_name(c.split(":", 1)[1]).lower())
    assert owned_body(text, engine.lexicon.link(text), k) == []


def test_a_body_that_only_describes_another_asked_thing_is_not_the_answer(engine):
    """"<country> fund replaced by which authority": the question word after the body asks for another."""
    from app.qa.things.country_bodies import owned_body

    c = next(c for c, b in _only_fund_countries(engine.k))
    for q in ("{c} fund replaced by which authority", "{c} social health authority replaced which fund"):
        text = q.format(c=countries.display_name(c.split(":", 1)[1]).lower())
        assert owned_body(text, engine.lexicon.link(text), engine.k) == [], text
