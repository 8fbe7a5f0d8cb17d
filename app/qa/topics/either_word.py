"""The words a question offers as a choice with one of its key words ("cocoa or coffee",
"typhoons/floods", "rubber, castor or tea").

Why: when only one country's sentence answers a plural question, further sentences must write
the topic's rarest key word (``Engine._on_best_topic``).  A question that gives its topic as a
choice of words names the topic by either: "cocoa or coffee supply chains" is answered by a
sentence on "the tea and coffee sectors" as much as by one on "the cocoa supply chain".  So the
rarest word's test accepts a word standing in the same coordinated list, in its place.

Only the word directly across a joining word counts, and the runs of such words it chains to
("cocoa, coffee, tea or rubber"): the noun the list shares ("supply chains") is no alternative.
"""
from __future__ import annotations

import re
from typing import Iterable

from app.qa.units import terms

_WORD = re.compile(r"[\w'’-]+|,|/|&|;|\.|\?|\(|\)")
_JOINING = frozenset({"or", "nor", ",", "/"})
# "and" is left out: "the tea and coffee sectors" names one topic of both words, not a choice
# (a sentence on the coffee sector alone is no answer to a question on tea-and-coffee inspection)


def coordinated_with(question: str, key: str) -> set[str]:
    """The terms of the words the question joins to the word holding ``key`` by "or", a comma or
    a slash, directly or through a run of such joins; empty when the key stands alone."""
    words = _WORD.findall(question)
    content = [w.lower() not in _JOINING and bool(terms(w)) for w in words]
    out: set[str] = set()
    for p, w in enumerate(words):
        if not content[p] or key not in terms(w):
            continue
        for step in (-1, 1):  # walk left, then right, over "X <join> Y <join> Z" ("X, Y, and Z" too)
            own = _run(words, content, p, -step)  # "actuarial" of "actuarial valuations or actuarial analyses"
            i = p
            while True:
                j = i + step
                while 0 <= j < len(words) and words[j].lower() in _JOINING and abs(j - i) <= 2:
                    j += step
                if abs(j - i) < 2 or not (0 <= j < len(words)) or not content[j]:
                    break
                # the word in the key's place: past the modifiers the key's own run repeats
                while set(terms(words[j])) <= own and 0 <= j + step < len(words) and content[j + step]:
                    j += step
                i = j
                out |= set(terms(words[i])) - own
    out.discard(key)
    return out


def _run(words: list[str], content: list[bool], p: int, step: int) -> set[str]:
    """The terms of the content words next to position ``p`` on one side, up to a joining or empty word."""
    out, i = set(), p + step
    while 0 <= i < len(words) and content[i] and words[i].lower() not in _JOINING:
        out |= set(terms(words[i]))
        i += step
    return out


def holds_key_or_alternative(holds_key, key: str, alternatives: Iterable[str]) -> bool:
    """Does the sentence write the key word, or one of the words coordinated with it?
    ``holds_key(term)`` answers for one term (it knows the sentence and acronym long forms)."""
    return holds_key(key) or any(holds_key(t) for t in alternatives)
