"""Questions read by their form: a wordy question's personal asides, a keyword query's question
word anywhere, a relation worded as a noun phrase, a possessive name, a figure the question states.

Expected answers are read from the knowledge base's facts (never typed from the report), so the
tests hold on an altered report too.
"""
from __future__ import annotations

import pytest

from app.qa.form.asides import without_asides
from app.qa.form.keyword_order import question_word_first


# -- pure pieces ---------------------------------------------------------------------------------
def test_asides_drop_the_askers_clauses_and_keep_the_question_proper():
    r = without_asides("I'm preparing a briefing for our board, which follows Atlantis closely, and I was "
                       "wondering whether you could tell me, based on the annual report, which donors fund Utopia?")
    assert r.question == "Based on the annual report, which donors fund Utopia?"
    assert any("Atlantis" in d for d in r.dropped)
    # a personal parenthesis and a stated purpose go too
    r = without_asides("For a slide on Atlantis (my boss asked about Lemuria), could you tell me by roughly what "
                       "percentage Utopia raised its pensions?")
    assert r.question == "By roughly what percentage Utopia raised its pensions?"


@pytest.mark.parametrize("question", [
    "Which countries does Utopia fund?",  # no preamble
    "Looking at the results table, and leaving aside Africa, which countries adopted a strategy?",  # nothing personal
    "I'm writing about Utopia: who funds the work there?",  # the question proper refers back to the aside
    "Our team covers Asia and the Pacific; in which countries of that region does the EU fund the ILO?",
    # round 26: "in the region" points back like "that region"
    "For a piece on Atlantis Province (and I know Utopia acted earlier), which country in the region acted in 2031?",
])
def test_asides_keep_what_the_question_needs(question):
    assert without_asides(question).question == question


@pytest.mark.parametrize("question, expected", [
    ("Which donors fund Utopia? My colleague thinks they are the same as in Atlantis, but I doubt it.",
     "Which donors fund Utopia?"),
    ("Who finances the ILO in Utopia - I ask because our board also follows Atlantis?", "Who finances the ILO in Utopia?"),
    ("Which countries does Utopia fund, leaving out whatever our office told us about Atlantis?",
     "Which countries does Utopia fund?"),
    ("How much is the monthly allowance in Utopia, in US dollars?", "How much is the monthly allowance in Utopia, in US dollars?"),
    ("Looking at Atlantis, which countries had a Result 3, i.e. improving operations?",
     "Looking at Atlantis, which countries had a Result 3, i.e. improving operations?"),
    ("In Utopia, what did the report say? I ask for a colleague.", "In Utopia, what did the report say?"),
    ("In Utopia, I wonder, what did the report say?", "In Utopia, what did the report say?"),
])
def test_remarks_after_the_question_proper(question, expected):
    assert without_asides(question).question == expected


def test_relative_clause_after_a_comma_is_not_the_question_proper():
    r = without_asides("A colleague of mine, who is mainly interested in Atlantis, wants to know which "
                       "countries Utopia funds.")
    assert r.question == "Which countries Utopia funds."


@pytest.mark.parametrize("query, expected", [
    ("irish money where", "where irish money"),
    ("utopia who pays", "who utopia pays"),
    ("ukraine convention 102 ratified when", "when ukraine convention 102 ratified"),
    ("RAMU is being rolled out where", "RAMU is being rolled out where"),  # a sentence, not keywords
    ("countries where the eu funds", "countries where the eu funds"),  # a relative "where"
    ("portuguese money which countries", "portuguese money which countries"),  # "which" heads its noun
    ("funders utopia count", "how many funders utopia"),  # a count asked last
    ("count eu funded countries", "how many eu funded countries"),
    ("ilo working paper gender equality number", "ilo working paper gender equality number"),  # a label
])
def test_question_word_first(query, expected):
    assert question_word_first(query) == expected


# -- the real engine over the real build -------------------------------------------------------------
def _labels(r):
    return {x["label"] for x in r["answers"]}


def _funders(engine, eid):
    return {engine.k.label(f["object"]) for f in engine.k.facts_where(subject=eid, predicate="fundedBy")
            if not f["attrs"].get("role")}


def _recipients(engine, funder):
    return {engine.k.label(f["subject"]) for f in engine.k.facts_where(obj=funder, predicate="fundedBy")
            if f["subject"].startswith("Country:")}


def test_wordy_aside_names_are_not_the_subject(engine):
    senegal, kenya = _funders(engine, "Country:SEN"), _funders(engine, "Country:KEN")
    assert senegal and kenya - senegal, "precondition: the two countries have different funders"
    r = engine.ask("I'm preparing a note for our board, which follows Kenya and the World Bank closely, and I was "
                   "wondering whether you could tell me which donors financed the ILO's work in Senegal?")
    got = _labels(r)
    assert senegal <= got
    assert not got & (kenya - senegal)


def test_wordy_aside_country_does_not_filter_a_funders_countries(engine):
    want = _recipients(engine, "Organization:gov-NOR")
    assert want
    r = engine.ask("Before our meeting with the Norwegian delegation, and bearing in mind that they also asked about "
                   "Lebanon, I'd like to know in which country or countries the report lists Norway as a source of "
                   "financing for the ILO's work.")
    assert _labels(r) == want


def test_keyword_query_with_trailing_where_asks_for_the_places(engine):
    want = _recipients(engine, "Organization:gov-IRL")
    assert want
    r = engine.ask("irish money where")
    assert r["answer_type"] == "Country"
    assert _labels(r) == want


def test_country_whose_government_funds_nothing_gets_no_answers(engine):
    assert engine.k.entity("Organization:gov-CAN") is None, "precondition: Canada funds nothing in the graph"
    r = engine.ask("which countries does canada fund")
    assert r["answers"] == []


def test_possessive_of_a_name_is_not_a_typo(engine):
    fixed, fixes = engine.speller.correct("By what percentage did Viet Nam's decree raise the base value?")
    assert "Nam's" in fixed and not fixes


def test_a_figure_the_question_states_is_not_its_answer(engine):
    r = engine.ask("How many registered workers did Timor-Leste's social security system reach, up from 50,000?")
    assert r["answers"] and all(x.get("value") != 50000 for x in r["answers"])


def test_keyword_count_word_last_counts_the_relation(engine):
    want = {f["object"] for f in engine.k.facts_where(subject="Country:ZMB", predicate="fundedBy")
            if not f["attrs"].get("role")}
    assert want
    r = engine.ask("funders zambia count")
    assert r["answer_type"] == "Number"
    assert [x.get("value") for x in r["answers"]] == [float(len(want))]


def test_set_aside_wrapped_around_a_name_and_other_after_a_named_one():
    from app.qa.constraints.exclusion import named_before_other, set_aside
    from app.qa.question import Link

    q = "Leaving Atlantis to one side, which countries does Utopia fund?"
    out = set_aside(q, [Link(8, 16, "Atlantis", ["Country:ATL"]), Link(51, 57, "Utopia", ["Country:UTO"])])
    assert out.ids == {"Country:ATL"}
    assert out.question == "which countries does Utopia fund?"
    q = "Utopia funds Atlantis, but which other African countries does it fund?"
    links = [Link(0, 6, "Utopia", ["Country:UTO"]), Link(13, 21, "Atlantis", ["Country:ATL"])]
    assert named_before_other(q, links, "Country") == {"Country:UTO", "Country:ATL"}
    assert named_before_other("Which countries does Utopia fund?", links[:1], "Country") == set()


@pytest.mark.parametrize("question, name", [
    ("Which other country is, like Atlantis, funded by Utopia?", "Atlantis"),
    ("Which other countries, similar to Atlantis, does Utopia fund?", "Atlantis"),
    ("Which other country is funded by Utopia, just as Atlantis is?", "Atlantis"),
])
def test_which_other_leaves_out_the_one_it_is_compared_with(question, name):
    """(exclusion.named_before_other) "which other X is, like A, ...": A is what "other" sets
    apart; a name the question asks about (the funder) stays."""
    from app.qa.constraints.exclusion import named_before_other
    from app.qa.question import Link

    links = [Link(question.index(n), question.index(n) + len(n), n, [f"Country:{n[:3].upper()}"])
             for n in (name, "Utopia")]
    assert named_before_other(question, links, "Country") == {f"Country:{name[:3].upper()}"}


def test_which_other_countries_leaves_out_the_one_named_first(engine):
    ireland = _recipients(engine, "Organization:gov-IRL")
    first = sorted(ireland)[0]
    r = engine.ask(f"Is it right that Ireland funds the ILO in {first}, and if so, which other countries does Ireland fund?")
    assert _labels(r) == ireland - {first}


def test_the_other_one_leaves_out_the_one_named_first():
    """(exclusion.named_before_other, round 26) "A was one of two ... - which country was the other
    one?": the question ends on "the other", and A is set apart; "the other" elsewhere is no cue."""
    from app.qa.constraints.exclusion import named_before_other
    from app.qa.question import Link

    q = "Atlantis was one of two new ratifications in 2031. Which country was the other one?"
    links = [Link(0, 8, "Atlantis", ["Country:ATL"])]
    assert named_before_other(q, links, "Country") == {"Country:ATL"}
    q = "Atlantis funds Utopia; on the other hand, which countries does Atlantis fund in Asia?"
    assert named_before_other(q, links, "Country") == set()


def test_the_other_ratification_of_a_year(engine):
    by_year: dict[str, set[str]] = {}
    for f in engine.k.facts_where(predicate="ratified", obj="LegalInstrument:c102"):
        at = f.get("attrs") or {}
        if at.get("year") and at.get("status") in (None, "registered"):
            by_year.setdefault(str(at["year"]), set()).add(f["subject"])
    pairs = {y: s for y, s in by_year.items() if len(s) == 2}
    if not pairs:
        pytest.skip("no year with exactly two ratifications")
    year, both = sorted(pairs.items())[0]
    first, other = sorted(both)
    r = engine.ask(f"{engine.k.label(first)} was one of two new Convention No. 102 ratifications in {year}. "
                   f"Which country was the other one?")
    assert {a["label"] for a in r["answers"]} == {engine.k.label(other)}


def test_in_the_region_keeps_the_region_named_in_the_preamble(engine):
    """(form.asides, round 26) "For a piece on <region> (...), which country in the region ratified
    Convention No. 102 in <year>?": the region stays a filter (it was dropped with the preamble)."""
    from graph.countries import ilo_region

    rows = [f for f in engine.k.facts_where(predicate="ratified", obj="LegalInstrument:c102")
            if (f.get("attrs") or {}).get("year") and (f.get("attrs") or {}).get("status") in (None, "registered")]
    by_year: dict[str, set[str]] = {}
    for f in rows:
        by_year.setdefault(str(f["attrs"]["year"]), set()).add(f["subject"])
    for year, subjects in sorted(by_year.items()):
        regions = {ilo_region(s.split(":", 1)[1]) for s in subjects}
        if len(subjects) >= 2 and len(regions) >= 2 and None not in regions:
            region = sorted(regions)[0]
            want = {engine.k.label(s) for s in subjects if ilo_region(s.split(":", 1)[1]) == region}
            r = engine.ask(f"For a piece on the {region} (and I know others ratified earlier), which country in "
                           f"the region ratified Convention No. 102 in {year}?")
            assert {a["label"] for a in r["answers"]} == want, r["path"]
            return
    pytest.skip("no year whose ratifications span two regions")
