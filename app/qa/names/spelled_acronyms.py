"""An acronym the report spells out in a sentence, though the graph holds no entity for it.

"kyrgyzstan CODI report, what does CODI stand for": the graph's acronyms are those of its
entities (:func:`app.qa.multihop.owned.expanded_acronyms` answers them), but a report also
introduces acronyms for tools, methods and reports it never models ("an Inter-agency Social
Protection Assessment (ISPA) Core Diagnostic Instrument (CODI) report").  The words right before
"(CODI)" spell it: each content word gives a prefix of its own letters ("Co"-re "D"-iagnostic
"I"-nstrument), small words may give their initial or nothing.  The shortest such run of words is
the expansion.  Pure functions over text; no acronym or name of any report is listed here.
"""
from __future__ import annotations

import re
from functools import lru_cache

# An acronym as a question writes it: two or more capitals, perhaps a lower-case letter between
# ("CODI", "SPIAC-B", "MoSD"); typed in lower case it is not told from a word, so it is not read.
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,3}(?:-[A-Z]{1,3})?)(?![\w-])")
_SMALL = frozenset("of for and on the in de du des la to with".split())
_WORD = re.compile(r"[A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*")
MAX_WORDS = 10  # an expansion longer than this is a sentence, not a name


def question_acronyms(question: str, linked: list[tuple[int, int]]) -> list[str]:
    """Acronyms the question writes outside its linked names, once each, in order."""
    out = []
    for m in _ACRONYM.finditer(question):
        if any(s <= m.start() < e for s, e in linked) or sum(c.isupper() for c in m.group(1)) < 2:
            continue
        if m.group(1) not in out:
            out.append(m.group(1))
    return out


def _spells(words: list[str], letters: str) -> bool:
    """Do the words, in order, spell the letters (each content word a non-empty prefix of its own,
    written capitalised; a small word, or the part after a hyphen ("Inter-agency", "Inter-Agency"),
    its initial or nothing)?"""
    parts = [(p, k > 0) for w in words for k, p in enumerate(w.split("-")) if p]

    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if i == len(parts):
            return j == len(letters)
        word, joined = parts[i]
        w = word.lower()
        if w in _SMALL or joined:
            return go(i + 1, j) or (j < len(letters) and w[0] == letters[j] and go(i + 1, j + 1))
        if not word[0].isupper():
            return False
        for k in range(1, len(w) + 1):
            if j + k > len(letters) or w[:k] != letters[j:j + k]:
                break
            if go(i + 1, j + k):
                return True
        return False
    return go(0, 0)


def spelled_out(text: str, acronym: str) -> tuple[str, int, int] | None:
    """(expansion, start, end) of the words the text writes right before "(ACRONYM)" that spell
    it, the shortest run; None when the text introduces no such acronym."""
    letters = re.sub(r"[^a-z]", "", acronym.lower())
    if len(letters) < 2:
        return None
    for m in re.finditer(r"\(\s*" + re.escape(acronym) + r"s?\s*\)", text):
        before = [w for w in _WORD.finditer(text[:m.start()])][-MAX_WORDS:]
        for n in range(1, len(before) + 1):
            run = before[-n:]
            gap = text[run[-1].end():m.start()]
            if gap.strip():
                break  # "(ISPA) Core ...": the run must touch the bracket
            if run[0].group(0).lower() in _SMALL:
                continue  # an expansion opens on a content word
            inner = text[run[0].start():run[-1].end()]
            if re.search(r"[.;:()]", inner):
                break
            if _spells([w.group(0) for w in run], letters):
                return inner, run[0].start(), run[-1].end()
    return None


__all__ = ["question_acronyms", "spelled_out"]
