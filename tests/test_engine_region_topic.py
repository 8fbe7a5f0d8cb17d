"""A topic asked within a region answers the topic's countries of that region, never every country
of the region (app.qa.constraints.region_topic)."""

from types import SimpleNamespace

import pytest

from app.qa.question import Link
from app.qa.constraints.region_topic import region_pool, topic_question, within, without_regions


def _con(relation="region", negated=False):
    return SimpleNamespace(relation=relation, negated=negated)


def _a(topic_terms=(), links=(), answer_type="Country"):
    return SimpleNamespace(topic_terms=list(topic_terms), links=list(links), answer_type=answer_type)


def test_a_plain_region_filter_with_a_topic_gives_the_region_as_a_pool():
    pool = region_pool(_a(["unemploy"]), [_con()], ["unemploy"], ["Country:A", "Country:B"], set(), lambda i: False)
    assert pool == {"Country:A", "Country:B"}


@pytest.mark.parametrize("cons,residual,topic,answer_type", [
    ([_con()], [], [], "Country"),  # no topic: the region's countries are the answer
    ([_con(), _con("fund")], ["unemploy"], ["unemploy"], "Country"),  # a relation answers, the region filters it
    ([_con(negated=True)], ["unemploy"], ["unemploy"], "Country"),  # "outside Africa" is a set difference
    ([_con()], ["unemploy"], ["unemploy"], "Organization"),
])
def test_no_pool_when_the_graph_answers(cons, residual, topic, answer_type):
    assert region_pool(_a(topic, answer_type=answer_type), cons, residual, ["Country:A"], set(), lambda i: False) is None


def test_a_described_entity_is_a_topic():
    link = Link(30, 44, "pension reform", ["Scheme:x-pension-reform"])
    assert region_pool(_a([], [link]), [_con()], [], ["Country:A"], set(), lambda i: True) == {"Country:A"}
    assert region_pool(_a([], [link]), [_con()], [], ["Country:A"], set(), lambda i: False) is None


def test_region_names_are_blanked_in_place():
    q = "Which African countries did the ILO support?"
    link = Link(6, 13, "African", ["Region:africa"])
    out = without_regions(q, [link])
    assert len(out) == len(q) and "African" not in out and out.endswith("countries did the ILO support?")


def test_within_keeps_the_pool():
    answers = [{"iri": "i:A"}, {"iri": "i:B"}, {"label": "no iri"}]
    assert within(answers, {"A"}, lambda i: f"i:{i}") == [{"iri": "i:A"}]


def _region_countries(engine, region_id: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate="inRegion", obj=region_id)} or \
        {e["id"] for e in engine.k.of_type("Country") if (e.get("attrs") or {}).get("region") == region_id}


@pytest.mark.parametrize("template", [
    "Which {adj} countries did the ILO support on unemployment insurance?",
    "Where in {name} did the ILO work on unemployment protection?",
    "unemployment insurance {name} countries",
])
def test_a_topic_in_a_region_is_a_part_of_the_region_on_the_topic(engine, template):
    whole = engine.ask("Which countries did the ILO support on unemployment insurance?")
    topic_countries = {a["iri"] for a in whole["answers"]}
    assert topic_countries
    for region in engine.k.of_type("Region"):
        name = region["label"]
        adj = {"Africa": "African"}.get(name)
        if adj is None and "{adj}" in template:
            continue
        res = engine.ask(template.format(adj=adj, name=name))
        got = {a["iri"] for a in res["answers"]}
        members = {str(engine.k.iri(c)) for c in _region_countries(engine, region["id"])}
        if not members:
            continue
        assert got <= members, (name, got - members)
        assert len(got) < len(members), name  # never the whole region


def test_a_topic_question_drops_every_place_that_filters_it():
    q = "Which Arab States did the ILO advise on pensions?"
    assert topic_question(q, [Link(6, 17, "Arab States", ["Region:arab-states"])]) == \
        "Which countries did the ILO advise on pensions?"
    q = "Where in Africa did the ILO work on unemployment protection?"
    assert topic_question(q, [Link(9, 15, "Africa", ["Region:africa"])]) == \
        "Where did the ILO work on unemployment protection?"
    # a finer place no link names ("West Africa") goes too, and a region and a place on the same words go once
    assert topic_question("west africa health insurance ILO support 2024", []) == "health insurance ILO support 2024"
    q = "Which Middle East countries did the ILO advise on pensions?"
    assert topic_question(q, [Link(6, 17, "Middle East", ["Region:arab-states"])]) == \
        "Which countries did the ILO advise on pensions?"


@pytest.mark.parametrize("question", [
    "Which Arab States paid disability allowances with ILO support?",
    "Which places introduced or paid cash allowances for people with disabilities with ILO support in 2024?",
    "which arab states got disability allowances paid with ilo help",
])
def test_places_asked_by_a_region_or_place_noun_are_countries(engine, question):
    res = engine.ask(question)
    assert res["answer_type"] == "Country"
    labels = {x["label"] for x in res["answers"]}
    assert labels and all("/country/" in x["iri"] for x in res["answers"]), labels
    arab = {str(engine.k.iri(c)) for c in _region_countries(engine, "Region:arab-states")}
    if "Arab" in question or "arab" in question:
        assert {x["iri"] for x in res["answers"]} <= arab


@pytest.mark.parametrize("template", [
    "Which {adj} countries did the ILO support on health insurance?",
    "{name} health insurance ILO support 2024",
])
def test_a_region_topic_holds_the_report_wide_topic_answer_in_the_region(engine, template):
    """Every country the report-wide question answers that lies in the region is in the region's answer."""
    wide = {x["iri"] for x in engine.ask("Which countries did the ILO support on health insurance?")["answers"]}
    for region in engine.k.of_type("Region"):
        name = region["label"]
        adj = {"Africa": "African", "Asia and the Pacific": "Asian"}.get(name)
        if adj is None:
            continue
        members = {str(engine.k.iri(c)) for c in _region_countries(engine, region["id"])}
        got = {x["iri"] for x in engine.ask(template.format(adj=adj, name=name))["answers"]}
        assert got <= members
        assert wide & members <= got, (name, (wide & members) - got)
