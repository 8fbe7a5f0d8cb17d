"""A plural country question answered by one sentence adds other entries' sentences that score
near it only when they write the topic's rarest key word (the word the best sentence shares with
the question).  A near score alone is the question's frame: "which countries had typhoons the ILO
helped respond to" scored a climate-section sentence on a diagnostic tool close to the typhoon
sentence, and its country was answered.

Real engine over the real build; the topic word is picked from the report's own text (a rare word
written in a few country sentences), so no fact of the report is written here.
"""
from __future__ import annotations

import re

import pytest

from app.qa.engine import TextResult
from app.qa.topics.topic_coverage import MIN_KEY_IDF


def _rare_word(engine) -> str | None:
    """A rare topic word (a disaster, here) the report writes in two to six sentences."""
    for word in ("typhoon", "cyclone", "earthquake", "hurricane", "flood", "drought"):
        rows = [u for u in engine.units.units if u.kind == "sentence" and re.search(rf"(?i)\b{word}", u.text)]
        if 2 <= len(rows) <= 6 and engine.units.idf.get(word, 0.0) >= MIN_KEY_IDF:
            return word
    return None


def _unit_with(engine, pattern: str, without: str | None = None) -> int | None:
    for u in engine.units.units:
        if u.kind == "sentence" and re.search(pattern, u.text, re.I) and \
                (without is None or not re.search(without, u.text, re.I)):
            return u.id
    return None


def test_a_near_sentence_without_the_topic_word_is_not_on_the_topic(engine):
    word = _rare_word(engine)
    if word is None:
        pytest.skip("the report writes no rare disaster word in a few sentences")
    best = _unit_with(engine, rf"\b{word}")
    other = _unit_with(engine, r"\bclimate\b", without=rf"\b{word}")
    if best is None or other is None:
        pytest.skip("no sentence pair to compare")
    question = f"Which countries had {word}s that the ILO helped respond to with social protection?"
    on_topic = engine._on_best_topic(question, TextResult(best, engine.units.units[best].passage_id, 1.0, []))
    assert on_topic(TextResult(best, engine.units.units[best].passage_id, 1.0, []))
    assert not on_topic(TextResult(other, engine.units.units[other].passage_id, 1.0, []))


def test_without_a_key_word_every_near_sentence_passes(engine):
    """A best sentence sharing no rare word with the question leaves the score to decide."""
    best = _unit_with(engine, r"\bclimate\b")
    other = _unit_with(engine, r"\bpension")
    question = "Which countries did the ILO support?"
    on_topic = engine._on_best_topic(question, TextResult(best, engine.units.units[best].passage_id, 1.0, []))
    assert on_topic(TextResult(other, engine.units.units[other].passage_id, 1.0, []))


def test_typhoon_answers_each_write_the_topic(engine):
    """Every country answered for the topic has a sentence in its evidence on that topic."""
    word = _rare_word(engine)
    if word is None:
        pytest.skip("the report writes no rare disaster word in a few sentences")
    res = engine.ask(f"which countries had {word}s that the ILO helped respond to with social protection?")
    assert res["answers"]
    for a in res["answers"]:
        assert any(re.search(rf"(?i)\b{word}", e["text"]) for e in a["evidence"]) or \
            any(re.search(rf"(?i)\b{word}", p) for p in a.get("path") or []), a["label"]
