"""A question that describes a country first and then refers back to it (app/qa/multihop/described_referent.py).

The pure function is checked on several frames and on questions it must leave alone; the engine
check compares the chained answer with the same relation asked of the country the description
names, found here by asking the description as a question of its own (no report fact written here).
"""
from __future__ import annotations

import pytest

from app.qa.multihop.described_referent import fold


@pytest.mark.parametrize("question, folded", [
    ("There is a country whose new law brought in a social pension for everyone over 70; who funds the ILO's work "
     "in that country?",
     "who funds the ILO's work in the country whose new law brought in a social pension for everyone over 70?"),
    ("Take the country where a new law introduced a social pension for people above 70: who funds the ILO there?",
     "who funds the ILO in the country where a new law introduced a social pension for people above 70?"),
    ("Think of a nation that created an unemployment insurance scheme in 2024 - which organisations partnered "
     "with the ILO in this nation?",
     "which organisations partnered with the ILO in the country that created an unemployment insurance scheme in 2024?"),
    ("There's a member state whose pension law changed, so who finances the work in that country in 2024?",
     "so who finances the work in the country whose pension law changed, in 2024?"),
    ("Of the countries that ratified C102 in 2024, who funds the work in those countries?",
     "who funds the work in the countries that ratified C102 in 2024?"),
    ("Among the countries that have a Result 1 in 2024: which organisations fund these countries?",
     "which organisations fund the countries that have a Result 1 in 2024?"),
])
def test_an_opening_description_is_written_in_at_the_back_reference(question, folded):
    assert fold(question) == folded


@pytest.mark.parametrize("question", [
    "Which countries ratified Convention No. 102?",
    "A country adopted a new law on pensions; who funds it?",  # no back-reference to a country
    "There is a country whose law changed; which funders of that country also fund Jordan, Kenya and Malawi together?",
    "who funds the ILO's work in the country whose Older Persons' Act introduced a social pension?",
    "The countries that ratified C102: who funds those countries?",  # no framing word: may be the question itself
])
def test_other_questions_are_left_alone(question):
    assert fold(question) is None


def test_chained_answer_is_the_described_countrys(engine):
    desc = "a new law introduced a social pension for all people above 70 years of age"
    country = engine.ask(f"In which country has {desc}?")
    assert len(country["answers"]) == 1
    name = country["answers"][0]["label"]
    direct = {a["label"] for a in engine.ask(f"Who funds the ILO's work in {name}?")["answers"]}
    assert direct
    for q in (f"There is a country where {desc}; who funds the ILO's work in that country?",
              f"Take the country where {desc}: who finances the ILO's work there?"):
        r = engine.ask(q)
        assert {a["label"] for a in r["answers"]} == direct, q
        assert any(name in p for p in r["path"]), q  # the path says which country the description named


def test_chained_plural_answer_is_the_described_sets(engine):
    direct = engine.ask("Who funds the work in the countries that ratified Convention No. 102 in 2024?")
    want = {a["label"] for a in direct["answers"]}
    assert want
    for q in ("Of the countries that ratified Convention No. 102 in 2024, who funds the work in those countries?",
              "Looking at the countries that ratified Convention No. 102 in 2024: which organisations fund those countries?"):
        assert {a["label"] for a in engine.ask(q)["answers"]} == want, q
