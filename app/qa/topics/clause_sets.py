"""Two lists of one sentence, combined as the question asks: "both A and B", "A but not B".

"The second phase of the ILO-IMF partnership has begun in-country activities in 2024, including
developing dedicated recommendations ... in the IMF Article IV reports in Cambodia, Comoros,
Morocco, Mozambique and Thailand; providing technical assistance on financing for social
protection reforms in Lebanon, Eswatini and Thailand; promoting gender-responsive social
protection design in Morocco and Paraguay; ..." holds one list of countries per clause.  "Which
countries got both Article IV recommendations and technical assistance on financing reforms?"
answered one clause's list; "... which did not also receive technical assistance" answered the
whole sentence's.

When the question joins two activities by "both ... and ..." (intersection) or sets one against
the other ("... but not ...", "did not also ...": difference), and the sentence that answered
writes its countries in clauses separated by semicolons, each activity is matched to the clause
that shares most of its words (two different clauses, each sharing at least two content words),
and the two clauses' countries are combined.  Anything less clear leaves the answer as it was.
Ordinary English only; the clauses and countries are read from the report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.units import STOP, stem
from graph import countries

# "both <A> and <B>": B runs to a closing phrase of the question ("from the partnership", "?").
_BOTH = re.compile(r"\bboth\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)(?=\s+(?:from|by|under|through|with|via|in\s+2\d{3})\b|\s*[?.]|\s*$)", re.I)
# "<A> ..., which did not also <B>", "<A> but not <B>", "<A> and not <B>"
_NOT_ALSO = re.compile(r"^(?P<a>.+)[,;]\s*(?:which|what|where)\b[^?]*?\b(?:did|do|does|have|has|were|was)\s*(?:n['’]t|\s+not)\s+"
                       r"(?:also\s+)?(?P<b>.+?)\s*[?.]?\s*$", re.I)
_BUT_NOT = re.compile(r"^(?P<a>.+?)\s+(?:but|and)\s+not\s+(?P<b>.+?)\s*[?.]?\s*$", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
# Words of the asking frame, in no clause's activity (the names the question links are blanked
# before reading: a name the sentence opens on is in its first clause only).
_FRAME = frozenset("which countries country did got get receive received where also among the work worked help helped "
                   "support supported both".split())
MIN_SHARED = 2


@dataclass
class Pair:
    op: str  # "and" | "minus"
    a: str  # each activity as matched (the question's linked names blanked)
    b: str
    said: tuple[str, str] = ("", "")  # ... and as the question writes it, for the answer's path


def asked_pair(question: str, names: list[tuple[int, int]] = ()) -> Pair | None:
    """The two activities and how the question combines them, or None.  ``names``: the spans of
    the names the question links, blanked before matching (same length, so offsets hold)."""
    text = question
    for s, e in names:
        text = text[:s] + " " * (e - s) + text[e:]
    for op, m in (("and", _BOTH.search(text)), ("minus", _NOT_ALSO.search(text) or _BUT_NOT.search(text))):
        if m:
            said = (" ".join(question[m.start("a"):m.end("a")].split()), " ".join(question[m.start("b"):m.end("b")].split()))
            return Pair(op, m["a"], m["b"], said)
    return None


def _terms(text: str) -> set[str]:
    return {stem(w.lower()) for w in _WORD.findall(text) if w.lower() not in STOP and w.lower() not in _FRAME}


def _clauses(sentence: str) -> list[tuple[set[str], list[str]]]:
    """(content terms, country iso3 codes) of each semicolon clause of the sentence."""
    out = []
    for part in sentence.split(";"):
        isos = list(dict.fromkeys(iso for _s, _e, _surface, iso in countries.find_countries(part)))
        out.append((_terms(part), isos))
    return out


def combine(pair: Pair, sentence: str) -> list[str] | None:
    """The iso3 codes the question's two clauses give, combined; None when the sentence has no two
    distinct clauses that each clearly match one activity."""
    clauses = [c for c in _clauses(sentence) if c[1]]
    if len(clauses) < 2:
        return None
    picked = []
    for phrase in (pair.a, pair.b):
        want = _terms(phrase)
        scored = sorted(((len(want & t), i) for i, (t, _) in enumerate(clauses)), reverse=True)
        best, i = scored[0]
        if best < MIN_SHARED or (len(scored) > 1 and scored[1][0] == best):
            return None
        picked.append(i)
    if picked[0] == picked[1]:
        return None
    first, second = clauses[picked[0]][1], set(clauses[picked[1]][1])
    return [c for c in first if (c in second) == (pair.op == "and")]


def sentence_of(text: str, labels: list[str]) -> str | None:
    """The sentence of a passage that writes the most of the answer's labels (two at least)."""
    best, best_n = None, 1
    for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
        n = sum(1 for lab in labels if lab and lab in s)
        if n > best_n:
            best, best_n = s, n
    return best
