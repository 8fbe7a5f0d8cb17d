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


def test_longest_names_match_the_mixed_case_alternation_they_replace():
    """LongestNames (several tries, some in any case, some with their own lookahead) finds the same
    spans as the one longest-first alternation with ``(?i:...)`` parts the name finders used."""
    from graph.trie_regex import LongestNames

    exact = ["ILO", "ILO-IMF", "UN", "UNICEF", "SPF", "CONNECT", "Social", "P4H"]
    any_case = ["ILO-IMF Partnership", "Social Protection Floor", "social protection floor initiative",
                "UN Women Fund", "Global Partnership for Universal Social Protection", "Connect Asia Network"]
    capital = ["Connect"]  # an upper-case name written capitalised, only before another capitalised word
    pieces = exact + any_case + capital + [" ", "-", ",", "z", "Asia", " Asia", "PARTNERSHIP", " partnership",
                                           "Protection", " protection", " floor", " Floor", "\n", "IMF", "soCIAL"]
    lb, la = r"(?<![\w\-])", r"(?![\w\-])"
    alts = sorted([(w, re.escape(w)) for w in exact] + [(w, "(?i:" + re.escape(w) + ")") for w in any_case]
                  + [(w, re.escape(w) + r"(?=\s+[A-Z])") for w in capital], key=lambda a: len(a[0]), reverse=True)
    old = re.compile(lb + "(?:" + "|".join(src for _, src in alts) + ")" + la)
    new = LongestNames([(exact, False, ""), (any_case, True, ""), (capital, False, r"(?=\s+[A-Z])")], lb, la)
    rnd = random.Random(11)
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(12))
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text
    assert list(LongestNames([([], True, "")]).finditer("anything")) == []
