"""Readings found by round 44's probes, each in general form, through the real engine on the bundled
report.  Expected answers are read from the graph's facts, the report's passages or the engine's own
answer to another wording, never typed."""
from __future__ import annotations

import pytest


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _window(res) -> str:
    """The sentence a yes/no verdict on a statement rests on (its path quotes it)."""
    return " ".join(res["answers"][0]["path"]).lower()


# ---- a statement's yes/no: the names are checked by naming, the rest is what the window must write

def test_what_a_question_says_of_a_named_scheme_is_what_the_sentence_must_write(engine):
    got = engine.ask("Does the Employment Injury Scheme pilot in Bangaldesh cover commuting accidents?")
    assert _labels(got) == ["Yes"], got.get("path")
    assert "commuting" in _window(got)
    # a word the sentence does not write is no longer outweighed by the scheme's long name
    other = engine.ask("Does the Employment Injury Scheme pilot in Bangladesh cover informal workers?")
    assert _labels(other) != ["Yes"], other.get("path")


def test_a_yes_no_question_gets_yes_no_or_nothing_never_a_wrong_typed_list(engine):
    from app.qa.constraints.statement_polar import answers_yes_or_no
    assert answers_yes_or_no("Does the Atlantis pilot cover children under five?")
    assert not answers_yes_or_no("Were is the Atlantis scheme run?")  # a misspelt "where"
    assert not answers_yes_or_no("Can you list the Atlantis pilots?")
    assert not answers_yes_or_no("Are there countries with an Atlantis pilot?")
    assert not answers_yes_or_no("Is it Atlantis or Lemuria that runs the pilot?")
    assert not answers_yes_or_no("Does Atlantis fund fewer countries than Lemuria?")  # answered by the name
    assert not answers_yes_or_no("Does the report mention a publication on Atlantis?")  # answered by the thing
    for q in ("Does the National Disability Allowance in Lebanon cover children under five?",
              "Did the Social Insurance Law in Viet Nam reduce the minimum contribution period?"):
        got = engine.ask(q)
        assert {x.lower() for x in _labels(got)} <= {"yes", "no"}, (q, _labels(got))
        if not got["answers"]:
            assert got.get("message") and got.get("passages"), got


def test_a_decimal_point_ends_no_sentence_and_more_than_half_is_no_choice(engine):
    got = engine.ask("Is more than half of the world's population covered by at least one social protection benefit?")
    assert _labels(got) == ["Yes"], got.get("path")
    assert "more than half" in _window(got) and "world's population" in _window(got)


@pytest.mark.parametrize("verb", ["commit US$1.3 million to the ILO for Global Accelerator projects",
                                  "contribute €20 million to the Global Accelerator in 2024"])
def test_a_respectively_list_pairs_the_stated_figure_with_one_name(engine, verb):
    from app.qa.figures.numbers import respective_item
    named = ["France", "Korea", "Ireland", "Germany"]
    said = {n: engine.ask(f"Did {n} {verb}?") for n in named}
    yes = [n for n, r in said.items() if _labels(r) == ["Yes"]]
    assert len(yes) == 1, {n: (_labels(r), r.get("path")) for n, r in said.items()}
    sentence = said[yes[0]]["answers"][0]["path"][0].split("“", 1)[1]
    assert respective_item(sentence, f"Did {yes[0]} {verb}?") in (yes[0], "Republic of Korea")
    # the other name of the same list is told No, with the pairing as the reason
    paired = [n for n, r in said.items() if _labels(r) == ["No"] and "pairs the stated figure" in _window(r)]
    assert paired, {n: _labels(r) for n, r in said.items()}


# ---- a claim stated and then checked

@pytest.mark.parametrize("text,direct", [
    ("A minister told the House that, for the first time, more than half of the Atlantis population is covered by "
     "a pension. Does the ILO report back that claim up?",
     "Is more than half of the Atlantis population covered by a pension, for the first time?"),
    ("During the debate a member said Atlantis's ratification of the convention took effect in 2024. "
     "Is that correct according to the report?",
     "Did Atlantis's ratification of the convention take effect in 2024?"),
    ("It was claimed that Atlantis is a pathfinder. Is that accurate?", "Is Atlantis a pathfinder?"),
])
def test_a_reported_claim_checked_in_the_next_sentence_is_asked_directly(text, direct):
    from app.qa.form.embedded_polar import claim_checked
    assert claim_checked(text) == direct


def test_a_ratification_taking_effect_is_its_registration(engine):
    plain = engine.ask("Is Angola's ratification of Convention No. 102 already valid at the international level?")
    assert _labels(plain) in (["Yes"], ["No"]), plain.get("path")
    for q in ("Did Angola's ratification of Convention No. 102 take effect in 2024?",
              "During the debate a member said Angola's ratification of Convention No. 102 took effect "
              "internationally in 2024. Is that correct according to the report?",
              "Angola's National Assembly approved ratifying Convention No. 102 in 2024, but is that ratification "
              "already considered valid at the international level, given where the instrument of ratification "
              "stands with the ILO Director General?"):
        got = engine.ask(q)
        assert _labels(got) == _labels(plain), (q, got.get("path"), got.get("message"))


def test_the_askers_reason_closing_a_yes_no_question_is_no_part_of_it():
    from app.qa.constraints.statement_polar import read
    got = read("Atlantis approved the law in 2024, but is that law already in force, given where the decree stands?")
    assert got is not None and "given" not in got.statement and "where" not in got.statement


# ---- a set named in a sentence of its own, or by "all" without an article

def test_a_set_frame_opening_a_later_sentence_or_saying_all_without_the():
    from app.qa.question import answer_type
    assert answer_type("Several entries give dates. Among the countries whose ratification year the report gives, "
                       "which one ratified the Atlantis Convention earliest?") == "Country"
    assert answer_type("From all countries where the report gives the year of ratifying the Atlantis Convention, "
                       "which one ratified it first?") == "Country"


@pytest.mark.parametrize("framed", [
    "Several country entries mention when Convention No. 102 was ratified. Among the priority countries whose "
    "ratification year the report gives, which one ratified the Convention earliest?",
    "From all countries where the report gives the year of ratifying C102, which one ratified it first?",
])
def test_the_extreme_of_such_a_set_is_the_plain_superlatives(engine, framed):
    want = engine.ask("Which country ratified Convention No. 102 earliest?")
    assert want["answers"], want.get("path")
    assert _labels(engine.ask(framed)) == _labels(want)


# ---- "Germany's BMZ": the country says whose agency it is

def test_a_countrys_aid_agency_does_not_make_the_country_an_end_of_the_relation(engine):
    from app.qa.question import analyse
    want = engine.ask("Which organisation joined the BMZ as a co-funder of the Digital Convergence Initiative in 2024?")
    assert want["answers"], want.get("path")
    got = engine.ask("Which organisation joined Germany's BMZ as a co-funder of the Digital Convergence Initiative in 2024?")
    assert _labels(got) == _labels(want), got.get("path")
    # a country's own institution keeps its country: the work asked about is there
    links = analyse("Which organisations helped Jordan's Social Security Corporation?", engine.lexicon).links
    assert any(l.type == "Country" for l in links)


# ---- "committed US$1.3 million": money given, not a member's commitment

def test_a_sum_after_the_verb_makes_it_funding_not_membership(engine):
    from app.qa.figures.numbers import respective_item
    from app.qa.question import FUND, MEMBERSHIP
    q = "Which country committed US$1.3 million to the ILO to support Global Accelerator projects?"
    assert FUND.search("committed US$1.3 million to the Atlantis Fund")
    assert not MEMBERSHIP.search("committed US$1.3 million to the Atlantis Fund")
    assert MEMBERSHIP.search("committed to join the Atlantis Initiative")
    got = engine.ask(q)
    assert len(got["answers"]) == 1, got.get("path")
    sentence = got["answers"][0]["path"][0].split(": ", 1)[1]
    assert respective_item(sentence, q) in got["answers"][0]["label"]
    assert not any("memberOf" in p for p in got.get("path") or [])


# ---- "typhon Yagi": a rare dictionary word the report writes otherwise next to its neighbour

def test_a_rare_word_one_slip_from_the_reports_word_beside_the_same_neighbour(engine):
    fixed, fixes = engine.speller.correct("who funds the ILO work in the country hit by typhon Yagi?")
    assert "typhoon Yagi" in fixed and fixes
    assert _labels(engine.ask("who funds the ILO work in the country hit by typhon Yagi?")) == \
        _labels(engine.ask("who funds the ILO work in the country hit by typhoon Yagi?")) != []


# ---- brackets that gloss a date, and example lists closed by "and the others"

def test_a_bracketed_gloss_of_a_date_and_a_closed_example_list_are_asides():
    from app.qa.form.marked_aside import strip
    assert strip("Atlantis funding gap end of 2023 (previous year)") == "Atlantis funding gap end of 2023"
    assert strip("Of the pathfinders in Africa (Atlantis, Lemuria and the others), which ones have a result?") == \
        "Of the pathfinders in Africa, which ones have a result?"
    # a bracket naming the items without a close is a condition, and stays
    assert "(Atlantis and Lemuria)" in strip("Of the pathfinders (Atlantis and Lemuria), which ones have a result?")


def test_the_answers_with_a_closed_example_list_are_the_sets_answers(engine):
    want = engine.ask("Of the Global Accelerator pathfinders in Africa, which ones also recorded at least one "
                      "institutional result in Table 4 for 2024?")
    got = engine.ask("Of the Global Accelerator pathfinders in Africa (Cape Verde, DR Congo and the others), which ones "
                     "also recorded at least one institutional result in Table 4 for 2024?")
    assert len(want["answers"]) > 1 and _labels(got) == _labels(want), got.get("path")
    gap = engine.ask("Flagship Programme funding gap end of 2023 (previous year)")
    assert gap["answer_type"] == "Number" and _labels(gap) == _labels(engine.ask("Flagship Programme funding gap end of 2023"))


# ---- a measure compared at two dates

def test_a_comparison_across_dates_reads_two_open_questions():
    from app.qa.constraints.compared_polar import read
    got = read("Was the Atlantis deficit smaller at the end of 2024 than it had been at the end of 2023?")
    assert got is not None and not got.up
    assert got.later == "What was the Atlantis deficit at the end of 2024?"
    assert got.earlier == "What was the Atlantis deficit at the end of 2023?"
    got = read("Did the Atlantis deficit go down in 2024 compared with the year before?")
    assert got is not None and got.earlier == "What was the Atlantis deficit in 2023?" and not got.up
    got = read("Did the number of Atlantis projects rise between 2022 and 2023?")
    assert got is not None and got.up and got.later.endswith("in 2023?")
    assert read("Did the Atlantis deficit go down?") is None  # no date: another reading's
    assert read("Did the Atlantis deficit not go down in 2024 compared with 2023?") is None


@pytest.mark.parametrize("q", [
    "It was claimed that the Flagship Programme's remaining funding gap was smaller at the end of 2024 than it had "
    "been at the end of 2023. Is that accurate?",
    "Did the number of new projects rise between 2022 and 2023?",
])
def test_the_verdict_of_a_comparison_is_the_two_figures_compared(engine, q):
    from app.qa.constraints.compared_polar import read
    from app.qa.form.embedded_polar import claim_checked
    from app.qa.figures.numbers import spans
    asked = read(claim_checked(q) or q)
    values = []
    for open_q in (asked.later, asked.earlier):
        r = engine.ask(open_q)
        assert r["answer_type"] == "Number" and len(r["answers"]) == 1, (open_q, r.get("path"))
        values.append(spans(r["answers"][0]["label"])[0].value)
    got = engine.ask(q)
    want = "Yes" if (values[0] > values[1]) == asked.up else "No"
    assert _labels(got) == [want], got.get("path")
    assert got["answer_text"].count("[") == 2  # both figures cited


# ---- a time set out before a yes/no question

def test_a_fronted_time_closes_the_yes_no_question(engine):
    from app.qa.form.embedded_polar import time_last
    assert time_last("By end-2024, had the Atlantis deficit exceeded its target?") == \
        "Had the Atlantis deficit exceeded its target by end-2024?"
    assert time_last("As of March 2025, were staff based in Atlantis?") == "Were staff based in Atlantis as of March 2025?"
    assert time_last("Despite that, does Atlantis have any result?") is None  # no time: another reading's
    want = engine.ask("Had total institutional changes already exceeded the second-phase ambition for 2021-25 by end-2024?")
    assert _labels(want) in (["Yes"], ["No"]), want.get("path")
    got = engine.ask("By end-2024, had total institutional changes already exceeded the second-phase ambition for 2021-25?")
    assert _labels(got) == _labels(want), got.get("path")


# ---- "Did <name> <verb> the largest ...?", and a list that goes on from its largest item

def test_a_superlative_with_a_verb_asked_of_one_name(engine):
    from app.qa.constraints.superlative_polar import read
    links = engine.lexicon.link("Did the European Union provide the largest share of the Atlantis budget?")
    got = read("Did the European Union provide the largest share of the Atlantis budget?", links)
    assert got is not None and got.open_question == "Which organisation provided the largest share of the Atlantis budget?"
    top = engine.ask("Which organisation provided the largest share of the resources received for new Flagship "
                     "Programme projects in 2024?")
    assert len(top["answers"]) == 1, top.get("path")
    winner = top["answers"][0]["label"]
    assert _labels(engine.ask("Who provided the largest share of resources received for new projects in 2024?")) == [winner]
    for name, want in ((winner, "Yes"), ("the RBSA", "No")):
        said = engine.ask(f"Did {name} provide the largest share of the resources received for new Flagship "
                          "Programme projects in 2024?")
        assert _labels(said) == [want], (name, said.get("path"))


# ---- a measure named by its own word must be written where its figure is read

def test_a_figure_for_a_measure_no_sentence_writes_is_no_answer(engine):
    from app.qa.figures.measure_words import unwritten
    assert unwritten("What discount rate was assumed?", "informal employment is 93 per cent of employment") == "discount rate"
    assert unwritten("What discount rate was assumed?", "a discount rate of 3 per cent") is None
    assert unwritten("What monthly rate is paid?", "US$70 per month") is None  # a period says too little
    got = engine.ask("What discount rate was assumed in the ILO's 2024 actuarial valuation of Sierra Leone's NASSIT?")
    assert not got["answers"] and got.get("message"), got.get("path")


# ---- a results table named as where countries are listed

def test_a_results_table_as_a_locator_sets_no_result_condition(engine):
    from app.qa.question import analyse
    a = analyse("How many priority countries fall under the Africa region in the institutional results table?",
                engine.lexicon)
    assert not a.any_result
    assert analyse("Which African countries in the results table achieved no result?", engine.lexicon).any_result
    want = engine.ask("How many of the Flagship Programme's 50 priority countries are in Africa?")
    got = engine.ask("For our continental overview, how many of the Flagship Programme's 50 priority countries fall "
                     "under the Africa region in the institutional results table for 2024?")
    assert want["answers"] and _labels(got) == _labels(want), got.get("path")


# ---- "both under <A> and under <B>", "either by <A> or by <B>"

def test_both_and_either_with_a_repeated_preposition_ask_each_half(engine):
    from app.qa.multihop.two_halves import halves
    assert halves("Which countries are both in Atlantis and in Lemuria?") == \
        ("Which countries are in Atlantis?", "Which countries are in Lemuria?", True)
    assert halves("Which countries are funded either by Atlantis or by Lemuria?")[2] is False
    assert halves("Atlantis money - whether directly from Atlantis or through the Lemuria Fund - goes to which "
                  "countries?") == ("Atlantis money - from Atlantis - goes to which countries?",
                                    "Atlantis money - through the Lemuria Fund - goes to which countries?", False)
    assert halves("Which countries are in both Atlantis and Lemuria?") is None  # no repeated preposition
    # a second half that refers back to the first cannot be asked alone
    assert halves("Which countries are both in the Atlantis campaign list and in the list assessed against the "
                  "convention?") is None
    a = "Which countries are highlighted under extending social security to informal economy workers?"
    b = "Which countries are highlighted under social protection in climate change and humanitarian crisis contexts?"
    one, two = set(_labels(engine.ask(a))), set(_labels(engine.ask(b)))
    assert one and two
    got = engine.ask("Which countries are highlighted both under extending social security to informal economy workers "
                     "and under social protection in climate change and humanitarian crisis contexts?")
    assert set(_labels(got)) == one & two, got.get("path")
    direct = set(_labels(engine.ask("For which countries is the ILO's work financed by China directly?")))
    fund = set(_labels(engine.ask("For which countries is the ILO's work financed by the UN Peace and Development "
                                  "Trust Fund?")))
    got = engine.ask("For which countries is the ILO's work financed either by China directly or by the UN Peace "
                     "and Development Trust Fund?")
    assert set(_labels(got)) == direct | fund, got.get("path")


# ---- "outside the 50 priority countries", "non-priority countries"

def test_outside_a_set_of_countries_and_non_a_role_leave_the_set_out(engine):
    from app.qa.form.outside_sets import rewrite
    assert rewrite("countries outside the 50 priority countries") == "countries not among the 50 priority countries"
    assert rewrite("non-priority countries in Atlantis") == "not priority countries in Atlantis"
    assert rewrite("Which countries outside Africa ratified it?") == "Which countries outside Africa ratified it?"
    assert rewrite("non-governmental organisations") == "non-governmental organisations"
    want = engine.ask("Which countries highlighted in the social health protection thematic results are not among "
                      "the 50 priority countries?")
    assert want["answers"], want.get("path")
    for q in ("Which of the country highlights in the social health protection thematic results are for countries "
              "outside the 50 priority countries?", "social health protection highlights non-priority countries"):
        assert _labels(engine.ask(q)) == _labels(want), q


# ---- funders that fund no country

def test_funders_that_fund_no_country_are_the_set_without_those_that_do(engine):
    from app.qa.constraints.no_country_funded import asks
    assert asks("Which Atlantis donors do not appear in any country's financing support line?")
    assert asks("Which of the Atlantis funders fund no country?")
    assert not asks("Which Atlantis donors fund no school?")
    funders = _labels(engine.ask("Who funds the RBSA?"))
    assert len(funders) > 2
    funding = {f for f in funders if engine.ask(f"Which countries does {f} fund?")["answers"]}
    assert funding and set(funders) - funding
    for q in ("Which RBSA contributors named in Box 5 do not appear in any country's financing support line?",
              "Which of the RBSA funders fund no country?"):
        got = engine.ask(q)
        assert set(_labels(got)) == set(funders) - funding, (q, got.get("path"))


# ---- a rate asked per period, read from the paragraph's sentence that writes one

def test_an_amount_per_period_comes_from_the_paragraphs_sentence_that_writes_one(engine):
    from app.qa.figures.numbers import PERIOD_ASKED, per_period, period_unit, spans
    for q in ("OPT disability allowance monthly amount",
              "What is the monthly amount of the disability allowance in the Occupied Palestinian Territory?"):
        got = engine.ask(q)
        assert len(got["answers"]) == 1, got.get("path")
        sentence = got["answers"][0]["path"][0].split(": ", 1)[1]
        unit = period_unit(PERIOD_ASKED.search(q))
        per = [sentence[s.start:s.end] for s in spans(sentence) if s.kind == "money" and per_period(sentence, s, unit) < 0]
        assert per == [got["answers"][0]["label"]], sentence


# ---- "the single biggest provider of resources for new projects": ranked by the written shares

def test_the_biggest_giver_of_resources_is_ranked_by_the_figures_the_report_writes(engine):
    from app.qa.figures.figure_rank import read_ask
    ask = read_ask("Who was the single biggest provider of resources for new Atlantis projects?", engine.lexicon.link)
    assert ask is not None and ask.kind == "money"
    assert read_ask("biggest donor to african priority countries", engine.lexicon.link) is None  # a graph count
    want = engine.ask("Which organisation provided the largest share of the resources received for new Flagship "
                      "Programme projects in 2024?")
    got = engine.ask("Who was the single biggest provider of resources for new Flagship Programme projects in 2024?")
    assert len(want["answers"]) == 1 and _labels(got) == _labels(want), got.get("path")
    assert got["strategy"] == "text-aggregate"


# ---- "Germany's 2024 contribution to the Global Accelerator?": the figure paired with Germany

def test_a_possessive_names_the_item_of_a_respectively_list_and_an_amount_phrase_asks_how_much(engine):
    from app.qa.figures.numbers import respective, spans
    from app.qa.form.amount_phrase import as_question
    seg = "with contributions from Atlantis and Lemuria €1 million (US$1.1 million) and €5 million (US$5.5 million) respectively."
    got = respective(seg, "How much was Lemuria's contribution?", spans(seg))
    assert got is not None and got.label == "€5 million"
    assert as_question("Lemuria's 2024 contribution to the Atlantis Fund?") == \
        "How much was Lemuria's 2024 contribution to the Atlantis Fund?"
    assert as_question("Lemuria's funders?") is None and as_question("What was Lemuria's contribution?") is None
    want = engine.ask("How much did Germany contribute to the Global Accelerator in 2024?")
    assert len(want["answers"]) == 1, want.get("path")
    for q in ("How much was Germany's 2024 contribution to the Global Accelerator?",
              "Germany's 2024 contribution to the Global Accelerator?"):
        assert _labels(engine.ask(q)) == _labels(want), q
