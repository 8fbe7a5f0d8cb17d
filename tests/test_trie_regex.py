"""graph/trie_regex.py: the trie-shaped alternation matches exactly what the longest-first
alternation it replaces matched (the gazetteers' matches must not change, only their speed)."""
from __future__ import annotations

import random
import re

from graph.trie_regex import alternation


def _plain(words, lb, la):
    return re.compile(lb + "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")" + la)


def test_same_matches_as_longest_first_alternation_on_random_text():
    words = ["Niger", "Nigeria", "Guinea", "Guinea-Bissau", "Equatorial Guinea", "a", "ab", "abc", "b",
             "Côte d'Ivoire", "C++", "x.y", "ILO", "ILO-IMF", "UN", "UNICEF", "UN Women"]
    pieces = words + [" ", "-", ",", "z", "Nigeri", "Guinea ", "abcd", "UNI", "\n"]
    rnd = random.Random(7)
    for lb, la in ((r"(?<![\w-])", r"(?![\w-])"), (r"(?<![\w])", r"(?![\w])"), ("", "")):
        old, new = _plain(words, lb, la), re.compile(lb + alternation(words) + la)
        for _ in range(5000):
            text = "".join(rnd.choice(pieces) for _ in range(10))
            assert [(m.span(), m.group(0)) for m in new.finditer(text)] == \
                   [(m.span(), m.group(0)) for m in old.finditer(text)], text


def test_country_mentions_prefer_the_longest_name():
    from graph.countries import find_countries

    found = [(surface, iso) for _, _, surface, iso in find_countries(
        "Guinea-Bissau, Equatorial Guinea, Guinea and Niger, but not Nigeria's neighbour Nigerien.")]
    assert found == [("Guinea-Bissau", "GNB"), ("Equatorial Guinea", "GNQ"), ("Guinea", "GIN"),
                     ("Niger", "NER"), ("Nigeria", "NGA")]


def test_no_words_match_nothing():
    assert re.compile(alternation([])).search("anything") is None
