"""Which relation a convention question asks, and which instrument it asks for (round 14).

Mechanisms: a relation worded only by its qualifier ("campaign" of an inquiry) never replaces the
ratification a question words (app/qa/multihop/chains.py); a ratification said as intended or
expected is not one the graph holds (app/qa/relation/relation_choice.py); the ILO instruments cited
with a country, a scheme or an initiative answer "which convention/recommendation" questions even
when the question names another instrument or the asked one by its subject
(app/qa/things/instrument_kind.keep_named, scheme_instruments, entry_instruments); the year of a
ratification is never another event's (app/qa/things/fact_years.py); a plural role noun before a
thing noun is the asked kind ("pathfinders roadmaps", app/qa/topics/spans.py).

The pure pieces run on invented text; the engine tests ask questions written for these tests over
the real build, and expected answers are read from the graph's own facts, never typed in.
"""
from __future__ import annotations

import re

import pytest

from app.qa.question import RATIFY
from app.qa.relation.relation_choice import prospective
from app.qa.topics.spans import asked_span


# -- pure pieces ------------------------------------------------------------------------------------
@pytest.mark.parametrize("q", ["Which convention is Freedonia expected to ratify eventually?",
                               "freedonia maternity which convention to ratify",
                               "What convention does Freedonia hope to ratify?",
                               "Which instrument is Freedonia set to ratify next?"])
def test_an_expected_or_intended_ratification_is_not_one(q):
    assert prospective(q, RATIFY)


@pytest.mark.parametrize("q", ["Which countries ratified the convention in 2020?",
                               "Which was the first country to ratify the convention?",
                               "When did Freedonia ratify it?"])
def test_a_ratification_said_as_done_stays_one(q):
    assert not prospective(q, RATIFY)


@pytest.mark.parametrize("q", ["which pathfinders roadmaps endorsed 2024", "which pathfinder roadmaps still in process"])
def test_a_role_noun_before_a_thing_noun_asks_for_the_role_holders(q):
    assert asked_span(q, [], "Country") is None


@pytest.mark.parametrize("q", ["Since the ratification campaign began, which countries have ratified the convention?",
                               "Since the launch of the campaign, which Member States have ratified it?",
                               "Since the start of the programme, which states joined?"])
def test_an_opening_clause_that_dates_an_event_start_is_kept(q):
    from app.qa.form.background_clause import without_background

    assert without_background(q).dropped == []


def test_an_opening_clause_of_background_is_still_set_apart():
    from app.qa.form.background_clause import without_background

    assert without_background("Since the network grew to 18 members, which organisations joined CONNECT?").dropped


# -- the engine over the real build ----------------------------------------------------------------
def _labels(engine, q: str) -> set[str]:
    return {a["label"] for a in engine.ask(q)["answers"]}


def _subjects(engine, predicate: str, obj: str, **attrs) -> set[str]:
    k = engine.k
    return {k.label(f["subject"]) for f in k.facts_where(predicate=predicate, obj=obj)
            if all((f.get("attrs") or {}).get(a) == v for a, v in attrs.items())}


@pytest.mark.parametrize("q", [
    "I'm writing a note on the ILO's ratification campaign for Convention No. 102. Which member states have ratified it since the campaign was launched in 2021?",
    "Since the start of the C102 campaign, which countries ratified the convention?",
    "Thinking about the campaign for C102: which countries have ratified C102 since 2021?",
])
def test_ratified_since_the_campaign_is_a_ratification_not_an_inquiry(engine, q):
    got = _labels(engine, q)
    inquired = _subjects(engine, "inquiredAbout", "LegalInstrument:c102")
    k = engine.k
    since = {k.label(f["subject"]) for f in k.facts_where(predicate="ratified", obj="LegalInstrument:c102")
             if f["attrs"].get("status") == "registered" and int(f["attrs"].get("year") or 9999) >= 2021}
    assert got == since and not got & inquired


@pytest.mark.parametrize("q", ["Which maternity protection convention is Tajikistan expected to ratify eventually?",
                               "tajikistan maternity which convention to ratify"])
def test_the_instrument_a_country_is_to_ratify_is_the_one_its_entry_cites(engine, q):
    cited = {engine.k.label(f["object"]) for f in engine.k.facts_where(subject="Country:TJK")
             if f["object"].startswith("LegalInstrument:")}
    got = _labels(engine, q)
    assert got and got <= cited


@pytest.mark.parametrize("q", ["cote d'ivoire entry recommendation cited alongside c102",
                               "Besides C102, which recommendation does Togo's entry cite?",
                               "Which ILO recommendation is cited together with C102 in Sierra Leone's entry?"])
def test_the_recommendation_beside_a_named_convention(engine, q):
    got = engine.ask(q)["answers"]
    assert got and all(re.match(r"Recommendation\b", a["label"]) for a in got)


def test_an_initiative_cites_the_convention_its_own_name_carries(engine):
    campaign = next(e for e in engine.k.of_type("Initiative") if "campaign" in e["label"].lower()
                    and "Convention" in e["label"])
    got = _labels(engine, "Which convention does the global campaign promote?")
    assert got and all(g in campaign["label"] for g in got)


def test_a_scheme_described_not_named_gives_its_cited_convention(engine):
    by_name = _labels(engine, "Which convention is the Employment Injury Scheme pilot in line with?")
    described = _labels(engine, "Which convention is the Bangladeshi employment injury pilot aligned with?")
    assert by_name and described == by_name


def test_a_ratification_year_is_not_an_assessment_year(engine):
    # Timor-Leste is assessed against C102 with a year, and ratified nothing: no year answers
    assert engine.k.facts_where(subject="Country:TLS", predicate="alignmentAssessed")
    assert not engine.k.facts_where(subject="Country:TLS", predicate="ratified")
    assert _labels(engine, "In which year did Timor-Leste ratify Convention No. 102?") == set()
    togo = {str(f["attrs"]["year"]) for f in engine.k.facts_where(subject="Country:TGO", predicate="ratified")}
    assert _labels(engine, "When did Togo ratify C102?") == togo


@pytest.mark.parametrize("q, status", [("pathfinders roadmaps endorsed 2024", "endorsed"),
                                       ("pathfinder roadmaps still in process", "in-progress")])
def test_keyword_pathfinder_roadmaps_ask_for_the_countries(engine, q, status):
    k = engine.k
    expected = {k.label(f["subject"]) for f in k.facts_where(predicate="pathfinderOf")
                if (f.get("attrs") or {}).get("roadmap") == status}
    assert expected and _labels(engine, q) == expected


# -- a narrowing sentence that words the partnership names partners itself (relation/said_partners.py)
@pytest.mark.parametrize("q", ["which organisatons did the ILO work with to include refugees in kenya's haba haba scheme",
                               "kenya partners haba haba refugees",
                               "Who were the ILO's partners in opening Kenya's Haba Haba scheme to refugees?"])
def test_partners_the_narrowing_sentence_names_are_answers(engine, q):
    from graph.text import split_sentences

    k = engine.k
    scheme = next(e["id"] for e in k.of_type("Scheme") if "Haba Haba" in e["label"])
    expected: set[str] = set()
    for pid in k.passages_mentioning(scheme):
        text = k.passage(pid).text
        for s, e in split_sentences(text):
            if "Haba Haba" in text[s:e] and re.search(r"\bpartners\b", text[s:e]):
                expected |= {k.label(f"{m['type']}:{m['key']}") for m in k.mentions_in(pid)
                             if m["type"] == "Organization" and s <= m["start"] < e and m["key"] != "ilo"}
    national = {k.label(f["subject"]) for f in k.facts_where(predicate="institutionOf", obj="Country:KEN")}
    assert expected & national  # the sentence names the country's own institutions as partners
    assert _labels(engine, q) == expected


# -- two relations to one instrument, each worded by its own word, are both asked (multihop/chains.py)
@pytest.mark.parametrize("q", ["Which countries both formally inquired about the Convention No. 102 campaign and are being supported by the ILO to assess their alignment with it?",
                               "countries that inquired about c102 and are also assessed against it",
                               "Which countries asked about C102 and have gap assessments?"])
def test_two_worded_relations_to_one_instrument_intersect(engine, q):
    both = _subjects(engine, "inquiredAbout", "LegalInstrument:c102") & _subjects(engine, "alignmentAssessed", "LegalInstrument:c102")
    assert both and _labels(engine, q) == both


# -- a relation worded by its own word with nothing named: its subjects, any object (engine + understand)
@pytest.mark.parametrize("q", ["Which countries formally inquired about the ratification campaign?",
                               "which countries asked about ratifying"])
def test_an_unnamed_object_leaves_every_subject_of_the_worded_relation(engine, q):
    k = engine.k
    expected = {k.label(f["subject"]) for f in k.facts_where(predicate="inquiredAbout")}
    assert expected and _labels(engine, q) == expected
