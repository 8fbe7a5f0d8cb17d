"""What a keyword query or a question asks when its wording, not its head noun, says so.

- A question closing on the unit it wants ("..., in years?", "(in months)", "(number)") asks that
  measure, whatever noun it is about ("the new minimum contribution period for a pension");
  "(year)" asks a year.
- A keyword query naming a kind of scheme and closing on the group the scheme is for
  ("<country> health insurance scheme refugees") asks for the scheme, not how many refugees; a role
  noun a figure counts ("... beneficiaries", "... recipients") is still a count.
- A keyword query closing on "administrator" asks for the body that runs the scheme: the noun is
  declared on the relation (``administeredBy.object_nouns``), so it reaches the analysis from the
  registry.
"""
from __future__ import annotations

import pytest

from app.qa.figures.numbers import counted_noun_last
from app.qa.form.end_nouns import end_noun_type
from app.qa.question import answer_type


@pytest.mark.parametrize("question, expected", [
    ("Under the amended law, what's the new minimum contribution period for a pension, in years?", "Number"),
    ("What is the new minimum contribution period (in years) for a contributory pension?", "Number"),
    ("How long an extension did the committee approve, in months?", "Number"),
    ("which valuation of the healthcare system did the office deliver (number)", "Number"),
    ("On which date did the board meeting take place (year)?", "Year"),
    # no unit asked: the head noun stands
    ("Which countries, in Africa, ratified the convention?", "Country"),
    ("Which scheme did the government launch in 2024?", "Scheme"),
])
def test_a_closing_unit_says_the_answer_is_a_measure(question, expected):
    assert answer_type(question) == expected


@pytest.mark.parametrize("query, counted", [
    ("egypt health insurance scheme refugees", False),       # the scheme for refugees is asked
    ("kenya savings scheme relaunched refugees", False),
    ("health insurance system pilot refugees", False),
    ("social protection newsletter subscribers", True),       # an audience is only ever counted
    ("older persons grant recipients", True),                 # a role noun a figure counts
    ("contribution subsidy pilot workers covered", True),     # people, then what was done to them
    ("refugees", True),
])
def test_a_group_after_a_kind_of_scheme_is_no_count(query, counted):
    assert counted_noun_last(query) is counted


def test_administrator_is_a_declared_end_noun():
    from graph.relations import REGISTRY

    assert "administrator" in REGISTRY.get("administeredBy").object_nouns
    assert end_noun_type("national healthcare system administrator") == "Organization"
    assert end_noun_type("national healthcare system") is None


def test_engine_answers_a_scheme_for_a_group_keyword_query(engine):
    """The keyword query is answered with a scheme (a name), not with a figure of its sentence."""
    import re

    import graph.countries as countries
    # a scheme the report says refugees were brought into, found in the report's own sentences
    text = " ".join(p.text for p in engine.k.passages.values())
    m = re.search(r"refugees[^.]{0,80}?\binto the ([A-Z][\w ]+?(?:Scheme|System))", text)
    assert m, "the report names a scheme refugees are brought into"
    sentence = text[max(0, m.start() - 300):m.end()]
    country = [surface for *_, surface, _ in countries.find_countries(sentence)][-1]
    got = engine.ask(f"{country.lower()} health insurance scheme refugees")
    assert got["answer_type"] == "Scheme"
    assert got["answers"] and all(a["type"] == "Scheme" for a in got["answers"])


@pytest.mark.parametrize("question, expected", [
    ("In which territory did the donor help pay for new social allowances?", "Country"),
    ("Which territories received new allowances?", "Country"),
    ("Which United Nations agency funded it?", "Organization"),  # "Nations" inside a name is no head
])
def test_a_territory_is_asked_as_a_country(question, expected):
    """"In which territory" asks for a place the graph holds as a country (the report's territories
    are countries in the gazetteer), not for the allowances the question is about."""
    assert answer_type(question) == expected


def test_which_countrys_body_asks_the_country(engine):
    """"Which country's <body> manages <scheme>?" asks for the body's country: the relation the
    question words (the scheme's administrator) is context, and its guessed end (a scheme) must not
    override the possessive head.  Every such triple the graph holds is asked: a scheme, its
    administrator and the one country that body is an institution of."""
    asked = 0
    for f in engine.k.facts_where(predicate="administeredBy"):
        home = engine.k.facts_where(subject=f["object"], predicate="institutionOf")
        if len(home) != 1:
            continue
        scheme, body, country = f["subject"], f["object"], home[0]["object"]
        got = engine.ask(f"Which country's {engine.k.label(body)} manages the {engine.k.label(scheme)}?")
        assert got["answer_type"] == "Country", (engine.k.label(body), engine.k.label(scheme))
        assert engine.k.label(country) in [a["label"] for a in got["answers"]]
        asked += 1
    assert asked, "the graph holds an administered scheme whose body is a national institution"
