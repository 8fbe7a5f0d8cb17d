"""Questions that name their subject by describing an event, answered from the passage that
describes it: the payers of one activity, the part a country plays in a sentence, the question's
own names as context, country entries that name something, and an event the graph's filters
cannot express.

The parsing rules are tested on invented sentences; the engine tests build their questions from
what the report's passages say (``passage_with``) and skip, saying why, on a report without such
a passage.  The questions are written for these tests and are in no tuning set.
"""
from __future__ import annotations

import re

import pytest

from app.qa.multihop import activity_funders, country_roles
from app.qa.topics import entry_scope
from app.qa.textstep import Found
from graph import countries
from tests.support.engine import answer_ids, passage_with


# -- parsing rules, on invented sentences --------------------------------------------------------
def _mentions(text: str, names: dict[str, str]) -> list[dict]:
    out = []
    for name, key in names.items():
        for m in re.finditer(re.escape(name), text):
            out.append({"type": "Organization", "key": key, "start": m.start(), "end": m.end()})
    return out


def test_funding_run_stops_at_the_verb_and_skips_the_acronyms():
    text = ("In the spirit of exchange, the ILO and Acme, supported by the Blue Union, Red Ministry for Things (RMT) "
            "and Green Agency (GA), organized a visit with the Yellow Fund.")
    names = {"Acme": "acme", "Blue Union": "blue", "Red Ministry for Things": "red", "RMT": "red",
             "Green Agency": "green", "GA": "green", "Yellow Fund": "yellow"}
    payers = activity_funders.funding_runs(text, 0, len(text), _mentions(text, names), None)
    assert [p.eid for p in payers] == ["Organization:blue", "Organization:red", "Organization:green"]


def test_funding_by_the_government_is_the_sentence_countrys_government():
    text = "coverage for 5,000 people funded by the government and support from the Blue Fund on the basis of a study"
    payers = activity_funders.funding_runs(text, 0, len(text), _mentions(text, {"Blue Fund": "blue"}), "Country:KEN")
    assert [p.label or p.eid for p in payers] == ["Government of Kenya", "Organization:blue"]


def test_a_list_of_payers_ends_after_its_and_item():
    text = "secured through contributions from the Blue Union, France, and Spain, the Red Ministry introduced allowances"
    payers = activity_funders.funding_runs(text, 0, len(text), _mentions(text, {"Blue Union": "blue", "Red Ministry": "red"}), None)
    assert [p.eid for p in payers] == ["Organization:blue", "Country:FRA", "Country:ESP"]


def test_an_active_payer_is_the_body_named_before_the_paying_verb():
    text = "the ILO is supporting the Blue Council (BC) in implementing its initiative to finance the payment of fees."
    payers = activity_funders.funding_runs(text, 0, len(text), _mentions(text, {"Blue Council": "blue", "BC": "blue"}), None)
    assert [p.eid for p in payers] == ["Organization:blue"]


def test_money_coming_from_somewhere_asks_for_a_body(engine):
    from app.qa.question import analyse

    a = analyse("Where did the money come from for the new allowances?", engine.lexicon)
    assert a.answer_type == "Organization" and a.fund


def _found(text: str) -> list[Found]:
    out: dict[str, Found] = {}
    for s, e, _, iso in countries.find_countries(text):
        out.setdefault(f"Country:{iso}", Found("Country", f"Country:{iso}", iso)).spans.append((s, e))
    return list(out.values())


def _keys(found) -> set[str]:
    return {f.key for f in found}


def _narrowed(text: str, question: str) -> set[str]:
    """The country keys ``country_roles.narrow`` keeps of the text's countries for the question."""
    return _keys(country_roles.narrow(_found(text), text, 0, question, lambda i: []))


def test_visitors_from_a_list_are_not_the_host():
    text = "Participants from Kenya, Ghana and Peru explored Chile's health insurance system and its claims processes."
    assert _narrowed(text, "Which country hosted the claims learning visit?") == {"Country:CHL"}
    assert _narrowed(text, "participants from which countries explored claims processes") == {
        "Country:KEN", "Country:GHA", "Country:PER"}


def test_respectively_pairs_the_asked_word_with_its_country():
    text = "The initiative helps tea and coffee farmers in Kenya and Peru, respectively."
    assert _narrowed(text, "coffee farmers which country") == {"Country:PER"}


def test_whose_names_the_owner_written_before_the_name():
    text = "The event showcased Peru's Vaso de Leche program, Chile's Bono scheme and Kenya's efforts."
    assert _narrowed(text, "Whose Bono scheme was showcased?") == {"Country:CHL"}


def test_the_event_the_question_names_picks_its_countries():
    text = "An assessment of constraints was completed in Kenya and started in Peru."
    assert _narrowed(text, "where was the assessment completed?") == {"Country:KEN"}
    # the words the parts share ("assessment") do not pick a part; the event verb does
    assert _narrowed(text, "in which country did the assessment of constraints only start?") == {"Country:PER"}


def test_a_partner_government_gives_way_to_the_entry_country():
    text = "The ILO supported efforts on the island, in partnership with the Government of Japan, after the storm."
    names = {"Country:JPN": ["Japan"]}
    got = country_roles.narrow(_found(text), text, 0, "storm affected country", lambda i: names.get(i, []),
                               entry="Country:PHL")
    assert _keys(got) == {"Country:PHL"}
    asked_gov = country_roles.narrow(_found(text), text, 0, "which government was the partner", lambda i: names.get(i, []),
                                     entry="Country:PHL")
    assert _keys(asked_gov) == {"Country:JPN"}


def test_entry_scope_needs_entries_and_a_mention_verb():
    assert entry_scope.asks_entries("Which country entries mention the IMF?")
    assert entry_scope.asks_entries("across the individual country write-ups, where is UNICEF described as a partner")
    assert not entry_scope.asks_entries("Which countries does the IMF work in?")
    assert not entry_scope.asks_entries("According to the country entries, which countries ratified it in 2023?")


# -- the real engine over the bundled report ---------------------------------------------------
def test_payers_of_a_described_activity_come_from_its_sentence(engine):
    p, m = passage_with(engine, r"In (?:\*\*)?([A-Z][a-z]+)(?:\*\*)?, the ILO has supported the (extension of [a-z ]+?) to approximately "
                                r"([\d,]+) ([a-z ]+?) funded by the government")
    country, what, n, who = m.groups()
    res = engine.ask(f"who paid for the {what} to roughly {n} {who} in {country}?")
    assert res["strategy"] == "text-activity"
    labels = {a["label"] for a in res["answers"]}
    assert f"Government of {country}" in labels
    assert all(a["evidence"][0]["passage_id"] == p.id for a in res["answers"])
    # the country's financing line is another fact: asked without the activity, the graph answers
    plain = engine.ask(f"who funds the ILO's work in {country}?")
    assert plain["strategy"].startswith("graph")


def test_the_questions_own_country_is_context_not_answer(engine):
    _, m = passage_with(engine, r"delivered in ([A-Z][a-z]+) in (20\d\d) after a successful delivery in (20\d\d) in ([A-Z]{2,4}|[A-Z][a-z]+)")
    first, y1, y2, other = m.groups()
    res = engine.ask(f"Where was the course delivered in {y1}, after its {y2} delivery in the {other}?")
    assert {a["label"] for a in res["answers"]} == {first}


def test_country_entries_naming_an_organisation(engine):
    # an organisation named in several country entries and elsewhere too
    lex = engine.lexicon
    best = None
    for eid, e in engine.k.entities.items():
        if e["type"] != "Organization" or eid == "Organization:ilo" or eid.startswith("Organization:gov-"):
            continue
        pids = engine.k.passages_mentioning(eid)
        entries = {entry_scope.entry_country(engine.k.passage(pid), lex) for pid in pids
                   if engine.k.passage(pid).section_kind == "country"} - {None}
        outside = [pid for pid in pids if engine.k.passage(pid).section_kind != "country"]
        if len(entries) >= 2 and outside:
            best = (eid, entries)
            break
    if best is None:
        pytest.skip("no organisation named in two country entries and outside them")
    eid, entries = best
    name = engine.k.label(eid)
    res = engine.ask(f"Which country entries mention the {name}?")
    assert res["strategy"] == "graph-entries"
    assert answer_ids(engine, res) == entries


def test_an_event_the_region_filter_cannot_express_names_one_country(engine):
    _, m = passage_with(engine, r"Speaking on the importance of the ratification, the (Minister of [A-Z][a-z]+ and [A-Z][a-z]+) "
                                r"of (?:the )?(?:Democratic Republic of )?([A-Z][\w ]+?) said")
    minister, country = m.groups()
    iso = countries.lookup(country)
    region = countries.ilo_region(iso) if iso else None
    if region != "Africa":
        pytest.skip("the quoted minister's country is not in Africa")
    res = engine.ask(f"The {minister.lower()} of which African state was quoted on the importance of ratifying?")
    assert [a.get("iso3") for a in res["answers"]] == [iso]


def test_the_asked_kind_of_body_is_read_from_the_names():
    from app.qa.relation import kind_heads

    assert kind_heads.asked_kind("Under which institute did the university set up the secretariat?") == "institute"
    assert kind_heads.asked_kind("Which universities led the session?") == "university"
    assert kind_heads.asked_kind("Which organisations led the session?") is None
    assert kind_heads.of_kind(["Blue Institute for Health"], "institute")
    assert not kind_heads.of_kind(["Blue University"], "institute")


def test_a_body_named_alongside_the_answer_is_not_one(engine):
    """"co-chair ... alongside the ILO": the graph's co-chairs without the ILO itself."""
    facts = [f for f in engine.k.facts_where(predicate="coChairOf") if f["subject"] == "Organization:ilo"]
    if not facts:
        pytest.skip("the ILO co-chairs nothing in the graph")
    group = facts[0]["object"]
    others = {f["subject"] for f in engine.k.facts_where(predicate="coChairOf", obj=group)} - {"Organization:ilo"}
    if not others:
        pytest.skip("no other co-chair")
    res = engine.ask(f"Which organisations co-chair the {engine.k.label(group)} alongside the ILO?")
    assert answer_ids(engine, res) == others
