"""A topic asked in one derivation is found in another: "interoperable" in a sentence on
"interoperability", "digitalisation" where the report writes "digitalization".  A short bare root is another word
("mobile" is no "mobilisation"), so it does not count.

Unit checks on the term matcher with real words (stemmed as the index stems them), and the real
engine over the real build with a question built from the report's own words (skips when the
report has no such sentences).
"""
from __future__ import annotations

import pytest

from app.qa.topics.topic_coverage import holds
from app.qa.units import terms
from tests.support.engine import answer_ids, entry_countries_saying


def _holds(sentence: str, word: str) -> bool:
    return holds(set(terms(sentence)), set(terms(word)))


@pytest.mark.parametrize("sentence, word", [
    ("an interoperability framework for data integration", "interoperable"),
    ("ensuring interoperable social protection systems", "interoperability"),
    ("support to the digitalization of the registry", "digitalisation"),
    ("efforts to digitalise the scheme", "digitalization"),
    ("the long-term sustainability of the fund", "sustainable"),
    ("the vulnerable groups", "vulnerability"),
])
def test_two_derivations_of_one_root_are_the_same_topic(sentence, word):
    assert _holds(sentence, word)


@pytest.mark.parametrize("sentence, word", [
    ("mobile money payments", "mobilisation"),  # a short bare root is another word
    ("the organs of the state", "organisation"),
    ("an actuarial valuation of the scheme", "digitalisation"),
])
def test_a_bare_root_or_another_word_is_not_the_topic(sentence, word):
    assert not _holds(sentence, word)


@pytest.mark.parametrize("template", [
    "Where did the ILO help make social protection systems {adj}?",
    "{adj} data systems countries",
])
def test_countries_writing_the_noun_answer_a_question_in_the_adjective(engine, template):
    """The entries that write 'interoperability' answer a question that says 'interoperable'."""
    nouns = entry_countries_saying(engine, r"\binteroperability\b")
    if len(nouns) < 2:
        pytest.skip("fewer than two country entries write 'interoperability'")
    got = answer_ids(engine, engine.ask(template.format(adj="interoperable")))
    assert nouns <= got, (nouns, got)
