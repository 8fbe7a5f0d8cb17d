"""Yes/no questions about one named entity, negated or not, answered as membership in the list
question with the subject left open.  The real engine over the real build; the expected verdicts
are read from the knowledge base's facts."""
from __future__ import annotations

import pytest

from app.qa.constraints.polar import open_subject
from tests.support.engine import pathfinder_sides


def _country(engine, name: str) -> str:
    return next(i for l in engine.lexicon.link(name) for i in l.ids if i.startswith("Country:"))


def test_the_subject_is_left_open(engine):
    q = "Has Kenya not ratified Convention No. 102?"
    p = open_subject(q, engine.lexicon.link(q))
    assert p is not None and p.list_question.startswith("Which countries have not ratified")
    assert _country(engine, "Kenya") in p.subject_ids
    for q in ("Which countries ratified Convention No. 102?", "Is there a roadmap?",
              "Has Angola's ratification become valid?", "Does Japan fund Indonesia?",
              "Is Norway or the United Kingdom the funder of more countries?"):
        assert open_subject(q, engine.lexicon.link(q)) is None, q


@pytest.mark.parametrize("negated", [False, True])
def test_a_yes_no_question_on_a_relation_and_its_negation(engine, negated):
    member, other = pathfinder_sides(engine)
    word = " not" if negated else ""
    for country, is_member in ((member, True), (other, False)):
        res = engine.ask(f"Is {engine.k.label(country)}{word} a Global Accelerator pathfinder?")
        assert res["answer_type"] == "Text" and len(res["answers"]) == 1, res
        assert res["answers"][0]["label"] == ("Yes" if is_member != negated else "No"), (country, res["answers"])
        text = res["answer_text"]
        assert text.startswith(res["answers"][0]["label"]) and engine.k.label(country) in text, text
        if res["answers"][0]["label"] == "Yes" and not negated:
            assert res["answers"][0]["evidence"]  # the list answer's evidence for the subject
            # the one citation points at that evidence
            assert res["citations"] == {"1": res["answers"][0]["evidence"][0]["passage_id"]} and "[1]" in text
        if res["answers"][0]["label"] == "No":  # a "no" rests on the report's silence and says so
            assert "as far as the report says" in text and not res["citations"]


def test_did_a_country_act_is_a_list_entry_unless_it_funds(engine):
    """'Did Jordan ratify C102?' tests membership in 'Which countries did ratify C102?' (the past
    auxiliary of an act a country does); a country asked as a funder is still not such an entry."""
    ratified = {a["label"] for a in engine.ask("Which countries ratified Convention No. 102?")["answers"]}
    assert ratified
    inside = sorted(ratified)[0]
    outside = next(c for c in ("Kenya", "Malawi", "Nepal", "Ghana") if c not in ratified)
    for name, want in ((inside, "Yes"), (outside, "No")):
        r = engine.ask(f"Did {name} ratify Convention No. 102?")
        assert [a["label"] for a in r["answers"]] == [want], name
        assert r["strategy"] == "graph (yes/no)"
    q = "Did Japan fund Indonesia?"
    polar = open_subject(q, engine.lexicon.link(q))
    assert polar is None or "organisations" in polar.list_question
