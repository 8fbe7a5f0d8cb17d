"""Two kinds asked together (app/qa/form/coordinated_heads.py): "which governments and organisations ...".

A donor government is an organisation in the graph, so a head that joins a kind of place to a kind
of body asks for organisations; two kinds of place, or a lone head, keep their own type.  The
engine check compares the joined wording with the plain organisations wording for every country
the knowledge base says is funded (facts, not report text).
"""
from __future__ import annotations

import pytest

from app.qa.question import answer_type
from tests.support.engine import answer_ids, funders_per_country


@pytest.mark.parametrize("question", [
    "Which governments and organisations fund the ILO's work in Utopia?",
    "which countries or bodies finance the work in Utopia",
    "What donors and governments pay for the programme in Utopia?",
    "I'd like to know which governments and/or institutions back the ILO there.",
])
def test_a_place_kind_joined_to_a_body_kind_asks_for_organisations(question):
    assert answer_type(question) == "Organization"


@pytest.mark.parametrize("question, kind", [
    ("Which countries and territories ratified the convention in 2024?", "Country"),
    ("Which governments ratified the convention?", "Country"),
    ("Which organisations fund the work in Utopia?", "Organization"),
    ("Which countries and which donors are named?", "Country"),  # a second question, not a joined head
])
def test_other_heads_keep_their_type(question, kind):
    assert answer_type(question) == kind


def test_joined_heads_get_the_funders(engine):
    funded = funders_per_country(engine.k)
    country = next((c for c, fs in sorted(funded.items()) if len(fs) >= 2), None)
    if country is None:
        pytest.skip("no country with two funders")
    name = engine.k.entity(country)["label"]
    for q in (f"Which governments and organisations fund the ILO's work in {name}?",
              f"which countries or institutions finance the ILO in {name}"):
        assert answer_ids(engine, engine.ask(q)) == funded[country], q

