"""The best sentence for a topic question, found by the topic's own words when the asking outweighs them.

"Which countries did the ILO support on social protection for migrant workers?" is mostly frame:
"which countries did the ILO support on social protection" matches every sentence that says "the ILO
has provided technical support to ...", so the whole question's embedding ranks such a sentence
first, and the one word that says the topic ("migrant") is nowhere in it.  Topic coverage then
widens from the wrong sentence.  The same happens to "where did the ILO help with employment injury
insurance" and "where did the ILO support awareness campaigns": the fewer topic words, the more the
frame decides.

:func:`best_on_topic` ranks the sentences again by the topic alone: the question's words that are
no frame, question, relation or generic domain word and no name (the same stop sets topic coverage
uses), embedded on their own, plus their idf-weighted overlap.  It is consulted only when the
first choice (read with the sentence before it) writes less than half of the question's rare words
(``keys``, weighted by idf) and returns the best sentence on the topic that writes more of them and
yields an answer of the asked type.  Nothing here names a topic: the
words come from the question, their rarity from the report.
"""
from __future__ import annotations

import re

import numpy as np

from app.qa.units import terms

_MANY = re.compile(r"\b(?:countries|nations|governments|states|places|territories)\b", re.I)  # "which Arab States", "which places"
_ONE = re.compile(r"\b(?:country|nation|government|state)\b", re.I)
# "where did the ILO support ...": the programme's work, said entry by entry, not one event's place;
# also after an opening clause ("Across the country work the report describes, where did the ILO ...")
# "where is the ILO studying ...", "where are governments extending ...": work going on, said entry by entry
_WHERE_WORK = re.compile(r"(?:^|[,;:]|\s[-–—])\s*(?:and\s+|so\s+|then\s+)?where\s+(?:else\s+)?(?:(?:did|does|do|has|have)\b|"
                         r"(?:is|are|was|were)\s+(?:the\s+)?[\w'’-]+\s+(?:[\w'’-]+\s+)?[a-z]+ing\b)", re.I)
# "work accident insurance where", "child labour - where?": a keyword query with the question word
# put last (or moved first by keyword_order, "where employment injury insurance", no verb after it)
# asks where the topic is, as "where did the ILO ..." does
_WHERE_LAST = re.compile(r"(?:^|\s|[-–—:,;])where\s*[?.!]*\s*$|^\s*where\s+(?!(?:is|are|was|were|did|does|do|has|have|had|"
                         r"can|could|will|would|should|might|may)\b)[\w-]+(?:\s+[\w-]+)*\s*[?.!]*\s*$", re.I)
_ASKS = re.compile(r"\b(?:which|what|who|whom|where|when|how|whose|list|name|give|tell|is|are|was|were|do|does|did|"
                   r"has|have|can|could)\b", re.I)

SCAN = 120  # topic-ranked units looked at for one that writes a key word and yields an answer
MIN_SHARE = 0.55  # ... and whose score on the whole question is at least this share of the first choice's
HELD_SHARE = 0.5  # the first choice stands when it writes this share of the rare words' weight (idf)


def topic_words(question: str, stop: set[str], names: set[str]) -> list[str]:
    """The question's words that say its topic, in order ("migrant"; "employment injury")."""
    out = []
    for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", question):
        ts = terms(w)
        if ts and all(t not in stop and t not in names for t in ts):
            out.append(w)
    return out


def question_keys(question: str, units, stop: set[str], long_forms: dict[str, list[str]]) -> list[str]:
    """The question's rare words (as :func:`app.qa.topics.topic_coverage.prefer_keyed` reads them)."""
    from app.qa.topics.topic_coverage import MIN_KEY_IDF
    from graph import countries

    names = {t for *_, surface, _ in countries.find_countries(question) for t in terms(surface)}
    return [t for t in dict.fromkeys(terms(question)) if t not in stop and t not in names
            and (units.idf.get(t, 0.0) >= MIN_KEY_IDF or t in long_forms)]


def best_on_topic(text_step, a, embed, first, stop: set[str], required: list[set[str]], exclude: set[str],
                  qvec: np.ndarray):
    """A sentence on the question's topic to stand for ``first`` (the TextResult chosen on the
    whole question) when ``first`` writes less than half of the question's rare words; else None.
    ``embed`` turns text into a vector."""
    from app.qa.textstep import WEIGHT_LEXICAL, TextResult
    from app.qa.topics.topic_coverage import _long_forms
    from graph import countries

    units = text_step.units
    long_forms = _long_forms(text_step)
    keys = question_keys(a.question, units, stop, long_forms)
    weight = {k: units.idf.get(k, units.default_idf) for k in keys}
    # the first choice read with the sentence before it (a clause's own sentence names its subject)
    held = _mass(units.context_terms[first.unit_id], weight, long_forms)
    if not keys or held >= HELD_SHARE * sum(weight.values()):
        return None
    names = {t for *_, surface, _ in countries.find_countries(a.question) for t in terms(surface)}
    words = topic_words(a.question, stop, names)
    if not words:
        return None
    allowed = text_step.allowed_units(a, required)
    if not len(allowed):
        return None
    core = embed(" ".join(words))
    topic_scores = units.vectors @ core + WEIGHT_LEXICAL * units.lexical_in_context(keys)
    whole = text_step.unit_scores(a, qvec, required)
    floor = MIN_SHARE * first.score
    best, best_held = None, held
    for i in allowed[np.argsort(-topic_scores[allowed])][:SCAN]:
        i = int(i)
        u = units.units[i]
        if u.kind != "sentence" or whole[i] < floor or topic_scores[i] <= topic_scores[first.unit_id]:
            continue  # the topic's own words must prefer it too ("carry out" is no topic)
        n = _mass(units.unit_terms[i], weight, long_forms)
        if n <= best_held:
            continue  # the first choice (or one found already) writes as many of the topic's words
        found = text_step.extract(u, a.answer_type, exclude, a.question)
        if found:
            best, best_held = TextResult(u.id, u.passage_id, float(whole[i]), found, refocused=True), n
            if n >= sum(weight.values()):
                break
    return best


def _mass(unit_terms, weight: dict[str, float], long_forms: dict[str, list[str]]) -> float:
    """How much of the question's rare words a unit writes, each weighted by its rarity."""
    from app.qa.topics.topic_coverage import holds_any

    return sum(w for k, w in weight.items() if holds_any(unit_terms, k, long_forms))


def refocus(text_step, a, embed, best, good: list, stop: set[str], required: list[set[str]], exclude: set[str],
            qvec: np.ndarray) -> tuple:
    """The best sentence and the good ones, re-chosen by the topic when the frame chose (see
    :func:`best_on_topic`): the other good sentences then count only if they write as many of the
    question's rare words, since those that only share the frame say nothing of the topic."""
    from app.qa.topics.topic_coverage import _long_forms

    on_topic = best_on_topic(text_step, a, embed, best, stop, required, exclude, qvec)
    units, long_forms = text_step.units, _long_forms(text_step)
    weight = {k: units.idf.get(k, units.default_idf) for k in question_keys(a.question, units, stop, long_forms)}
    if on_topic is None:
        if weight and not required and not _mass(units.context_terms[best.unit_id], weight, long_forms):
            # no sentence near the question writes its topic ("domestic workers" where the report
            # only has "domestic resource mobilisation"): the frame alone is no answer
            return None, []
        return best, good
    least = _mass(units.unit_terms[on_topic.unit_id], weight, long_forms)
    return on_topic, [on_topic] + [r for r in good if r.unit_id != on_topic.unit_id
                                   and _mass(units.unit_terms[r.unit_id], weight, long_forms) >= least]


def asks_for_many(question: str) -> bool:
    """Does a question for countries ask for every country the topic holds: it says "countries",
    asks where the programme worked ("where did the ILO support ..."), or is a keyword query
    ("typhoon response except vietnam"), which names a topic, not one event."""
    keyword = not _ASKS.search(question) and not _ONE.search(question)  # "... 2024 country": one
    return bool(_MANY.search(question) or _WHERE_WORK.search(question) or _WHERE_LAST.search(question) or keyword)
