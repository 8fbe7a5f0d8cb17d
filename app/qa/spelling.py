"""Spelling correction of question words against the report's own vocabulary.

People type "whcih countires did Keyna ratifyed": each word that is neither a word of the report,
a name the graph knows, nor a word of the question bank is replaced by the most frequent known
word within a small edit distance (optimal string alignment, so a swapped pair of letters costs
one edit).  Correction runs before entity linking and intent matching, so both see "which
countries did Kenya ratified".  The vocabulary comes from the build, never from a hand list.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")
RARE = 2  # a known word seen this rarely may itself be a typo in the source text
_QUANTITY_NEXT = re.compile(r"\s+(many|much|often|long|far)\b", re.I)
MIN_LEN = 4  # shorter words are too often acronyms or right by chance
# The closed class of English wh-words.  Their typos ("wen", "wich", "waht") are short or happen
# to be dictionary junk, so the general rule above skips them; yet a misread wh-word misreads the
# whole question (a year asked, a list answered).  Ordinary English, not a report fact.
# Written shorthand of ordinary English (general knowledge, not report words): spelled out before
# the question is read, so "which govts" asks for governments as "which governments" does.
SHORTHAND = {"govt": "government", "govts": "governments", "gov": "government", "govs": "governments",
             "org": "organisation", "orgs": "organisations", "intl": "international", "natl": "national",
             "dept": "department", "depts": "departments", "yr": "year", "yrs": "years", "approx": "approximately",
             "ctry": "country", "ctries": "countries", "cntry": "country", "cntries": "countries",
             # contractions typed without their apostrophe: every reader of question words sees "what"
             "whats": "what is", "whos": "who is", "wheres": "where is", "whens": "when is", "hows": "how is",
             # negations typed without their apostrophe: "didnt achieve" negates as "did not achieve"
             "didnt": "did not", "dont": "do not", "doesnt": "does not", "isnt": "is not", "arent": "are not",
             "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not",
             "hadnt": "had not", "couldnt": "could not", "wouldnt": "would not", "shouldnt": "should not"}
WH_WORDS = ("which", "what", "when", "where", "whose", "who", "how", "why")
_FUNCTION_WORDS = frozenset("were was we who's whom with while whole here her his him has have had".split())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words (symspellpy's frequency dictionary): never corrected, so "compiling"
    stays "compiling" even though the report never uses it.  Candidates still come from the report."""
    try:
        import symspellpy
    except ImportError:
        return frozenset()
    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    try:
        return frozenset(line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines() if line)
    except OSError:
        return frozenset()


@lru_cache(maxsize=1)
def english_frequency() -> dict[str, int]:
    """Word -> corpus count from the same dictionary: tells a real short word ("way", "won") from
    the rare junk entries that are really typos ("wen", "wat")."""
    try:
        import symspellpy
    except ImportError:
        return {}
    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    try:
        return {w: int(c) for w, c in (line.split(" ", 1) for line in path.read_text(encoding="utf-8").splitlines() if " " in line)}
    except (OSError, ValueError):
        return {}


_AUX_AFTER = re.compile(r"\s+(did|does|do|is|are|was|can|could|will|would|has|have|had)\b", re.I)
COMMON = 4_000_000  # a dictionary word this frequent is meant, not a mistyped wh-word


@dataclass
class Correction:
    start: int
    end: int
    original: str
    corrected: str


def _max_edits(word: str) -> int:
    return 1 if len(word) <= 7 else 2


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_WH = ("which", "what", "where", "when", "who", "whose", "whom", "how")


def _opening_wh(word: str) -> str | None:
    """A misspelt first word one edit from a question word is that question word ("wich" opens a
    question as "which", not as the more frequent "with")."""
    w = word.lower()
    near = [q for q in _WH if OSA.distance(w, q) <= 1]
    return near[0] if len(near) == 1 else None


def _subsequence(short: str, long: str) -> bool:
    """Are the letters of ``short`` those of ``long`` in order, with some left out?"""
    it = iter(long)
    return all(c in it for c in short)


class Speller:
    """Known words with their frequencies; ``correct`` rewrites unknown ones."""

    def __init__(self, counts: Counter, names: set[str] | None = None):
        self.names = names or set()  # words of proper names: preferred for a capitalised typo
        self.counts = Counter({w.lower(): c for w, c in counts.items() if w})
        self.words = [w for w in self.counts if len(w) >= MIN_LEN - 1]
        self._cache: dict[tuple[str, bool], str | None] = {}

    def known(self, word: str) -> bool:
        w = re.sub(r"['’]s?$", "", word.lower())
        # "fund" is known from "funds"; but "proces" is not known from "process" (a word ending
        # in s makes its plural with -es, so w + "s" would only hide a dropped letter).
        # Nor is "countrys" known from "country": a consonant + y makes its plural with -ies.
        bad_plural = len(w) > 3 and w.endswith("ys") and w[-3] not in "aeiou"
        return w in self.counts or (w.rstrip("s") in self.counts and not bad_plural) \
            or (not w.endswith("s") and w + "s" in self.counts) \
            or w.replace("’", "'") in self.counts or w in english_words()

    def suggest(self, word: str) -> str | None:
        """The most frequent known word within the edit budget, or None."""
        w = word.lower()
        key = (w, word[:1].isupper())
        if key in self._cache:
            return self._cache[key]
        best = None
        cands = process.extract(w, self.words, scorer=OSA.distance, score_cutoff=_max_edits(w), limit=12)
        if cands:
            # Fewest edits first, then the same first letter (typos rarely hit it), then frequency.
            cap = word[:1].isupper()
            cands.sort(key=lambda c: (c[1], cap and c[0] not in self.names, c[0][:1] != w[:1], -self.counts[c[0]]))
            best = cands[0][0]
        elif len(w) > MIN_LEN and w.endswith("s") and not w.endswith("ss"):
            # "finaces": the report may only have the singular ("finance"); the typo is in the stem
            stem_fix = self.suggest(word[:-1])
            if stem_fix and not stem_fix.endswith("s"):
                best = stem_fix + "s"
        self._cache[key] = best
        return best

    def _typo_in_source(self, word: str) -> str | None:
        """A word the report itself misspells once ("Keyna") is still a typo of a far more frequent
        word one edit away."""
        w = word.lower()
        n = self.counts.get(w, 0)
        base = re.sub(r"['’]s?$", "", w)
        if base != w and self.counts.get(base, 0) > min(n, RARE):
            # the possessive of a known word ("Nam's", "partnership's"), not a typo of "names"/"partnerships"
            return None
        if n == 0 or n > RARE or w in self.names or w in english_words() or w.rstrip("s") in self.counts and w.rstrip("s") != w:
            return None
        key = (w, "source")
        if key not in self._cache:
            cands = process.extract(w, self.words, scorer=OSA.distance, score_cutoff=1, limit=8)
            best = [c[0] for c in cands if c[0] != w and self.counts[c[0]] >= 10 * max(1, n)]
            best.sort(key=lambda c: -self.counts[c])
            self._cache[key] = best[0] if best else None
        return self._cache[key]

    def wh_word(self, word: str, following: str = "") -> str | None:
        """The wh-word a short unknown token mistypes ("Wen" -> when, "wich" -> which), or None.
        Only w/h-initial tokens the report never writes, one edit (two for five letters and more)
        from exactly one nearest wh-word."""
        w = word.lower()
        if w in WH_WORDS or w in SHORTHAND or w in _FUNCTION_WORDS or "'" in w or "’" in w or not 3 <= len(w) <= 6 or w[0] not in "wh" or w in self.counts \
                or w in self.names or english_frequency().get(w, 0) >= COMMON:
            return None
        budget = 1 if len(w) <= 4 else 2
        dists = sorted((OSA.distance(w, q), q) for q in WH_WORDS)
        if dists[0][0] > budget:
            return None
        tied = [q for d, q in dists if d == dists[0][0]]
        if len(tied) > 1 and "how" in tied and _QUANTITY_NEXT.match(following):
            return "how"  # "hwo many": only "how" asks a quantity ("who many" is no question)
        if len(tied) > 1:
            # a dropped letter is the commonest slip: "whn" drops the e of "when" but would need a
            # changed letter to be "who" -- the one wh-word the token is a subsequence of wins
            dropped = [q for q in tied if _subsequence(w, q)]
            return dropped[0] if len(dropped) == 1 else None
        return dists[0][1]

    def correct(self, text: str, protect: set[str] | None = None) -> tuple[str, list[Correction]]:
        """The text with unknown words corrected (same words otherwise), and what changed."""
        out, fixes, pos = [], [], 0
        for m in _WORD.finditer(text):
            word = m.group(0)
            wh = None if (protect and word.lower() in protect) or word.isupper() else self.wh_word(word, text[m.end():])
            if wh is None and word.lower() == "were" and _AUX_AFTER.match(text, m.end()) and not text[:m.start()].strip():
                wh = "where"  # "Were did ...": a question cannot open on "were" before another verb
            if wh is not None:
                out.append(text[pos:m.start()])
                out.append(_match_case(word, wh))
                pos = m.end()
                fixes.append(Correction(m.start(), m.end(), word, _match_case(word, wh)))
                continue
            short = SHORTHAND.get(word.lower()) if not word.isupper() and not (protect and word.lower() in protect) else None
            if short:  # "govts" is how people type "governments", not a typo of a report word
                out.append(text[pos:m.start()])
                out.append(_match_case(word, short))
                pos = m.end()
                fixes.append(Correction(m.start(), m.end(), word, _match_case(word, short)))
                continue
            if len(word) < MIN_LEN or (protect and word.lower() in protect) or (word.isupper() and len(word) <= 6):
                continue
            if self.known(word):
                sug = self._typo_in_source(word)
                if sug is None:
                    continue
            else:
                sug = _opening_wh(word) if not text[:m.start()].strip() else None
                sug = sug or self.suggest(word)
            if not sug or sug == word.lower():
                continue
            new = _match_case(word, sug)
            out.append(text[pos:m.start()])
            out.append(new)
            pos = m.end()
            fixes.append(Correction(m.start(), m.end(), word, new))
        out.append(text[pos:])
        return "".join(out), fixes
