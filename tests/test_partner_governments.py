"""Governments as partners and funders: a country listed among organisations is its government
(app/qa/names/listed_governments.py), "which governments did the ILO partner with in X" asks the
governments among X's partners (app/qa/relation/role_kinds.py), and "money from A, directly or
through B" asks the countries either reaches (app/qa/graphstep.py ``_alternatives``).
Expected answers are read from the build's graph, never written here."""
from __future__ import annotations

from app.qa.names.listed_governments import listed_governments
from app.qa.relation.role_kinds import asks_governments


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def _govs(engine) -> dict[str, str]:
    """Country id -> its government's entity id, for every government the graph holds."""
    return {f["object"]: f["subject"] for f in engine.k.facts_where(predicate="governmentOf")}


def test_a_country_in_a_list_of_organisations_is_its_government(engine):
    govs = _govs(engine)
    assert len(govs) >= 2
    (c1, g1), (c2, g2) = sorted(govs.items())[:2]
    n1, n2 = engine.k.label(c1), engine.k.label(c2)
    text = f"The ILO, alongside UNICEF, the European Union, {n1}, and {n2}, renewed commitments."
    found = listed_governments(text, 0, len(text), _spans(text, "UNICEF", "European Union"), engine.k)
    assert [g for g, _s, _e in found] == [g1, g2]
    # the acronym the report defines for an organisation may close its item of the list
    text = f"contributions from the European Union (EU), {n1}, and {n2}, the Ministry introduced"
    found = listed_governments(text, 0, len(text), _spans(text, "European Union"), engine.k)
    assert [g for g, _s, _e in found] == [g1, g2]


def test_places_listed_without_an_organisation_stay_places(engine):
    (c1, _g1), (c2, _g2) = sorted(_govs(engine).items())[:2]
    n1, n2 = engine.k.label(c1), engine.k.label(c2)
    text = f"Participants from {n1} and {n2} explored the system run by UNICEF."
    assert listed_governments(text, 0, len(text), _spans(text, "UNICEF"), engine.k) == []
    text = f"the Social Security Corporation (SSC) of {n1} and UNICEF"
    inside = _spans(text, f"Social Security Corporation (SSC) of {n1}", "UNICEF")
    assert listed_governments(text, 0, len(text), inside, engine.k) == []


def test_sentence_answers_keep_the_governments_listed_with_organisations(engine):
    out = engine.ask("I'm preparing a briefing on Lebanon's new National Social Protection Strategy: besides the ILO, "
                     "who renewed their commitment to support the national stakeholders implementing it?")
    govs = set(_govs(engine).values())
    got = [a for a in out["answers"] if engine.k.entity_by_iri(a["iri"])["id"] in govs]
    assert got, out["answers"]
    for a in got:  # each government is written in the sentence that answers
        assert any(a["label"] in ev["text"] for ev in a["evidence"]), a


def test_asks_governments():
    assert asks_governments("Which governments did the ILO partner with in Lebanon?")
    assert asks_governments("Which countries' governments worked with the ILO in Kenya?")
    assert asks_governments("lebanon government partners")
    assert not asks_governments("Which countries did the ILO partner with UNICEF in?")
    assert not asks_governments("Who did the ILO partner with in Lebanon?")


def test_government_partners_are_read_from_the_graph(engine):
    k = engine.k
    govs = _govs(engine)
    country_of = {g: c for c, g in govs.items()}
    # a country whose partners include a government and an organisation that is none
    for c in sorted({f["subject"] for f in k.facts_where(predicate="partneredWith") if f["subject"].startswith("Country:")}):
        partners = {f["object"] for f in k.facts_where(subject=c, predicate="partneredWith")}
        if partners & set(country_of) and partners - set(country_of):
            break
    else:
        raise AssertionError("no country with both kinds of partner")
    expected = {k.label(country_of[g]) for g in partners & set(country_of)}
    name = k.label(c)
    out = engine.ask(f"Which governments did the ILO partner with in {name}?")
    assert out["answer_type"] == "Country"
    assert {a["label"] for a in out["answers"]} >= expected
    assert name not in {a["label"] for a in out["answers"]}


def test_directly_or_through_a_fund_asks_either(engine):
    k = engine.k
    # a government that funds a country directly and also funds a pooled fund that funds countries
    for f in k.facts_where(predicate="fundedBy"):
        fund, gov = f["subject"], f["object"]
        if fund.startswith("Organization:") and gov.startswith("Organization:gov-") and \
                any(x["subject"].startswith("Country:") for x in k.facts_where(predicate="fundedBy", obj=fund)) and \
                any(x["subject"].startswith("Country:") for x in k.facts_where(predicate="fundedBy", obj=gov)):
            break
    else:
        raise AssertionError("no government funding a pooled fund")
    g, p = k.label(gov), k.label(fund)
    either = {a["label"] for a in engine.ask(f"Which countries receive money from {g}, directly or through the {p}?")["answers"]}
    one = {a["label"] for a in engine.ask(f"Which countries does {g} fund?")["answers"]}
    other = {a["label"] for a in engine.ask(f"Which countries does the {p} fund?")["answers"]}
    assert one and other and either == one | other


def test_a_named_scheme_narrows_a_countrys_partners_to_its_sentence(engine):
    """"Lebanon NDA - ILO working with which partners?": the scheme's acronym alone (one word of
    topic) still sends the graph's partners of the country to the sentence about the scheme."""
    k = engine.k
    # a scheme with an acronym, in a country with more partners than the scheme's sentences name
    for s in sorted(i for i, e in k.entities.items() if e["type"] == "Scheme" and e.get("acronym")):
        home = [f["object"] for f in k.facts_where(subject=s, predicate="schemeInCountry")]
        if len(home) != 1:
            continue
        partners = {f["object"] for f in k.facts_where(subject=home[0], predicate="partneredWith")}
        if len(partners) >= 4:
            break
    else:
        raise AssertionError("no such scheme")
    out = engine.ask(f"{k.label(home[0])} {k.entity(s)['acronym']} - ILO working with which partners?")
    got = {a["iri"] for a in out["answers"]}
    assert got and len(got) < len(partners), out["answers"]
    assert out["strategy"] == "graph+text"
