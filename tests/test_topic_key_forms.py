"""A question word the best sentence writes in another form is still one of the topic's key words:
"agricultural workers" asked, "agriculture" written.  Left out of the keys, a further sentence need
not write it, and every sentence on the question's other words (any "trade unions" sentence) adds
its country.  The same word test :func:`holds` applies to further sentences decides it, so a key
word and the sentences that count for it agree.

Unit checks on :func:`key_terms` with real words (stemmed as the index stems them), with a flat idf
so only the word-form rule decides.
"""
from __future__ import annotations

from app.qa.topics.topic_coverage import MIN_KEY_IDF, holds, key_terms
from app.qa.units import terms


def _keys(question: str, best_sentence: str) -> list[str]:
    idf = {t: MIN_KEY_IDF + 1.0 for t in terms(question)}
    return key_terms(question, set(terms(best_sentence)), idf, stop=set())


def test_an_adjective_the_best_sentence_writes_as_a_noun_is_a_key_word():
    keys = _keys("trade unions agricultural", "trade unions are supporting sectors such as agriculture")
    assert set(terms("agricultural")) <= set(keys), keys


def test_the_key_word_keeps_out_a_sentence_that_lacks_it():
    """The further sentence on trade unions alone does not write every key word."""
    keys = _keys("trade unions agricultural", "trade unions are supporting sectors such as agriculture")
    other = set(terms("different trade unions were trained to develop a joint action plan"))
    assert not all(holds(other, {k}) for k in keys)


def test_a_word_the_best_sentence_does_not_write_in_any_form_is_no_key():
    keys = _keys("trade unions agricultural", "trade unions were trained on pensions")
    assert not set(terms("agricultural")) & set(keys), keys


def test_a_shared_short_stem_is_not_the_same_word():
    """'organs' is no 'organisation': the form test needs a long shared stem."""
    keys = _keys("organisation reform", "the organs of the state were reformed")
    assert not set(terms("organisation")) & set(keys), keys
