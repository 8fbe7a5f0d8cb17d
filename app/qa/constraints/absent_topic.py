"""A topic the report never writes: the question is about something absent, so the engine abstains.

"Which countries did the ILO help design pension schemes for teachers?", "seafarers' social
security schemes", "social protection for plantation workers": the rest of the question (pension
schemes, social protection) is all over the report, so the graph or the nearest sentences answer
it with their countries, and the group the question is about is silently dropped.  When the word
that says whom or what the protection is for is one the report never writes, no sentence can be
about it, and the honest answer is none.

A word counts as the topic's when it qualifies a protection noun: right before one ("teachers'
pension", "plantation workers", "wage reforms") or right after one with "for", "to", "of", "among"
("schemes for teachers", "protection to fishers").  It is absent when no passage of the report
writes it (the passage index's vocabulary, after the speller and the everyday-terms rewrite had
their chance).  Words of the asking are never topics (``stop``), nor are names, numbers or places.
Ordinary English only: the protection nouns are the field's general words.
"""
from __future__ import annotations

import re
from app.qa.units import terms

# The field's general nouns a topic word qualifies ("... workers", "... insurance", "schemes for ...")
_NOUNS = (r"workers?|employees?|labou?rers?|schemes?|insurance|benefits?|pensions?|reforms?|protection|"
          r"allowances?|programmes?|programs?|coverage|sectors?|grants?|laws?")
# before a noun ("plantation workers", "wage reforms"), or as a possessive before "social ..."
# ("seafarers' social security"); a verb before "social" ("handles social security") is no topic
_BEFORE_NOUN = re.compile(r"\b([a-z][a-z-]{3,})\s+(?:" + _NOUNS + r")\b|\b([a-z][a-z-]{3,}s['’])\s+social\b", re.I)
# after a noun with "for" or "among" ("schemes for teachers", "coverage among fishers"), or "to" after
# "protection" / "coverage" ("extend social protection to fishers"; "... used to calculate" is a verb)
_AFTER_NOUN = re.compile(r"\b(?:(?:" + _NOUNS + r")\s+(?:for|among|covering)|(?:protection|coverage|security)\s+to)"
                         r"\s+(?:the\s+)?([a-z][a-z-]{3,})\b", re.I)
# pronouns and amounts are no group of people or topic ("a pension for everyone aged 70")
_NOT_TOPIC = frozenset(terms("everyone everybody anyone anybody all people persons those them euro euros dollars"))


def absent_topic(question: str, vocab, stop: set[str], names: list[tuple[int, int]] = ()) -> str | None:
    """The first word qualifying a protection noun that the report never writes, else None.
    ``vocab``: the report's terms (as :func:`app.qa.units.terms` spells them); ``stop``: terms of
    the asking, never a topic; ``names``: spans of linked names, never topics.  A word sharing its
    first six letters with a report term is another form or a misspelling of it ("mothers" /
    "motherhood", "independant"), so it is not absent."""
    for rx in (_BEFORE_NOUN, _AFTER_NOUN):
        for m in rx.finditer(question):
            g = next(i for i in range(1, (rx.groups or 0) + 1) if m.group(i))
            s, e = m.start(g), m.end(g)
            if any(a < e and s < b for a, b in names):
                continue
            word = m.group(g).rstrip("'’")
            ts = terms(word)
            if re.search(r"(?:ed|ing)$", word, re.I):
                continue  # a verb's participle ("pledged funds", "expanding coverage") says what was done, not for whom
            if not ts or word[:1].isupper() and s > 0 or re.search(r"\d", word):
                continue  # a capitalised word mid-question is a name, left to app.qa.constraints.absent
            if any(t in stop or t in _NOT_TOPIC or t in vocab for t in ts):
                continue
            if len(word) >= 6 and word[:6].lower() in _prefixes(vocab):
                continue
            return word
    return None


_PREFIXES: dict[int, frozenset[str]] = {}


def _prefixes(vocab) -> frozenset[str]:
    """The first six letters of every report term, once per vocabulary."""
    key = id(vocab)
    if key not in _PREFIXES:
        _PREFIXES[key] = frozenset(t[:6] for t in vocab if len(t) >= 6)
    return _PREFIXES[key]
