"""Groups of people a sentence lists answer "which groups ..." questions
(app/qa/topics/people_groups.py).

Before, "which new groups of workers does the amended law bring under mandatory coverage?" answered
the law's pension schemes, and "<country> new contributory scheme target groups" a figure: no
entity the graph holds is a group of people, and the group finder only read lists written beside
the word "groups".
"""
from __future__ import annotations

import re

import pytest

from app.qa.question import answer_type, asks_people_groups
from app.qa.topics.people_groups import people_groups


@pytest.mark.parametrize("sentence, groups", [
    ("The scheme was extended to 774,000 newly eligible refugees and asylum seekers providing them with access.",
     ["refugees", "asylum seekers"]),
    ("New schemes for informal, self-employed and migrant workers were designed.",
     ["informal workers", "self-employed workers", "migrant workers"]),
    ("Coverage was extended to 3 million previously uncovered workers including household business owners, "
     "part-time workers, and non-salaried managers of enterprises and cooperatives.",
     ["household business owners", "part-time workers", "non-salaried managers of enterprises and cooperatives"]),
    ("Support will expand coverage for key vulnerable populations, including persons with disabilities, "
     "older persons, and refugees.", ["persons with disabilities", "older persons", "refugees"]),
    ("The ILO worked with UNICEF, the EU and the Netherlands.", []),             # bodies, no people
    ("Registration is voluntary for informal workers, and offers protection.", []),  # "offers" is a verb
])
def test_people_groups(sentence, groups):
    assert people_groups(sentence) == groups


@pytest.mark.parametrize("question, asks", [
    ("Which groups were newly brought into the scheme?", True),
    ("Which new groups of workers does the law bring under coverage?", True),
    ("Which population groups does the new support aim to cover?", True),
    ("nepal new contributory scheme target groups", True),
    ("Which working groups does the ILO co-chair?", False),
    ("Which groups of countries joined?", False),
])
def test_group_questions(question, asks):
    assert asks_people_groups(question) is asks
    if asks:
        assert answer_type(question) == "Text"


def test_engine_lists_the_groups_a_law_brings_in(engine):
    """The groups are read from the report's own sentence about the amended law."""
    text = "\n".join(p.text for p in engine.k.passages.values())
    m = re.search(r"mandatory social insurance coverage to new groups of workers including ([^.]+)\.", text)
    assert m, "the report lists the new groups of workers the amendment covers"
    expected = people_groups("workers including " + m.group(1))
    assert len(expected) >= 3
    got = engine.ask("Viet Nam amended its Law on Social Insurance in 2024 — which new groups of workers does it "
                     "bring under mandatory social insurance coverage?")
    assert got["answer_type"] == "Text"
    assert [a["label"] for a in got["answers"]] == expected
