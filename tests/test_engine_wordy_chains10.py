"""Wordy questions and chains of two relations (qwordy10).

- A turn of the conversation ("in that context", "with that in mind", "on that note") points at
  nothing the report names: the asker's preamble before it is still dropped, and its names are not
  constraints.
- "in A as well as in B", "A and B alike" ask for what the two share, as "both A and B" does.
- Two composed relations worded equally: the one worded by a word of its own beats the one worded
  only by a qualifier it may carry ("the campaign box ... helping to assess": the campaign qualifies
  inquiries, "assess" is said of alignment assessments).
- "When did the country that X funds ratify C": the described country (one) is resolved first, then
  its ratification's year is asked.
- A long place name ("which of the Arab States countries") hides the head noun no more than a short
  one ("which of the Asian countries").

Expected answers are computed from the knowledge base's facts: nothing is typed from the report.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from app.qa.form.asides import without_asides
from tests.support.engine import answer_ids, countries_per_government_funder, funders_per_country


@pytest.mark.parametrize("question, core", [
    ("Our office covers Utopia, where Atlantis hosted a conference; in that context, who funds Atlantis?",
     "In that context, who funds Atlantis?"),
    ("My team follows Utopia, where Atlantis joined last year; with that in mind, which donors support Atlantis?",
     "With that in mind, which donors support Atlantis?"),
    ("We cover Utopia and Atlantis; on that note, which countries does Atlantis fund?",
     "On that note, which countries does Atlantis fund?"),
])
def test_a_turn_of_the_conversation_is_no_back_reference(question, core):
    r = without_asides(question, pronouns=True)
    assert r.question == core and not r.pronoun, r


def test_a_real_back_reference_still_keeps_the_preamble():
    r = without_asides("Our office covers Utopia; in that country, who funds the work?", pronouns=True)
    assert r.question.startswith("Our office covers Utopia"), r


def _pair_with_shared_funders(k):
    """Two countries whose funders overlap, each with a funder the other lacks."""
    funders = funders_per_country(k)
    for a in sorted(funders):
        for b in sorted(funders):
            if a < b and funders[a] & funders[b] and funders[a] - funders[b] and funders[b] - funders[a]:
                return a, b, funders[a] & funders[b]
    pytest.skip("no two countries with overlapping but different funders")


@pytest.mark.parametrize("frame", [
    "Which donors finance the Flagship work in {a} as well as in {b}?",
    "Who funds the ILO's work in {a} and {b} alike?",
    "Which funders does the report list for {a} as well as for {b}?",
])
def test_as_well_as_asks_for_the_shared_funders(engine, frame):
    a, b, shared = _pair_with_shared_funders(engine.k)
    res = engine.ask(frame.format(a=engine.k.label(a), b=engine.k.label(b)))
    assert answer_ids(engine, res) == shared, (res["path"][:3], [x["label"] for x in res["answers"]])


def _assessed(k, instrument: str) -> set[str]:
    """The assessments the report tells as under way: every question below asks in the present
    ("is the ILO helping to assess", app.qa.constraints.ongoing_status)."""
    from graph.relations import REGISTRY

    on = REGISTRY["alignmentAssessed"].ongoing_status
    return {f["subject"] for f in k.facts_where(predicate="alignmentAssessed", obj=instrument)
            if f["subject"].startswith("Country:")
            and on in {f["attrs"].get("status"), *(f["attrs"].get("also_status") or ())}}


@pytest.mark.parametrize("frame", [
    "The campaign box lists the countries the ILO is helping to assess their social security systems against "
    "{c}; of those, which are in {r}?",
    "In the campaign box, which {r} countries does the ILO help compare their systems with {c}?",
])
def test_a_qualifier_word_does_not_win_a_tie(engine, frame):
    c = "LegalInstrument:c102"
    assessed = _assessed(engine.k, c)
    inquired = {f["subject"] for f in engine.k.facts_where(predicate="inquiredAbout", obj=c)}
    if not assessed or not inquired:
        pytest.skip("no assessments or inquiries for the instrument")
    by_region = defaultdict(set)
    for f in engine.k.facts_where(predicate="inRegion"):
        if f["subject"] in assessed:
            by_region[f["object"]].add(f["subject"])
    region = max(sorted(by_region), key=lambda r: len(by_region[r]))
    res = engine.ask(frame.format(c="Convention No. 102", r=engine.k.label(region)))
    got = answer_ids(engine, res)
    assert got and got <= assessed and got == by_region[region], (res["path"][:3], got)


def test_a_count_under_the_campaign_counts_the_assessments(engine):
    assessed = _assessed(engine.k, "LegalInstrument:c102")
    if not assessed:
        pytest.skip("no assessments")
    for q in ("How many countries is the ILO supporting in assessing their social security systems against "
              "Convention No. 102, as listed in the campaign box?",
              "How many countries does the ILO help compare their social security systems with Convention No. 102, "
              "according to the campaign box?"):
        res = engine.ask(q)
        assert [a["label"] for a in res["answers"]] == [str(len(assessed))], (q, res["path"][:3])


def _sole_funded_ratifier(k):
    """A government funder that funds exactly one country, which ratified an instrument in a given year."""
    funded = countries_per_government_funder(k)
    years = {(f["subject"], f["object"]): str(f["attrs"].get("year")) for f in k.facts_where(predicate="ratified")
             if f["attrs"].get("year") and f["attrs"].get("status") != "approved-not-yet-registered"}
    for gov in sorted(funded):
        if len(funded[gov]) == 1:
            (country,) = funded[gov]
            for (c, inst), year in sorted(years.items()):
                if c == country:
                    return gov, inst, year
    pytest.skip("no funder of exactly one country that ratified with a year")


@pytest.mark.parametrize("frame", [
    "When did the country that {f} funds ratify {c}?",
    "In what year did the country funded by {f} ratify {c}?",
])
def test_the_year_of_a_described_countrys_ratification(engine, frame):
    gov, inst, year = _sole_funded_ratifier(engine.k)
    funder = engine.k.label(gov)
    res = engine.ask(frame.format(f=funder, c=engine.k.label(inst)))
    assert [a["label"] for a in res["answers"]] == [year], (res["path"][:3])


@pytest.mark.parametrize("frame", [
    "Which of the {r} countries get money from {f}?",
    "which of the {r} countries are funded by {f}?",
])
def test_a_long_region_name_keeps_the_head_noun(engine, frame):
    k = engine.k
    regions = {f["subject"]: f["object"] for f in k.facts_where(predicate="inRegion")}
    funded = countries_per_government_funder(k)
    long_regions = [r for r in sorted(set(regions.values())) if len(k.label(r).split()) >= 2]
    for gov in sorted(funded):
        for r in long_regions:
            inside = {c for c in funded[gov] if regions.get(c) == r}
            if inside and funded[gov] - inside:
                res = engine.ask(frame.format(r=k.label(r), f=k.label(gov)))
                assert res["answer_type"] == "Country" and answer_ids(engine, res) == inside, res["path"][:3]
                return
    pytest.skip("no government funder with countries inside and outside a region of several words")


def _sole_funder_country(k):
    """A government funder of exactly one country, and that country's other funders."""
    funded = countries_per_government_funder(k)
    funders = funders_per_country(k)
    for gov in sorted(funded):
        if len(funded[gov]) == 1:
            (country,) = funded[gov]
            if funders[country] - {gov}:
                return gov, country, funders[country]
    pytest.skip("no government funder of exactly one country with other funders")


@pytest.mark.parametrize("frame, others", [
    ("Who funds the ILO's work in the country {f} funds?", False),
    ("Which donors support the work in the country {f} finances?", False),
    ("Who else funds the ILO's work in the country that {f} funds?", True),
    ("Which other donors finance the work in the country {f} funds?", True),
])
def test_a_country_described_by_its_funder(engine, frame, others):
    gov, country, funders = _sole_funder_country(engine.k)
    res = engine.ask(frame.format(f=engine.k.label(gov)))
    got = answer_ids(engine, res)
    assert got == (funders - {gov} if others else funders), (res["path"][:3], got)


@pytest.mark.parametrize("lead", ["Thinking about", "Regarding", "When it comes to", "As for"])
def test_a_topic_frame_opens_a_described_country(lead):
    from app.qa.multihop.described_referent import fold

    q = f"{lead} the country whose parliament passed the Utopia Act, who funds the ILO's work there?"
    assert fold(q) == "who funds the ILO's work in the country whose parliament passed the Utopia Act?"


@pytest.mark.parametrize("question, kind", [
    ("Looking at the pathfinders that also get money from Atlantis, which of them recorded a result?", "Country"),
    ("Thinking about the donors that fund Utopia and its schemes, which of them also fund Atlantis?", "Organization"),
    ("Looking at the publications the ILO released with Atlantis, which of them are about Asia?", "Publication"),
    ("The box lists the countries the ILO helps with funding; of those, which are in Africa?", "Country"),
])
def test_which_of_them_asks_for_the_set_the_frame_names(question, kind):
    from app.qa.question import answer_type

    assert answer_type(question) == kind


def test_which_of_them_after_a_funded_set_asks_for_its_members(engine):
    """"Looking at the pathfinders that get money from X, which of them ...": countries, not funders."""
    k = engine.k
    pathfinders = {f["subject"] for f in k.facts_where(predicate="pathfinderOf") if f["subject"].startswith("Country:")}
    funded = defaultdict(set)
    for f in k.facts_where(predicate="fundedBy"):
        if f["subject"] in pathfinders and f["object"].startswith("Organization:"):
            funded[f["object"]].add(f["subject"])
    if not funded:
        pytest.skip("no funded pathfinders")
    funder = max(sorted(funded), key=lambda o: len(funded[o]))
    res = engine.ask(f"Looking at the Global Accelerator pathfinders that also get money from {k.label(funder)}, "
                     "which of them are in Asia and the Pacific?")
    asia = {f["subject"] for f in k.facts_where(predicate="inRegion", obj="Region:asia-and-the-pacific")}
    assert res["answer_type"] == "Country" and answer_ids(engine, res) == funded[funder] & asia, res["path"][:4]


@pytest.mark.parametrize("question, core", [
    ("Setting aside the question of funding for a moment, which countries in Utopia achieved a result?",
     "Which countries in Utopia achieved a result?"),
    ("Looking at Table 7, and leaving the money side aside, which year saw the most projects?",
     "Looking at Table 7, which year saw the most projects?"),
    ("Quite apart from the health work that gets attention in the Utopia section, I'm curious: where did "
     "Atlantis study unemployment insurance?", "Where did Atlantis study unemployment insurance?"),
    ("Leaving aside whatever happened before it, which states have ratified the convention since 2021?",
     "Which states have ratified the convention since 2021?"),
])
def test_a_topic_set_aside_in_the_preamble_is_dropped(question, core):
    r = without_asides(question, pronouns=True)
    assert r.question == core, r


@pytest.mark.parametrize("question", [
    "Apart from Utopia, which countries does Atlantis fund?",
    "Leaving Utopia aside, which countries does Atlantis fund?",
])
def test_a_name_set_aside_is_left_to_the_exclusion_step(question):
    r = without_asides(question, pronouns=True)
    assert r.question == question or "Utopia" in r.question, r


@pytest.mark.parametrize("question, core", [
    ("For a piece on trade: Utopia's ministry backed Atlantis's bid, but in which countries does Utopia fund the work?",
     "In which countries does Utopia fund the work?"),
    ("Atlantis gets money from Utopia, but who funds Erewhon?", "Who funds Erewhon?"),
])
def test_a_statement_the_question_turns_from_is_context(question, core):
    r = without_asides(question, pronouns=True)
    assert r.question == core, r


def test_a_turn_that_points_back_keeps_the_statement():
    r = without_asides("Utopia funds many countries, but which of them are in Asia?", pronouns=True)
    assert r.pronoun or "Utopia" in r.question, r  # marked for the referent to be filled in, or kept whole


def test_a_name_in_a_topic_set_aside_is_not_the_missing_subject():
    from app.qa.form.asides import keeps_subject
    from app.qa.question import Link

    q = "Leaving aside every foreign donor, the Utopia Fund included, in which countries is the work paid for by national bodies?"
    start = q.index("Utopia Fund")
    full = [Link(start, start + len("Utopia Fund"), "Utopia Fund", ["Organization:utopia"])]
    r = without_asides(q, pronouns=True)
    assert r.question.startswith("In which countries is the work paid for") and not keeps_subject(full, [], set())
    assert keeps_subject(full, [], set(), q, r.dropped)
    # the asker's own clause may hold the subject the question proper leaves unnamed
    q2 = "I work on Utopia: who funds it?"
    full2 = [Link(10, 16, "Utopia", ["Country:UTO"])]
    assert not keeps_subject(full2, [], set(), q2, ["I work on Utopia"])


@pytest.mark.parametrize("question, only", [
    ("Thinking only of Asia, which countries achieved a scheme reform result?", False),
    ("Looking only at Table 4, which countries achieved a scheme reform result?", False),
    ("Which countries achieved only a scheme reform result?", True),
])
def test_only_before_a_scope_is_no_condition_on_the_kinds(question, only):
    from app.qa.constraints.result_sets import ONLY_NAMED

    assert bool(ONLY_NAMED.search(question)) == only


@pytest.mark.parametrize("question, core", [
    ("Going back a bit in time, in which countries did Utopia start its pilots?",
     "In which countries did Utopia start its pilots?"),
    ("Just out of interest, which governments attended the Atlantis meeting?",
     "Which governments attended the Atlantis meeting?"),
    ("On a related note, who funds the work in Utopia?", "Who funds the work in Utopia?"),
])
def test_a_discourse_marker_is_dropped(question, core):
    assert without_asides(question, pronouns=True).question == core


def test_a_scope_clause_is_kept():
    q = "In the campaign box, which countries does the ILO help?"
    assert without_asides(q, pronouns=True).question == q
