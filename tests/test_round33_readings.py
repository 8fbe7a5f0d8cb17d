"""Readings found by round 33's probes, each in general form (one test per reading, and through the
real engine on the bundled report where the reading changes an answer)."""
from __future__ import annotations

import pytest

from app.qa.question import answer_type
from app.qa.topics.spans import head_modifiers, name_spans


# ---- "advise" is a way of supporting, not a topic word

def test_advising_is_no_topic(engine):
    """The topic is the pension systems' sustainability; sentences on "technical advice" elsewhere
    (Senegal's artisans' mutual) were chosen for the verb."""
    got = {a["label"] for a in engine.ask("Which countries did the ILO advise on making their pension systems "
                                           "financially sustainable?")["answers"]}
    assert {"Iraq", "Indonesia"} <= got
    assert "Senegal" not in got


# ---- "whose <national scheme or fund>": the owner is asked, whatever noun comes later

@pytest.mark.parametrize("q, want", [
    ("Whose national health insurance fund's institutional arrangements did the ILO evaluate, "
     "with publication expected in 2025?", "Country"),
    ("Whose pension system got a joint policy paper?", "Country"),
    ("Whose money was behind the work in the country where the assembly approved it?", "Organization"),
])
def test_whose_national_thing(q, want):
    assert answer_type(q) == want


def test_whose_fund_named_by_its_work(engine):
    got = engine.ask("Whose national health insurance fund's institutional arrangements did the ILO evaluate, "
                     "with publication expected in 2025?")
    assert got["answer_type"] == "Country"
    assert [a["label"] for a in got["answers"]] == ["Sudan"]


# ---- "which global programme": the name before the question's own modifier and head

def test_a_name_before_the_questions_modifier_and_head():
    seg = "In 2024, the agency worked with the Freedonia global programme to develop a new course."
    mods = head_modifiers("With which global programme did the agency work?", ("programme", "program"))
    assert mods == {"global"}
    assert [seg[s:e] for s, e in name_spans(seg, frozenset({"project", "scheme"}), mods)] == ["Freedonia"]
    # without the question's modifier, "global" stands between the name and the head: no name
    assert name_spans(seg, frozenset({"project", "scheme"})) == []


def test_a_global_programme_is_no_countrys_scheme(engine):
    got = engine.ask("With which global programme did the ILO develop a new training course on social protection "
                     "management information systems in 2024?")
    assert [a["label"] for a in got["answers"]] == ["OpenIMIS"]


# ---- one list picked by its role word, another by its order: members on both

@pytest.mark.parametrize("q", [
    "Which ILO-IMF pilot countries are in the partnership's new phase?",
    "Which of the first ILO-IMF pilot countries is also part of the partnership's new phase?",
])
def test_a_role_list_and_an_ordered_list_intersect(engine, q):
    pilots = {a["label"] for a in engine.ask("ILO-IMF pilot countries")["answers"]}
    latest = {a["label"] for a in engine.ask("ILO-IMF new phase countries")["answers"]}
    assert pilots and latest and pilots & latest < latest
    got = engine.ask(q)
    assert {a["label"] for a in got["answers"]} == pilots & latest
    assert any("(both)" in p for p in got["path"])


def test_a_negated_list_stays_a_difference(engine):
    pilots = {a["label"] for a in engine.ask("ILO-IMF pilot countries")["answers"]}
    latest = {a["label"] for a in engine.ask("ILO-IMF new phase countries")["answers"]}
    got = {a["label"] for a in engine.ask("Which ILO-IMF pilot countries are not in the new phase?")["answers"]}
    assert got == pilots - latest


# ---- "how many ... joined in 2024": the arrivals, not the total they brought it to

def test_arrivals_over_the_total_they_made(engine):
    got = engine.ask("How many pathfinder countries joined the Global Accelerator in 2024?")
    assert [a.get("value") for a in got["answers"]] == [10]
    total = engine.ask("How many pathfinder countries does the Global Accelerator have in total?")
    assert [a.get("value") for a in total["answers"]] == [18]


# ---- "round number of in-country projects": a count of projects, not which round

def test_number_of_after_an_event_word_is_a_count(engine):
    from app.qa.figures.ordinal_figures import ORDINAL_TYPE

    assert not ORDINAL_TYPE.search("first GA funding round number of in-country projects")
    assert ORDINAL_TYPE.search("usp2030 membership assembly number")
    got = engine.ask("first GA funding round number of in-country projects")
    assert [a.get("value") for a in got["answers"]] == [23]


def test_arrivals_as_a_point_in_time_leave_the_total(engine):
    got = engine.ask("How many pathfinder countries does the Global Accelerator count after the 2024 joiners?")
    assert [a.get("value") for a in got["answers"]] == [18]


# ---- "how much money did that round total": an amount, never a count of the things it paid for

def test_an_amount_asked_is_no_stated_count(engine):
    got = engine.ask("When the UN Joint SDG Fund and the Technical Support Facility launched the first Global "
                     "Accelerator funding round in February 2024, how much money did that round total, across the "
                     "in-country projects and the global component?")
    assert [a.get("value") for a in got["answers"]] == [17800000]


# ---- "whose <anything> ... in <named country>": the body there is asked

def test_whose_thing_in_a_named_country_asks_its_body(engine):
    got = engine.ask("Whose governance and administration models did the ILO review in Lao PDR?")
    assert got["answer_type"] == "Organization"
    assert [a["label"] for a in got["answers"]] == ["National Health Insurance Bureau"]


# ---- a keyword query closing on "number" asks a figure about the body it names, not the body

def test_a_bodys_figure_asked_by_keywords(engine):
    got = engine.ask("nepal social security fund voluntary registration informal self-employed workers estimated number")
    assert [a.get("value") for a in got["answers"]] == [8000000]


# ---- "in which month": a date asked, answered as the year with the month its evidence writes

@pytest.mark.parametrize("q", ["In which month did Pakistan officially join the Global Accelerator?",
                               "When did Pakistan officially join the Global Accelerator?"])
def test_a_month_asked_is_dated_by_any_evidence(engine, q):
    assert answer_type(q) == "Year"
    got = engine.ask(q)
    assert [a["label"] for a in got["answers"]] == ["July 2024"]
    assert got["answers"][0].get("value") == 2024  # the value stays the year: years still compare and sort


def test_a_year_asked_by_name_stays_bare(engine):
    got = engine.ask("In which year did Pakistan officially join the Global Accelerator?")
    assert [a["label"] for a in got["answers"]] == ["2024"]


# ---- "how many journalists from the main news organisations": a count, not a ranking of organisations

def test_an_adjective_inside_a_counted_phrase_ranks_nothing(engine):
    from app.qa.figures.ranking import adjectival
    from app.qa.question import analyse

    q = "How many journalists from Cabo Verde's main news organisations were trained on social protection in September 2024?"
    assert adjectival(analyse(q, engine.lexicon)) is None
    assert adjectival(analyse("Who is the main funder of the ILO's work in Africa?", engine.lexicon)) is not None
    got = engine.ask("For a media-training review I'm doing, " + q[0].lower() + q[1:])
    assert got["answer_type"] == "Number"
    assert [a.get("value") for a in got["answers"]] == [24]


# ---- every answer says why it is in: an answer read from a sentence names that sentence

@pytest.mark.parametrize("q", [
    "Which countries did the ILO advise on making their pension systems financially sustainable?",
    "What percentage of GDP is the annual financing gap for social protection floors in low-income countries?",
])
def test_text_answers_carry_their_sentence(engine, q):
    got = engine.ask(q)
    assert got["strategy"].startswith("text") and got["answers"]
    for a in got["answers"]:
        assert a.get("path"), a["label"]
        sentence = a["path"][-1].split(": ", 1)[1]
        assert sentence[:40] in a["evidence"][0]["text"]


# ---- "when will it be evaluated": the year the sentence writes in the future

def test_a_future_asked_takes_the_future_year(engine):
    got = engine.ask("When will Burundi's draft universal health coverage financing strategy be evaluated for approval?")
    assert [a["label"] for a in got["answers"]] == ["2025"]
    # what was done is dated by its own year
    done = engine.ask("When was Burundi's draft universal health coverage financing strategy finalised?")
    assert [a["label"] for a in done["answers"]] in (["November 2024"], ["2024"])
