"""'Of the countries that ..., which are ...?' (app/qa/multihop/set_by_description.py, an overlap reading, and the engine's use of it).

The engine check computes both halves with the engine itself and asks for their intersection; no
answer is written here.
"""
from __future__ import annotations

import pytest

from app.qa.multihop.set_by_description import read


@pytest.mark.parametrize("question, described, asked", [
    ("Of the countries whose trade unionists spoke at the network meeting, which are Global Accelerator pathfinders?",
     "Which countries' trade unionists spoke at the network meeting?", "Which countries are Global Accelerator pathfinders?"),
    ("Among the countries that received new allocations in 2024, which ones are pathfinders?",
     "Which countries received new allocations in 2024?", "Which countries are pathfinders?"),
    ("Of the countries where the ILO worked with UNICEF, which countries are in Africa?",
     "In which countries the ILO worked with UNICEF?", "Which countries are in Africa?"),
])
def test_split_into_the_described_and_the_asked_question(question, described, asked):
    assert (described, asked) in [(r.inner, r.second) for r in read(question)]


@pytest.mark.parametrize("question", [
    "Which countries are Global Accelerator pathfinders?",
    "Of the countries that ratified C102, which of the pathfinders joined in 2023?",  # another set named
    "Of the countries, which is largest?",  # no description
])
def test_other_questions_do_not_split(question):
    assert not read(question)


def _labels(r) -> set[str]:
    return {a["label"] for a in r["answers"]}


def test_a_dropped_description_narrows_the_relations_answer(engine):
    asked = _labels(engine.ask("Which countries are Global Accelerator pathfinders?"))
    described = _labels(engine.ask("Which countries' trade unionists spoke at the 6th meeting of the Social "
                                   "Protection, Freedom and Justice for Workers Network?"))
    want = asked & described
    assert want and want < asked
    for q in ("Of the countries whose trade unionists spoke at the 6th meeting of the Social Protection, Freedom "
              "and Justice for Workers Network, which are Global Accelerator pathfinders?",
              "Among the countries whose trade unionists spoke at the 6th meeting of the Social Protection, Freedom "
              "and Justice for Workers Network: which ones are Global Accelerator pathfinders?"):
        r = engine.ask(q)
        assert _labels(r) == want, q
        # the path says the described set was asked on its own
        assert any(p.startswith("within the set asked by") for p in r["path"]), q
        assert r["answer_text"].count("[") == len(want)  # the summary cites the narrowed answers only


def test_a_description_the_whole_reading_used_is_left_alone(engine):
    r = engine.ask("Of the countries that ratified Convention No. 102, which are in Africa?")
    assert r["answers"] and not any(p.startswith("within the set asked by") for p in r["path"])
