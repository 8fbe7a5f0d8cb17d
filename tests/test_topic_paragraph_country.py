"""Thematic "which countries" questions (app.qa.topics.topic_coverage):

- a sentence on the topic that names no country, outside the country entries, is about the one
  country its paragraph introduces ("... ACCEL Africa ... to abolish child labour ... Through the
  second phase ... in Côte d'Ivoire"); only for a sentence as close as the best one, and not for a
  country the paragraph names only at its end (a pointer elsewhere);
- a key word heading one item of a choice ("tripartite consultations or workshops", "humanitarian
  crises or natural disasters") is written by a sentence writing another item in its place (a
  later item whole: "refugees or host communities"); the words both items keep ("tripartite")
  still have to be written, and such a sentence must be as close as a key-word one;
- a topic said only in common words ("health insurance for workers in the informal economy": no
  word rare enough to be a key) is pinned down by all of them together.

Questions are built from the report's own words; nothing here names its facts.
"""
from __future__ import annotations

import re

import pytest

from app.qa.topics.either_word import coordinated_with
from app.qa.units import terms
from graph import countries
from tests.support.engine import answer_ids, countries_saying


def _t(word: str) -> str:
    return terms(word)[0]


def test_only_the_head_of_an_item_has_a_stand_in():
    q = "In which countries did the ILO support tripartite consultations or workshops on social security reform?"
    assert coordinated_with(q, _t("consultations"), heads_only=True) == [frozenset({_t("workshops")})]
    assert coordinated_with(q, _t("tripartite"), heads_only=True) == []
    # without heads_only the old reading stands (the rarest-word check of Engine._on_best_topic)
    assert coordinated_with(q, _t("tripartite")) == [frozenset({_t("workshops")})]
    q = "Which countries did the ILO support in responding to humanitarian crises or natural disasters?"
    assert coordinated_with(q, _t("disasters"), heads_only=True) == [frozenset({_t("crises")})]
    q = "Where is the ILO opening savings schemes to refugees or host communities?"
    assert coordinated_with(q, _t("refugees"), heads_only=True) == [frozenset({_t("host"), _t("communities")})]


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def _paragraph_topic_country(engine, word: str) -> str | None:
    """A country tied to ``word`` only through its paragraph: outside the country entries, a
    sentence writes the word and names no country, and the paragraph names one country, early."""
    for p in engine.k.passages.values():
        if p.kind != "paragraph" or engine.text._entry_country(p):
            continue
        named = {iso for *_, iso in countries.find_countries(p.text)}
        sents = _sentences(p.text)
        if len(named) != 1 or not any(countries.find_countries(" ".join(sents[:2]))):
            continue
        if any(re.search(rf"(?i)\b{word}\b", s) and not countries.find_countries(s) for s in sents):
            return f"Country:{named.pop()}"
    return None


def test_engine_topic_sentence_takes_its_paragraphs_country(engine):
    iso = _paragraph_topic_country(engine, "child labour")
    if iso is None:
        pytest.skip("no paragraph outside the entries ties child labour to one country")
    got = answer_ids(engine, engine.ask("child labour and social protection - which countries"))
    assert iso in got
    assert got <= countries_saying(engine, r"\bchild labour\b") | {iso}


def test_engine_other_item_of_a_choice_answers(engine):
    crisis = countries_saying(engine, r"\bhumanitarian crisis\b")
    disaster = countries_saying(engine, r"\bdisasters?\b")
    if not crisis - disaster:
        pytest.skip("no country's sentence writes a humanitarian crisis and no disaster")
    got = answer_ids(engine, engine.ask(
        "Which countries did the ILO support in responding to humanitarian crises or natural disasters in 2024?"))
    assert got & (crisis - disaster)
    assert got & disaster
    assert got <= crisis | disaster | countries_saying(engine, r"\b(?:typhoons?|cris[ie]s)\b")


def test_engine_shared_word_of_a_choice_is_still_required(engine):
    # "tripartite consultations or workshops": a workshop that is not tripartite does not answer
    got = answer_ids(engine, engine.ask(
        "In which countries did the ILO support tripartite consultations or workshops on social security reform?"))
    assert got
    assert got <= countries_saying(engine, r"\btripartite\b")


def test_engine_topic_in_common_words_reaches_every_entry_writing_them(engine):
    both = countries_saying(engine, r"\bhealth\b.*\binformal\b|\binformal\b.*\bhealth\b")
    if len(both) < 2:
        pytest.skip("fewer than two countries' sentences write health and informal together")
    got = answer_ids(engine, engine.ask("Where did the ILO help extend health insurance to workers in the informal economy?"))
    assert len(got) >= 2
    assert got <= both | countries_saying(engine, r"\binformal\b")
