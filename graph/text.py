"""Undo the artefacts of PDF-to-text conversion, one pure function per artefact.

Real reports arrive with tag soup (``<image/>``, ``<u>``), markdown emphasis, emoji standing for
icons, stray list numbers ("2 In **Kenya**"), footnote markers, Cyrillic or Greek letters that look
like Latin ones ("Тодо" for Togo), and words glued together where a hyphen fell at a line end
("Capacitybuilding").  None of these functions knows anything about one particular report.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*\s*/?>")
_MD_ESCAPE = re.compile(r"\\([$*_#\[\]()`|<>])")
_EMPHASIS = re.compile(r"\*\*|__")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE = re.compile(f"[{_SUPERSCRIPTS}]+")
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
# Leading list number left over from a numbered map legend or list: "2 In Kenya", "10 In the ...".
_LIST_NUMBER = re.compile(r"^(?:[-•►▶]\s*)?(?:\d{1,2}|[ivx]{1,4}\.)\s+(?=[A-Z\"“'])")
_BULLET = re.compile(r"^\s*(?:[-•►▶▪◦]\s*)+")

# Letters from other scripts that a converter produces for Latin look-alikes.
CONFUSABLES = str.maketrans({
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "И": "U", "Д": "D",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "к": "k", "м": "m", "н": "h", "т": "t", "д": "g", "г": "r", "п": "n", "и": "u",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ι": "i", "ν": "v", "κ": "k",
    # Latin oddities
    "ı": "i", "ſ": "s",
})
_NON_LATIN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ffı]")
_WORD = re.compile(r"\w+", re.UNICODE)


def strip_markup(s: str) -> str:
    """Drop tags, markdown emphasis and escapes, keep the words."""
    s = _TAG.sub(" ", s)
    s = _MD_ESCAPE.sub(r"\1", s)
    return _EMPHASIS.sub("", s)


def is_emoji(ch: str) -> bool:
    """Pictographs and icons (not letters, digits, currency or typographic symbols)."""
    cp = ord(ch)
    if 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF:
        return True
    if 0xE000 <= cp <= 0xF8FF or 0xFE00 <= cp <= 0xFE0F or cp == 0x200D:
        return True  # private use (icon fonts), variation selectors, joiners
    return 0x25A0 <= cp <= 0x25FF  # geometric shapes: ► ▶ ● used as icons


# The ranges of is_emoji as one character class: a regex pass instead of a Python call per character.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uE000-\uF8FF"
                    "\uFE00-\uFE0F\u200D\u25A0-\u25FF]")


def strip_emoji(s: str) -> str:
    return _EMOJI.sub(" ", s)


def fold_confusables(s: str) -> str:
    """Rewrite words that contain Cyrillic/Greek look-alikes in Latin letters.

    Only words that are a *mix* of scripts or wholly made of look-alikes are touched, so real
    Cyrillic or Greek text (a quoted title) would survive if every letter had no Latin twin.
    """
    if not _NON_LATIN_LETTER.search(s):
        return s

    def fix(m: re.Match) -> str:
        w = m.group(0)
        if not _NON_LATIN_LETTER.search(w):
            return w
        folded = w.translate(CONFUSABLES)
        return folded if not _NON_LATIN_LETTER.search(folded) else w

    return _WORD.sub(fix, s)


def strip_list_marker(s: str) -> str:
    """Remove bullets and stray list numbers at the start of a paragraph."""
    s = _BULLET.sub("", s)
    return _LIST_NUMBER.sub("", s)


def normalise_space(s: str) -> str:
    s = _SPACES.sub(" ", s)
    s = _SPACE_BEFORE_PUNCT.sub(r"\1", s)
    s = re.sub(r"\(\s+", "(", s)
    return s.strip()


def clean_inline(s: str) -> str:
    """The cleaning every text fragment gets: markup, emoji, footnotes, confusables, spaces."""
    s = unicodedata.normalize("NFC", s)
    s = strip_markup(s)
    s = strip_emoji(s)
    s = _FOOTNOTE.sub("", s)
    s = fold_confusables(s)
    s = s.replace("٠", "•")  # Arabic-Indic zero used as a table tick mark
    return normalise_space(s)


def clean_paragraph(s: str) -> str:
    return strip_list_marker(clean_inline(s)).strip()


# --- hyphenation ---------------------------------------------------------------------------

_HYPHENATED = re.compile(r"\b([A-Za-z]{2,})-([A-Za-z]{2,})\b")
_TOKEN = re.compile(r"[A-Za-z]+")


class Dehyphenator:
    """Re-splits words glued at a lost line-end hyphen, learning from the document itself.

    A glued form ("capacitybuilding") is repaired when the same document spells the compound with
    a hyphen ("capacity-building") or as two words ("capacity building"), or when both halves are
    common words of the document and the glued form is rare.  Nothing is looked up elsewhere.
    """

    def __init__(self, corpus: str):
        # the corpus is tokenised once and counted in C (Counter over an iterable): the words and
        # the bigrams were two findall passes and a Python loop per token, about 3 % of a 10 MB
        # report's build; the counts (and their insertion order) are the same
        # (tokens are ASCII letters: lowering them joined is lowering each, not the corpus, whose
        # other characters may lower to ASCII letters: "K" KELVIN SIGN)
        toks = " ".join(_TOKEN.findall(corpus)).lower().split(" ") if corpus else []
        self.words = Counter(toks)
        self.known: dict[str, str] = {}
        for a, b in _HYPHENATED.findall(corpus):
            self.known.setdefault((a + b).lower(), f"{a.lower()}-{b.lower()}")
        self.bigrams = Counter(zip(toks, toks[1:]))

    def repair_word(self, w: str) -> str:
        low = w.lower()
        if len(low) < 8:
            return w
        fix = self.known.get(low)  # the document spells it with a hyphen elsewhere: trust that
        if fix is None:
            if self.words.get(low, 0) > 2:
                return w  # a frequent word of its own, not an accident of line breaks
            best = None
            for i in range(3, len(low) - 2):
                a, b = low[:i], low[i:]
                fa, fb = self.words.get(a, 0), self.words.get(b, 0)
                if fa >= 3 and fb >= 3:
                    score = self.bigrams.get((a, b), 0) * 10 + min(fa, fb)
                    if self.bigrams.get((a, b), 0) >= 1 and (best is None or score > best[0]):
                        best = (score, f"{a}-{b}")
            if best is None:
                return w
            fix = best[1]
        if w[0].isupper():
            fix = fix[0].upper() + fix[1:]
        return fix

    def __call__(self, text: str) -> str:
        # A report repeats its words: each distinct token is judged once (1.3 million tokens, a
        # few tens of thousands distinct, in a 10 MB report).  repair_word is a pure function of
        # the token and this document's counts, so the memo changes nothing.
        memo = self.__dict__.setdefault("_memo", {})

        def repair(m: re.Match) -> str:
            w = m.group(0)
            fix = memo.get(w)
            if fix is None:
                fix = memo[w] = self.repair_word(w)
            return fix
        return _TOKEN.sub(repair, text)


TERMINAL = tuple(".!?:;\"”’)»…")
FUNCTION_WORDS = frozenset(
    "the a an of and or to for in on with by from at as its their his her our this that these "
    "those which who whom whose under between into through including such than".split()
)


def ends_sentence(s: str) -> bool:
    s = s.rstrip()
    return bool(s) and s.endswith(TERMINAL)


def last_word(s: str) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", s)
    return m.group(1).lower() if m else ""


# --- sentences -----------------------------------------------------------------------------

_ABBREVIATIONS = ("No.", "no.", "Nos.", "S.p.A.", "e.g.", "i.e.", "Dr.", "Mr.", "Ms.", "St.", "vs.", "U.S.", "Inc.", "Art.", "Vol.")
_ABBREV = "".join(rf"(?<!\b{re.escape(a)})" if a[0].isalnum() else rf"(?<!{re.escape(a)})" for a in _ABBREVIATIONS)
_SENT_END = re.compile(r"(?<=[.!?])" + _ABBREV + r"[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")

def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in text; line breaks (list items) always end a sentence."""
    spans = []
    for block in re.finditer(r"[^\n]+", text):
        s0, seg, last = block.start(), block.group(0), 0
        for m in _SENT_END.finditer(seg):
            before = seg[last:m.start()]
            if before.count('"') % 2 or before.count("“") > before.count("”"):
                continue  # inside a quoted title: "What does it look like? How do we get there?"
            spans.append((s0 + last, s0 + m.start() + len(m.group(0).rstrip())))
            last = m.end()
        spans.append((s0 + last, s0 + len(seg)))
    return [(a, b) for a, b in spans if text[a:b].strip()]
