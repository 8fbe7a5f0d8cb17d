"""Wordy and described questions (round 17): the reading rules behind fresh_qwordy17's misses.

* app/qa/question.py ``FUND`` / ``PARTNER``: "which countries list both X and Y among the partners
  financing the ILO's work" asks funders; "partners" there is the funders' noun, so X and Y are
  both funders (the countries both fund), not one partner and one funder.
* app/qa/graphstep.py ``year_test``: "after the 2021 campaign was launched" dates an event of 2021,
  so 2021 itself is in (as "after the campaign was launched in 2021" already was); "after 2021" is not.
* app/qa/engine.py ``_DESCRIBED`` (and the multihop readers): "the place / territory where ..."
  names one country by what happened there, as "the country where ..." does; "the <adjective>
  country where ..." is one country too (its modifiers a place it must lie in), not a region's set.
* app/qa/names/initiative_profiles.py ``_spans``: a description's tail may run into the sentence's
  verb ("a ... network in <region> welcomed new members"): shorter tails are tried too; a
  description right after "which" / "what" is the thing asked, never a linked name.
* app/qa/relation/kind_heads.py: "which agency" / "which authority" asks for a body whose name
  says so; "which UN agencies" names a class of bodies, not a word of their names.
* app/qa/constraints/absent.py: "the ILOs work" is the ILO's work, not an unknown name "ILOs".
* app/qa/multihop/description_sentence.py: "the country whose <thing> ..." over a sentence listing
  several countries is the one the sentence writes as the thing's owner ("<country>'s <thing>").
"""
from __future__ import annotations

import re

import pytest

from app.qa.constraints.absent import absent_names
from app.qa.graphstep import year_test
from app.qa.names.initiative_profiles import _spans
from app.qa.question import FUND, PARTNER, Analysis
from app.qa.relation.kind_heads import asked_kind
from tests.support.engine import answer_ids, answer_labels


@pytest.mark.parametrize("text, fund, partner", [
    ("which countries list both X and Y among the partners financing the work", True, False),
    ("which partners that funded the work in X", True, False),
    ("partners who also financed the work", True, False),
    ("who are the partners in X", False, True),
    ("which partner countries did X fund", True, True),
])
def test_partners_said_to_pay_are_funders(text, fund, partner):
    assert bool(FUND.search(text)) is fund
    assert bool(PARTNER.search(text)) is partner


def test_after_an_event_dated_by_its_year_keeps_the_year():
    def test(q):
        a = Analysis(q, "Country")
        a.years = ["2021"]
        return year_test(a, "?y")
    assert ">= 2021" in test("Which countries ratified it after the 2021 campaign was launched?")
    assert ">= 2021" in test("Which countries ratified it after the campaign was launched in 2021?")
    for q in ("Which countries ratified it after 2021?", "Which countries ratified it after the year 2021?"):
        assert "> 2021" in test(q) and ">=" not in test(q), q


def test_a_description_tail_stops_before_the_verb():
    spans = [(s, e) for s, e, *_ in _spans("I remember that a rural health protection network in Utopia welcomed new members")]
    q = "I remember that a rural health protection network in Utopia welcomed new members"
    tails = {q[s:e] for s, e in spans}
    assert "rural health protection network in Utopia" in tails  # tried, not only the tail with the verb
    assert any(t.endswith("welcomed new members") for t in tails)


def test_a_description_right_after_the_question_word_is_asked_not_linked(engine):
    """"Which <description> network got ...?" asks for the network: linking the description as a
    named initiative made it a constraint and the answer another network (or its secretariat)."""
    from app.qa.names.initiative_profiles import resolve

    k = engine.k
    for e in k.of_type("Initiative"):
        name = k.label(e["id"])
        q_named = f"Which organisations joined the {name} in 2024?"
        links = resolve(q_named, [], k)
        if not links:
            continue
        q_asked = f"Which {q_named[len('Which organisations joined the '):]}"
        assert resolve(q_asked, [], k) == [], q_asked
        return
    pytest.skip("no initiative whose own name reads as a description")


@pytest.mark.parametrize("question, kind", [
    ("In Utopia, which agency took part in the process?", "agency"),
    ("Which national authority administers the benefits?", "authority"),
    ("Which UN agencies work with the ILO in Utopia?", None),
    ("Which development agencies fund the work?", None),
])
def test_agency_and_authority_are_kinds_a_name_says(question, kind):
    assert asked_kind(question) == kind


def test_an_acronym_with_a_bare_s_is_not_an_unknown_name():
    assert absent_names("who pays for the ILOs work in the country", [], {"ilo", "work", "country"}) == []
    assert absent_names("who pays for the Zorblax work in the country", [], {"ilo", "work", "country"}) == ["Zorblax"]


def test_both_funders_among_the_partners_financing_intersects(engine):
    k = engine.k
    funded = {}
    for f in k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:") and f["object"].startswith("Organization:gov-"):
            funded.setdefault(f["object"], set()).add(f["subject"])
    pairs = [(x, y) for x in sorted(funded) for y in sorted(funded) if x < y
             and funded[x] & funded[y] and funded[x] != funded[y] and len(funded[x] | funded[y]) > len(funded[x] & funded[y])]
    if not pairs:
        pytest.skip("no two government funders sharing some countries")
    x, y = max(pairs, key=lambda p: (len(funded[p[0]] & funded[p[1]]), p))
    q = (f"Which countries list both {k.label(x)} and {k.label(y)} among the partners financing the ILO's work there?")
    assert answer_ids(engine, engine.ask(q)) == funded[x] & funded[y], q


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_EVENT = re.compile(rf"\bIn (?:{_MONTHS}) 20\d\d, (the [A-Z][\w' ]{{5,60}}?) (launched|passed|approved|adopted|introduced|"
                    r"validated|endorsed|published|established|completed|re-launched|relaunched) ([^.,;()]{20,90})")


def _events(k):
    """Dated events of the report's passages, each told without the name of the country it
    happened in (" of <country>" dropped), so only the description can say which country."""
    for p in k.passages.values():
        for m in _EVENT.finditer(p.text):
            desc = f"{m.group(1)} {m.group(2)} {m.group(3).strip()}"
            for e in k.entities.values():
                if e["type"] == "Country":
                    for n in [e["label"], *e.get("alt_labels", [])]:
                        desc = desc.replace(f" of {n}", "").replace(f"{n}'s ", "")
            if not any(e["type"] == "Country" and e["label"] in desc for e in k.entities.values()):
                yield desc


def test_the_place_where_something_happened_is_a_country(engine):
    """"the place where <event>" and "the territory where <event>" are read as "the country where
    <event>": the same country's funders, for events the report tells in a country's entry."""
    tried = 0
    for desc in _events(engine.k):
        country = engine.ask(f"Who funds the ILO's work in the country where {desc}?")
        if not country["answers"] or "” is " not in " ".join(country.get("path", [])):
            continue
        tried += 1
        for noun in ("place", "territory"):
            other = engine.ask(f"Who funds the ILO's work in the {noun} where {desc}?")
            assert answer_labels(other) == answer_labels(country), (noun, desc)
        if tried >= 2:
            return
    if not tried:
        pytest.skip("no dated event a country question resolves")


def test_the_adjective_country_where_is_one_country(engine):
    """"the <region adjective> country where <event>" is the one country where it happened, not
    every country of the region."""
    k = engine.k
    regions = {f["subject"]: f["object"] for f in k.facts_where(predicate="inRegion")}
    adjectives = {"Region:africa": "African", "Region:asia-and-the-pacific": "Asian", "Region:arab-states": "Arab"}
    for desc in _events(k):
        plain = engine.ask(f"Who funds the ILO's work in the country where {desc}?")
        found = re.search(r"” is (.+?)(?:, by| \(asked|$)", " ".join(plain.get("path", [])))
        if not plain["answers"] or not found:
            continue
        cid = next((i for i, e in k.entities.items() if e["type"] == "Country" and e["label"] == found.group(1)), None)
        adjective = adjectives.get(regions.get(cid))
        if adjective is None:
            continue
        res = engine.ask(f"Who funds the ILO's work in the {adjective} country where {desc}?")
        assert answer_labels(res) == answer_labels(plain), desc
        return
    pytest.skip("no dated event in an African, Asian or Arab country entry")


def test_the_country_whose_thing_is_the_owner_the_sentence_writes():
    """app/qa/multihop/description_sentence.py ``_owns``: of the countries a sentence lists, "the
    country whose <thing> ..." is the one written as the thing's possessor."""
    from app.qa.multihop.description_sentence import _owns

    sentence = "An event showcased Utopia's Golden Grant programme and Arcadia's Silver Bond initiative."
    assert _owns(sentence, ["Utopia"], "Golden Grant programme was showcased at the event")
    assert not _owns(sentence, ["Arcadia"], "Golden Grant programme was showcased at the event")
