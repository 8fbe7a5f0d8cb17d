"""One country described first, then asked about: found, then written in by name (app/qa/multihop/described_country.py).

The pure function is checked on several frames (a description followed by a question of its own,
a frame with no back-reference, a clause pointed back at as an event) and on questions it must
leave alone.  The engine checks compare the chained answer with the same question asked of the
country by name, the country found here by asking the description as a question of its own: no
report fact is written here.
"""
from __future__ import annotations

import pytest

from app.qa.multihop.described_country import split
from app.qa.question import answer_type
from app.qa.topics.spans import asked_span


@pytest.mark.parametrize("question, inner, outer", [
    ("The country where a new pension law was passed in 2024 - when did that country ratify Convention No. 102?",
     "Which country where a new pension law was passed in 2024?", "when did {} ratify Convention No. 102?"),
    ("For the Central Asian country where the ILO built modules for the pensions agency, which sources financed the work?",
     "Which Central Asian country where the ILO built modules for the pensions agency?",
     "For {}, which sources financed the work?"),
    ("Regarding the nation whose parliament passed a disability law, who are the ILO's funders?",
     "Which nation whose parliament passed a disability law?", "Regarding {}, who are the ILO's funders?"),
    ("The country that hosted a regional conference on informal workers: who funds the ILO's work there?",
     "Which country that hosted a regional conference on informal workers?", "who funds the ILO's work in {}?"),
    ("The country where a social security portal went live; in what year did it join the accelerator, and who funds its work?",
     "Which country where a social security portal went live?",
     "in what year did {} join the accelerator, and who funds {}'s work?"),
])
def test_an_opening_description_is_asked_first(question, inner, outer):
    named = split(question)
    assert named is not None and (named.inner, named.outer) == (inner, outer)


@pytest.mark.parametrize("question, outer", [
    ("A savings scheme for informal workers was relaunched and opened to refugees - who funds the ILO's work in the "
     "country where that happened?", "who funds the ILO's work in {}?"),
    ("A multilingual social security portal was launched in February; which donors support the ILO in the country "
     "where this took place?", "which donors support the ILO in {}?"),
    ("A regional conference on informal workers was held in the capital in September. Who funds the ILO's work in "
     "the country that hosted it?", "Who funds the ILO's work in {}?"),
    ("A forum on informality was organised in a port city in November; which donors fund the ILO in the country "
     "that held the event?", "which donors fund the ILO in {}?"),
])
def test_a_clause_pointed_back_at_as_an_event_describes_the_country(question, outer):
    named = split(question)
    assert named is not None and named.outer == outer
    assert named.inner.startswith("In which country did this happen: ")


@pytest.mark.parametrize("question", [
    "Who funds the work in Jordan?",
    "The countries that ratified C102 in 2024: who funds those countries?",  # a set, not one country
    "For the country where a portal was launched, which other countries got one?",  # other countries asked
    "The two countries that joined in 2024 - which donors fund them?",
    "A new law was passed in 2024 - who funds the ILO's work in Kenya?",  # no event back-reference
])
def test_other_questions_are_left_alone(question):
    assert split(question) is None


def test_a_description_ending_the_question_defers_to_the_whole_reading():
    """A description that ends the question is resolved where it stands by the whole reading; the
    split carries the whole question, so the chain replaces that reading only where it missed."""
    q = "Who funds the ILO's work in the country whose new law introduced a social pension?"
    named = split(q)
    assert named is not None and named.whole == q


@pytest.mark.parametrize("question", [
    "Whose money was behind the ILO's support in the country where a pension law changed?",
    "Whose funding pays for the ILO's work there?",
    "whose own resources finance the work in that country",
])
def test_whose_money_asks_for_the_payers(question):
    assert answer_type(question) == "Organization"


def test_whose_programme_still_asks_for_the_country():
    assert answer_type("Whose programme is financed by the donor?") == "Country"


@pytest.mark.parametrize("question", [
    "Which funders are named for the country whose assembly passed the Older Persons' Act?",
    "Which donors are named in the financing line of the country where the act was passed?",
    "What partners are mentioned for the country whose law changed?",
])
def test_named_after_an_entity_noun_asks_for_the_entities_not_a_name(question):
    assert asked_span(question) is None


def _one_country(engine, question: str) -> str:
    r = engine.ask(question)
    assert len(r["answers"]) == 1 and r["answers"][0]["type"] == "Country", r["answers"]
    return r["answers"][0]["label"]


def _chained_as_direct(engine, name: str, direct_question: str, wordings: tuple[str, ...]) -> None:
    """Each wording about the described country gets the answer of ``direct_question`` (asked of
    the country by name), and says in its path which country the description named."""
    direct = {a["label"] for a in engine.ask(direct_question)["answers"]}
    assert direct
    for q in wordings:
        r = engine.ask(q)
        assert {a["label"] for a in r["answers"]} == direct, q
        assert any(name in p for p in r["path"]), q


_VALUATION = "the ILO completed an actuarial valuation of the health and occupational risks systems of the social security institute"
_RELAUNCH = "a savings scheme for informal workers was re-launched in October 2024 and opened up to refugees"


@pytest.mark.parametrize("naming, direct, wordings", [
    (f"In which country has {_VALUATION}?", "When did {} ratify Convention No. 102?",
     (f"The country where {_VALUATION} - when did that country ratify Convention No. 102?",
      f"The country where {_VALUATION}: in what year did it ratify Convention No. 102?")),
    ("In which country was a savings scheme for informal workers re-launched in October 2024 and opened up to refugees?",
     "Who funds the ILO's work in {}?",
     (f"In 2024 {_RELAUNCH} - who are the funders of the ILO's work in the country where that happened?",
      f"For the country where {_RELAUNCH}, which donors financed the ILO's work?")),
])
def test_a_question_about_a_described_country_gets_the_countrys_answer(engine, naming, direct, wordings):
    name = _one_country(engine, naming)
    _chained_as_direct(engine, name, direct.format(name), wordings)


def test_whose_money_asks_for_the_payers_of_a_country_described_at_the_end(engine):
    name = _one_country(engine, "In which country was a savings scheme for informal workers re-launched in October 2024?")
    direct = {a["label"] for a in engine.ask(f"Who funds the ILO's work in {name}?")["answers"]}
    assert direct
    q = f"Whose money was behind the ILO's support in the country where {_RELAUNCH}?"
    assert {a["label"] for a in engine.ask(q)["answers"]} == direct


@pytest.mark.parametrize("question, inner, outer", [
    # a preamble sentence (or a colon) before the description
    ("Sorry if this is basic, I'm new to the portfolio. The country where a health insurance scheme started enrolling "
     "in 2024 - who funds the ILO's work there?",
     "Which country where a health insurance scheme started enrolling in 2024?", "who funds the ILO's work in {}?"),
    ("Quick one for a memo, apologies for the length: the country whose deputy prime minister signed up to the "
     "accelerator in July 2023, who are its funders?",
     "Which country whose deputy prime minister signed up to the accelerator in July 2023?", "who are {}'s funders?"),
    # the asker introduces the country
    ("There's a country where the government adopted health insurance provisions in February; which partners fund "
     "the ILO's work there?", "Which country where the government adopted health insurance provisions in February?",
     "which partners fund the ILO's work in {}?"),
    ("i was reading about a country that cut its pension contribution period from 20 to 15 years, which orgs fund the ilo there?",
     "Which country that cut its pension contribution period from 20 to 15 years?", "which orgs fund the ilo in {}?"),
    ("We heard about a nation that launched a multilingual portal; which donor supports the ILO there?",
     "Which nation that launched a multilingual portal?", "which donor supports the ILO in {}?"),
])
def test_a_description_after_a_preamble_or_an_askers_frame_is_asked_first(question, inner, outer):
    named = split(question)
    assert named is not None and (named.inner, named.outer) == (inner, outer)


@pytest.mark.parametrize("question", [
    "I'm new here. Who funds the work in Jordan?",
    "There's a lot in the report. Which countries ratified Convention No. 102 in 2024?",
    "I was reading about the countries that joined in 2024 - which donors fund them?",  # a set, not one country
])
def test_a_preamble_alone_describes_no_country(question):
    assert split(question) is None


def test_a_described_country_after_a_preamble_gets_the_countrys_answer(engine):
    """The same description, after different preambles and askers' frames, gets the funders of the
    country the description names (asked on its own, then by name)."""
    name = _one_country(engine, "In which country was a savings scheme for informal workers re-launched in October 2024?")
    _chained_as_direct(engine, name, f"Who funds the ILO's work in {name}?", (
        f"Sorry if this is a basic one. There's a country where {_RELAUNCH}; who funds the ILO's work there?",
        f"Bear with me, I'm new: the country where {_RELAUNCH}, which donors pay for the ILO's work there?",
        f"I was reading about a country where {_RELAUNCH} - who finances the ILO's work in that country?",
    ))


@pytest.mark.parametrize("question, inner, outer", [
    ("Could you tell me which governments fund the ILO in the country that hosted a regional conference in September?",
     "Which country that hosted a regional conference in September?", "Could you tell me which governments fund the ILO in {}?"),
    ("cud u tell me who pays for the ILOs work in the country where a health insurance for state employees is being implemented",
     "Which country where a health insurance for state employees is being implemented?", "Cud u tell me who pays for the ILOs work in {}?"),
    ("Which donors back the work in the nation whose social pension reaches people aged 70 and above?",
     "Which nation whose social pension reaches people aged 70 and above?", "Which donors back the work in {}?"),
])
def test_a_description_that_ends_the_question_is_asked_first_and_checked_against_the_whole(question, inner, outer):
    named = split(question)
    assert named is not None and (named.inner, named.outer) == (inner, outer) and named.whole


@pytest.mark.parametrize("question, inner", [
    ("The kingdom that ran a contribution subsidy pilot - in what year did it ratify C102?",
     "Which country that ran a contribution subsidy pilot?"),
    ("The republic whose assembly passed an older persons' act: who funds the ILO's work there?",
     "Which country whose assembly passed an older persons' act?"),
])
def test_a_kingdom_or_republic_described_is_a_country(question, inner):
    named = split(question)
    assert named is not None and named.inner == inner


def test_a_trailing_chain_replaces_only_a_whole_reading_that_missed_it():
    """(described_country._missed) nothing, the described country itself, or sentences where the
    chain read the graph give way; another graph answer, or part of the chain's, stands."""
    from app.qa.multihop.described_country import _missed

    country = {"label": "A", "type": "Country"}
    chained = {"answers": [{"label": "F"}, {"label": "G"}], "strategy": "graph"}
    assert _missed({"answers": []}, chained, country)
    assert _missed({"answers": [country]}, chained, country)
    assert not _missed({"answers": [{"label": "F"}], "strategy": "graph"}, chained, country)  # "who else ..."
    assert _missed({"answers": [{"label": "H"}], "strategy": "text"}, chained, country)
    assert not _missed({"answers": [{"label": "H"}], "strategy": "graph"}, chained, country)


def test_a_whole_reading_that_kept_only_a_filter_of_the_description_gives_way():
    """(described_country._missed) the chain's answers among many more: the whole reading kept a
    filter ("the African country whose ...": every African country's funders) and dropped the rest."""
    from app.qa.multihop.described_country import _missed

    country = {"label": "A", "type": "Country"}
    chained = {"answers": [{"label": "F"}], "strategy": "graph"}
    assert _missed({"answers": [{"label": x} for x in "FGHIJ"], "strategy": "graph"}, chained, country)
    assert not _missed({"answers": [{"label": "F"}, {"label": "G"}], "strategy": "graph"}, chained, country)


def test_a_sentence_that_says_more_of_the_description_outweighs_another_readings_evidence():
    from app.qa.multihop.description_sentence import says_better

    desc = "whose minister of planning made the commitment on 7 June 2023"
    said = "Utopia joined through a commitment by the Minister of Planning on 7 June 2023."
    other = "On 20 February 2024, Atlantis's Minister of Labour confirmed the country's commitment."
    assert says_better(desc, said, [other])
    assert not says_better(desc, other, [said])
    assert not says_better(desc, said, [said])  # no better than the evidence it would replace


_REGISTRY = "province is building a single integrated socio-economic registry of beneficiaries"


@pytest.mark.parametrize("naming, rel, desc, wordings", [
    (f"Which South Asian country whose Khyber Pakhtunkhwa {_REGISTRY}?", "whose", f"Khyber Pakhtunkhwa {_REGISTRY}", (
        f"Which partners financed the ILO in the South Asian country whose Khyber Pakhtunkhwa {_REGISTRY}?",
        f"The Asian country whose Khyber Pakhtunkhwa {_REGISTRY} - who funds the ILO's work there?",
        f"Bear with me, this is for a memo: the country whose Khyber Pakhtunkhwa {_REGISTRY}, which donors pay for the ILO there?")),
    # the naming question's own reading is a filter ("joined by a commitment") narrowed by the date
    ("Which country whose Minister of National Development Planning made the Global Accelerator commitment on 7 June 2023?",
     "whose", "Minister of National Development Planning made the Global Accelerator commitment on 7 June 2023", (
        "Our minister asked me for a quick comparison, so bear with me: the country whose Minister of National "
        "Development Planning made the Global Accelerator commitment on 7 June 2023 - who pays for the ILO's work there?",
        "For the country whose Minister of National Development Planning made the Global Accelerator commitment on "
        "7 June 2023, which donors finance the ILO?")),
])
def test_a_description_the_graph_reads_as_a_filter_only_is_settled_by_its_sentence(engine, naming, rel, desc, wordings):
    """The sentence that says the description names one country, and each wording gets that
    country's funders, whatever the naming question read alone gives."""
    found = engine._described_country(rel, desc)
    assert found is not None
    name = engine.k.label(found.country)
    # the naming question read alone may give a region's countries (the first case); one country
    # it gives alone must be the one the sentence names (the second, since the commitment reading)
    alone = [a["label"] for a in engine.ask(naming)["answers"]]
    assert len(alone) != 1 or alone == [name]
    _chained_as_direct(engine, name, f"Who funds the ILO's work in {name}?", wordings)
