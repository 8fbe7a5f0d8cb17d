"""A section of the report named by its title answers with its country items (app/qa/topics/section_items.py),
narrowed to the region and the topic the question names; and a figure asked of a region comes
from a sentence about that region (app/qa/figures/figure_place.py).

Expected countries are read from the parsed passages by a different route than the module's (a
regular expression over each region sub-section's text), never typed; the questions are written
here, several wordings per shape.
"""
from __future__ import annotations

import re

import pytest

from graph import countries
from tests.support.engine import answer_ids


def _items_by_region(engine) -> tuple[str, dict[str, set[str]]]:
    """The report's section whose sub-sections are regions, and per region the countries its
    paragraphs open on ("In Kenya, ..."), read from the passages' text."""
    regions = {e["label"] for e in engine.k.of_type("Region")}
    found: dict[str, dict[str, set[str]]] = {}
    for p in engine.k.passages.values():
        if len(p.section_path) < 2 or p.section_path[-1] not in regions or "|" in p.text:
            continue
        for m in re.finditer(r"(?:^|[.\n]\s*|\d\s+)In\s+(?:the\s+)?\**([A-Z][^,*]{2,60})", p.text):
            iso = countries.lookup(m.group(1).strip())
            if iso:
                found.setdefault(p.section_path[-2], {}).setdefault(p.section_path[-1], set()).add(f"Country:{iso}")
    titled = {t: v for t, v in found.items() if "significant" in t.lower()}
    if not titled:
        pytest.skip("the report has no region-split list of significant results")
    title, per_region = next(iter(titled.items()))
    return title, per_region


def _asked_of_largest_region(engine, question: str):
    """(region, its items, the engine's response) for the question asked of the region with most items."""
    _, per_region = _items_by_region(engine)
    region, expected = max(per_region.items(), key=lambda kv: len(kv[1]))
    return region, expected, engine.ask(question.format(region=region))


@pytest.mark.parametrize("question", [
    "Which {region} countries appear among the report's most significant results of 2024?",
    "{region} countries in the 'most significant results' list",
    "most significant results {region} which countries",
    # the report's layout as a reader names it ("featured", "section", "catalogue") is no topic
    "For my catalogue of result highlights, which {region} countries are featured in the 'Most significant "
    "results' section of the report?",
])
def test_region_items_of_the_named_section(engine, question):
    region, expected, res = _asked_of_largest_region(engine, question)
    assert answer_ids(engine, res) == expected


@pytest.mark.parametrize("question", [
    "most significant results 2024 {region} count",
    "How many {region} countries are in the most significant results list?",
])
def test_count_of_the_region_items(engine, question):
    region, expected, res = _asked_of_largest_region(engine, question)
    assert [a["label"] for a in res["answers"]] == [str(len(expected))]


def test_topic_narrows_the_items(engine):
    """Items on a topic: those whose sentence writes the topic's rare word, from every region."""
    _, per_region = _items_by_region(engine)
    every = set().union(*per_region.values())
    on_disability = {c for c in every if any(
        re.search(r"disabilit", p.text) and re.search(rf"In\s+(?:the\s+)?\**{re.escape(engine.k.label(c).split()[0])}", p.text)
        for p in engine.k.passages.values() if "significant" in " ".join(p.section_path).lower())}
    if not on_disability:
        pytest.skip("no item of the list is on disability")
    for q in ("Among the most significant results of 2024, which countries delivered benefits for persons with disabilities?",
              "most significant results disability benefits countries"):
        got = answer_ids(engine, engine.ask(q))
        assert got and got <= every and on_disability & got


def test_a_figure_question_is_not_counted_from_the_list(engine):
    """"how many people ..." names the list but asks a figure its items state, not the list's size."""
    _, per_region = _items_by_region(engine)
    sizes = {str(len(v)) for v in per_region.values()} | {str(len(set().union(*per_region.values())))}
    res = engine.ask("How many people did the most significant results in Africa affiliate to health insurance?")
    assert not {a["label"] for a in res["answers"]} & sizes


@pytest.mark.parametrize("question", [
    "usp2030 members asia count",
    "how many USP2030 members are in Africa?",
    "number of usp2030 members in the arab states",
])
def test_a_stated_total_is_no_figure_of_one_region(engine, question):
    """The report states one total for the partnership's members; the region asked is written beside
    no figure, so nothing is answered (rather than the total)."""
    res = engine.ask(question)
    assert res["answers"] == []


def test_a_figure_written_for_the_region_still_answers(engine):
    from tests.support.engine import passage_with

    _, m = passage_with(engine, r"the Africa region \((\d+) per cent\)")
    res = engine.ask("What share of the allocations for new projects in 2024 went to the Africa region?")
    assert [a.get("value") for a in res["answers"]] == [float(m.group(1))]


def test_a_region_named_by_its_adjective_picks_its_items(engine):
    """"African countries" names the region Africa: the adjective picks the region's items and
    is no topic word that narrows them to the one item that writes "African"."""
    _, per_region = _items_by_region(engine)
    single = {r: v for r, v in per_region.items() if " " not in r and r.endswith("a")}  # Africa -> African
    if not single:
        pytest.skip("no one-word region with an -n adjective in this report")
    region, expected = max(single.items(), key=lambda kv: len(kv[1]))
    assert len(expected) >= 2
    res = engine.ask(f"Which {region}n countries are featured in the 'Most significant results' section of the report?")
    assert answer_ids(engine, res) == expected


@pytest.mark.parametrize("question", [
    "Which {region} countries are listed among the most significant results of 2024 — e.g. {a}, {b}?",
    "most significant results {region} countries such as {a}",
    "Which {region} countries, for example {a} or {b}, appear among the most significant results?",
])
def test_countries_given_as_examples_neither_filter_nor_narrow_the_list(engine, question):
    """Names offered as examples of the answer ("e.g. Vietnam, Laos") are two of the list, not a
    condition on it: the whole region's items come back, not only the named ones."""
    _, per_region = _items_by_region(engine)
    region, expected = max(per_region.items(), key=lambda kv: len(kv[1]))
    assert len(expected) >= 3
    a, b = sorted(engine.k.label(c) for c in expected)[:2]
    res = engine.ask(question.format(region=region, a=a, b=b))
    assert answer_ids(engine, res) == expected


def _analysis(question: str, *names: str):
    """An analysis whose links are the given names where the question writes them."""
    from app.qa.question import Analysis, Link

    links = []
    for k, n in enumerate(names):
        at = question.index(n)
        links.append(Link(at, at + len(n), n, [f"Country:X{k}"]))
    return Analysis(question=question, answer_type="Country", links=links)


@pytest.mark.parametrize("question,names,offered", [
    ("Which countries are in the list, e.g. Vietnam, Laos?", ("Vietnam", "Laos"), {"Country:X0", "Country:X1"}),
    ("Which countries, for example Kenya or Uganda, had results?", ("Kenya", "Uganda"), {"Country:X0", "Country:X1"}),
    ("results such as Kenya's pension", ("Kenya",), {"Country:X0"}),
    # a country the question is about, and one named after an example list has ended, are conditions
    ("Which results did Kenya achieve?", ("Kenya",), set()),
    ("Apart from Kenya, e.g. Uganda, which countries funded Malawi?", ("Kenya", "Uganda", "Malawi"), {"Country:X1"}),
])
def test_offered_names_are_only_the_example_list(question, names, offered):
    from app.qa.relation.context_names import offered_names

    assert offered_names(_analysis(question, *names)) == offered
