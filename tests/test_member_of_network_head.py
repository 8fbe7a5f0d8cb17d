"""The asked noun before "of" in a long wh-phrase (app/qa/topics/spans.py).

"Which new member of the CONNECT network is coming from Sri Lanka?", "Which CONNECT network members
are from Sri Lanka?": the span reader took "network" (the named thing's own word) as the asked
name, read a network name from the sentence and replaced the graph's members, narrowed by the
country.  The noun before "of" is the asked one ("what kind of scheme" still asks the scheme),
and entities written right after a head that is a linked name's own word ("CONNECT network
members") are the entities asked ("which Philippine social insurance institutions" still asks a
name read from the sentence).
"""
from __future__ import annotations

import pytest

from app.qa.topics.spans import asked_span


@pytest.mark.parametrize("question", [
    "Which new member of the Atlantis network is coming from Utopia?",
    "Which Atlantis network members are from Utopia?",
    "Which partner of the Atlantis programme is based in Utopia?",
])
def test_the_named_things_own_word_is_not_the_asked_name(question):
    name = next(n for n in ("Atlantis network", "Atlantis programme") if n in question)
    at = question.index(name)
    asked = asked_span(question, [(at, at + len(name))], analysed_type="Organization")
    assert asked is None or "network" not in asked.heads and "programme" not in asked.heads


@pytest.mark.parametrize("question, head", [
    ("What kind of scheme did Atlantis launch?", "scheme"),
    ("Which network did the Atlantis university join?", "network"),
    # entities after the head are asked only when the head is a linked name's own word
    ("Which Utopian social insurance institutions ran the drives?", "insurance"),
])
def test_a_kind_of_phrase_still_asks_its_noun(question, head):
    asked = asked_span(question)
    assert asked is not None and head in asked.heads


def test_the_members_asked_are_the_graphs_placed_in_the_named_country(engine):
    """Each wording answers as the keyword form the graph narrows by country."""
    for country in ("Sri Lanka", "Viet Nam"):
        keyword = {a["label"] for a in engine.ask(f"connect network members from {country.lower()}")["answers"]}
        assert len(keyword) == 1
        for q in (f"Which new member of the CONNECT network is coming from {country}?",
                  f"Which CONNECT network members are from {country}?"):
            assert {a["label"] for a in engine.ask(q)["answers"]} == keyword, q
