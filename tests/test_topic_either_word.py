"""A topic offered as a choice of words ("cocoa or coffee supply chains", app.qa.topics.either_word):

- the word across "or", a comma or a slash stands in the key word's place, and so do the words a
  list chains to it; the noun the list shares ("supply chains") and a modifier the key's own run
  repeats ("actuarial valuations or actuarial analyses") do not;
- "and" joins no choice: "the tea and coffee sectors" is one topic of both words;
- in the engine, a sentence writing only the other word of the choice answers too, both where one
  country's sentence is the best and further entries must write the topic's rarest word
  (``Engine._on_best_topic``) and in the sweep over that word's sentences (app.qa.topics.sweep).

Pure pieces use ordinary English words; the engine tests ask the real engine over the real build
and compare with what the report's own entries write.
"""
from __future__ import annotations

import pytest

from app.qa.topics.either_word import coordinated_with, holds_key_or_alternative
from app.qa.units import terms
from tests.support.engine import answer_ids, entry_countries_saying


def _t(word: str) -> str:
    return terms(word)[0]


def test_the_word_across_or_is_the_alternative():
    assert coordinated_with("which countries worked in cocoa or coffee supply chains", _t("cocoa")) == {_t("coffee")}
    assert coordinated_with("which countries worked in cocoa or coffee supply chains", _t("coffee")) == {_t("cocoa")}


def test_a_list_chains_its_words():
    got = coordinated_with("crops such as cocoa, coffee, tea or rubber", _t("coffee"))
    assert got == {_t("cocoa"), _t("tea"), _t("rubber")}
    assert coordinated_with("typhoons/floods response", _t("floods")) == {_t("typhoons")}


def test_the_shared_noun_and_a_repeated_modifier_are_no_alternative():
    got = coordinated_with("actuarial valuations or actuarial analyses of schemes", _t("valuations"))
    assert got == {_t("analyses")}
    assert _t("supply") not in coordinated_with("cocoa or coffee supply chains", _t("cocoa"))


def test_and_joins_no_choice_and_a_lone_word_has_none():
    assert coordinated_with("inspection in the tea and coffee sectors", _t("tea")) == set()
    assert coordinated_with("which countries were hit by typhoons", _t("typhoons")) == set()


def test_a_sentence_writing_the_alternative_holds_the_key():
    sentence = set(terms("training on social security in the tea and coffee sectors"))
    holds = lambda t: t in sentence
    assert holds_key_or_alternative(holds, _t("cocoa"), [_t("coffee")])
    assert not holds_key_or_alternative(holds, _t("cocoa"), [])
    assert not holds_key_or_alternative(holds, _t("cocoa"), [_t("rubber")])


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
