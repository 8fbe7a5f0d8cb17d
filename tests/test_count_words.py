""""How much" before a counted noun is "how many" ("how much country are pathfinder of global
accelerator in africa region", a writer in a second language): read as an amount, the text step
answered a figure of some sentence instead of counting the graph's answers."""
from __future__ import annotations

import pytest

from app.qa.form.count_words import rewrite


@pytest.mark.parametrize("question, read", [
    ("how much country are pathfinder of global accelerator in africa region",
     "how many country are pathfinder of global accelerator in africa region"),
    ("how much donors fund Jordan", "how many donors fund Jordan"),
    ("How much african countries are pathfinders?", "How many african countries are pathfinders?"),
    ("How much of the 50 priority countries recorded no result?", "How many of the 50 priority countries recorded no result?"),
    ("How much of the pathfinder nations have ratified C.102?", "How many of the pathfinder nations have ratified C.102?"),
    ("How much Asia and the Pacific countries achieved a scheme reform result in 2024?",
     "How many Asia and the Pacific countries achieved a scheme reform result in 2024?"),
])
def test_a_counted_noun_makes_it_a_count(question, read):
    assert rewrite(question) == read


@pytest.mark.parametrize("question", [
    "How much money did Korea commit?",
    "How much funding did the EU give to countries?",
    "How much financial support countries got",
    "How much did each person receive per month?",       # the noun is the measured verb's subject
    "How much do older persons in the West Bank get each month?",
    "how much of the resources went to Africa",
    "How much of the EU's multi-country project was allocated in 2024?",  # a share of one thing
])
def test_a_measured_amount_stays_an_amount(question):
    assert rewrite(question) == question


def test_the_count_is_the_graphs(engine):
    count = engine.ask("How many countries are pathfinders of the Global Accelerator in Africa?")
    assert count["answers"] and count["strategy"].startswith("graph")
    got = engine.ask("how much country are pathfinder of global accelerator in africa region")
    assert [a["label"] for a in got["answers"]] == [a["label"] for a in count["answers"]]


def test_a_misspelt_counted_noun_is_read_once_spelled(engine):
    """"How much NDA beneficaries ...": the speller mends the noun, then it is counted."""
    standard = engine.ask("How many NDA beneficiaries in Lebanon received the US$100 emergency top-up?")
    assert standard["answers"]
    got = engine.ask("How much NDA beneficaries in Lebanon recieved the US$100 emergency top-up?")
    assert [a["label"] for a in got["answers"]] == [a["label"] for a in standard["answers"]]
