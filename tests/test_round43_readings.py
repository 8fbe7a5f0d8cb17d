"""Readings found by round 43's probes, each in general form, through the real engine on the bundled
report.  Expected answers are read from the graph's facts and the report's passages, or from the
engine's own answer to another wording, never typed."""
from __future__ import annotations

import re

import pytest


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


# ---- "Which governments are credited as contributors to the RBSA?": the funders, not the funded

@pytest.mark.parametrize("verb", ["credited in the report", "acknowledged", "recognised", "mentioned"])
def test_countries_credited_as_contributors_to_a_fund_are_its_funders(engine, verb):
    from app.qa.graphstep import FUNDER_ASKED
    assert FUNDER_ASKED.search(f"Which countries are {verb} as contributors to the Atlantis Fund?")
    assert not FUNDER_ASKED.search("Which countries are credited with a new scheme funded by the Atlantis Fund?")
    plain = engine.ask("Which countries contribute to the RBSA?")
    assert plain["answers"], plain["path"]
    got = engine.ask(f"Which countries are {verb} as contributors to the RBSA?")
    assert _labels(got) == _labels(plain), got["path"]
    # and never the countries the fund pays for
    funded = _labels(engine.ask("Which countries are funded by the RBSA?"))
    assert not set(_labels(got)) & set(funded)


# ---- "Of all the countries where the report gives the year of ratification, which one ...?"

def test_a_frames_year_describes_the_set_not_the_answer():
    from app.qa.question import answer_type
    assert answer_type("Of all the countries where the report gives the year of ratification of the "
                       "Atlantis Convention, which one ratified it the earliest?") == "Country"
    assert answer_type("Looking only at the members for which the report gives a date of joining, "
                       "which one joined the Atlantis Initiative first?") != "Year"
    # the year asked after the frame is still asked
    assert answer_type("Of the countries that ratified the Atlantis Convention, in what year did the first ratify?") == "Year"
    assert answer_type("What is the year of ratification of the Atlantis Convention by Atlantis?") == "Year"


@pytest.mark.parametrize("plain,framed", [
    ("Which country ratified Convention No. 102 earliest?",
     "Of all the countries where the report gives the year of ratification of C102, which one ratified it the earliest?"),
    ("Which pathfinder joined the Global Accelerator first?",
     "Looking only at the pathfinder countries for which the report gives an exact date of high-level commitment, "
     "which one joined the Global Accelerator first?"),
])
def test_the_extreme_of_a_framed_set_is_the_plain_superlatives_answer(engine, plain, framed):
    want = engine.ask(plain)
    assert want["answers"] and want["strategy"] == "graph-aggregate", want["path"]
    got = engine.ask(framed)
    assert _labels(got) == _labels(want), got["path"]


# ---- "Looking only at the pathfinders ..., which one joined the Global Accelerator first?"

def test_a_closing_first_after_a_frames_comma_ranks_by_year():
    from app.qa.figures.aggregate import EARLIEST
    assert EARLIEST.search("Looking only at the pathfinders with a date, which one joined the Atlantis Initiative first?")
    assert EARLIEST.search("Which country joined the Atlantis Initiative first?")
    # "first" closing a clause that does not ask, or inside the frame, ranks nothing
    assert not EARLIEST.search("Which countries joined the Atlantis Initiative, and which did so first of all in 2024")
    assert not EARLIEST.search("Of the countries that joined first, how many ratified?")


# ---- "colombia global accelerator pathfinder?": a keyword query's question mark asks yes or no

def test_a_keyword_query_closing_on_a_role_noun_and_a_question_mark_is_polar():
    from app.qa.form.keyword_polar import as_polar, role_nouns
    assert {"pathfinder", "member", "priority country"} <= role_nouns()  # read from the registry
    assert as_polar("atlantis global initiative pathfinder?") == "Is atlantis global initiative pathfinder?"
    assert as_polar("atlantis pension roadmap endorsed in 2024?") == "Was atlantis pension roadmap endorsed in 2024?"
    # a plural asks the list; a question word (even misspelt), an auxiliary or no mark: not this form
    for q in ("atlantis donors?", "pathfinders joined in 2024?", "which atlantis pathfinder?",
              "wich atlantis pathfinder?", "wat is the atlantis scheme called?", "atlantis pathfinder"):
        assert as_polar(q) is None, q


def test_keyword_polar_questions_answer_yes_and_no_from_the_graph(engine):
    pathfinders = _labels(engine.ask("Which countries are Global Accelerator pathfinders?"))
    priority = _labels(engine.ask("Which countries are Flagship Programme priority countries?"))
    assert pathfinders and priority
    outside = next(c for c in priority if c not in pathfinders)
    yes = engine.ask(f"{pathfinders[0].lower()} global accelerator pathfinder?")
    no = engine.ask(f"{outside} Global Accelerator pathfinder?")
    assert _labels(yes) == ["Yes"] and _labels(no) == ["No"], (yes["path"], no["path"])
    assert yes["answer_text"].startswith("Yes")


# ---- "<topic>, was it launched in 2024?" and "the amendments approved in June 2024 take effect during 2024?"

def test_a_topic_taken_up_by_a_pronoun_is_the_polar_subject():
    from app.qa.form.embedded_polar import direct_question
    assert direct_question("Atlantis national strategy for informal workers, was it launched in 2024?") == \
        "Was Atlantis national strategy for informal workers launched in 2024?"
    assert direct_question("The Atlantis scheme, is it funded by the EU?") == "Is the Atlantis scheme funded by the EU?"
    # an asking or stating clause before the comma is no topic
    for q in ("Which country, is it Atlantis?", "I think so, is it right?"):
        assert direct_question(q) == q


def test_a_participles_date_describes_the_subject_and_the_last_date_is_checked():
    from app.qa.constraints.year_polar import read
    got = read("Do the amendments to the Atlantis Pension Law approved in June 2024 take effect during 2024?")
    assert got.year == 2024 and got.stated == "during 2024"
    assert got.open_question == "When do the amendments to the Atlantis Pension Law approved in June 2024 take effect?"
    assert read("Did Atlantis ratify the convention in 2023 and join the initiative in 2024?") is None


def test_dislocated_and_described_year_checks_answer_from_the_open_date(engine):
    law = "the amendments to Viet Nam's Law on Social Insurance approved in June 2024"
    opened = engine.ask(f"When do {law} take effect?")
    assert opened["answer_type"] == "Year" and len(opened["answers"]) == 1, opened["path"]
    year = int(re.search(r"(?:19|20)\d\d", opened["answers"][0]["label"]).group(0))
    got = engine.ask(f"Do {law} take effect during {year - 1}?")
    assert _labels(got) == ["No"] and got["strategy"] == "yes/no (stated year)", got["path"]
    dislocated = engine.ask(f"{law[0].upper() + law[1:]}, do they take effect during {year - 1}?")
    assert _labels(dislocated) == ["No"], dislocated["path"]


# ---- "Congo-Brazzaville", "Congo-Kinshasa": the two Congos by their capitals; an unnamed country by its name

def test_the_two_congos_are_told_apart_by_their_capitals():
    from graph.countries import lookup
    assert lookup("Congo-Brazzaville") == lookup("Republic of the Congo") == "COG"
    assert lookup("Congo-Kinshasa") == lookup("Democratic Republic of the Congo") == "COD"


def test_a_country_the_report_does_not_cover_is_not_its_namesake(engine):
    drc = engine.ask("Who funds the ILO's work in the Democratic Republic of the Congo?")
    assert drc["answers"], drc["path"]
    assert _labels(engine.ask("Who funds the ILO's work in Congo-Kinshasa?")) == _labels(drc)
    assert engine.ask("Which donors finance the ILO social protection programme in Congo-Brazzaville?")["answers"] == []
    # a country outside the report is named by its name in a verdict, never by its code
    no = engine.ask("Is Congo-Brazzaville a Global Accelerator pathfinder?")
    assert _labels(no) == ["No"] and "Congo" in no["answer_text"] and "COG" not in no["answer_text"], no["answer_text"]


# ---- "... financed by the country's own national institution (e.g. ISSS El Salvador)": an example, no filter

def test_a_bracketed_example_led_by_eg_is_no_condition(engine):
    from app.qa.form.marked_aside import strip
    assert strip("countries funded by their own institute (e.g. the Atlantis Institute)") == "countries funded by their own institute"
    assert strip("countries funded by Atlantis (excluding Utopia)") == "countries funded by Atlantis (excluding Utopia)"
    assert strip("Which countries (e.g. not Atlantis) fund it?") == "Which countries (e.g. not Atlantis) fund it?"
    plain = engine.ask("countries where ILO work is financed by the country's own national institution")
    assert len(plain["answers"]) > 1, plain["path"]
    example = plain["answers"][0]["label"]
    got = engine.ask(f"countries where ILO work is financed by the country's own national institution (e.g. {example})")
    assert _labels(got) == _labels(plain), got["path"]


# ---- "<claim>. Does the report back that up?": the check in its own sentence asks the claim

def test_a_claim_checked_in_the_next_sentence_is_its_direct_question():
    from app.qa.form.embedded_polar import claim_checked
    want = "Is Atlantis's ratification of Convention No. 102 now valid at the international level?"
    for q in ("We have a draft line saying Atlantis's ratification of Convention No. 102 is now valid at the "
              "international level. Does the report back that up?",
              "Atlantis's ratification of Convention No. 102 is now valid at the international level. Is that correct?"):
        assert claim_checked(q) == want, q
    # a question before the check, or no check: not this form
    assert claim_checked("Which countries does Atlantis fund? Is that right?") is None
    assert claim_checked("Atlantis's ratification is now valid at the international level.") is None


def test_a_claim_checked_after_it_answers_as_the_direct_question(engine):
    direct = engine.ask("Is Kenya a Global Accelerator pathfinder?")
    assert _labels(direct) in (["Yes"], ["No"]), direct["path"]
    for check in ("Is that right?", "Does the report back that up?"):
        got = engine.ask(f"Our notes say Kenya is a Global Accelerator pathfinder. {check}")
        assert _labels(got) == _labels(direct), got["path"]


# ---- "Among the Member States who ratified C102, which are not priority countries of the Flagship Programme?"

def test_member_states_are_countries_not_a_membership(engine):
    plain = engine.ask("Which countries that ratified C102 are not priority countries?")
    assert plain["answers"], plain["path"]
    got = engine.ask("Among the Member States who ratified C102, which ones are not part of the "
                     "priority countries of the Flagship Programme?")
    assert _labels(got) == _labels(plain), got["path"]
    assert not any(p.startswith("members of") for p in got["path"])


# ---- "The new RBSA money in 2024 went to ... countries. Which of those ...": new money is an allocation

def test_new_money_from_a_fund_is_its_allocation(engine):
    from app.qa.relation.relation_choice import keyword_hits
    assert keyword_hits("the new atlantis money went to several countries", "receivedAllocationFrom") >= 1
    allocated = engine.ask("Which countries received new RBSA allocations in 2024?")
    funded = engine.ask("Which countries are funded by the RBSA?")
    assert allocated["answers"] and set(_labels(allocated)) != set(_labels(funded))
    priority = set(_labels(engine.ask("Which countries are Flagship Programme priority countries?")))
    outside = set(_labels(allocated)) - priority
    assert outside and priority
    got = engine.ask("The new RBSA money in 2024 went to activities in several countries. Which of those "
                     "countries are not among the Flagship Programme's priority countries?")
    assert set(_labels(got)) == outside, got["path"]


# ---- "... which one made the single largest contribution?": the "respectively" pair with the extreme figure

def test_the_extreme_figure_of_a_respectively_list_names_its_item():
    from app.qa.figures.numbers import respective_extreme
    seg = "Resources came from Atlantis and Utopia €3 million (US$3.2 million) and €9 million (US$9.6 million) respectively."
    assert respective_extreme(seg, "Which government made the largest contribution?") == "Utopia"
    assert respective_extreme(seg, "Which government gave the smallest amount?") == "Atlantis"
    assert respective_extreme(seg, "Which government gave more than €5 million?") is None  # a figure stated
    assert respective_extreme(seg.replace("€9", "US$9"), "Which one gave the most?") is None  # two currencies
    assert respective_extreme(seg.replace(" respectively", ""), "Which one gave the most?") is None


def test_the_largest_of_several_stated_contributions_is_answered(engine):
    from app.qa.figures.numbers import spans
    asked = ("Out of all the governments that put additional money into the Global Accelerator (the M-GA and "
             "related ILO projects) during 2024, which one made the single largest contribution?")
    got = engine.ask(asked)
    assert len(got["answers"]) == 1, got["path"]
    sentence = got["answers"][0]["evidence"][0]["text"] if isinstance(got["answers"][0]["evidence"][0], dict) \
        else got["answers"][0]["evidence"][0]
    # the answer's own figure in its evidence is the largest amount the sentence pairs with a name
    amounts = [s.value for s in spans(sentence) if s.kind == "money" and s.currency == "EUR"]
    assert len(amounts) >= 2
    own = engine.ask(f"How much did {got['answers'][0]['label']} contribute to the M-GA in 2024?")
    assert own["answers"] and max(amounts) in [s.value for s in spans(own["answers"][0]["label"])], own["path"]


def test_only_member_states_is_no_membership_but_a_joining_is():
    from app.qa.graphstep import _only_member_states
    assert _only_member_states("Among the Member States who ratified C102, which are not priority countries of the Atlantis Programme?")
    assert not _only_member_states("Which Member States joined the Atlantis Initiative in 2024?")
    assert not _only_member_states("Which members of the Atlantis Network are Member States of the ILO?")
    assert not _only_member_states("Which partner joined Atlantis as a co-funder of the Utopia Initiative?")


# ---- "Ireland chipped in €1.2 million to the GA in 2024; which of the GA pathfinders ...": the year is that clause's

def test_a_year_in_a_clause_closed_before_the_question_dates_that_clause():
    from app.qa.multihop.chains import YEAR, _own_clause
    q = "Atlantis chipped in money to the initiative in 2024; which of its pathfinders does Atlantis fund?"
    ym = next(YEAR.finditer(q))
    assert _own_clause(q, ym, q.index("pathfinders"))
    framed = "Since the campaign began in 2021; which countries have ratified the convention?"
    assert not _own_clause(framed, next(YEAR.finditer(framed)), framed.index("ratified"))
    inline = "Which pathfinders joined in 2024 and are funded by Atlantis?"
    assert not _own_clause(inline, next(YEAR.finditer(inline)), inline.index("funded"))


def test_a_context_clauses_year_does_not_filter_the_asked_pathfinders(engine):
    plain = engine.ask("Which of the Global Accelerator pathfinder countries have Ireland named in their financing support?")
    assert len(plain["answers"]) >= 2, plain["path"]
    got = engine.ask("Ireland chipped in €1.2 million to the Global Accelerator in 2024; which of the Global Accelerator "
                     "pathfinder countries also have Ireland named in their financing support?")
    assert set(_labels(got)) == set(_labels(plain)), got["path"]
