"""Schemes, social security bodies and projects asked in words the engine was not tuned on
(app/qa/question.py heads, app/qa/relation/fund_nouns.py, app/qa/relation/funded_names.py,
graph/extract/titled_projects.py).

The pure pieces run on invented text; the extractor runs on a copy of the bundled report whose
project title and acronyms were changed; the engine tests ask questions written for these tests
over the real build, and read what they expect from the graph's own statements.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import graph.extract as gx
from app.qa.relation.fund_nouns import blank_fund_nouns
from app.qa.question import _HEAD, answer_type
from graph.extract.instruments import section_iso3
from graph.kb import eid
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"


# -- pure pieces ------------------------------------------------------------------------------------
@pytest.mark.parametrize("q", ["Which Freedonian institution is developing a multi-pillar pension strategy?",
                               "Which institution in Freedonia runs the new pension scheme?",
                               "Which Freedonian social security fund launched consultations for an actuarial study?",
                               "Which two funds did Freedonia operationalise to extend health coverage?"])
def test_a_body_noun_asks_for_a_body_even_beside_scheme_words(q):
    assert answer_type(q) == "Organization"


@pytest.mark.parametrize("q", ["Which countries does Freedonia fund?", "which donor funds the most countries",
                               "Which of these funds the fewest countries: A, B or C?"])
def test_fund_the_verb_is_not_a_body_noun(q):
    head = _HEAD.search(q)
    assert head is None or not head.group(1).lower().startswith("fund")
    assert "fund" in blank_fund_nouns(q, frozenset()).lower()


@pytest.mark.parametrize("q, blanked", [
    ("What is the fund that Freedonian workers register with?", True),
    ("Which Freedonian social security fund launched consultations?", True),
    ("which two funds did freedonia operationalise", True),
    ("where do the funds for the work in freedonia come from", False),  # money, not a body
    ("countries the       fund", False),  # a blanked name before the verb is no modifier
    ("which countries does the freedonian government fund", False)])
def test_only_the_fund_asked_for_is_blanked_from_the_funding_cue(q, blanked):
    out = blank_fund_nouns(q, frozenset())
    assert (re.search(r"\bfunds?\b", out) is None) == blanked


# -- extraction on an edited copy of the report ----------------------------------------------------
TITLE_RX = re.compile(r"Improving synergies between social protection and public finance management", re.I)
NEW_TITLE = "Joining Up Benefits and Budgets for Every Worker"


@pytest.fixture(scope="module")
def edited():
    text = REPORT.read_text(encoding="utf-8")
    assert TITLE_RX.search(text) and "SP&PFM" in text and "ACCEL Africa" in text
    text = TITLE_RX.sub(NEW_TITLE, text).replace("SP&PFM", "JB&BW").replace("ACCEL", "BRIDGE")
    doc = parse_report(text, "edited.md")
    return doc, gx.run_all(doc, only=("instruments", "initiatives", "schemes"))


def test_a_quoted_title_and_its_acronym_are_one_project_linked_to_each_entry_quoting_it(edited):
    doc, kb = edited
    project = next(e for e in kb.of_type("Project") if e.acronym == "JB&BW")
    assert {a.lower() for a in project.alt_labels} >= {NEW_TITLE.lower(), "jb&bw"}
    quoting = {section_iso3(doc, p.section_id) for p in doc.passages
               if re.search(r"[\"“]" + re.escape(NEW_TITLE), p.text, re.I)} - {None}
    assert quoting  # the edited report quotes the title in country entries
    linked = {f.object for f in kb.facts.values() if f.subject == project.id and f.predicate == "projectInCountry"}
    assert {eid("Country", iso) for iso in quoting} <= linked
    # no project of its own for the title: it is the acronym's
    assert not [e for e in kb.of_type("Project") if e.label.lower() == NEW_TITLE.lower()]


def test_an_acronym_widened_by_a_place_word_is_another_name_of_the_project(edited):
    _doc, kb = edited
    project = next(e for e in kb.of_type("Project") if e.acronym == "BRIDGE")
    assert "BRIDGE Africa" in project.alt_labels


# -- engine over the real build ---------------------------------------------------------------------
def _labels(res) -> set[str]:
    return {a["label"] for a in res["answers"]}


def _objects(engine, subject: str, predicate: str) -> set[str]:
    return {engine.k.label(f["object"]) for f in engine.k.facts_where(subject=subject, predicate=predicate)}


def _project(engine, acronym: str) -> str:
    return next(e["id"] for e in engine.k.entities.values() if e["type"] == "Project" and e.get("acronym") == acronym)


@pytest.mark.parametrize("q, acronym", [
    ("Which countries did the EU-funded SP&PFM project support?", "SP&PFM"),
    ("Where does the Netherlands-funded PROSPECTS project work?", "PROSPECTS"),
    ("In which countries is the PROSPECTS project, funded by the Netherlands, active?", "PROSPECTS"),
    ("Which country hosts the EU-funded ILES project?", "ILES")])
def test_a_funder_describing_a_named_project_does_not_replace_its_countries(engine, q, acronym):
    expected = _objects(engine, _project(engine, acronym), "projectInCountry")
    assert expected and _labels(engine.ask(q)) == expected


def test_the_funders_own_countries_still_answer_a_funding_question(engine):
    eu = next(i for i in engine.k.entities if engine.k.entities[i].get("acronym") == "EU")
    funded = {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate="fundedBy", obj=eu)
              if f["subject"].startswith("Country:")}
    got = _labels(engine.ask("Which countries does the EU fund?"))
    assert got and got <= funded | {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate="fundedBy")}
    assert got != _objects(engine, _project(engine, "SP&PFM"), "projectInCountry")


@pytest.mark.parametrize("q, country", [
    ("Which Rwandan institution is developing a multi-pillar pension strategy with the ILO?", "Country:RWA"),
    ("Which institution in Rwanda is developing a pension strategy?", "Country:RWA"),
    ("Which Malagasy social security fund launched national consultations for an actuarial study?", "Country:MDG"),
    ("What is the fund that Nepal's informal and self-employed workers can voluntarily register with?", "Country:NPL"),
    # the country after the asked body, or after its verb, or first in a keyword query
    ("Which trust runs social security in Sierra Leone?", "Country:SLE"),
    ("Which social security fund in Madagascar launched consultations?", "Country:MDG"),
    ("Which board in Rwanda is extending social insurance to sales agents?", "Country:RWA"),
    ("sierra leone social security trust actuarial valuation", "Country:SLE")])
def test_a_body_noun_is_answered_with_the_countrys_own_bodies(engine, q, country):
    _answered_within(engine, q, "institutionOf", country)


def _answered_within(engine, q: str, predicate: str, country: str) -> None:
    """The answers are some of the things the graph places in ``country`` by ``predicate``."""
    placed = {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate=predicate, obj=country)}
    got = _labels(engine.ask(q))
    assert got and got <= placed


@pytest.mark.parametrize("q, named, control", [
    ("For a note on how Cambodia's fiscal work fits into the wider IMF collaboration: which other Asian country "
     "is in the expanded 2024 phase of the ILO-IMF partnership?", "Cambodia",
     "Which Asian countries are in the expanded 2024 phase of the ILO-IMF partnership?"),
    ("For a brief on Senegal, which other countries are in the new phase of the ILO-IMF partnership?", "Senegal",
     "Which countries are in the new phase of the ILO-IMF partnership?")])
def test_a_country_named_in_a_dropped_preamble_is_not_an_other_answer(engine, q, named, control):
    assert named in _labels(engine.ask(control))
    got = _labels(engine.ask(q))
    assert got and named not in got and got <= _labels(engine.ask(control))


@pytest.mark.parametrize("q, asked", [
    ("Which scheme's contribution rates did the Freedonian decree set?", "Scheme"),
    ("Which programme's households received free healthcare in Freedonia?", "Scheme"),
    ("Which allowance's monthly amount was raised in Freedonia?", "Scheme"),
    ("In which of the programme's countries did Freedonian money support the work?", "Country"),
    ("Which programme's partner countries are in Africa?", "Country")])
def test_a_possessed_scheme_asks_for_the_scheme_unless_its_countries_are_asked(q, asked):
    assert answer_type(q) == asked


@pytest.mark.parametrize("q, country", [
    ("Which scheme's contribution rates did the Burkinabe decree set?", "Country:BFA"),
    ("Which allowance's monthly amount is around 40 US dollars in Lebanon?", "Country:LBN"),
    ("Which programme's households received free healthcare in Zambia?", "Country:ZMB")])
def test_a_possessed_figure_does_not_turn_a_scheme_question_into_a_number(engine, q, country):
    _answered_within(engine, q, "schemeInCountry", country)


# -- schemes asked by their kind (app/qa/things/scheme_kind_list.py) ----------------------------------------
def _schemes_named(engine, words: tuple[str, ...], region: str | None = None) -> dict[str, set[str]]:
    """Scheme label -> country labels, for the graph's schemes whose names hold every word."""
    african = {f["subject"] for f in engine.k.facts_where(obj=region, predicate="inRegion")} if region else None
    out: dict[str, set[str]] = {}
    for e in engine.k.entities.values():
        if e["type"] != "Scheme":
            continue
        names = " ".join(engine.k.names(e["id"])).lower()
        if not all(re.search(rf"\b{w}\b", names) for w in words):
            continue
        placed = {f["object"] for f in engine.k.facts_where(subject=e["id"], predicate="schemeInCountry")}
        if african is not None:
            placed &= african
        if placed:
            out[e["label"]] = {engine.k.label(c) for c in placed}
    return out


@pytest.mark.parametrize("q", ["Which health insurance schemes are in Africa?", "african health insurance schemes",
                               "What health insurance schemes exist in Africa according to the report?"])
def test_schemes_of_a_kind_are_read_from_the_graphs_scheme_names(engine, q):
    region = next(i for i, e in engine.k.entities.items() if e["type"] == "Region" and e["label"].lower() == "africa")
    expected = _schemes_named(engine, ("health", "insurance"), region)
    assert len(expected) > 1 and _labels(engine.ask(q)) == set(expected)


def test_countries_with_a_kind_of_scheme_are_the_countries_of_those_schemes(engine):
    region = next(i for i, e in engine.k.entities.items() if e["type"] == "Region" and e["label"].lower() == "africa")
    expected = set().union(*_schemes_named(engine, ("health", "insurance"), region).values())
    assert _labels(engine.ask("Which African countries have a health insurance scheme?")) == expected


@pytest.mark.parametrize("q", ["indonesia pension schemes actuarial review",  # a topic beyond the kind
                               "Which social protection schemes did the ILO support in Burma?"])  # no kind in any name
def test_a_kind_with_more_to_it_is_left_to_the_other_steps(engine, q):
    assert not any(str(p).startswith("schemes whose names say") for p in engine.ask(q).get("path", []))
