"""A topic offered as a choice of words ("cocoa or coffee supply chains", app.qa.topics.either_word):

- each other item of a choice by "or", a comma or a slash stands in the key word's place: the word
  it shows the key's item, past the words they share, with those shared words ("maternity
  benefits" for "maternity leave"); the noun the list shares ("supply chains") does not, and a
  word every item writes has no stand-in;
- "and" joins no choice: "the tea and coffee sectors" is one topic of both words;
- in the engine, a sentence writing only the other word of the choice answers too, both where one
  country's sentence is the best and further entries must write the topic's rarest word
  (``Engine._on_best_topic``) and in the sweep over that word's sentences (app.qa.topics.sweep).

Pure pieces use ordinary English words; the engine tests ask the real engine over the real build
and compare with what the report's own entries write.
"""
from __future__ import annotations

import re

import pytest

from app.qa.topics.either_word import coordinated_with, holds_key_or_alternative
from app.qa.units import terms
from graph import countries
from tests.support.engine import answer_ids, entry_countries_saying


def _t(word: str) -> str:
    return terms(word)[0]


def _alts(question: str, word: str) -> set[frozenset[str]]:
    return set(coordinated_with(question, _t(word)))


def _ph(*words: str) -> frozenset[str]:
    return frozenset(_t(w) for w in words)


def test_the_word_across_or_is_the_alternative():
    assert _alts("which countries worked in cocoa or coffee supply chains", "cocoa") == {_ph("coffee")}
    assert _alts("which countries worked in cocoa or coffee supply chains", "coffee") == {_ph("cocoa")}
    assert _alts("supply chains of coffee or cocoa", "cocoa") == {_ph("coffee")}


def test_a_list_chains_its_words():
    assert _alts("crops such as cocoa, coffee, tea or rubber", "coffee") == {_ph("cocoa"), _ph("tea"), _ph("rubber")}
    assert _alts("typhoons/floods response", "floods") == {_ph("typhoons")}


def test_the_words_the_items_repeat_go_with_the_stand_in():
    assert _alts("maternity benefits, maternity leave or maternity protection", "leave") == \
        {_ph("maternity", "benefits"), _ph("maternity", "protection")}
    assert _alts("carried out actuarial valuations or actuarial analyses of schemes", "valuations") == \
        {_ph("actuarial", "analyses")}


def test_items_of_one_length_stand_word_for_word():
    assert _alts("launch an online portal or digital platform", "portal") == {_ph("platform")}


def test_a_word_every_item_writes_has_no_stand_in():
    assert _alts("an ongoing conflict or conflict escalation", "conflict") == set()


def test_and_joins_no_choice_and_a_lone_word_has_none():
    assert _alts("inspection in the tea and coffee sectors", "tea") == set()
    assert _alts("which countries were hit by typhoons", "typhoons") == set()


def test_a_sentence_writing_every_word_of_an_alternative_holds_the_key():
    sentence = set(terms("training on maternity benefits in the tea and coffee sectors"))
    holds = lambda t: t in sentence
    assert holds_key_or_alternative(holds, _t("cocoa"), [_ph("coffee")])
    assert not holds_key_or_alternative(holds, _t("cocoa"), [])
    assert holds_key_or_alternative(holds, _t("leave"), [_ph("maternity", "benefits")])
    assert not holds_key_or_alternative(holds, _t("leave"), [_ph("maternity", "protection")])


def _either_sides(engine, a: str, b: str) -> tuple[set[str], set[str]]:
    only_a = entry_countries_saying(engine, rf"\b{a}\b") - entry_countries_saying(engine, rf"\b{b}\b")
    only_b = entry_countries_saying(engine, rf"\b{b}\b") - entry_countries_saying(engine, rf"\b{a}\b")
    return only_a, only_b


def test_engine_either_crop_reaches_the_entries_of_each(engine):
    only_cocoa, only_coffee = _either_sides(engine, "cocoa", "coffee")
    if not only_cocoa or not only_coffee:
        pytest.skip("the report has no entry writing one crop and not the other")
    words = entry_countries_saying(engine, r"\b(?:cocoa|coffee)\b")
    got = answer_ids(engine, engine.ask(
        "In which countries did the ILO work on social protection in cocoa or coffee supply chains?"))
    assert got <= words
    assert got & only_coffee and got & only_cocoa


def test_engine_both_crops_with_and_keep_the_narrow_topic(engine):
    tea = entry_countries_saying(engine, r"\btea\b")
    if not tea:
        pytest.skip("the report writes no entry on tea")
    got = answer_ids(engine, engine.ask(
        "In which countries did the ILO help build social security inspection for the tea and coffee sectors?"))
    assert got and got <= tea


def test_engine_choice_of_phrases_reaches_an_entry_writing_another(engine):
    leave = entry_countries_saying(engine, r"\bmaternity leave\b")
    benefits = entry_countries_saying(engine, r"\bmaternity benefits?\b") - leave
    if not leave or not benefits:
        pytest.skip("the report has no entry writing one phrase and not the other")
    got = answer_ids(engine, engine.ask(
        "In which countries does the report describe work on maternity benefits, maternity leave or maternity protection?"))
    assert got & benefits
    named = {f"Country:{iso}" for p in engine.k.passages.values() for s in re.split(r"(?<=[.!?])\s+", p.text)
             if re.search(r"(?i)\bmaternity\b", s) for *_, iso in countries.find_countries(s)}
    assert got <= entry_countries_saying(engine, r"\bmaternity\b") | named
