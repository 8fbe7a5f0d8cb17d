"""Partners and funders said in other words (round 17): a name's own money ("Luxembourg's
contributions"), a lower-case query whose foreign name is read in English ("irland and the eu"), a
sentence that says "in collaboration with" as firmly as "partners", and "the private sector" as
wider than its companies.

Expected answers come from the knowledge base's facts, never from the report's names.
"""
from __future__ import annotations

from app.qa.form.foreign_words import in_english
from app.qa.relation.role_kinds import of_role
from app.qa.relation.said_partners import said_partners
from tests.support.engine import answer_ids


def _country_funders(engine) -> dict[str, set[str]]:
    """Funder -> the countries it funds directly or through a pooled fund (the graph's facts)."""
    out: dict[str, set[str]] = {}
    for f in engine.k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:"):
            out.setdefault(f["object"], set()).add(f["subject"])
    for via, countries in list(out.items()):
        for g in engine.k.facts_where(subject=via, predicate="fundedBy"):
            out.setdefault(g["object"], set()).update(countries)
    return out


def test_a_names_own_money_is_funding_and_its_place_asks_the_countries_it_funds(engine):
    # a government funding only through a pooled fund (no financing line names it directly)
    direct = {f["object"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")}
    pooled = {f["object"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"] in direct}
    gov = next(g for g in sorted(pooled) if g.startswith("Organization:gov-") and g not in direct)
    name = engine.k.label(gov)
    want = answer_ids(engine, engine.ask(f"Which countries does {name} fund?"))
    assert want and all(c.startswith("Country:") for c in want)
    for q in (f"Where do {name}'s contributions go?",
              f"For a note to our embassy I need to know where, in the ILO's country work, {name}'s contributions end up."):
        assert answer_ids(engine, engine.ask(q)) == want, q


def test_a_lower_case_question_stays_lower_case_when_a_foreign_name_is_read_in_english():
    text, done = in_english("countries funded by both irland and the eu")
    assert done and text == text.lower() and "ireland" in text
    assert in_english("quien financia OIT en Nepal")[0] == "who funds ILO in Nepal"  # cased stays cased


def test_a_lower_case_query_with_a_foreign_name_keeps_its_lower_case_acronym(engine):
    funded = _country_funders(engine)
    both = funded["Organization:gov-IRL"] & funded["Organization:eu"]
    assert both and both != funded["Organization:gov-IRL"]
    assert answer_ids(engine, engine.ask("countries funded by both irland and the eu")) == both


class _Found:
    def __init__(self, key, spans=()):
        self.key, self.spans = key, list(spans)


def test_in_collaboration_with_says_partnership_as_firmly_as_partners():
    clause = "a process was set up, in collaboration with A and B, involving C"
    at = lambda name, start=100: [(start + clause.index(name), start + clause.index(name) + len(name))]
    found = [_Found("Organization:a", at("A")), _Found("Organization:b", at("B")),
             _Found("Organization:c", at("C")), _Found("Country:X")]
    # the names "in collaboration with" governs count; a body later in the clause does not
    assert said_partners(found, clause, {"partneredWith"}, ["Organization:b"], set(), 100) == ["Organization:a"]
    loose = "a process was set up alongside A and B"
    assert said_partners(found, loose, {"partneredWith"}, ["Organization:b"], set(), 100) == []


def test_engine_adds_the_national_body_a_collaboration_sentence_names(engine):
    # a country partner the graph holds whose sentence also names a national institution of that
    # country "in collaboration with" it (found in the graph, not by name)
    for f in engine.k.facts_where(predicate="institutionOf"):
        body, country = f["subject"], f["object"]
        sentence = (f.get("attrs") or {}).get("sentence") or ""
        if "in collaboration with" not in sentence:
            continue
        partners = {p["object"] for p in engine.k.facts_where(subject=country, predicate="partneredWith")
                    if engine.k.label(p["object"]) in sentence}
        if partners:
            break
    else:
        raise AssertionError("no collaboration sentence naming a national body and a partner")
    lead = sentence.split(", in collaboration with")[0].split(", ")[-1]  # "a participatory process was set up"
    q = f"Which organisations did the ILO collaborate with in {engine.k.label(country)} when {lead}?"
    got = answer_ids(engine, engine.ask(q))
    assert body in got and partners <= got, q


def test_the_private_sector_is_wider_than_its_companies():
    answers = [{"iri": "c", "label": "C"}, {"iri": "f", "label": "F"}, {"iri": "u", "label": "U"}]
    roles = {"c": "private_company", "f": "foundation", "u": "un_agency"}
    assert of_role(answers, "private_company", roles.get, "ilo private sector partners") == answers[:2]
    assert of_role(answers, "private_company", roles.get, "Which private companies partner with the ILO?") == answers[:1]


def test_engine_private_sector_partners_take_in_foundations(engine):
    role_of = lambda iri: (engine.k.entity_by_iri(iri) or {}).get("role")
    got = engine.ask("ilo private sector partners")["answers"]
    assert {role_of(a["iri"]) for a in got} == {"private_company", "foundation"}
    companies = engine.ask("Which private companies does the ILO partner with to extend social protection in their supply chains?")
    assert {role_of(a["iri"]) for a in companies["answers"]} == {"private_company"}
