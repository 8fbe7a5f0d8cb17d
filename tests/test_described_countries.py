"""A set of countries described first, then asked about (app/qa/multihop/set_by_description.py).

The pure function is checked on several frames (a relative clause on "the countries" before a
clause break, a locative frame with no back-reference, a sentence that counts the countries, a
"where ..." clause, a pick "which of those ...", "which X countries are also Y") and on questions
it must leave alone.  The engine checks compare a chained answer with one computed from the
knowledge base's facts for the countries the description names (asked as a question of its own):
no report fact is written here.
"""
from __future__ import annotations

import pytest

from app.qa.multihop.set_by_description import read
from tests.support.engine import answer_ids, funders_per_country


@pytest.mark.parametrize("question, inner, outer", [
    ("The countries that joined the accelerator in 2024 - who funds the ILO's work in those countries?",
     "Which countries joined the accelerator in 2024?", "Who funds the ILO's work in {}?"),
    ("For the ten countries that adopted a strategy in 2024, who are the funders listed for the ILO's work there?",
     "Which countries adopted a strategy in 2024?", "Who are the funders listed for the ILO's work in {}?"),
    ("In the countries where the ILO worked with a refugee agency, who funds the ILO's work?",
     "In which countries the ILO worked with a refugee agency?", "In {}, who funds the ILO's work?"),
    ("Thinking about the nations whose parliaments passed pension laws: which donors support them?",
     "Which nations whose parliaments passed pension laws?", "Which donors support {}?"),
    ("A network studied disability and health cover in three countries. Which of those three are pathfinders?",
     "Which countries: A network studied disability and health cover in three countries?", "Which of {} are pathfinders?"),
    ("Where the ILO and a bank work together, in which of those countries did the ILO work on pensions?",
     "In which countries the ILO and a bank work together?", "In which of {} did the ILO work on pensions?"),
    ("Of the countries that Utopia funds, which ones are pathfinders?",
     "Which countries Utopia funds?", "Which of {} are pathfinders?"),
    ("Which Utopia-funded countries are also pathfinders of the accelerator?",
     "Which are the Utopia-funded countries?", "Which of {} are also pathfinders of the accelerator?"),
    ("Hi! I'm drafting a donor map. For the countries that ratified C102 in 2022, who funds the work there?",
     "Which countries ratified C102 in 2022?", "Who funds the work in {}?"),
    ("Which countries that ratified C102 under the campaign are also in the new phase?",
     "Which countries ratified C102 under the campaign?", "Which of {} are also in the new phase?"),
    ("Which countries are both in the expanded phase of the partnership and pathfinders of the accelerator?",
     "Which countries are in the expanded phase of the partnership?", "Which of {} are pathfinders of the accelerator?"),
    ("For the audit I need every country where the ILO handed over an actuarial valuation - which ones does the report mention?",
     "In which countries the ILO handed over an actuarial valuation?", ""),
    ("The section names several governments still endorsing their roadmaps. Who funds the ILO's work in those countries?",
     "Which countries: The section names several governments still endorsing their roadmaps?", "Who funds the ILO's work in {}?"),
    ("The ILO partners with an energy company on castor and rubber farms. Which donors fund the work in those two countries?",
     "Which countries: The ILO partners with an energy company on castor and rubber farms?", "Which donors fund the work in {}?"),
])
def test_a_described_set_is_asked_first(question, inner, outer):
    named = read(question)
    assert named and (named[0].inner, named[0].outer) == (inner, outer)


@pytest.mark.parametrize("question", [
    "Who funds the work in Jordan?",
    "Which countries ratified Convention No. 102 in 2024?",
    "The countries that ratified C102 in 2024: which countries fund the ILO in Asia?",  # another set asked
    "Which are the pathfinder countries?",
    "Which other countries are also pathfinders?",
    "Is there any country that joined the accelerator in 2024?",
    "I'm writing a note on Asia. Which donors fund the ILO in those countries?",  # the asker's framing is no set
    "Our unit tracks refugees. Who funds the work there?",
])
def test_other_questions_are_left_alone(question):
    assert not read(question)


def _funded_pair(engine) -> tuple[set[str], str]:
    """A year in which at least two countries ratified something, and those countries' ids."""
    by_year: dict[str, set[str]] = {}
    for f in engine.k.facts:
        year = (f.get("attrs") or {}).get("year")
        if f["predicate"] == "ratified" and year and f["subject"].startswith("Country:"):
            by_year.setdefault(str(year), set()).add(f["subject"])
    funded = funders_per_country(engine.k)
    for year, countries in sorted(by_year.items()):
        if len(countries) >= 2 and all(funded.get(c) for c in countries):
            return countries, year
    pytest.skip("no year with two funded ratifying countries")


@pytest.mark.parametrize("wording", [
    "The countries that ratified Convention No. 102 in {year} - who funds the ILO's work in those countries?",
    "For the countries that ratified Convention No. 102 in {year}, who are the funders of the ILO's work there?",
    "I'm drafting a donor map. For the countries that ratified Convention No. 102 in {year}, which donors fund the ILO there?",
    # a sentence counting them: the whole reading kept every ratifier, the year dropped
    "A couple of countries ratified Convention No. 102 in {year}. Who funds the ILO's work in those countries?",
    "Several countries ratified Convention No. 102 in {year}; which donors support the ILO in those countries?",
])
def test_the_funders_of_a_described_set_are_its_countries_funders(engine, wording):
    countries, year = _funded_pair(engine)
    named = {e for e in answer_ids(engine, engine.ask(f"Which countries ratified Convention No. 102 in {year}?"))}
    assert named == countries  # the naming question is the graph's own answer
    expected = set().union(*(funders_per_country(engine.k)[c] for c in countries))
    r = engine.ask(wording.format(year=year))
    assert answer_ids(engine, r) == expected


def test_a_pick_from_a_described_set_keeps_the_set_and_the_condition(engine):
    """"Which <F>-funded countries are also pathfinders": the countries both facts hold."""
    pathfinders = {f["subject"] for f in engine.k.facts if f["predicate"] == "pathfinderOf"}
    for funder_id in sorted({f["object"] for f in engine.k.facts if f["predicate"] == "fundedBy"}):
        funded = {f["subject"] for f in engine.k.facts if f["predicate"] == "fundedBy" and f["object"] == funder_id}
        both = funded & pathfinders
        label = engine.k.entity(funder_id)["label"]
        if len(funded) >= 3 and 0 < len(both) < len(funded) and funder_id.startswith("Organization:gov-") and " " not in label:
            break
    else:
        pytest.skip("no single-word funder country with some pathfinders among several funded countries")
    for q in (f"Which {label}-funded countries are also Global Accelerator pathfinders?",
              f"Of the countries that {label} funds, which ones are Global Accelerator pathfinders?"):
        assert answer_ids(engine, engine.ask(q)) == both, q


@pytest.mark.parametrize("wording", [
    "For a note I need every country that ratified Convention No. 102 in {year} - which ones does the report mention?",
    "I'm after each country that ratified Convention No. 102 in {year}; which are they?",
])
def test_a_question_that_only_points_back_asks_for_the_described_set(engine, wording):
    countries, year = _funded_pair(engine)
    assert answer_ids(engine, engine.ask(wording.format(year=year))) == countries


def test_a_chain_replaces_the_whole_reading_only_where_that_reading_missed_it():
    """(set_by_description._replaces_whole) nothing, or the described set itself, gives way to the
    chain; an answer the whole reading already composed otherwise stands."""
    from app.qa.multihop.set_by_description import _replaces_whole

    the_set = [{"label": "A", "type": "Country"}, {"label": "B", "type": "Country"}]
    chained = {"answers": [{"label": "F", "type": "Organization"}, {"label": "G", "type": "Organization"}]}
    assert _replaces_whole(chained, the_set, {"answers": []})
    assert _replaces_whole(chained, the_set, {"answers": list(the_set)})
    assert not _replaces_whole(chained, the_set, {"answers": [{"label": "H", "type": "Organization"}]})
    assert _replaces_whole(chained, the_set, {"answers": [{"label": "F", "type": "Organization"}]})


@pytest.mark.parametrize("question", [
    "The ILO worked with a refugee agency in a couple of African countries. Who funds the ILO's work in those countries?",
    "A handful of countries published statistical bulletins. Which donors fund the work in those countries?",
    "A couple of nations ratified the convention in 2022; which donors support the ILO in those countries?",
])
def test_a_sentence_counting_countries_loosely_describes_a_set(question):
    named = read(question)
    assert named and named[0].inner.startswith("Which countries: ") and "{}" in named[0].outer


def test_a_graph_chain_replaces_a_whole_reading_that_only_read_sentences():
    """(set_by_description._replaces_whole) a whole reading taken from sentences gives way to a
    chain the graph answered; a graph reading that answered otherwise stands."""
    from app.qa.multihop.set_by_description import _replaces_whole

    the_set = [{"label": "A", "type": "Country"}]
    chained = {"answers": [{"label": "F", "type": "Organization"}], "strategy": "graph"}
    other = [{"label": "H", "type": "Organization"}]
    assert _replaces_whole(chained, the_set, {"answers": other, "strategy": "text"})
    assert not _replaces_whole(chained, the_set, {"answers": other, "strategy": "graph"})
    assert not _replaces_whole(dict(chained, strategy="text"), the_set, {"answers": other, "strategy": "text"})


def test_a_whole_reading_of_a_looser_set_gives_way_to_the_chain():
    """(set_by_description.looser) the chain's answers among more than as many again: the whole
    reading kept part of the description (every ratifier for "ratified in 2023"); the chain's
    answers among a few more, or answers of its own, stand."""
    from app.qa.multihop.set_by_description import _replaces_whole, looser

    assert looser({"F", "G", "H", "I", "J"}, {"F", "G"})
    assert not looser({"F", "G", "H"}, {"F", "G"})
    assert not looser({"F", "H", "I", "J", "K"}, {"F", "G"})
    the_set = [{"label": "A", "type": "Country"}]
    chained = {"answers": [{"label": "F", "type": "Organization"}], "strategy": "graph"}
    many = [{"label": x, "type": "Organization"} for x in "FGHI"]
    assert _replaces_whole(chained, the_set, {"answers": many, "strategy": "graph"})
