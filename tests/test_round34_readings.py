"""Readings found by round 34's probes (the Americas and Europe entries, the management chapter,
chains across funders), each in general form, through the real engine on the bundled report where
the reading changes an answer.  Expected answers are read from the graph wherever it holds them."""
from __future__ import annotations

import re

import pytest

from app.qa.question import answer_type
from app.qa.things.acronym_expansion import spelt_name


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


# ---- "what does LEAP stand for": the name the acronym spells, not a label repeating it

@pytest.mark.parametrize("label, names, acronym, want", [
    ("LEAP project", ["LEAP", "Lifelong Empowerment and Protection in Albania"], "LEAP",
     "Lifelong Empowerment and Protection in Albania"),  # "and" lends the A
    ("Regular Budget Supplementary Account (RBSA)", ["RBSA", "Regular Budget Supplementary Account"], "RBSA",
     "Regular Budget Supplementary Account"),
    ("Herders' Winter Grant", ["HWG"], "HWG", "Herders' Winter Grant"),  # the label is the full name
    ("XYZ project", ["XYZ", "Another Name Entirely"], "XYZ", "XYZ project"),  # nothing spells it: the label
    ("Some project", ["Some Other Project"], "", "Some project"),  # no acronym: nothing to spell
])
def test_the_spelt_name(label, names, acronym, want):
    assert spelt_name(label, names, acronym) == want


def test_an_acronym_labelled_thing_answers_its_expansion(engine):
    k = engine.k
    cases = [(e["acronym"], eid) for eid, e in k.entities.items() if e.get("acronym")
             and re.search(rf"\b{re.escape(e['acronym'])}\b", k.label(eid))
             and spelt_name(k.label(eid), k.names(eid), e["acronym"]) != k.label(eid)]
    if not cases:
        pytest.skip("no thing labelled by its acronym with a spelt-out name")
    for acr, eid in cases[:4]:
        got = engine.ask(f"What does {acr} stand for?")
        want = spelt_name(k.label(eid), k.names(eid), acr)
        assert _labels(got) == [want], acr
        assert got["answers"][0]["iri"] == str(k.iri(eid))


# ---- a hard kind of body asked ("which ministry", "which banks"), none among the graph's answers

def test_the_ministry_in_the_partners_sentence(engine):
    q = "Which Lebanese ministry partnered with the ILO on the emergency top-up of the disability allowance?"
    got = engine.ask(q)
    assert got["answers"] and all("Ministry" in a["label"] for a in got["answers"]), _labels(got)
    assert all(a["path"][0].startswith("a ministry named in the sentence") for a in got["answers"])
    # without the kind word the graph's partners stand
    plain = engine.ask(q.replace("Lebanese ministry", "organisations"))
    assert not any("Ministry" in l for l in _labels(plain))


def test_banks_asked_are_read_from_the_sentence(engine):
    got = engine.ask("Which development banks contribute to the digitalisation of Tajikistan's social protection system?")
    assert len(got["answers"]) >= 2 and all("Bank" in a["label"] for a in got["answers"]), _labels(got)


# ---- the funders of a country that also give to a pooled fund (and the other way round)

def _funders(k, subject: str) -> set[str]:
    return {f["object"] for f in k.facts_where(subject=subject, predicate="fundedBy")}


def test_funders_shared_by_a_country_and_a_pooled_fund(engine):
    k = engine.k
    funds = [o["id"] for o in k.of_type("Organization") if o.get("acronym") and len(_funders(k, o["id"])) >= 3]
    # a country whose funders give directly (none a pooled fund with donors of its own, whose
    # donors would count too)
    direct = [c["id"] for c in k.of_type("Country") if not any(_funders(k, f) for f in _funders(k, c["id"]))]
    pairs = [(f, c) for f in funds for c in direct
             if 0 < len(_funders(k, f) & _funders(k, c)) < len(_funders(k, c))]
    if not pairs:
        pytest.skip("no country sharing some funders with a pooled fund")
    fund, country = pairs[0]
    want = {k.label(i) for i in _funders(k, fund) & _funders(k, country)}
    acr, name = k.entity(fund)["acronym"], k.label(country)
    for q in (f"Which funders of the ILO's work in {name} also contribute to the {acr}?",
              f"Which {acr} contributors also fund the ILO's work in {name}?"):
        assert set(_labels(engine.ask(q))) == want, q


# ---- "what ... target": a figure aimed at

@pytest.mark.parametrize("q, want", [
    ("what ratification target does the c102 campaign set for 2026", "Number"),
    ("What target does the campaign set?", "Number"),
])
def test_a_target_is_a_figure(q, want):
    assert answer_type(q) == want


def test_a_target_group_is_no_figure():
    assert answer_type("What target groups does Cambodia's scheme cover?") != "Number"


# ---- "which national agency in <country>": "national" makes any kind of body the country's own

def test_a_national_agency_is_the_countrys_own():
    from app.qa.constraints.org_country import _NATIONAL_BEFORE

    assert _NATIONAL_BEFORE.search("Which national agency in ")
    assert _NATIONAL_BEFORE.search("what national body of the ")
    assert not _NATIONAL_BEFORE.search("Which UN agency in ")  # a UN agency working there


def test_a_national_agency_drops_the_partners_beside_it(engine):
    got = engine.ask("Which national agency in Uzbekistan will get ILO capacity-building for the new social insurance schemes?")
    assert len(got["answers"]) == 1, [a["label"] for a in got["answers"]]
    ent = engine.k.entity_by_iri(got["answers"][0]["iri"])
    assert "Agency" in engine.k.label(ent["id"])


# ---- a nationality and a kind of body are one description only inside one noun phrase

def test_a_description_stops_at_a_comma_or_question_word():
    from app.qa.names.descriptions import descriptions

    assert descriptions("For the Ukrainian pension reform, which ministry asked the ILO?") == []
    assert [d[2] for d in descriptions("Which projects did the Italian energy company fund?")] == ["Italian"]


def test_the_ministry_asked_after_a_described_reform(engine):
    got = engine.ask("I'm writing a brief on pension reform in Central Asia and Eastern Europe. For the Ukrainian "
                     "pension reform, which ministry asked the ILO to check that a new funded pillar fits ILO standards?")
    assert got["answers"], got["path"]
    ent = engine.k.entity_by_iri(got["answers"][0]["iri"])
    places = {f["object"] for f in engine.k.facts_where(subject=ent["id"]) if f["object"].startswith(("Country:", "Organization:gov-"))}
    assert "Ministry" in engine.k.label(ent["id"]) and any("UKR" in p for p in places), (ent["id"], places)


# ---- a count of a fund's listed donors is a count of facts

def test_a_listed_funds_donors_are_counted(engine):
    k = engine.k
    funds = [o["id"] for o in k.of_type("Organization") if o.get("acronym")
             and len(k.facts_where(subject=o["id"], predicate="fundedBy")) >= 3]
    if not funds:
        pytest.skip("no fund with listed donors")
    fund = funds[0]
    want = len({f["object"] for f in k.facts_where(subject=fund, predicate="fundedBy")})
    got = engine.ask(f"how many {k.entity(fund)['acronym'].lower()} contributors")
    assert got["answers"] and got["answers"][0]["value"] == want, got["answers"]


# ---- "over three years" is how long, not a bar; one funder's project is no year-table total

@pytest.mark.parametrize("q, bar", [
    ("How much did the project total over three years?", None),
    ("for up to six months", None),
    ("in which years were more than 15 new projects approved", 15.0),
    ("years with under $10 million of new funding", 1e7),
])
def test_a_duration_is_no_threshold(q, bar):
    from app.qa.figures.thresholds import read

    got = read(q)
    assert (got.value if got else None) == bar


def test_one_funders_project_is_no_year_series(engine):
    got = engine.ask("How much did the EU's new multi-country project on social protection digital systems total over three years?")
    assert got["strategy"] != "graph-table", got["path"]
    assert got["answers"] and got["answers"][0]["value"] == 3e6, got["answers"]


# ---- "which <initiative> priority countries": a role noun between the name and the countries

@pytest.mark.parametrize("q, want", [
    ("Which Flagship Programme priority countries in Europe and Central Asia need more ILO staff presence?", "Country"),
    ("Which programme pilot countries are named?", "Country"),
    ("Which programme covers countries in Asia?", "Scheme"),
])
def test_a_role_noun_before_countries(q, want):
    assert answer_type(q) == want


# ---- a region word opening a name the report writes ("Connect Asia research ...") filters nothing

def test_a_name_opening_the_question_keeps_its_region_word(engine):
    from app.qa.names.region_in_name import word_before

    assert word_before("Connect Asia research on ...", 8) == "Connect"
    assert word_before("a study by Connect Asia", 19) == "Connect"
    assert word_before("Which Asia countries ...", 6) is None  # a question word leaves the region a region
    q = "Connect Asia research on social health protection for people with disabilities - which countries were covered?"
    a_links = [l for l in engine.lexicon.link(q) if l.type == "Region"]
    assert a_links and engine.lexicon.region_in_name(q, a_links[0])
    got = engine.ask(q)
    assert not any("inRegion" in p or "countries in" in p for p in got["path"]), got["path"]
    assert len(got["answers"]) >= 2
    # the report does not write "Which Asia" mid-sentence: a region there filters
    q2 = "Which Asia countries are Global Accelerator pathfinders?"
    assert any(p.startswith("countries in") for p in engine.ask(q2)["path"])


# ---- "in which country does ...": a country, though a group ("local government") is named

def test_which_country_is_no_group_asked(engine):
    got = engine.ask("In which country does local government partially subsidise contributions for informal economy workers?")
    assert got["answer_type"] == "Country" and len(got["answers"]) == 1, got["answers"]


# ---- "where is X stationed": a place, whatever relation the words resemble

def test_where_asks_a_place(engine):
    got = engine.ask("Where are the ILO's P4H focal points stationed?")
    assert got["answer_type"] == "Country", got["answer_type"]
    assert got["answers"] and all(a["type"] == "Country" for a in got["answers"])


# ---- a two-party partnership named by its partners working together

def _joint_partnership(k):
    for e in k.of_type("Initiative"):
        for n in k.names(e["id"]):
            m = re.match(r"^([A-Z]{2,})[-–]([A-Z]{2,})\b", n)
            if m:
                ends = [o["id"] for o in k.of_type("Organization") if (o.get("acronym") or "") in m.groups()]
                if len(ends) == 2:
                    return e["id"], m.groups()
    return None


def test_partners_working_together_name_their_partnership(engine):
    from app.qa.names.joint_partnerships import resolve

    found = _joint_partnership(engine.k)
    if found is None:
        pytest.skip("no partnership named by two partners' acronyms")
    init, (x, y) = found
    q = f"Out of the countries where the {x} and the {y} have worked together since 2021, which are in Africa?"
    linked = resolve(q, engine.lexicon.link(q), engine.k)
    assert any(l.ids == [init] for l in linked)
    # without a word of working together the two stay two organisations
    plain = f"Which countries did the {x} and the {y} support?"
    assert not any(l.ids == [init] for l in resolve(plain, engine.lexicon.link(plain), engine.k))
    members = {f["subject"] for f in engine.k.facts if f["object"] == init}
    got = engine.ask(q)
    assert got["answers"] and all(engine.k.entity_by_iri(a["iri"])["id"] in members for a in got["answers"])
