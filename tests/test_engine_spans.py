"""Answers that are names or phrases written in a sentence (app/qa/topics/spans.py) and the topic sweep
for plural country questions (app/qa/topics/sweep.py).

The pure pieces run on sentences written for these tests.  The engine tests ask questions written
for these tests over the real build; their expected answers are read from the report's own text by
a different route (a regex over the passage that holds the cue), never typed in.
"""
from __future__ import annotations

import re

import pytest

from app.qa.topics.spans import asked_span, group_spans, head_of, in_families, name_spans, number_spans, place_spans


# -- what is asked --------------------------------------------------------------------------------
@pytest.mark.parametrize("question, kind, head", [
    ("Which mutual in Freedonia opened five regional offices?", "name", "mutual"),
    ("What is the name of the Ruritanian programme presented at the summit?", "name", "programme"),
    ("Under which updated government strategy are the reforms grouped?", "name", "strategy"),
    ("What framework law did Freedonia pass in 2020?", "name", "law"),
    ("What task force did the agency help set up?", "name", "task force"),
    ("Title of the 2023 report that reviews pension adequacy?", "title", "report"),
    ("ruritania cash transfer programme name", "name", "programme"),
])
def test_asked_kind_comes_from_the_wh_word_and_head_noun(question, kind, head):
    asked = asked_span(question)
    assert asked is not None and asked.kind == kind and asked.heads[0] == head


def test_other_questions_are_not_span_questions():
    # an entity type the graph relates, a count, a year
    assert asked_span("Which countries have a national social protection strategy?") is None
    assert asked_span("Which country's pension scheme was reformed?") is None
    assert asked_span("How many people were covered?") is None
    assert asked_span("abidjan forum informality showcased countries") is None
    # a keyword query the analysis reads as asking for countries keeps that reading
    assert asked_span("connect network new members 2024", analysed_type="Country") is None


def test_plural_count_place_number_and_group():
    two = asked_span("Which two funds did Freedonia set up?")
    assert two.plural and two.count == 2
    assert asked_span("Which December report drew on three case studies?").count is None  # not the asked count
    assert asked_span("Where was the World Congress on Pensions held in May 2023?").kind == "place"
    assert asked_span("ilo working paper number on pension adequacy").kind == "number"
    assert asked_span("What is the title of Working Paper No. 77?").kind == "title"  # a number given, a title asked
    g = asked_span("ruritania provincial governments drafting labour codes")
    assert g.kind == "group" and g.head_phrase == "provincial governments"


def test_a_head_inside_a_linked_name_is_not_the_asked_one():
    q = "freedonia older persons act new benefit"
    start = q.index("older")
    assert asked_span(q, [(start, start + len("older persons act"))]).heads == ("benefit",)


# -- candidate spans --------------------------------------------------------------------------------
def _spans(seg, fams):
    return [seg[s:e] for s, e in name_spans(seg, frozenset(fams))]


def test_capitalised_names_with_acronym_and_of_phrase():
    seg = "In Freedonia, the agency supported the National Mutual of Weavers (NMW) activating 9 units."
    assert _spans(seg, {"scheme"}) == ["National Mutual of Weavers (NMW)"]


def test_name_before_a_lower_case_head_drops_the_owner():
    seg = "The event showcased Ruritania's Casa Verde program, Freedonia's Income Support Programme (ISP) initiative."
    got = _spans(seg, {"scheme"})
    assert "Casa Verde" in got and "Income Support Programme (ISP)" in got


def test_conjoined_names_before_a_plural_head_are_split():
    seg = "The agency, through the HELP/Norway and Building Social Security in the Ruritanian Economy (BSSRE) projects, helped."
    assert _spans(seg, {"project"}) == ["HELP/Norway", "Building Social Security in the Ruritanian Economy (BSSRE)"]


def test_law_word_with_its_number_and_lower_case_phrases_with_acronyms():
    assert _spans("The ministry confirmed the Adoption of Decree 12/MOH/ 2023 last year.", {"law"}) == ["Decree 12/MOH/ 2023"]
    got = _spans("Contributions to the old-age savings scheme (OSS) rise; both the OSS and the disability (DIS) schemes.", {"scheme"})
    assert "old-age savings scheme (OSS)" in got and "disability (DIS) scheme" in got


def test_heads_and_families():
    assert head_of("Social Regime of Independent Workers (SRIW)") == "regime"
    assert head_of("Decree 12/MOH/2023") == "decree"
    assert in_families("Triple Net (TN) Task Force", frozenset({"project"}))
    assert not in_families("One UN plan", frozenset({"law"}))


def test_numbers_places_and_groups():
    seg = 'Working Paper 77: "Pensions for all" and Working Paper 81: "Care for all"'
    assert [seg[s:e] for s, e in number_spans(seg)] == ["77", "81"]
    seg = "In May, specialists joined the World Congress on Pensions, organised in Lisbon, which stressed ..."
    assert [seg[s:e] for s, e in place_spans(seg)] == ["Lisbon"]
    seg = "The provincial governments of Alpha and Beta have drafted new codes."
    assert [seg[s:e] for s, e in group_spans(seg, "provincial governments")] == ["Alpha", "Beta"]
    seg = "Three pilots were chosen - one tailored to street vendors, a second one for fishers, and a third one aimed at taxi drivers."
    assert [seg[s:e] for s, e in group_spans(seg, "target groups")] == ["street vendors", "fishers", "taxi drivers"]


# -- the engine on the bundled report -------------------------------------------------------------
from tests.support.engine import passage_with as _passage_with


def test_a_title_is_the_one_after_the_number_the_question_gives(engine):
    p, m = _passage_with(engine, r"Working Paper (\d+):\s*\"([^\"]+)\"\s*ILO Working Paper (\d+):\s*\"([^\"]+)\"")
    for number, title in ((m.group(1), m.group(2)), (m.group(3), m.group(4))):
        res = engine.ask(f"Could you tell me the title of ILO Working Paper No. {number}?")
        assert [a["label"] for a in res["answers"]] == [title.strip()]
        ev = res["answers"][0]["evidence"][0]
        assert ev["passage_id"] == p.id and ev["highlights"]


def test_a_paper_number_asked_by_its_topic(engine):
    _, m = _passage_with(engine, r"Working Paper (\d+):\s*\"([^\"]+)\"")
    topic = " ".join(m.group(2).split(":")[0].split()[:3]).lower()
    res = engine.ask(f"what working paper number is {topic}")
    assert res["answer_type"] == "Number" and [a["label"] for a in res["answers"]] == [m.group(1)]


def test_a_place_an_event_was_organised_in(engine):
    p, m = _passage_with(engine, r"participated in the ([A-Z][\w ]+?), organised in ([A-Z]\w+)")
    res = engine.ask(f"Where was the {m.group(1).strip()} organised?")
    assert [a["label"] for a in res["answers"]] == [m.group(2)]
    assert res["answers"][0]["evidence"][0]["passage_id"] == p.id


def test_a_programme_name_is_the_one_the_asked_country_owns(engine):
    """Two programmes in one sentence, each after its country's possessive: the answer follows
    the possessive of the country the question names by its demonym."""
    from app.qa.names.demonyms import demonym_country  # noqa: F401  (the question uses an adjective)

    p, m = _passage_with(engine, r"Pakistan's ((?:[A-Z]\w+ )+Programme)")
    res = engine.ask("Tell me the name of the Pakistani programme that the CFS52 side event showcased")
    labels = [a["label"] for a in res["answers"]]
    assert len(labels) == 1 and labels[0].startswith(m.group(1))


def test_a_graph_answer_of_the_asked_kind_stands(engine):
    res = engine.ask("Which schemes does Zambia have?")
    assert res["strategy"].startswith("graph")
    from app.qa.things.scheme_kinds import NOT_SCHEME_KINDS

    # (the partnership / service / reform measures filed under Scheme are not what "schemes" asks: scheme_kinds)
    schemes = {f["subject"] for f in engine.k.facts if f["predicate"] == "schemeInCountry" and f["object"] == "Country:ZMB"
               and ((engine.k.entity(f["subject"]) or {}).get("attrs") or {}).get("kind") not in NOT_SCHEME_KINDS}
    assert {a["iri"] for a in res["answers"]} == {engine.k.iri(s) for s in schemes}


def test_the_sweep_adds_each_entry_on_the_topic(engine):
    """Expected: the country entries (by section title) whose text mentions typhoons."""
    from graph import countries

    expected = set()
    for p in engine.k.passages.values():
        if re.search(r"\btyphoons?\b", p.text, re.I):
            iso = next((countries.lookup(t) for t in reversed(p.section_path) if countries.lookup(t)), None)
            if iso:
                expected.add(iso)
    if len(expected) < 2:
        pytest.skip("the report does not write about typhoons in two country entries")
    res = engine.ask("In which countries was social protection work shaped by typhoons?")
    got = {a.get("iso3") for a in res["answers"]}
    assert expected <= got


def test_a_list_introduced_at_a_passage_end_is_read_from_the_next_passage(engine):
    """'The three concerned briefs are:' closes a passage; the titles open the next one's lines."""
    ids = list(engine.k.passages)
    for pid, nxt in zip(ids, ids[1:]):
        if re.search(r"briefs are:\s*$", engine.k.passage(pid).text):
            expected = {m.group(1).strip().rstrip(",.") for m in
                        re.finditer(r"^\W*\"([^\"]{6,250})\"", engine.k.passage(nxt).text, re.M)}
            break
    else:
        pytest.skip("no passage ends by announcing a list of briefs")
    res = engine.ask("Which briefs did the ILO publish to feed the ILC discussion on the care economy?")
    assert {a["label"] for a in res["answers"]} == expected
    assert all(a["evidence"][0]["passage_id"] == nxt for a in res["answers"])


def test_a_misread_figure_question_is_a_quantity_with_its_unit():
    from app.qa.topics.spans import number_value, quantity_spans

    assert asked_span("What yearly deficit share did the 2023 paper estimate?", analysed_type="Publication").kind == "quantity"
    assert asked_span("What yearly deficit share did the 2023 paper estimate?", analysed_type="Number") is None or \
        asked_span("What yearly deficit share did the 2023 paper estimate?", analysed_type="Number").kind != "quantity"
    seg = "In Table 2 of 2023, the gap is 4.1 per cent for all, but for small islands it reaches US$12.5 million."
    assert [seg[s:e] for s, e in quantity_spans(seg)] == ["4.1 per cent", "US$12.5 million"]
    assert number_value("US$12.5 million") == 12_500_000 and number_value("4.1 per cent") == 4.1


def test_a_hyphenated_modifier_counts_only_in_its_own_clause():
    from app.qa.topics.spans import _closeness

    seg = "For small- and mid-size firms the gap is 4.1 per cent, but for mid-size firms it is 9.9 per cent."
    a, b = seg.index("4.1"), seg.index("9.9")
    near_a = _closeness(seg, a, a + 12, set(), [], {"mid-size"})
    near_b = _closeness(seg, b, b + 12, set(), [], {"mid-size"})
    assert near_b > near_a


def test_host_qualifying_a_noun_asks_no_place():
    # "host communities" names people, not an event's venue: the question asks for a country
    assert asked_span("Where are the ILO and partners planning to pilot coverage for refugees and host communities?") is None
    assert asked_span("Where is coverage planned for host families?") is None
    # "host" as the verb of an event still asks where it was held
    assert asked_span("Where did the ministry host the regional forum?").kind == "place"


def test_engine_host_communities_question_answers_a_country(engine):
    p = next((p for p in engine.k.passages.values() if re.search(r"(?i)refugees and host communities", p.text)
              and engine.text._entry_country(p)), None)
    if p is None:
        pytest.skip("no country entry writes of refugees and host communities")
    out = engine.ask("Where are the ILO and partners planning to pilot extending coverage to both refugees and host communities?")
    assert out["answer_type"] == "Country"
    assert engine.text._entry_country(p) in {a.get("iso3") for a in out["answers"]}
