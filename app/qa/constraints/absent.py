"""Names the report never mentions: the question is about something absent, so the engine abstains.

"Did the ILO help any scheme in Kosovo?" names a place the report never writes.  Any answer would
come from unrelated text (another country's sentence), so the honest answer is none.  A name is
absent when it is capitalised mid-question after a preposition ("in Kosovo", "to USAID"), was not
linked to an entity (gazetteers, demonyms, the report's own names), and no word of it is in the
report's vocabulary (the speller has already had its chance to read it as a typo of a known name).

A name in the asker's own clause ("since I report to the Sahel desk, tell me the funders of Burkina
Faso") is the asker's context, not the subject, when the rest of the question names a subject of
its own and does not point back to it ("I'm interested in Kosovo: which schemes did the ILO support
there?" still abstains).
"""
from __future__ import annotations

import re

from app.qa.constraints.unknown_entities import SET_ASIDE_BEFORE
from app.qa.form.asides import _PERSONAL, _refers_back
from app.qa.question import Link
from graph.dates import MONTH_ABBREVIATIONS, MONTH_WORDS, WEEKDAYS

# A capitalised name right after a preposition: "in Kosovo", "from the Gulf Cooperation Council".
_AFTER_PREP = re.compile(r"\b(?:in|to|for|from|by|at|about|of|with)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,3})")


def glossary_only(links: list[Link], written_outside, author_ids: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The linked names the report writes only in its list of acronyms ("which publications did
    the ILO co-author with the OECD?": "OECD | Organization Economic Cooperation and Development"
    is the one place it appears), so no sentence says what they did.  ``written_outside(id)``:
    does a line other than an acronym row name the entity?"""
    return [l.surface for l in links if not set(l.ids) & set(author_ids)
            and not any(written_outside(i) for i in l.ids)]


def absent_names(question: str, links: list[Link], vocab: set[str], author_ids: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The capitalised names after a preposition that are neither linked nor report words, and
    not only the asker's context (``author_ids``: the report's author, no subject of its own)."""
    out = []
    for m in _AFTER_PREP.finditer(question):
        if any(l.start <= m.start(1) < l.end or m.start(1) <= l.start < m.end(1) for l in links):
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", m.group(1))]
        # A hyphenated acronym ("M-GA") is in the vocabulary by its parts, as the report's words were split.
        parts = [p for w in words for p in (_fold(w), *_fold(w).split("-")) if p]
        # An acronym with a bare "s" ("the ILOs work", "NGOs"): its plural or a possessive typed
        # without the apostrophe, so the acronym itself is the word to find.
        parts += [w[:-1].lower() for w in words if re.fullmatch(r"[A-Z][A-Z0-9&]+s", w)]
        if words and not any(p in vocab or p in _CALENDAR for p in parts) and \
                not _asker_context(question, m.start(1), links, author_ids):
            out.append(m.group(1))
    return out


# Clause breaks: punctuation and a dash between spaces.
_CLAUSE_BREAK = re.compile(r"[,;:()?]|\s[-–—]\s")


def _asker_context(question: str, pos: int, links: list[Link], author_ids) -> bool:
    """Is the name at ``pos`` in a clause about the asker, while the rest of the question has a
    linked subject of its own and refers back to nothing?"""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(question, 0, pos)), default=0)
    end = next((m.start() for m in _CLAUSE_BREAK.finditer(question, pos)), len(question))
    if not _PERSONAL.search(question[start:end]):
        return False
    rest = question[:start] + " " + question[end:]
    own = [l for l in links if not (start <= l.start < end) and not set(l.ids) <= set(author_ids)]
    return bool(own) and not _refers_back(rest)


def _fold(word: str) -> str:
    return re.sub(r"['’]s?$", "", word.lower()).strip("'’-")


# Calendar words and their abbreviations ("in Sept 2024") are dates, not names.
_CALENDAR = set(MONTH_WORDS + MONTH_ABBREVIATIONS + WEEKDAYS + ("q1", "q2", "q3", "q4"))


# A body's proper name: capitalised words closed by a noun for a kind of body ("the African
# Development Bank", "Gulf Cooperation Council").  Ordinary English nouns, no report's names.
_BODY_NAME = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+){1,4}(?:Bank|Fund|Agency|Organi[sz]ation|Foundation|Institute|"
                        r"Council|Commission|Authority|Corporation|Association|Federation|Trust|Secretariat|Alliance|"
                        r"Coalition|Union|Confederation))\b")


def unwritten_bodies(question: str, links: list[Link], written) -> list[str]:
    """Bodies the question names in full that the report never writes, whatever their words.

    "In which countries did the ILO work with the African Development Bank?": every word is a report
    word ("African", "Development", "Bank"), so :func:`absent_names` keeps it, and read as the
    region and the kind of a partner it answered the African countries with a development-bank
    partner.  A capitalised name closed by a kind noun, not linked whole to an entity, whose
    words the report never writes together (``written``: a case-insensitive whole-phrase search of
    the report's text) names something the report does not mention.  The name's leading words that
    are not part of it are dropped first: an owner ("Jordan's Social Security Corporation"), an
    acronym listed before it ("ILO IMF World Bank"), a small word opening the sentence ("With Gates
    Foundation support").  Not at the question's start and not when set aside."""
    from app.qa.units import STOP

    out = []
    for m in _BODY_NAME.finditer(question):
        words = list(re.finditer(r"\S+", m.group(1)))
        while words and (re.search(r"['’]s$", words[0].group(0)) or words[0].group(0).isupper()
                         or words[0].group(0).lower() in STOP):
            words.pop(0)  # "Jordan's", "IMF", "With": no word of the body's name
        if len(words) < 2:
            continue
        s, e = m.start(1) + words[0].start(), m.end(1)
        name = question[s:e]
        if not question[:s].strip() or question[:s].strip().lower() == "the":
            continue  # the question's first word is capitalised whatever it is
        if any(l.start <= s and e <= l.end or l.start < e <= l.end for l in links):
            continue  # linked whole, or by its closing words ("Melinda Gats Foundation"): a name the graph knows
        if SET_ASIDE_BEFORE.search(question[:s]):
            continue  # set aside, not asked ("other than the Asian Development Bank")
        if not written(name):
            out.append(name)
    return out
