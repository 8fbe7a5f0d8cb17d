"""Spelling correction of question words against the report's own vocabulary.

People type "whcih countires did Keyna ratifyed": each word that is neither a word of the report,
a name the graph knows, nor a word of the question bank is replaced by the most frequent known
word within a small edit distance (optimal string alignment, so a swapped pair of letters costs
one edit).  Correction runs before entity linking and intent matching, so both see "which
countries did Kenya ratified".  The vocabulary comes from the build, never from a hand list.

How a typo is resolved, in the order people make them:
- candidates are the report's words, the bank's and frequent English words (the last ranked
  below the others: "revorded" is recorded, a word the report happens not to use);
- one edit in a short word, two from six letters on (capitalised: from eight, names and demonyms
  the report never writes are often right as typed);
- among equally near words: one far commoner wins; then one the report writes next to the
  neighbouring word ("foscal space" -> fiscal); then the likelier slip (a dropped, doubled or
  swapped letter, a neighbouring key: "fnder" -> funder, not under);
- a real English word the report never writes, typed where the report's (or the bank's) word
  pairs call for a far commoner one, is that word ("arab stares" -> Arab States).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from app.qa.form.plural_typos import keep_plural
from app.qa.form.symbol_shorthand import spell_out
from graph.english import english_frequency

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")
_POSSESSIVE = re.compile(r"['’]s?$")
RARE = 2  # a known word seen this rarely may itself be a typo in the source text
_QUANTITY_NEXT = re.compile(r"\s+(many|much|often|long|far)\b", re.I)
MIN_LEN = 4  # shorter words are too often acronyms or right by chance
_QUANTITY_WORDS = ("many", "much")  # what "how" asks a figure with
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _quantity_next(following: str) -> bool:
    """A quantity word follows, as typed or one slip away ("hw manny people"): both words of
    "how many" mistyped still ask a figure."""
    if _QUANTITY_NEXT.match(following):
        return True
    m = _NEXT_WORD.match(following)
    if not m:
        return False
    w = m.group(1).lower()
    # ("hw mny": a three-letter quantity word with its vowel dropped, as a phone user types it)
    return (len(w) >= 4 and any(OSA.distance(w, q) <= 1 for q in _QUANTITY_WORDS)) or \
        (len(w) == 3 and any(_subsequence(w, q) for q in _QUANTITY_WORDS))
# The closed class of English wh-words.  Their typos ("wen", "wich", "waht") are short or happen
# to be dictionary junk, so the general rule above skips them; yet a misread wh-word misreads the
# whole question (a year asked, a list answered).  Ordinary English, not a report fact.
# Written shorthand of ordinary English (general knowledge, not report words): spelled out before
# the question is read, so "which govts" asks for governments as "which governments" does.
SHORTHAND = {"govt": "government", "govts": "governments", "gov": "government", "govs": "governments",
             "org": "organisation", "orgs": "organisations", "intl": "international", "natl": "national",
             "dept": "department", "depts": "departments", "yr": "year", "yrs": "years", "approx": "approximately",
             "ctry": "country", "ctries": "countries", "cntry": "country", "cntries": "countries",
             # more office shorthand of names' common words ("regular budget supplementary acct")
             "acct": "account", "assn": "association", "assoc": "association", "mgmt": "management",
             "mgt": "management", "prog": "programme", "progs": "programmes", "prgm": "programme",
             "univ": "university", "uni": "university", "unis": "universities", "inst": "institute", "corp": "corporation", "fdn": "foundation",
             "fndn": "foundation", "cttee": "committee", "cmte": "committee", "devt": "development",
             # counts typed in shorthand: "how many ppl got ...", "no of countries", "pct of gdp"
             "ppl": "people", "pple": "people", "ppls": "people", "pct": "percent", "num": "number", "mln": "million",
             "bn": "billion", "avg": "average", "pop": "population",
             # a quantity word typed without its vowel on a phone ("hw mny countries ratified c102": the
             # wh-word reader mends "hw" before a quantity word, "wht", "whch" by their letters)
             "mny": "many",
             # "runs til when?": until
             "til": "until", "till": "until",
             # a part of a whole said colloquially: "the largest chunk of the allocations" asks its share
             "chunk": "share", "chunks": "shares",
             # a noun's rarer form: "Switzerland as a financer" asks for a financier
             "financer": "financier", "financers": "financiers",
             # contractions typed without their apostrophe: every reader of question words sees "what"
             "whats": "what is", "whos": "who is", "wheres": "where is", "whens": "when is", "hows": "how is",
             # negations typed without their apostrophe: "didnt achieve" negates as "did not achieve"
             "didnt": "did not", "dont": "do not", "doesnt": "does not", "isnt": "is not", "arent": "are not",
             "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not",
             "hadnt": "had not", "couldnt": "could not", "wouldnt": "would not", "shouldnt": "should not"}
# Capitalised shorthand of development cooperation (general knowledge): "give TA on financing SP
# reforms" is technical assistance; spelled out only where the question does not use the letters
# as a name the report writes, nor as part of one ("TA&D").  ("SP" stays: the readers take it as
# it is, and "vietnam SP financing sources" spelled out asked for publications on financing.)
COMMON_ACRONYMS = {"TA": "technical assistance", "TC": "technical cooperation"}
WH_WORDS = ("which", "what", "when", "where", "whose", "who", "how", "why")
_FUNCTION_WORDS = frozenset("were was we who's whom with while whole here her his him has have had".split())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words (symspellpy's frequency dictionary, :mod:`graph.english`): never
    corrected, so "compiling" stays "compiling" even though the report never uses it.  Candidates
    still come from the report."""
    return frozenset(english_frequency())


_ISE = re.compile(r"^(\w{3,}i)([sz])(e|es|ed|ing|ation|ations|er|ers)$")
_OUR = re.compile(r"^(\w{2,})(our|or)(s|ed|ing)?$")


# Pairs no ending rule spells (general English).
_OTHER_SPELLING = {"programme": "program", "programmes": "programs", "centre": "center", "centres": "centers",
                   "defence": "defense"}
_OTHER_SPELLING.update({v: k for k, v in list(_OTHER_SPELLING.items())})


def other_english(word: str) -> str | None:
    """The word in the other English spelling ("subsidise" / "subsidize", "organisation" /
    "organization", "labour" / "labor", "programme" / "program"), or None."""
    if word in _OTHER_SPELLING:
        return _OTHER_SPELLING[word]
    m = _ISE.match(word)
    if m:
        return f"{m.group(1)}{'z' if m.group(2) == 's' else 's'}{m.group(3)}"
    m = _OUR.match(word)
    if m and m.group(1)[-1] in "blvmh":  # labour, colour, favour, humour, behaviour
        return f"{m.group(1)}{'or' if m.group(2) == 'our' else 'our'}{m.group(3) or ''}"
    return None


_AUX_AFTER = re.compile(r"\s+(did|does|do|is|are|was|can|could|will|would|has|have|had)\b", re.I)
COMMON = 4_000_000  # a dictionary word this frequent is meant, not a mistyped wh-word


@dataclass
class Correction:
    start: int
    end: int
    original: str
    corrected: str


def _max_edits(word: str) -> int:
    """One edit in a short word; two from six letters on ("conrry", "finqced"), where an unknown
    lower-case word is almost never right as typed (two-edit candidates must be report or bank
    words).  A capitalised word may be a name or demonym the report never writes ("Verdean",
    "Basotho"): two edits only from eight letters on."""
    if word[:1].isupper():
        return 1 if len(word) <= 7 else 2
    return 1 if len(word) <= 5 else 2


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


LONG_NAME_TYPO = 8  # a lower-case typo this long, its first four letters kept, may be two edits from a name
COMMON_ENGLISH = 1_000_000  # English words at least this frequent are candidates (about 22,000 words)
DOMINANT = 5  # a candidate this many times more frequent than the others is meant whatever the slip
REAL_WORD_RATIO = 3  # a real word is a slip for a word at least this much commoner in English
SLIP_TARGET = 20  # a junk dictionary word is corrected only towards a word this frequent here
REAL_WORD_MIN = 6  # shorter real words ("tale", "kids", "help") are too often meant as typed (five letters: see real_word_slip)

_KEYS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POS = {ch: (r, c) for r, row in enumerate(_KEYS) for c, ch in enumerate(row)}


def _neighbours(a: str, b: str) -> bool:
    pa, pb = _KEY_POS.get(a), _KEY_POS.get(b)
    return bool(pa and pb) and abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1


def _slip_rank(typed: str, word: str) -> int:
    """0 for the slips people make most (a letter dropped or doubled, two letters swapped, a
    neighbouring key), 1 for any other edit (an added letter that doubles none is one): "fnder" is
    funder (a dropped u), not under."""
    if len(typed) == len(word) - 1:
        return 0 if _subsequence(typed, word) else 1
    if len(typed) == len(word) + 1:
        # a letter typed twice is a common slip; any other extra letter is rarer than a dropped one
        # or a swapped pair: "fundrs" is funders (an e dropped), not funds (an r added); "pliots"
        # is pilots (two letters swapped), not plots (an i added)
        return 0 if any(typed[i] == typed[i + 1] and typed[:i] + typed[i + 1:] == word for i in range(len(typed) - 1)) else 1
    if len(typed) == len(word):
        diff = [i for i, (x, y) in enumerate(zip(typed, word)) if x != y]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == word[diff[1]] and typed[diff[1]] == word[diff[0]]:
            return 0
        if len(diff) == 1 and _neighbours(typed[diff[0]], word[diff[0]]):
            return 0
    return 1


def _added_letter(typed: str, word: str) -> bool:
    """Is ``typed`` the word with one letter added anywhere?"""
    return len(typed) == len(word) + 1 and _subsequence(word, typed)


def _shared_start(a: str, b: str, most: int = 4) -> int:
    """How many opening letters two words share (up to ``most``): typos rarely hit a word's first
    letters, so "kyrgistan" is Kyrgyzstan (four shared) before Kurdistan (one), at equal edits."""
    n = 0
    for x, y in zip(a[:most], b[:most]):
        if x != y:
            break
        n += 1
    return n


def _translit(word: str) -> str:
    """The word with y written as i: names transliterated from other scripts are spelt both ways
    ("Kirgizstan" / "Kyrgyzstan", "Tadzhikistan"), so the two letters say the same opening."""
    return word.replace("y", "i")


def _inflection(a: str, b: str) -> bool:
    """Are the two words forms of one word ("fund"/"funds", "state"/"stated")?  Not a slip then."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(long) - len(short) <= 2


def _subsequence(short: str, long: str) -> bool:
    """Are the letters of ``short`` those of ``long`` in order, with some left out?"""
    it = iter(long)
    return all(c in it for c in short)


class Speller:
    """Known words with their frequencies; ``correct`` rewrites unknown ones."""

    def __init__(self, counts: Counter, names: set[str] | None = None, asking: set[str] | None = None,
                 common_english: bool = False, bigrams: Counter | None = None,
                 rare_contexts: dict[str, frozenset[str]] | None = None):
        # A word the report writes at most RARE times -> the distinctive words of its sentences
        # ("counties" -> informal, rural, strategy ...): a question sharing them means the word
        self.rare_contexts = rare_contexts or {}
        self._asked: set[str] = set()  # the words of the question being corrected
        self.bigrams = bigrams or Counter()  # (word, next word) -> count in the report: context for a tie
        self.names = names or set()  # words of proper names: preferred for a capitalised typo
        self.counts = Counter({w.lower(): c for w, c in counts.items() if w})
        # the words questions are read by (bank, registry, question words): a real English word one
        # slip from one of them ("counties" for countries, "finds" for funds) is that word
        self.asking = {w.lower() for w in asking or ()}
        self.words = [w for w in self.counts if len(w) >= MIN_LEN - 1]
        if common_english:
            # Frequent English words are candidates too ("atended" -> attended, "bankolled" ->
            # bankrolled), ranked below every word of the report and the bank.
            self.words += [w for w, f in english_frequency().items()
                           if f >= COMMON_ENGLISH and len(w) >= MIN_LEN - 1 and w.isalpha() and w not in self.counts]
        # Words by length: a word k edits away is at most k letters longer or shorter, so a typo is
        # compared with a few thousand words, not all 25,000.
        self._by_len: dict[int, list[str]] = {}
        for w in self.words:
            self._by_len.setdefault(len(w), []).append(w)
        self._near_cache: dict[tuple[int, int], list[str]] = {}
        self._cache: dict[tuple[str, bool], str | None] = {}

    def _near(self, w: str, edits: int) -> list[str]:
        key = (len(w), edits)
        near = self._near_cache.get(key)
        if near is None:
            near = self._near_cache[key] = [c for n in range(len(w) - edits, len(w) + edits + 1)
                                            for c in self._by_len.get(n, ())]
        return near

    def known(self, word: str) -> bool:
        w = re.sub(r"['’]s?$", "", word.lower())
        # "fund" is known from "funds"; but "proces" is not known from "process" (a word ending
        # in s makes its plural with -es, so w + "s" would only hide a dropped letter).
        # Nor is "countrys" known from "country": a consonant + y makes its plural with -ies.
        bad_plural = len(w) > 3 and w.endswith("ys") and w[-3] not in "aeiou"
        return w in self.counts or (w.rstrip("s") in self.counts and not bad_plural) \
            or (not w.endswith("s") and w + "s" in self.counts) \
            or w.replace("’", "'") in self.counts or w in english_words()

    def candidates(self, word: str) -> list[str]:
        """The nearest known words, best first (see ``suggest``); empty when none is near enough."""
        w = word.lower()
        key = (w, word[:1].isupper(), "all")
        if key in self._cache:
            return self._cache[key]
        cap = word[:1].isupper()
        budget = _max_edits(word)
        cands = [c for c in process.extract(w, self._near(w, budget), scorer=OSA.distance, score_cutoff=budget, limit=24)
                 if self._admissible(w, c[0], c[1], cap)]
        out: list[str] = []
        if cands:
            # Fewest edits first; then a candidate far more frequent than the others; then the
            # likelier slip (a dropped, doubled or swapped letter, a neighbouring key); then more of the
            # opening letters kept (typos rarely hit them); then frequency.
            cands.sort(key=lambda c: (c[1], cap and c[0] not in self.names))
            first = (cands[0][1], cap and cands[0][0] not in self.names)
            tied = [c[0] for c in cands if (c[1], cap and c[0] not in self.names) == first]
            top = max(self._weight(c) for c in tied)
            tied.sort(key=lambda c: (self._weight(c) * DOMINANT < top, _slip_rank(w, c), -_shared_start(w, c), -self._weight(c)))
            out = tied
        if cap and budget == 1 and not any(c in self.counts for c in out):
            out = self._name_two_slips(w) or out
        self._cache[key] = out
        return out

    def _name_two_slips(self, w: str) -> list[str]:
        """A capitalised word of six or seven letters that is two slips from one of the report's
        names ("Cmaroon": two letters swapped and one dropped) is that name, when nothing of the
        report is one edit away: an English word one added letter away ("maroon") is no name.  Only
        towards a name at least as long whose first letter is kept, so a demonym or a name the
        report never writes ("Verdean", "Basotho") is not pulled to a shorter name."""
        if len(w) < 6:
            return []
        near = [c for c, d, _ in process.extract(w, [n for n in self._near(w, 2) if n in self.names],
                                                 scorer=OSA.distance, score_cutoff=2, limit=8)
                if d == 2 and c[0] == w[0] and len(c) >= len(w) and self.counts.get(c, 0) >= 2
                and not _inflection(w, c)]
        return near if len(near) == 1 else []
        return out

    def _admissible(self, typed: str, cand: str, edits: int, cap: bool) -> bool:
        """Two edits only towards a word of the report or the bank, and not towards a name's word
        unless the typo is capitalised ("fincaed" is not Finland) or long with its first four letters
        kept ("kyrgistan"); an English-only word only by the
        commonest slips and from five letters on ("btwen" is not "bowen", "aess" not "ass")."""
        if self.counts.get(cand, 0) >= 1:
            # a long name typed in lower case with its opening kept is still that name ("kyrgistan")
            # ("kirgizstan": y and i are one letter in transliterated names, so its opening is kept too)
            kept = len(typed) >= LONG_NAME_TYPO and _shared_start(_translit(typed), _translit(cand)) >= 4
            return edits <= 1 or (self.counts[cand] >= 2 and (cap or cand not in self.names or kept))
        return edits <= 1 and len(cand) >= 5 and (_slip_rank(typed, cand) == 0 or _added_letter(typed, cand))

    def in_context(self, word: str, before: str, after: str) -> str | None:
        """Among equally near candidates, one the report writes next to the neighbouring word
        ("foscal space" is fiscal space, though "focal" is commoner), else the best one."""
        cands = self.candidates(word)
        if len(cands) > 1 and self.bigrams and (before or after):
            b, a = before.lower(), after.lower()
            seen = [c for c in cands if self.bigrams.get((b, c)) or self.bigrams.get((c, a))]
            if seen:
                return seen[0]
        return self.suggest(word)

    def suggest(self, word: str) -> str | None:
        """The most frequent known word within the edit budget, or None."""
        w = word.lower()
        key = (w, word[:1].isupper())
        if key in self._cache:
            return self._cache[key]
        best = None
        cands = self.candidates(word)
        if cands:
            best = cands[0]
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
            cands = process.extract(w, self._near(w, 1), scorer=OSA.distance, score_cutoff=1, limit=8)
            best = [c[0] for c in cands if c[0] != w and self.counts[c[0]] >= 10 * max(1, n)]
            best.sort(key=lambda c: -self.counts[c])
            self._cache[key] = best[0] if best else None
        return self._cache[key]

    def _weight(self, word: str) -> float:
        """How likely a candidate is meant: its count in the report and bank; English-only words
        rank below every one of those."""
        return self.counts.get(word, 0) or 0.5

    def real_word_slip(self, word: str, before: str = "", after: str = "") -> str | None:
        """A real word the report never uses, one slip from a word questions are read by: "counties"
        typed for countries, "baked" for backed, "finds" for funds, "regin" for region.  A frequent
        English word is taken for the other only when that one is far commoner in English too
        ("kids" stays kids: it is commoner than "kinds"); dictionary junk ("regin", "fuds") is
        corrected towards any frequent report word."""
        w = word.lower()
        short = len(w) == REAL_WORD_MIN - 1
        if len(w) < REAL_WORD_MIN - 1 or not word.islower() or not w.isalpha() or w in self.names \
                or (self.counts.get(w, 0) and not self._rare_out_of_context(w)) or w in self.asking:
            # a capitalised word may be a name ("Thai"), a possessive is not a slip, and a word
            # the report writes may be meant ("which counties" of Kenya's counties)
            return None
        if self.inflects_known(w):
            return None  # "costed": the past of a word the report writes ("cost", "costing"), meant as typed
        b, a = before.lower(), after.lower()
        key = (w, "real", b, a, self.counts.get(w, 0) > 0)
        if key in self._cache:
            return self._cache[key]
        freq = english_frequency()
        own = freq.get(w, 0)
        best = None
        cands = [c[0] for c in process.extract(w, self._near(w, 1), scorer=OSA.distance, score_cutoff=1, limit=12)
                 if c[0] != w and self.counts.get(c[0], 0) >= 2]
        if short:
            # a five-letter word is often meant as typed: only a letter dropped from the word the
            # report writes next to the neighbour ("heath insurance" -> health insurance), never
            # a dictionary junk entry (short_junk_slip reads those)
            cands = [c for c in cands if len(c) == len(w) + 1 and _subsequence(w, c)] \
                if own >= COMMON_ENGLISH // 10 else []
        if own < COMMON_ENGLISH // 10:  # a junk dictionary entry: any frequent report or bank word,
            # or a rarer one the report writes next to this one's neighbour ("typhon Yagi": typhoon)
            cands = [c for c in cands if self.counts[c] >= SLIP_TARGET
                     or self.bigrams.get((b, c)) or self.bigrams.get((c, a))]
        else:
            # only where the report writes the other word next to this one's neighbour and
            # never this one ("arab stares" -> Arab States, "how many counties" -> countries), and
            # the other word is far commoner in English too ("the ILO help" stays: "help" is no
            # rarer than "held")
            cands = [c for c in cands if not _inflection(w, c)
                     and (self.bigrams.get((b, c)) or self.bigrams.get((c, a)))
                     and (freq.get(c, 0) >= REAL_WORD_RATIO * own or self._dropped_from_asking(w, c))
                     and not (self.bigrams.get((b, w)) or self.bigrams.get((w, a)))]
        if cands:
            best = max(cands, key=lambda c: (bool(self.bigrams.get((b, c)) or self.bigrams.get((c, a))),
                                             -_slip_rank(w, c), self.counts[c]))
        self._cache[key] = best
        return best

    def short_junk_slip(self, word: str) -> str | None:
        """A five-letter dictionary entry so rare it is junk ("arica", "zamia", "regin") that is a
        frequent report word with one letter dropped (Africa, Zambia, region): that word.  Too short
        for :meth:`real_word_slip`, yet the dropped letter is the commonest slip and the junk entry
        is never what a question about the report means.  Capitalised too ("In Arica, ..."): the
        junk entries are mostly place names nobody asks the report about."""
        poss = _POSSESSIVE.search(word)
        if poss:  # "Zamia's": the possessive stays as typed
            fixed = self.short_junk_slip(word[:poss.start()])
            return fixed + poss.group() if fixed else None
        w = word.lower()
        if len(w) != REAL_WORD_MIN - 1 or not w.isalpha() or self.counts.get(w, 0) or w in self.asking \
                or english_frequency().get(w, 0) >= COMMON_ENGLISH // 10:
            return None
        key = (w, "junk5")
        if key not in self._cache:
            cands = [c for c in self._by_len.get(len(w) + 1, ())
                     if self.counts.get(c, 0) >= SLIP_TARGET and _subsequence(w, c)]
            cands.sort(key=lambda c: -self.counts[c])
            self._cache[key] = cands[0] if len(cands) == 1 or (cands and self.counts[cands[0]] >= DOMINANT * self.counts[cands[1]]) else None
        return self._cache[key]

    def _rare_out_of_context(self, w: str) -> bool:
        """Is ``w`` a real word the report writes only once or twice, asked where the question shares
        none of the words the report writes it with?  "counties" (said once of one country's
        districts) typed in "which counties ratified C102" is a slip for countries; in "which Kenyan
        counties piloted the informal economy strategy" it is meant."""
        ctx = self.rare_contexts.get(w)
        return ctx is not None and len(ctx & self._asked) < 2

    def _dropped_from_asking(self, w: str, c: str) -> bool:
        """Is ``w`` a word questions are read by (``c``) with one letter dropped ("county" for
        country)?  The commonest slip: the English frequencies of the two words do not matter then,
        since the report never writes ``w`` in the sense its own word pairs call for."""
        return c in self.asking and len(c) == len(w) + 1 and _subsequence(w, c) and self.counts.get(c, 0) >= SLIP_TARGET

    def inflects_known(self, word: str) -> bool:
        """Is the real word a regular -ed / -ing form of a word the report writes ("costed" of
        "cost", "budgeted" of "budget", "digitalised" of "digitalise")?  Then it is that word
        inflected, not a slip for another word one letter away ("costed" is no "hosted"): a
        dictionary word the report never writes is rare, but a verb form of the report's own word
        is just how the asker put it.  English morphology only: the -e dropped before the
        suffix ("digitalised") and a doubled final consonant ("planned") are restored."""
        w = word.lower()
        for suffix in ("ed", "ing"):
            stem = w[:-len(suffix)]
            if not w.endswith(suffix) or len(stem) < 4:
                continue
            bases = {stem, stem + "e"}
            if len(stem) > 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                bases.add(stem[:-1])
            if any(self.counts.get(b, 0) >= 2 for b in bases):
                return True
        return False

    def wh_word(self, word: str, following: str = "") -> str | None:
        """The wh-word a short unknown token mistypes ("Wen" -> when, "wich" -> which), or None.
        Only w/h-initial tokens the report never writes, one edit (two for five letters and more)
        from exactly one nearest wh-word."""
        w = word.lower()
        if len(w) == 2 and w != "ho" and _subsequence(w, "how") and _quantity_next(following) \
                and english_frequency().get(w, 0) < COMMON:
            return "how"  # "hw many", "ow much": a two-letter slip of the one wh-word that asks a quantity
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

    def quantity_word(self, word: str, before: list[str]) -> str | None:
        """The quantity word ("many", "much") a short unknown token after "how" mistypes ("how mny",
        "how mch", "how mnay"), or None.  Three letters are below the general speller's length, but
        after "how" the word is one of two: one edit from it, or it with a letter dropped."""
        w = word.lower()
        if [b.lower() for b in before] != ["how"] or w in _QUANTITY_WORDS or w in self.counts \
                or not 2 <= len(w) <= 5 or english_frequency().get(w, 0) >= COMMON:
            return None
        near = [q for q in _QUANTITY_WORDS if OSA.distance(w, q) <= 1 or (len(w) >= 3 and _subsequence(w, q))]
        return near[0] if len(near) == 1 else None

    def correct(self, text: str, protect: set[str] | None = None) -> tuple[str, list[Correction]]:
        """The text with unknown words corrected (same words otherwise), and what changed.
        Symbol shorthand ("# of", "w/", "no. of") is spelled out first (:mod:`app.qa.form.symbol_shorthand`)."""
        text, spelled = spell_out(text)
        self._asked = {w.lower() for w in _WORD.findall(text)}
        out, fixes, pos = [], [Correction(0, 0, typed, words) for typed, words in spelled], 0
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
            short = SHORTHAND.get(word.lower()) if not word.isupper() and not (protect and word.lower() in protect) else \
                COMMON_ACRONYMS.get(word) if not (protect and word.lower() in protect) and \
                not re.match(r"[&/+-]\w", text[m.end():m.end() + 2]) and not re.search(r"\w[&/+-]$", text[:m.start()]) else None
            if short:  # "govts" is how people type "governments", not a typo of a report word
                out.append(text[pos:m.start()])
                out.append(_match_case(word, short))
                pos = m.end()
                fixes.append(Correction(m.start(), m.end(), word, _match_case(word, short)))
                continue
            quantity = None if (protect and word.lower() in protect) or word.isupper() else \
                self.quantity_word(word, _WORD.findall(text[max(0, m.start() - 40):m.start()])[-1:])
            if quantity:  # "how mny people": too short for the general speller, but "how" says the word
                out.append(text[pos:m.start()])
                out.append(_match_case(word, quantity))
                pos = m.end()
                fixes.append(Correction(m.start(), m.end(), word, _match_case(word, quantity)))
                continue
            if len(word) < MIN_LEN or (protect and word.lower() in protect) or (word.isupper() and len(word) <= 6):
                continue
            end = m.end()
            poss = _POSSESSIVE.search(word)
            if poss and not self.known(word) and poss.start() >= MIN_LEN:
                # "naation's", "Tajikstan's": the slip is in the stem; the possessive stays as typed
                # (corrected whole, "naation's" was "nations", the possessor lost)
                word = word[:poss.start()]
                end = m.start() + len(word)
            before = _WORD.findall(text[max(0, m.start() - 40):m.start()])
            after = _WORD.search(text, m.end())
            before, after = (before[-1] if before else ""), (after.group(0) if after else "")
            other = other_english(word.lower())
            if self.known(word) and other in self.counts:
                if word.lower() in self.counts:
                    continue  # "subsidise" and "subsidize" both written: a spelling, no slip of "subsidies"
                sug = other  # "mobilisation": the report's "mobilization"
            elif self.known(word):
                sug = self._typo_in_source(word) or self.real_word_slip(word, before, after) or self.short_junk_slip(word)
                if sug is None:
                    continue
            else:
                sug = _opening_wh(word) if not text[:m.start()].strip() else None
                if sug is None and other in self.counts:  # "prioritise" where the report writes "prioritize"
                    sug = other
                if sug is None:
                    sug = self.in_context(word, before, after)
            if not sug or sug == word.lower():
                continue
            sug = keep_plural(word, sug, self.counts.__contains__)  # "countrys": countries, not country
            new = _match_case(word, sug)
            out.append(text[pos:m.start()])
            out.append(new)
            pos = end
            fixes.append(Correction(m.start(), end, word, new))
        out.append(text[pos:])
        return "".join(out), fixes
