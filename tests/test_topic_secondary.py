"""Topic coverage asks a loosely similar sentence for the question's secondary topic words too
(app.qa.topics.topic_coverage.secondary_terms): a sentence on refugees alone is no answer to a question on
refugees' health insurance."""

from app.qa.topics.topic_coverage import MIN_KEY_IDF, MIN_SECOND_IDF, secondary_terms
from app.qa.units import terms

_IDF = {"refuge": 4.3, "health": 2.4, "insurance": 2.8, "social": 1.2, "protect": 1.3, "countr": 2.9,
        "management": 3.4, "inform": 3.3, "mis": 4.7}


def _idf():
    return {t: v for t, v in _IDF.items()}


def test_common_topic_words_the_best_sentence_writes_are_secondary():
    q = "Which countries did the ILO help bring refugees into national health insurance?"
    best = set(terms("the ILO supported the government to integrate refugees into the health insurance scheme"))
    got = secondary_terms(q, best, _idf(), stop={"countr"}, keys=["refuge"])
    assert set(got) == {"health", "insurance"}


def test_frame_words_key_words_and_words_the_best_sentence_lacks_are_not():
    q = "Which countries did the ILO help bring refugees into national health insurance?"
    best = set(terms("refugees were given access to the old-age savings scheme"))
    assert secondary_terms(q, best, _idf(), stop=set(), keys=["refuge"]) == []  # best writes neither
    assert all(MIN_SECOND_IDF <= _IDF[t] < MIN_KEY_IDF for t in
               secondary_terms(q, set(terms(q)), _idf(), stop={"countr"}, keys=["refuge"]))


def test_engine_refugee_health_answers_are_fewer_than_refugee_answers(engine):
    broad = {a["iri"] for a in engine.ask("In which countries did the ILO work on including refugees?")["answers"]}
    for q in ("Which countries did the ILO help bring refugees into national health insurance?",
              "Where did the ILO support health insurance for refugees?"):
        narrow = {a["iri"] for a in engine.ask(q)["answers"]}
        assert narrow and len(narrow) < len(broad)
