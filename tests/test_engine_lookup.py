"""Lookup questions whose answers are named things: wh-word typos, names a question sets aside,
places and parts of a country read from sentences (app/qa/form/spelling.py, app/qa/constraints/exclusion.py,
app/qa/topics/spans.py).

The pure pieces run on sentences invented for these tests.  The engine tests ask questions written
for these tests over the real build; expected answers are read from the report's text by a regex
over the passage that holds the cue, never typed in.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from app.qa.constraints.exclusion import aside_phrases, drop_named, keeps, set_aside
from app.qa.question import Link
from app.qa.topics.spans import asked_span, group_spans, located_spans, place_spans
from app.qa.form.spelling import Speller


# -- wh-word typos --------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, meant", [("Wen", "When"), ("wich", "which"), ("whcih", "which"), ("Waht", "What"),
                                          ("whta", "what"), ("wat", "what")])
def test_a_mistyped_wh_word_is_corrected(typed, meant):
    s = Speller(Counter({"ratify": 5, "convention": 9}))
    fixed, fixes = s.correct(f"{typed} did Freedonia ratify the convention?")
    assert fixed.split()[0] == meant and fixes[0].original == typed


def test_a_two_letter_how_before_a_mistyped_quantity_word_is_corrected():
    """'hw manny people': both words of 'how many' slipped; the question still asks a figure."""
    s = Speller(Counter({"people": 9, "many": 30, "grant": 4}))
    fixed, _ = s.correct("hw manny people got the grant?")
    assert fixed.split()[:2] == ["how", "many"]
    assert s.correct("hw money got the grant?")[0].split()[0] == "hw"  # "money" is no slip of a quantity word


def test_a_dropped_letter_before_a_final_s_is_a_typo():
    """'proces' is not a singular of 'process': it is corrected, while 'fund' (from 'funds') stays."""
    s = Speller(Counter({"process": 20, "processes": 12, "funds": 9}))
    assert s.correct("in the proces of endorsing")[0] == "in the process of endorsing"
    assert s.correct("which fund pays")[0] == "which fund pays"


def test_real_short_words_are_not_wh_words():
    s = Speller(Counter({"ratify": 5}))
    for text in ("Under way in Freedonia", "The fund was set up", "Who won the award", "Were the funds spent?"):
        assert s.correct(text)[0] == text
    # ... but a question cannot open on "were" followed by another verb
    assert s.correct("Were did the officials meet?")[0] == "Where did the officials meet?"


# -- names a question sets aside --------------------------------------------------------------------
def _links(question: str, names: dict[str, str]) -> list[Link]:
    return [Link(question.index(n), question.index(n) + len(n), n, [eid]) for n, eid in names.items()]


def test_names_after_a_cue_are_set_aside_and_dropped():
    q = "Apart from Freedonia and Ruritania, which countries ratified the Convention?"
    links = _links(q, {"Freedonia": "Country:FRE", "Ruritania": "Country:RUR", "Convention": "LegalInstrument:c1"})
    assert set_aside(q, links).ids == {"Country:FRE", "Country:RUR"}
    from graph.rdf import entity_uri

    answers = [{"label": "Freedonia", "iri": str(entity_uri("Country:FRE"))},
               {"label": "Sylvania", "iri": str(entity_uri("Country:SYL"))}]
    ids = set_aside(q, links).ids
    assert [a["label"] for a in answers if keeps(a, ids, knowledge=None)] == ["Sylvania"]


def test_a_condition_after_the_cue_is_not_a_name_set_aside():
    q = "Which countries, except those funded by the Fund, ratified the Convention?"
    assert set_aside(q, _links(q, {"Fund": "Organization:fund"})).ids == set()


def test_a_text_answer_the_set_aside_phrase_names_is_dropped():
    q = "Besides Northshire, which provinces trained officials?"
    answers = [{"label": "Northshire", "iri": None}, {"label": "Southshire", "iri": None}]
    assert [a["label"] for a in drop_named(answers, aside_phrases(q))] == ["Southshire"]


# -- places and parts of a country -----------------------------------------------------------------
@pytest.mark.parametrize("question, kind, plural", [
    ("In which city did Freedonia host the summit?", "place", False),
    ("freedonia workshop cities", "place", True),
    ("ruritania fishers island", "place", False),
    ("Which regions of Freedonia did the project cover?", "group", True),
    ("In which Ruritanian county was the pilot run?", "group", False),
    ("Which sectors does the roadmap focus on?", "group", True),
])
def test_places_and_divisions_are_asked_by_their_noun(question, kind, plural):
    asked = asked_span(question)
    assert asked is not None and asked.kind == kind and asked.plural == plural


def test_a_name_ending_in_states_is_not_an_asked_division():
    for q in ("Which Member States ratified the Convention?", "ga pathfinders arab states"):
        asked = asked_span(q)
        assert asked is None or asked.kind != "group"
    seg = "activities implemented in the Arab States region"
    assert group_spans(seg, "states") == []


def test_place_after_a_verb_and_its_object_and_in_a_list():
    seg = "Freedonia hosted an international conference in Zenda in May, and workshops were held in Strel and Ostrov."
    assert [seg[s:e] for s, e in place_spans(seg)] == ["Zenda", "Strel", "Ostrov"]


def test_the_town_holding_a_building_is_the_place():
    seg = "The report was launched at the Grand Hall (GH) in Zenda on 3 May."
    assert [seg[s:e] for s, e in place_spans(seg)] == ["Zenda"]
    seg2 = "The agency supported efforts in Strel in 2024 after the storm."
    assert [seg2[s:e] for s, e in located_spans(seg2)] == ["Strel"]


@pytest.mark.parametrize("seg, head, names", [
    ("enrolling farmers in the Upper and Lower Zenda regions.", "regions", ["Upper", "Lower Zenda"]),
    ("Targeting Alpha, Beta, and Gamma States, the project", "states", ["Alpha", "Beta", "Gamma"]),
    ("pilots in Northshire and Southshire counties", "counties", ["Northshire", "Southshire"]),
    ("focusing on the fishing and mining sectors.", "sectors", ["fishing", "mining"]),
    ("people were informed in the Zenda region.", "region", ["Zenda"]),
])
def test_names_listed_before_the_noun(seg, head, names):
    assert [seg[s:e] for s, e in group_spans(seg, head)] == names


# -- the engine on the bundled report -------------------------------------------------------------
from tests.support.engine import passage_with as _passage_with


def test_a_city_asked_for_an_event_hosted_there(engine):
    p, m = _passage_with(engine, r"([A-Z][a-z]+) hosted an international conference in ([A-Z][a-z]+)")
    res = engine.ask(f"In wich city did {m.group(1)} host the international conference?")
    assert [a["label"] for a in res["answers"]] == [m.group(2)]
    assert res["answers"][0]["evidence"][0]["passage_id"] == p.id


def test_counties_listed_before_their_noun(engine):
    p, m = _passage_with(engine, r"in ([A-Z][a-z]+) and ([A-Z][a-z]+) counties")
    res = engine.ask("In which counties was the informal economy strategy piloted?")
    assert {a["label"] for a in res["answers"]} == {m.group(1), m.group(2)}


def test_a_ratification_year_with_a_mistyped_wh_word(engine):
    _, m = _passage_with(engine, r"support (Togo)\b[^.]*?Convention No\. 102 \(ratified in (\d{4})\)")
    res = engine.ask(f"Wen did {m.group(1)} ratify Convention No. 102?")
    assert res["answer_type"] == "Year" and [a["label"] for a in res["answers"]] == [m.group(2)]


def test_a_country_set_aside_is_not_answered(engine):
    _, m = _passage_with(engine, r"ratifications of ([A-Z]\w+) and ([A-Z][\w ]+?)\.")
    res = engine.ask(f"Apart from {m.group(1)}, which country's ratification of Convention No. 102 was registered in 2024?")
    labels = [a["label"] for a in res["answers"]]
    assert m.group(1) not in labels and labels == [m.group(2)]


# -- publications described by the question (app/qa/things/titles.py) --------------------------------------
class _FakeKnowledge:
    """Three invented publications with the attributes a build writes."""

    def __init__(self):
        self.ents = [
            {"id": "Publication:a", "label": "Cash transfers for coastal fishers", "attrs": {"kind": "brief", "language": "en"}},
            {"id": "Publication:b", "label": "Étendre la sécurité sociale aux pêcheurs", "attrs": {"kind": "brief", "language": "fr"}},
            {"id": "Publication:c", "label": "Pension reform options in Freedonia",
             "attrs": {"kind": "issue paper", "language": "en", "countries": ["FRE"], "month": "may"}},
        ]
        self.facts = [{"subject": "Publication:c", "predicate": "publishedBy", "object": "Organization:fund"},
                      {"subject": "Publication:c", "predicate": "publishedBy", "object": "Organization:ilo"}]

    def of_type(self, t):
        return self.ents if t == "Publication" else []

    def facts_where(self, subject=None, predicate=None, obj=None):
        return [f for f in self.facts if (subject is None or f["subject"] == subject)
                and (predicate is None or f["predicate"] == predicate)]

    def names(self, entity_id):  # the names of the invented country the issue paper is about
        return {"Country:FRE": ["Freedonia"]}.get(entity_id, [])


def _finder():
    from app.qa.things.titles import PublicationFinder

    return PublicationFinder(_FakeKnowledge(), {"Organization:ilo"})


def test_a_publication_by_its_language():
    assert _finder().find("Which French-language briefs were published?", [], True).ids == ["Publication:b"]


def test_a_publication_by_its_co_author():
    q = "What did the ILO write together with the Fund?"
    assert _finder().find(q, _links(q, {"Fund": "Organization:fund"}), False).ids == ["Publication:c"]


def test_a_publication_by_the_words_of_its_title():
    assert _finder().find("Which brief is about cash transfers for fishers on the coast?", [], False).ids == ["Publication:a"]


def test_no_publication_when_the_question_does_not_single_one_out():
    assert _finder().find("Which brief was most downloaded?", [], False) is None


def test_engine_answers_a_publication_by_language_from_the_graph(engine):
    french = {e["id"] for e in engine.k.of_type("Publication") if (e.get("attrs") or {}).get("language") == "fr"}
    if not french:
        pytest.skip("the build holds no French publication")
    res = engine.ask("which briefs in French did the ILO publish")
    assert {a["iri"] for a in res["answers"]} == {engine.k.iri(i) for i in french}
    assert all(a["evidence"] for a in res["answers"])


def test_engine_answers_a_co_published_publication(engine):
    facts = [f for f in engine.k.facts if f["predicate"] == "publishedBy" and f["object"] not in
             {"Organization:ilo"} and f["attrs"].get("role") == "co-publisher"]
    if not facts:
        pytest.skip("no co-published publication")
    org = facts[0]["object"]
    name = next(n for n in engine.k.names(org) if n.isupper())
    res = engine.ask(f"What did the ILO co-publish with {name}?")
    expected = {engine.k.iri(f["subject"]) for f in facts if f["object"] == org}
    assert {a["iri"] for a in res["answers"]} == expected


# -- who runs a scheme ----------------------------------------------------------------------------
def test_an_institution_asked_by_its_noun_is_not_a_scheme_name():
    # "which institution administers the X scheme": the scheme is named, its administrator is asked
    assert asked_span("Which institution administers the Sunrise scheme?") is None
    assert asked_span("Which agency runs the Sunrise programme?") is None


def test_engine_names_the_institution_that_relaunched_a_scheme(engine):
    p, m = _passage_with(engine, r"the ([A-Z][\w ]+?) \(([A-Z]+)\) re-launched the ([A-Z][\w ]+? scheme)")
    res = engine.ask(f"Which institution administers the {m.group(3)}?")
    assert [a["label"] for a in res["answers"]] == [m.group(1)]
    assert res["strategy"].startswith("graph") and res["answers"][0]["evidence"]


# -- conventions: intended ratification, counts of member states ----------------------------------
def test_an_eventual_ratification_is_not_a_ratification():
    from app.qa.question import RATIFY
    from app.qa.relation.relation_choice import prospective

    assert prospective("freedonia pensions convention eventual ratification", RATIFY)
    assert prospective("Which convention is the roadmap meant to lead to ratifying?", RATIFY)
    assert prospective("island country exploring ratification of social security standards", RATIFY)
    assert not prospective("Which convention did Freedonia ratify in 2020?", RATIFY)


def test_engine_reads_an_intended_ratification_from_the_sentence(engine):
    p, m = _passage_with(engine, r"(Convention No\. \d+) to be eventually ratified by the country")
    name = p.section.split(">")[-1].strip()  # the country entry the sentence is in
    res = engine.ask(f"Which convention does {name} aim to eventually ratify?")
    assert [a["label"] for a in res["answers"]] == [m.group(1)]


def test_a_national_strategy_is_no_convention(engine):
    res = engine.ask("tajikistan convention eventual ratification")
    for a in res["answers"]:
        assert (engine.k.entity_by_iri(a["iri"]) or {}).get("role", "").startswith("ILO")


def test_engine_counts_member_states_that_ratified(engine):
    years = [f["attrs"].get("year") for f in engine.k.facts if f["predicate"] == "ratified"
             and f["attrs"].get("status") == "registered"]  # an approval not yet registered is no ratification
    year = max(set(y for y in years if y), key=years.count)
    res = engine.ask(f"How many Member States ratified Convention No. 102 in {year}?")
    assert res["answer_type"] == "Number" and res["answers"][0]["value"] == years.count(year)


# -- a scheme named by its description and country; "which countries are named" --------------------
def test_which_countries_are_named_asks_for_countries_not_a_name():
    assert asked_span("Trade unionists from several countries spoke at the Network meeting; which countries are named?") is None


def test_engine_names_the_scheme_a_country_has_under_that_description(engine):
    facts = [f for f in engine.k.facts if f["predicate"] == "schemeInCountry"]
    for f in facts:
        ent = engine.k.entity(f["subject"])
        if ent and ent.get("acronym") and len(ent["label"].split()) >= 3:
            break
    else:
        pytest.skip("no scheme with an acronym")
    country = engine.k.label(f["object"])
    res = engine.ask(f"What is the name of {country}'s {ent['label'].lower()}?")
    assert [a["iri"] for a in res["answers"]] == [engine.k.iri(ent["id"])]
    assert ent["acronym"] in res["answers"][0]["label"] and res["answers"][0]["evidence"]


# -- titles asked after a counted noun; a country is no city -------------------------------------
def test_what_are_their_titles_reads_the_counted_noun():
    asked = asked_span("The agency issued three briefs for the summit; what are their titles?")
    assert asked is not None and asked.kind == "title" and asked.plural and asked.count == 3
    # ... but "what is the name of" and "what is its title" keep their own reading
    assert asked_span("What is the name of the pilot programme in Freedonia?").kind == "name"
    assert not asked_span("The agency issued a paper on three case studies - what is its title?").plural


def test_a_country_is_not_the_city_asked():
    from app.qa.topics.spans import _is_country_name

    assert _is_country_name("Côte") and _is_country_name("Kenya") and not _is_country_name("Abidjan")


def test_engine_lists_the_titles_announced_by_a_count(engine):
    p, m = _passage_with(engine, r"The (\w+) concerned (briefs) are:\s*$")
    res = engine.ask(f"I recall the ILO published {m.group(1)} {m.group(2)} for the discussion on the care economy; "
                     "what are their titles?")
    nxt = engine.spans._next[p.id]
    listed = re.findall(r"\"([^\"]{6,250})\"", engine.k.passage(nxt).text)
    assert [a["label"] for a in res["answers"]] == [t.strip().rstrip(",.") for t in listed]


# -- numbers by keyword, a name in brackets, an unquoted title --------------------------------------
def test_a_keyword_query_ending_in_number_asks_a_number():
    assert asked_span("working paper pension adequacy number").kind == "number"
    assert asked_span("ruritania brief fishers no").kind == "number"


def test_a_name_in_brackets_after_a_description_is_the_name():
    from app.qa.topics.spans import name_spans

    seg = "after a valuation of the main public health insurance scheme (SaludPlus) in 2023"
    got = [seg[s:e] for s, e in name_spans(seg, frozenset({"scheme"}))]
    assert "SaludPlus" in got


def test_engine_reads_an_unquoted_title_before_its_noun(engine):
    p, m = _passage_with(engine, r"production of an? ((?:[A-Z][\w-]*\s+)+\([A-Z]+\)(?:\s+[A-Z][\w-]*)+\s+\([A-Z]+\)) report")
    country = p.section.split(">")[-1].strip()
    res = engine.ask(f"What report did the ILO produce on {country}'s social protection system?")
    assert res["answers"] and res["answers"][0]["label"].startswith(m.group(1))


# -- a convention asked by keywords is a convention ------------------------------------------------
def test_a_keyword_query_ending_in_convention_is_no_span_question():
    assert asked_span("freedonia fishers insurance scheme convention") is None


def test_engine_answers_a_convention_not_the_scheme_named_with_it(engine):
    p, m = _passage_with(engine, r"the ([A-Z][\w ]+?) \(([A-Z]+)\) Pilot was launched in ([A-Z]\w+)")
    res = engine.ask(f"{m.group(3).lower()} {m.group(1).lower()} pilot convention")
    assert res["answers"] and all(a["type"] == "Convention" for a in res["answers"])
    ent = engine.k.entity_by_iri(res["answers"][0]["iri"])
    assert ent["role"].startswith("ILO") and any(n in p.text for n in engine.k.names(ent["id"]))
