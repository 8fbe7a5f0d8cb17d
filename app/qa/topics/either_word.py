"""The words a question offers as a choice with one of its key words ("cocoa or coffee",
"typhoons/floods", "maternity benefits, maternity leave or maternity protection").

Why: when only one country's sentence answers a plural question, further sentences must write
the topic's rarest key word (``Engine._on_best_topic``), and the topic sweep gathers the sentences
writing that word (app.qa.topics.sweep).  A question that gives its topic as a choice names it by
any of the choice's items: "cocoa or coffee supply chains" is answered by a sentence on "the tea
and coffee sectors" as much as by one on "the cocoa supply chain".  So each other item stands in
the key word's place, as a phrase: the word in the key's position, with the words the items
repeat ("maternity" of "maternity benefits, maternity leave").

An item is a run of content words between joining words ("or", a comma, a slash); past the words
two items share, the word an item shows the key's item stands in the key's place ("cocoa or
coffee supply chains": "coffee", not the shared "supply chains"; "actuarial valuations or
actuarial analyses": "analyses").  "and" joins no
choice: "the tea and coffee sectors" is one topic of both words.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from app.qa.units import terms

_WORD = re.compile(r"[\w'’-]+|,|/|&|;|:|\.|\?|\(|\)")
_JOINING = frozenset({"or", "nor", ",", "/"})


def _items(question: str) -> list[list[list[str]]]:
    """The question's coordinated lists: each a list of items, each item its words' term lists."""
    lists, cur, item = [], [], []
    for w in _WORD.findall(question):
        t = terms(w)
        if w.lower() in _JOINING:
            if item:
                cur.append(item)
            item = []
        elif t and w not in ";:.?()":
            item.append(t)
        else:  # a stop word or punctuation ends the list
            if item:
                cur.append(item)
            if len(cur) >= 2:
                lists.append(cur)
            cur, item = [], []
            if not t:
                continue
    if item:
        cur.append(item)
    if len(cur) >= 2:
        lists.append(cur)
    return lists


def coordinated_with(question: str, key: str, heads_only: bool = False) -> list[frozenset[str]]:
    """The other items of a choice the key word is in, each as the terms a sentence must write in
    the key's place: the aligned word and the words the two items share; empty when the key
    stands alone.  ``heads_only``: only for a key that is its item's last word, the head noun the
    choice is between ("tripartite *consultations* or workshops": workshops stand in for
    consultations, never for "tripartite", which both items keep); a later item then stands in
    whole."""
    out: list[frozenset[str]] = []
    for items in _items(question):
        for k, item in enumerate(items):
            pos = next((i for i, t in enumerate(item) if key in t), None)
            if pos is None or (heads_only and pos != len(item) - 1):
                continue
            own = {x for t in item for x in t}
            for o, other in enumerate(items):
                if o == k or any(key in t for t in other):
                    continue  # "ongoing conflict or conflict escalation": a word both write has no stand-in
                # past the words the two items share, the word facing the key's item stands in its
                # place: the first of a later item, the last of an earlier one
                rest = [t for t in other if not set(t) <= own]
                if not rest:
                    continue
                if len(other) == len(item) and not set(other[pos]) <= own:
                    facing = other[pos]  # "online portal or digital platform": item for item, word for word
                elif heads_only and o > k:
                    # the key heads its item, so the later item is a whole other thing ("refugees or
                    # host communities", "awareness or information campaigns"): all of it stands in
                    # ("host" alone is also a verb, "information" alone no campaign)
                    facing = [x for t in rest for x in t]
                else:
                    facing = rest[0] if o > k else rest[-1]
                phrase = set(facing) | ({x for t in other for x in t} & own - set(item[pos]))
                phrase.discard(key)
                if phrase:
                    out.append(frozenset(phrase))
    return list(dict.fromkeys(out))


def holds_key_or_alternative(holds_key: Callable[[str], bool], key: str,
                             alternatives: Iterable[Iterable[str]]) -> bool:
    """Does the sentence write the key word, or every word of one of the items offered with it?
    ``holds_key(term)`` answers for one term (it knows the sentence and acronym long forms)."""
    return holds_key(key) or any(all(holds_key(t) for t in phrase) for phrase in alternatives)
