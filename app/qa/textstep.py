"""The vector step: find the sentence (or clause) that answers, then read the answer out of it.

Units are scored by dense similarity to the question plus idf-weighted term overlap; a unit only
counts when its passage mentions the entities the question is about (the IMF for "ILO-IMF", the
DRC for "the DRC's scheme") and when it contains something of the asked type.  The answers are
the entities of that type in the best unit.
"""
from __future__ import annotations

import difflib
import os
import re
from functools import lru_cache
from dataclasses import dataclass, field

import numpy as np

from app.qa.figures import enumerations, numbers
from app.qa.figures.numbers import asked_currency
from app.qa.figures.numbers import spans as figure_spans
from app.qa.figures.keyword_figures import closing_reach_verb, opens_on_audience
from app.qa.figures.region_figures import about_region, region_countries
from app.qa.things.entity_years import CONTEXT_OPENERS
from app.qa.names.listed_governments import listed_governments
from app.qa.question import ACRONYM_ROW, ENTITY_FOR_TYPE, Analysis, is_network
from app.qa.units import STOP, UnitIndex, stem, terms
from graph import countries
from graph.contents import contents_entries
from graph.dates import MONTH_WORDS

NUMBER = numbers.NUMBER
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_NAME = r"\b((?:[A-Z][\w'’-]*\s+(?:(?:of|for|on|and)\s+)?){{1,7}}(?:{heads}))\b(\s*\([A-Z][\w-]{{1,9}}\))?"
_SCHEME_NAME = re.compile(_NAME.format(heads="Scheme|System|Programme|Program|Allowance|Grant|Pension|Fund|Insurance|Benefit"))
_LAW_NAME = re.compile(_NAME.format(heads="Act|Law|Code|Decree|Strategy|Policy|Bill"))
_QUOTED = re.compile(r"[\"“]([^\"“”]{8,250})[\"”]")
WEIGHT_LEXICAL = 0.6
# Both ends of a change asked: "increase from what % to what %", "from how much to how much".
_FROM_TO_ASKED = re.compile(r"\bfrom\s+(?:what|how\s+(?:much|many))\b[^?]{0,30}?\bto\s+(?:what|how\s+(?:much|many))\b", re.I)
# A box the question names as where to look ("as described in Box 4", "box 3 ratifications").
_BOX_NAMED = re.compile(r"\bbox\s+(\d{1,2})\b", re.I)
_LABEL_BEFORE = re.compile(r"\b(Table|Figure|Box|Result|Step|No\.?|Nos\.?|Paper|Phase|Article|Section|Chapter|"
                           r"Convention|Recommendation|Goal|Target|SDG|indicator|Pillar|Law|Decree)\s*$", re.I)
_KINDS = {  # kinds of named things a question can ask for, by their head noun
    "law": re.compile(r"\b(law|act|legislation|decree|bill|code)s?\b", re.I),
    "scheme": re.compile(r"\b(scheme|programme|program|system|fund|allowance|grant|benefit|insurance|pension)s?\b", re.I),
    "strategy": re.compile(r"\b(strateg(y|ies)|polic(y|ies)|plan)\b", re.I),
}


@dataclass
class Found:
    """One answer read from a unit."""

    type: str  # Country | Organization | Scheme | ... | Number | Year
    key: str  # entity id, or the value for numbers
    label: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # offsets in the passage text
    value: float | None = None
    dates_event: bool = False  # a year written next to what the question says happened ("launched in 2023")


@dataclass
class TextResult:
    unit_id: int
    passage_id: str
    score: float
    found: list[Found]
    refocused: bool = False  # chosen by the topic's own words over the frame (app.qa.topics.topic_rerank)


def _number_value(s: str, scale: str | None) -> float:
    v = float(s.replace(",", ""))
    mult = {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get((scale or "").strip().lower(), 1)
    return v * mult


_UNIT_WORDS = {"percent", "per", "cent", "percentage"}
_WH = re.compile(r"\b(which|what|who|whom|where|when|how|whose)\b", re.I)
_PHRASE_END = re.compile(r"^(who|whom|that|which|did|does|do|were|was|are|is|will|would|have|has|had|in|at|by|with|"
                         r"from|for|on|under|across|according|got|get|received?|given)$", re.I)


# A span of years written out: "2021-2024", "2021 – 24", "between 2021 and 2024", "from 2021 to 2024".
_Y1, _Y2 = r"(19[5-9]\d|20\d\d)", r"((?:19|20)?\d\d)"
_YEAR_SPAN = re.compile(rf"\bbetween\s+{_Y1}\s+and\s+{_Y2}\b|\b{_Y1}\s*(?:[-–—/]|\s(?:to|until|through)\s)\s*{_Y2}\b", re.I)
# A change told by its two ends ("increasing from 50,000 to 146,000 between 2017 and 2023"): each
# figure is dated by one end of the span, not summed over it.
_FROM_TO = re.compile(r"\bfrom\s+(?:US\$\s*|€\s*)?(?!(?:19|20)\d\d\b)\d[\d,.]*(?:\s*(?:million|billion|thousand|per\s*cent|percent|%))?\s+to\s+\d", re.I)


def _spans(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _YEAR_SPAN.finditer(text):
        first, last = (int(m.group(1)), m.group(2)) if m.group(1) else (int(m.group(3)), m.group(4))
        last = int(last) if len(last) == 4 else first - first % 100 + int(last)
        if 0 < last - first <= 12:
            out.append((m.start(), m.end()))
    return out


# A year closing an instrument's number ("Law No. 38/VIII/2013", "Decree 824/MOH/ 2024").
# A list-of-figures line: a caption closed by its page number ("Figure 3: The ILO's Global Technical Team 50")
_CAPTION_PAGE = re.compile(r"^\s*(?:Figure|Table|Box|Chart|Graph|Map)\s+\d+\s*[:.–-][^.!?]*?[A-Za-z)’']\s+\d{1,3}\s*$")
_IN_IDENTIFIER = re.compile(r"[\w.]/\s?$")
_ORIGINAL_ASKED = re.compile(r"\b(?:original(?:ly)?|initial(?:ly)?|passed|enacted|first\s+(?:adopted|passed|enacted))\b", re.I)


# A span of years asked, not one year: "which years does it cover", "what period does it span",
# "over which years".
PERIOD_ASKED = re.compile(r"\b(?:which|what)\s+(?:years|period|time\s+(?:span|period|frame)|span\s+of\s+years)\b"
                          r"(?=[^?]*\b(?:cover|covers|covered|covering|span|spans|spanned|run|runs|ran|period|over|from)\b)|"
                          r"\b(?:which|what)\s+(?:period|time\s+span)\b|\bover\s+(?:which|what)\s+(?:years|period)\b", re.I)


# A question about where something was held, and the people who came to it from elsewhere
_HOST_ASKED = re.compile(r"\bhost(?:ed|s|ing)?\b|\bvenue\b|\bheld\b|\btook\s+place\b|\bwhere\b[^?]*\b(?:visit|forum|meeting|"
                         r"workshop|conference|event|mission)\b", re.I)
_VISITORS_FROM = re.compile(r"\b(?i:participants?|delegations?|delegates|representatives|officials|experts|visitors|teams?|"
                            r"practitioners|peers|staff)\s+from\s+((?:[A-Z][\w'’.-]*\s+){0,3}?[A-Z][\w'’.-]*"
                            r"(?:\s*(?:,|,?\s+and)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}?[A-Z][\w'’.-]*)*)")


def in_span_only(sentence: str, question: str) -> bool:
    """Does the question date its figure by one year ("in 2024") that the sentence writes only as
    an end of a span of years ("between 2021 and 2024", "2021-2024")?  Then the sentence's figures
    add up several years, not the one asked.  A question that itself writes a span asks the span."""
    asked = set(YEAR.findall(question))
    if len(asked) != 1 or _spans(question) or _FROM_TO.search(sentence):
        return False
    year = next(iter(asked))
    hits = [m.start() for m in re.finditer(r"\b" + year + r"\b", sentence)]
    spans = _spans(sentence)
    return bool(hits) and all(any(a <= h < b for a, b in spans) for h in hits)


_PEOPLE_NOUNS = frozenset("persons people workers children women men households families individuals".split())


def focus_terms(question: str) -> list[str]:
    """The words of the counted phrase right after 'how many/much' or 'number of', up to where the
    phrase ends ('how many NDA beneficiaries in Lebanon ...' -> nda, beneficiaries)."""
    m = re.search(r"\bhow (?:many|much)\s+(.*)", question, re.I)
    if not m:
        m = re.search(r"\b(?:number|share|percentage|proportion|amount) of\s+(.*)", question, re.I)
    if not m:
        return []
    words = []
    from app.qa.form.keyword_heads import _says_verb

    found = re.findall(r"[A-Za-z][A-Za-z-]*", m.group(1))
    for i, w in enumerate(found):
        # "persons with disabilities", "people with HIV": the with-phrase after a noun of people is
        # part of the counted phrase, not its end
        if w.lower() == "with" and words and words[-1] in _PEOPLE_NOUNS and i + 1 < len(found) and \
                found[i + 1].lower() not in ("the", "a", "an", "its", "their", "this", "that", "these", "those"):
            continue
        # a keyword query has no auxiliary: its verb ends the phrase ("how many country brief ilo put online")
        if (_PHRASE_END.match(w) or _says_verb(w)) and words:
            break
        if w.lower() not in STOP:
            words.append(w.lower())
        if len(words) >= 6:
            break
    return words


def year_focus(question: str) -> list[str]:
    """For 'in what year was X originally set up': the words of the question that say what
    happened (not question words), so the year next to them is read."""
    from app.qa.question import QUESTION_WORDS

    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", question)
            if w.lower() not in STOP and w.lower() not in QUESTION_WORDS and w.lower() not in ("year", "date")]


_MONTH_WORDS = "(?:" + "|".join(MONTH_WORDS) + ")"
_BOUND_ASKED = re.compile(r"\b(until|till|up to|through|by|since)\s+(?:which|what|when)\b|"
                          # "from which year does the tool's coverage start": a beginning, as "since"
                          r"\b(from)\s+(?:which|what)\s+(?:year|date)\b(?=[^?]*\b(?:start|begin|began|run|span|date)\w*)|"
                          r"\b(until|till|since|through)\s+(?:\w+\s+)?(?:year|date)\s*\??\s*$|"
                          # a keyword query's "end year", "expiry date": the "until" bound of a span
                          r"\b(end|ending|final|closing|expiry|expiration)\s+(?:year|date)\b", re.I)


def year_bound(question: str) -> re.Pattern | None:
    """'Until which year ...', 'since what year ...': the sentence's cue for a year written as that
    bound ('up to September 2025', 'since 2001'), or None when the question asks no bound."""
    m = _BOUND_ASKED.search(question)
    if m is None:
        return None
    word = next(g for g in m.groups() if g).lower()
    start = word in ("since", "from")
    cue = r"since|from" if start else r"until|till|up to|through|to|by"
    # "Policy (2024-2033)": the end of a written span of years is its "until" bound
    span_end = "" if start else r"|\b(?:19|20)\d\d\s*[-–]\s*$"
    return re.compile(r"\b(?:" + cue + r")\s+(?:(?:the\s+)?(?:end|middle|beginning|start)\s+of\s+)?(?:\d{1,2}\s+)?"
                      r"(?:" + _MONTH_WORDS + r"\s+)?(?:\d{1,2},?\s+)?$" + span_end, re.I)


# A question about what is still to come, and the words a sentence puts before such a date.
_FUTURE_ASKED = re.compile(r"\b(?:when|what\s+year|which\s+year)\s+(?:will|is\s+\w+\s+expected|are\s+\w+\s+expected|is\s+it\s+expected)\b"
                           r"|\bwhen\s+(?:is|are)\s+[^?]{0,60}\b(?:expected|due|planned|scheduled)\b"
                           # a keyword query: "... adoption expected when", "... due when"
                           # (the keyword order puts "when" first: "when ... adoption expected")
                           r"|\b(?:expected|due|planned|scheduled|foreseen)\s+(?:by\s+|in\s+)?when\b"
                           r"|^\s*when\b[^?]{0,90}\b(?:expected|due|planned|scheduled|foreseen)\s*\??\s*$", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|expected|due|planned|scheduled|foreseen|set\s+to|to\s+be)\b", re.I)


def prefer_dated_event(results: list["TextResult"], ratio: float = 0.65,
                       floor: float = 0.45) -> list["TextResult"]:
    """For a year question: of the next few sentences, the first that writes its year next to what
    the question says happened ("The initiative, launched in November 2023") goes first, ahead of
    one that merely names the thing and another year ("In 2024, ... Eni").  Writing the year beside
    the asked event is precise evidence, so such a sentence may score less than the best (``ratio``
    of it) and less than the usual answer bar, down to ``floor``."""
    if not results or any(f.dates_event for f in results[0].found):
        return results
    top_years = {f.label for f in results[0].found}
    for r in results[1:4]:
        dated = {f.label for f in r.found if f.dates_event}
        if r.score >= max(floor, ratio * results[0].score) and dated and not dated <= top_years:
            return [r] + [x for x in results if x is not r]  # (the same year: the best sentence stays the evidence)
    return results


# A clause of the question that dates another event than the one asked: "..., before the NSSF
# re-launched it in October 2024" (up to the year, no other clause mark between).
_TIME_CLAUSE = re.compile(rf"\b(?:{CONTEXT_OPENERS}|since|until|when)\b[^?,;:]{{0,70}}$", re.I)


def capitalised_words(question: str) -> set[str]:
    """The question's capitalised words, lower-cased, but its first (capitalised as the first)."""
    first = re.match(r"\W*([A-Za-z][A-Za-z-]*)", question)
    return {w.lower() for w in re.findall(r"\b[A-Z][A-Za-z-]*", question) if not (first and w == first.group(1))}


def event_words(question: str, focus: list[str]) -> list[str]:
    """The focus words that say what happened ("instituted", "launched"), not whose it was: the
    words of country names and capitalised names are left out."""
    names = {w.lower() for _, _, surface, _ in countries.find_countries(question)
             for w in re.findall(r"[A-Za-z][A-Za-z-]+", surface)}
    names |= capitalised_words(question)
    return [w for w in focus if w not in names and countries.lookup(w) is None]  # "lebanon" typed lowercase


# A year opening its sentence: "In 2021, ...", "Since 2016, ...".
_OPENING_YEAR = re.compile(r"\s*(?:In|Since|During|Back in|As early as)\s+(?:(?:early|late|mid)[- ])?(?:[A-Z][a-z]+\s+)?$")
# A beginning told by its verb, in the past ("the ILO launched a Global Campaign").
_BEGAN = re.compile(r"(?<![\w-])(?:launched|established|founded|created|started|began|initiated|introduced|set up)\b")
# Words of a beginning: asked with one, a year written beside another dates the same event.
_ORIGIN = ["exist", "existed", "inception", "launched", "established", "founded", "created", "started", "began",
           "initiated", "set", "formed", "introduced"]

_SAME = {"people": "persons", "person": "persons", "individuals": "persons",  # one counted thing, several words
         "beneficiaries": "persons", "beneficiary": "persons", "recipients": "persons",
         "aged": "age", "ages": "age"}  # a short root the suffix stripper leaves alone


# People counted by what they did: a count of "people" is written as a count of its doers
# ("887 participants", "121,000 users"); general English, one way only ("how many participants"
# is not answered by "56 million people").
_PERSON_ROLES = frozenset("""participants attendees users learners students trainees subscribers viewers visitors
registrants enrollees""".split())  # (the audience of an activity; a role held anyway, "officials", "staff", is no doing)


def whole_over_lead_clause(results: list["TextResult"], units, ratio: float = 0.9) -> list["TextResult"]:
    """For a number question: a sentence's first clause carries the sentence's lead-in ("Various
    meetings were organized in 2024: one to present X (123 attendees); one to discuss Y (44
    attendees); ..."), so it outscores the clause the question is about.  When the whole sentence
    is close behind and its figure differs, the sentence goes first: its figure was picked by the
    words each figure's own clause writes (:mod:`app.qa.figures.clause_words`), the lead clause's
    only because the lead-in is there."""
    if not results:
        return results
    first = units[results[0].unit_id]
    if first.kind != "clause":
        return results
    keys = {f.key for f in results[0].found}
    for r in results[1:4]:
        u = units[r.unit_id]
        if u.kind == "sentence" and u.passage_id == first.passage_id and u.start == first.start \
                and u.end > first.end and r.score >= ratio * results[0].score and r.found \
                and {f.key for f in r.found} != keys:
            return [r] + [x for x in results if x is not r]
    return results


def counts_people(question: str) -> bool:
    """Does a number question count people by the generic noun ("how many people used the
    platform", "how many ppl joined the webinar")?  Every "N million people" sentence then shares
    its frame: what they did, the topic, must choose the sentence."""
    focus = focus_terms(question)
    return bool(focus) and _SAME.get(focus[0], focus[0]) == "persons"


def _near(word: str, focus: list[str]) -> bool:
    """Is word one of the counted words, allowing inflection and a typo ('subscibers')?"""
    w = _SAME.get(word.lower(), word.lower())
    if word.lower() in _PERSON_ROLES and any(_SAME.get(f, f) == "persons" for f in focus):
        return True
    return any(_near_pair(w, _SAME.get(f, f)) for f in focus)


@lru_cache(maxsize=100_000)
def _near_pair(w: str, f: str) -> bool:
    """One word against one counted word (kept: the text step asks the same pairs of every
    sentence it reads, and the typo test is a sequence match)."""
    if stem(w) == stem(f):
        return True
    if len(w) >= 5 and w[0] == f[0] and abs(len(w) - len(f)) <= 2 and \
            difflib.SequenceMatcher(None, w, f).ratio() >= 0.84:
        return True
    # one root, another derivation: "attended" / "attendees", "registered" / "registration"
    if len(os.path.commonprefix([w, f])) >= 6:
        return True
    # a short verb and the noun of who does it: "used" / "users", "viewed" / "viewers"
    return _doer_root(w) is not None and _doer_root(w) in (_verb_root(f), f) or \
        _doer_root(f) is not None and _doer_root(f) in (_verb_root(w), w)


_DOER = re.compile(r"^([a-z]{2,}?)e?(?:er|ee)s?$")
_VERB = re.compile(r"^([a-z]{2,}?)e?(?:ed|es|ing|s|e)?$")


def _doer_root(w: str) -> str | None:
    """The verb inside an agent noun ("users" -> "us", "viewers" -> "view"), or None."""
    m = _DOER.match(w)
    return m.group(1) if m else None


def _verb_root(w: str) -> str:
    """A verb's form stripped the same way ("used" -> "us", "viewed" -> "view")."""
    m = _VERB.match(w)
    return m.group(1) if m else w


NAMED_IN_SENTENCE = ("Scheme",)  # (an instrument such as C102 is named in too many sentences to tell one)
# A sentence opening on a definite description or a pronoun continues the one before it.
_ANAPHOR = re.compile(r"\s*(?:(?:The|This|These|That|Such)\s+[a-z][\w-]*|It|Its|They|Their)\b")
# a figure followed by the counted words ("52 country briefs"), per counted word among its next three
COUNTED_BESIDE_BONUS = 0.15
RARE_COUNTED_IDF = 3.5
_FIGURE_THEN = re.compile(r"(?<![\w.,])\d[\d,.]*\s+((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)")
# A sum asked in a currency ("how much ..., in euros?"): a sentence writing a sum in that currency
# is the one the asker read it in (the report gives most sums in US dollars, a few in euros only).
CURRENCY_BONUS = 0.15
SENTENCE_NAMES_BONUS = 0.1  # on the scale of dense similarity: a sentence naming the scheme beats its neighbour


class TextStep:
    def __init__(self, knowledge, units: UnitIndex):
        self.k = knowledge
        self.units = units
        self._titles: dict[tuple[str, ...], frozenset[str]] = {}
        self._about: dict[str, frozenset[str]] = {}  # passage id -> passage_entities (the graph is read-only)
        self._title_names: list[tuple[str, list[str], list[re.Pattern]]] | None = None
        self._contents: dict[str, bool] = {}  # passage id -> is a contents listing (see contents_listing)
        self._acronyms: list[tuple[list[str], list[str]]] | None = None  # (expansion terms, acronym terms)

    def acronym_terms(self, question: str) -> list[tuple[list[str], list[str]]]:
        """(the name's terms, its acronym's terms) for each name the question spells out that the
        report's own acronym list abbreviates ("Results Monitoring Tool" -> "rmt"): a sentence
        that only writes the acronym ("the RMT encompasses approximately 490 entries") is about
        that name too."""
        if self._acronyms is None:
            from graph.extract.organizations import _acronym_like, initials_match

            rows = []
            for u in self.units.units:  # the acronym list's rows are units of their own: "RMT | Results Monitoring Tool"
                m = ACRONYM_ROW.match(u.text)  # the acronym list's rows are units of their own
                if m and _acronym_like(m.group(1), m.group(2)) and initials_match(m.group(1), m.group(2)):
                    rows.append((terms(m.group(2)), terms(m.group(1))))
            self._acronyms = rows
        asked = terms(question)
        out = []
        for expansion, acronym in self._acronyms:
            # the whole name, or a run of three or more of its words that is at least half of it
            # ("Global Technical Team" for "ILO Global Technical Team on social protection")
            n = len(expansion)
            runs = [expansion] if n < 3 else [expansion[i:i + k] for k in range(max(3, (n + 1) // 2), n + 1)
                                              for i in range(n - k + 1)]
            hit = next((r for r in runs for i in range(len(asked) - len(r) + 1) if asked[i:i + len(r)] == r), None)
            if n >= 2 and hit is not None and not set(acronym) <= set(asked):
                out.append((hit, acronym))
        return out

    def report_year(self) -> str | None:
        """The year the report covers: the year its section titles write most often ("Programme
        results 2024"), read once."""
        return getattr(self.k, "report_year", None)

    def passage_entities(self, pid: str) -> frozenset[str]:
        """Entities a passage is about: those it mentions and those its section titles name
        (a paragraph under "USP2030 Working Group on Climate Action" is about that group).
        Computed once per passage: every question with a required entity filters all passages."""
        cached = self._about.get(pid)
        if cached is not None:
            return cached
        p = self.k.passage(pid)
        ids = {f"Country:{c}" for c in (p.countries if p else [])}
        ids.update(f"{m['type']}:{m['key']}" for m in self.k.mentions_in(pid))
        if p is not None:
            ids.update(self._title_entities(tuple(p.section_path)))
        out = self._about[pid] = frozenset(ids)
        return out

    def contents_listing(self, pid: str) -> bool:
        """Is the passage one of the report's contents tables (a table of contents, figures, tables
        or boxes: titles beside page numbers, :func:`graph.contents.contents_entries`)?  Its numbers
        are page numbers, never a figure the report states ("Table 3: Institutional changes ... | 4")."""
        cached = self._contents.get(pid)
        if cached is None:
            p = self.k.passage(pid)
            cached = bool(p is not None and getattr(p, "kind", None) == "table"
                          and contents_entries(p.text.split("\n")))
            self._contents[pid] = cached
        return cached

    @staticmethod
    def _entry_country(p) -> str | None:
        """The country of the country entry a passage sits in, if any (from its section path)."""
        return next((iso for iso in map(countries.lookup, reversed(p.section_path)) if iso), None)

    def _titled(self) -> list[tuple[str, list[str], list[re.Pattern]]]:
        """Per entity that a section title can name: its long names lower-cased, and a whole-word
        pattern per all-capitals name (an acronym), prepared once rather than per title."""
        if self._title_names is None:
            self._title_names = [
                (eid, [n.lower() for n in names if len(n) >= 6],
                 [re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)") for n in names if n.isupper()])
                for eid, e in self.k.entities.items()
                if e["type"] in ("Organization", "Initiative", "Scheme", "LegalInstrument")
                for names in [self.k.names(eid)]]
        return self._title_names

    def _title_entities(self, path: tuple[str, ...]) -> frozenset[str]:
        cached = self._titles.get(path)
        if cached is None:
            joined = " | ".join(path)
            titles = joined.lower()
            cached = frozenset(eid for eid, longs, acronyms in self._titled()
                               if any(n in titles for n in longs) or any(rx.search(joined) for rx in acronyms))
            self._titles[path] = cached
        return cached

    def extract(self, unit, answer_type: str, exclude: set[str], question: str) -> list[Found]:
        p = self.k.passage(unit.passage_id)
        text = p.text
        a, b = unit.start, unit.end
        seg = text[a:b]
        out: dict[str, Found] = {}
        if answer_type == "Number":
            if self.contents_listing(unit.passage_id) or _CAPTION_PAGE.match(seg):
                return []  # a contents table's numbers are its page numbers ("Figure 3: The ILO's ... Team 50")
            asked_years = YEAR.findall(question)
            if asked_years and YEAR.search(seg) and not any(y in seg for y in asked_years):
                return []  # the sentence dates its figures, but not to the year asked
            if in_span_only(seg, question):
                return []  # "between 2021 and 2024, ... 149 changes" counts the years up to the one asked
            focus = focus_terms(question)
            strict = bool(focus)
            if not focus and (numbers.counted_noun_last(question) or opens_on_audience(question) or (
                    numbers.asked_unit(question) == "percent" and not _WH.search(question))):
                # keyword query ("... subscribers", "attendees ... meeting", "... execution rate by 2023"): its words say what
                # is counted, or which of the rates listed together ("70% X and 61% Y") is meant
                focus = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", question)
                         if w.lower() not in STOP and w.lower() not in _UNIT_WORDS]  # every share says "percent"
            if not focus:
                reach = closing_reach_verb(question)  # "malawi old persons grant reach": beside "to reach"
                focus = [reach] if reach else focus
            span = numbers.pick(seg, question, lambda w: _near(w, focus), strict=strict)
            if span is not None and _FROM_TO_ASKED.search(question):
                # "from what % to what %": both ends of the change the picked figure is part of
                ends = numbers.change_ends(seg, span)
                for end in ends:
                    out[end.label] = Found("Number", end.label, end.label, [(a + end.start, a + end.end)], end.value)
                if ends:
                    return list(out.values())
            if span is not None:
                out[span.label] = Found("Number", span.label, span.label, [(a + span.start, a + span.end)],
                                        span.value)
            else:  # no figure beside the counted noun: a list of the counted kind is counted
                listed = self._listed_count(unit, seg, question, focus)
                if listed is not None:
                    out[listed.label] = listed
            return list(out.values())
        if answer_type == "Year":
            if PERIOD_ASKED.search(question):  # "which years does the bulletin cover": the span written
                found = _spans(seg)
                labels = {" ".join(seg[x:y].split()) for x, y in found}
                if len(labels) == 1:  # one span, however often the sentence writes it
                    label = labels.pop()
                    return [Found(answer_type, label, label, [(a + x, a + y) for x, y in found],
                                  float(YEAR.search(label).group(1)))]
            rx = YEAR
            focus = year_focus(question)
            # Words the sentence writes capitalised are part of a name there ("Employment Injury
            # Benefits Convention, 1964"), whatever case the question typed them in.
            said = re.findall(r"[A-Za-z][A-Za-z-]+", seg)
            names = capitalised_words(question)
            events = [w for w in event_words(question, focus)
                      if not any(_near(t, [w]) for t in said) or any(t.islower() and _near(t, [w]) for t in said)]
            origin = any(_near(w, _ORIGIN) for w in re.findall(r"[a-z]+", question.lower()))
            if origin:
                # "since what year has X existed", "when was X set up": any word of a beginning
                # dates it ("Since its inception in 2021", "was established in February 2024"), and
                # the question's other words are the thing that began, not events of their own:
                # "when did the ILO launch the campaign to promote ratification" is dated by "launched
                # a Global Campaign", not by "ratifications to 70 by 2026"
                events = list(dict.fromkeys([w for w in events if _near(w, _ORIGIN)] + _ORIGIN))
            bound = year_bound(question)
            future = bool(_FUTURE_ASKED.search(question))
            context_years = {y.group(1) for y in YEAR.finditer(question)
                             if _TIME_CLAUSE.search(question[max(0, y.start() - 80):y.start()])}
            context_years = context_years if len(set(YEAR.findall(seg))) > 1 else set()
            best = None
            for m in rx.finditer(seg):
                if _IN_IDENTIFIER.search(seg[max(0, m.start() - 12):m.start()]) and m.group(1) in question:
                    # "... the first amendment to Law No. 38/VIII/2013": the question names the law by
                    # its number, so the year closing it is no date asked ("in what year was the
                    # original law passed" is still answered by it)
                    continue
                after = re.findall(r"[A-Za-z]+", seg[m.end():m.end() + 60])[:4]
                # "approved ... in September 2024 and published in January 2025": a verb coordinated
                # after the year is the next event's, dated by the year that follows it
                joined = next((i for i, w in enumerate(after[:-1]) if w.lower() in ("and", "but", "then")
                               and re.fullmatch(r"[a-z]+ed", after[i + 1])), None)
                after = after[:joined] if joined is not None else after
                # the clause before a year may put the event a few words back ("which had
                # originally been set up in 2019"), further than a figure's counted noun goes
                before = re.findall(r"[A-Za-z]+", seg[max(0, m.start() - 60):m.start()])[-5:]

                def dist(words: list[str]) -> int:
                    d = next((i for i, w in enumerate(after) if _near(w, words)), None)
                    return d if d is not None else next(
                        (i + 2 for i, w in enumerate(reversed(before)) if _near(w, words)), 9)
                # The year next to what happened ("instituted in 2023") beats the year next to the
                # name ("In 2024, Lebanon also renewed ..."); the name's nearness only breaks ties.
                # "until which year was it renewed": the year written as that bound ("up to September 2025")
                lead = seg[max(0, m.start() - 24):m.start()]
                off_bound = 0 if bound is None or bound.search(lead) else 1
                if off_bound and origin and dist(_ORIGIN) <= 4:
                    off_bound = 0  # "since what year has it existed": "since its inception in 2021" is that bound
                d_event = dist(events)
                if origin and d_event > 4 and _OPENING_YEAR.match(seg[:m.start()]) and seg[m.end():m.end() + 1] == "," \
                        and _BEGAN.search(" ".join(re.split(r"[;:]", seg[m.end():])[0].split()[:16])):
                    # "In 2021, upon a call from the ILC, the ILO launched a Global Campaign": a year
                    # opening the sentence dates the beginning its clause goes on to tell, however
                    # many words the clause puts between them (as weakly as a year four words off)
                    d_event = 4
                # "when will it be evaluated": the year the sentence writes in the future, not the
                # year of what was already done ("finalised in November 2024, ... will be evaluated
                # for approval ... in the first half of 2025")
                clause = re.split(r"[;,]", seg[max(0, m.start() - 90):m.start()])[-1]
                later = 0 if not future or _FUTURE.search(clause) else 1
                # "meetings were organized in 2024: one to present the Dashboard held on 27 June
                # 2024; one to present the Africa Social Protection Clock held on 03 September 2024":
                # the year in the clause (between semicolons and colons) that holds the most of the
                # question's words dates the thing asked, before the nearest word breaks the tie
                # the question's names first (a name says which event; "presented" may be written
                # "to present" anywhere), then its other words
                own = re.findall(r"[A-Za-z][A-Za-z-]+", numbers._clause(seg, m.start(), m.end()))
                named = -sum(1 for w in names if any(t.lower() == w for t in own))
                shared = -sum(1 for w in set(focus) if any(_near(t, [w]) for t in own))
                # "... originally set up, before the NSSF re-launched it in October 2024?": a year
                # the question writes in a clause of its own (before, after, ...) dates that other
                # event; the sentence's other year is asked
                told = 1 if m.group(1) in context_years else 0
                # a year closing a law's number ("Law No. 38/VIII/2013") dates the original law only:
                # another event of the sentence ("published in January 2025") goes first
                ident = 1 if _IN_IDENTIFIER.search(seg[max(0, m.start() - 12):m.start()]) \
                    and not _ORIGINAL_ASKED.search(question) else 0
                key = (off_bound, told, later, ident, named, d_event, shared, dist(focus))
                if best is None or key < best[0]:
                    best = (key, m)
            if best is not None:
                m = best[1]
                label = m.group(0).strip()
                out[label] = Found(answer_type, label, label, [(a + m.start(), a + m.end())], float(m.group(1)),
                                   dates_event=(bool(events) and best[0][0] == 0 and best[0][5] <= 4) or
                                   (bound is not None and best[0][0] == 0))  # the year written as the bound asked
            return list(out.values())
        want = ENTITY_FOR_TYPE.get(answer_type)
        # "which country hosted the visit": not where its participants came from ("Participants
        # from Zambia, Senegal and Ethiopia explored Nepal's ... system")
        origins = [m.span(1) for m in _VISITORS_FROM.finditer(seg)] \
            if answer_type == "Country" and _HOST_ASKED.search(question) else []
        for m in self.k.mentions_in(unit.passage_id):
            if m["start"] < a or m["end"] > b:
                continue
            eid = f"{m['type']}:{m['key']}"
            if (m["type"] != want and not (want == "Organization" and is_network(m["type"], self.k.label(eid)))) \
                    or eid in exclude or any(a + o0 <= m["start"] and m["end"] <= a + o1 for o0, o1 in origins):
                continue
            role = (self.k.entity(eid) or {}).get("role") or ""
            if answer_type == "Law" and role.startswith("ILO"):
                continue  # an ILO convention is not a national law
            f = out.setdefault(eid, Found(m["type"], eid, self.k.label(eid)))
            f.spans.append((m["start"], m["end"]))
        if answer_type == "Organization" and out:
            # "alongside UNICEF, the European Union, the Netherlands, and the United Kingdom": the
            # countries listed with the organisations are their governments (names/listed_governments.py)
            org_spans = [(m["start"], m["end"]) for m in self.k.mentions_in(unit.passage_id)
                         if m["type"] == "Organization" and a <= m["start"] and m["end"] <= b]
            for gov, s, e in listed_governments(text, a, b, org_spans, self.k):
                if gov not in exclude:
                    f = out.setdefault(gov, Found("Organization", gov, self.k.label(gov)))
                    f.spans.append((s, e))
        if answer_type == "Scheme":
            # A national fund or programme the gazetteer filed as an institution still names a
            # scheme when its head noun says so ("Basic Healthcare Provision Fund").
            for m in self.k.mentions_in(unit.passage_id):
                eid = f"{m['type']}:{m['key']}"
                if m["type"] == "Organization" and a <= m["start"] and m["end"] <= b and eid not in exclude \
                        and _KINDS["scheme"].search(self.k.label(eid).split()[-1]):
                    f = out.setdefault(eid, Found("Organization", eid, self.k.label(eid)))
                    f.spans.append((m["start"], m["end"]))
        if answer_type == "Country":
            for s, e, surface, iso in countries.find_countries(seg):
                eid = f"Country:{iso}"
                if eid in exclude or any(o0 <= s and e <= o1 for o0, o1 in origins):
                    continue
                f = out.setdefault(eid, Found("Country", eid, countries.display_name(iso)))
                if (a + s, a + e) not in f.spans:
                    f.spans.append((a + s, a + e))
        nums = [m for n in re.findall(r"\b\d[\d,.]*\b", question) if not YEAR.fullmatch(n)
                for m in re.finditer(r"(?<![\d,.])" + re.escape(n) + r"(?![\d,])", seg)]
        if len(out) > 1 and nums and answer_type in ("Publication", "Scheme", "Law", "Initiative"):
            # "Working Paper 132": of several titles in the unit, the one right after the number.
            def gap(f: Found) -> int:
                return min(abs(sp[0] - (a + m.end())) for sp in f.spans for m in nums) if f.spans else 10**6
            best = min(out.values(), key=gap)
            out = {best.key: best}
        if answer_type == "Country" and not out:
            # "the government launched a Social Security Portal": in a country entry, the entry's country.
            sec_iso = self._entry_country(p)
            if sec_iso and f"Country:{sec_iso}" not in exclude:
                out[f"Country:{sec_iso}"] = Found("Country", f"Country:{sec_iso}", countries.display_name(sec_iso))
        if answer_type in ("Scheme", "Law") and not out:
            # A capitalised name ending in a scheme (or law) word: at least three words, or two
            # with the acronym the report defines for it ("Old Persons' Grant (OPG)").
            for m in (_SCHEME_NAME if answer_type == "Scheme" else _LAW_NAME).finditer(seg):
                name = re.sub(r"^(The|A|An|Its|Their|In|On|With|Under)\s+", "", m.group(1)).strip()
                if len(name.split()) >= 3 or m.group(2):
                    out.setdefault(name, Found(answer_type, name, name, [(a + m.start(1), a + m.end(1))]))
        if answer_type == "Publication" and not out:
            for m in _QUOTED.finditer(seg):
                title = m.group(1).strip().rstrip(",.")
                out.setdefault(title, Found("Publication", title, title, [(a + m.start(1), a + m.end(1))]))
        if answer_type in ("Scheme", "Law"):
            # A named scheme or law must be of the kind asked ("which law" -> an Act) or share a
            # word with what is asked ("pension law", "health insurance system"), or it answers
            # another question.
            qt = set(terms(question))
            asked = {k for k, rx in _KINDS.items() if rx.search(question)}
            out = {k: f for k, f in out.items()
                   if qt & set(terms(f.label)) or asked & {k2 for k2, rx in _KINDS.items() if rx.search(f.label.split()[-1])}}
        return list(out.values())

    def _listed_count(self, unit, seg: str, question: str, focus: list[str]) -> Found | None:
        """'In how many countries ...' read off a sentence that lists them (see
        :mod:`app.qa.figures.enumerations`): the list's size, its items highlighted."""
        kind = enumerations.counted_kind(question)
        if kind is None:
            return None
        a = unit.start
        if kind == "Country":
            found = [(s, e, iso) for s, e, _, iso in countries.find_countries(seg)]
        else:
            found = [(m["start"] - a, m["end"] - a, f"{m['type']}:{m['key']}")
                     for m in self.k.mentions_in(unit.passage_id)
                     if m["type"] == "Organization" and a <= m["start"] and m["end"] <= unit.end]
        best = enumerations.best_enumeration(seg, enumerations.enumerations(seg, found), focus)
        if best is None:
            return None
        label = str(best.size)
        return Found("Number", label, label, [(a + best.start, a + best.end)], float(best.size))

    @staticmethod
    @lru_cache(maxsize=256)
    def _name_pattern(names: tuple[str, ...]) -> re.Pattern:
        return re.compile("|".join(r"(?<!\w)" + re.escape(n) + r"(?!\w)" for n in names), re.I)

    def unit_scores(self, a: Analysis, qvec: np.ndarray, required: list[set[str]],
                    allowed: np.ndarray | None = None) -> np.ndarray:
        """Every unit's score for the question: dense similarity plus idf-weighted term overlap
        (names the filter guarantees left out), plus a bonus for an exact number the question writes.
        Shared by the ranking below and by :mod:`app.qa.topics.topic_coverage`, which compares other
        sentences on the same topic with the best one on this same scale.  ``allowed``: the units
        that can rank (:meth:`allowed_units`); only they are read for the names, and only with
        them is a figure's sentence preferred (reading every unit costs too much per question)."""
        named = set()
        for ids in required:
            for i in ids:
                if i.split(":", 1)[0] in NAMED_IN_SENTENCE:
                    # the passage filter only guarantees the *passage* names a scheme or instrument;
                    # its words still tell the sentence about it from its neighbours (a paragraph
                    # on a pension reform gives several schemes' figures)
                    continue
                for n in self.k.names(i):
                    named.update(terms(n))
        qterms = [t for t in terms(a.question) if t not in named] or terms(a.question)
        numbers = [n for n in re.findall(r"\b\d[\d,.]*\b", a.question) if not YEAR.fullmatch(n)]
        overlap = self.units.lexical_in_context(qterms)
        for name, acronym in self.acronym_terms(a.question):
            # the same question with the name written as the acronym: a unit scores by whichever
            # way it writes the name (the acronym adds no word a unit must also hold)
            short = [t for t in qterms if t not in name] + [t for t in acronym if t not in named]
            overlap = np.maximum(overlap, self.units.lexical_in_context(short))
        scores = self.units.vectors @ qvec + WEIGHT_LEXICAL * overlap
        # ... and the sentence that names the scheme or instrument is the one about it
        # A figure is said of what its sentence names: for a number or a year, the sentence naming
        # the asked-about country or organisation is the one about it ("how much did Korea commit":
        # "France and Korea committed ... US$1.3 million", not the round total two sentences before).
        figure = a.answer_type in ("Number", "Year") and allowed is not None
        # A region the question names is what a figure is said of too ("americas share of new
        # allocations": the sentence naming the Americas, not the one listing the other regions'
        # shares), though no passage filter requires it (regions are named in few sentences).
        regions = [{r} for r in (a.regions if figure else []) if self.k.entity(r) is not None]
        # (a region as the question writes it counts too: "African countries" names Africa)
        said = {i: [a.question[l.start:l.end] for l in a.links if i in l.ids] for r in regions for i in r}
        for ids in list(required) + regions:
            names = [n for i in ids if figure or i.split(":", 1)[0] in NAMED_IN_SENTENCE
                     for n in self.k.names(i) + (said.get(i, []) if ids in regions else []) if len(n) >= 3]
            if names:
                rx = self._name_pattern(tuple(sorted(names, key=len, reverse=True)))
                rows = range(len(self.units.units)) if allowed is None else allowed.tolist()
                hit = {i for i in rows if rx.search(self.units.units[i].text)}
                if a.answer_type == "Year":  # "... partners with Eni. The initiative, launched in November 2023, ..."
                    hit |= self._continuing(hit)
                for i in hit:
                    scores[i] += SENTENCE_NAMES_BONUS
                if ids in regions:  # a sentence giving other regions' figures, not this one's, is about them
                    other = self._region_pattern(exclude=next(iter(ids)))
                    for i in set(rows) - hit:
                        if other is not None and other.search(self.units.units[i].text):
                            scores[i] -= SENTENCE_NAMES_BONUS
        for n in numbers:  # an exact number in the question ("Working Paper 132") is a strong cue
            rx = re.compile(r"(?<![\d,.])" + re.escape(n) + r"(?![\d,])")
            for i, u in enumerate(self.units.units):
                if rx.search(u.text):
                    scores[i] += 0.3
        if a.answer_type == "Number" and allowed is not None:
            self._counted_beside_figure(a.question, scores, allowed)
            currency = asked_currency(a.question)
            if currency:
                for i in allowed.tolist():
                    if any(s.kind == "money" and s.currency == currency for s in figure_spans(self.units.units[i].text)):
                        scores[i] += CURRENCY_BONUS
        return scores

    def _counted_beside_figure(self, question: str, scores: np.ndarray, allowed: np.ndarray) -> None:
        """"how many country brief ilo put online": a sentence writing a figure right before the
        counted words ("52 country briefs") states the count asked, whatever else it shares with the
        question; each counted word among the three after a figure adds to its score."""
        # only a counted word rarer than the report's everyday ones ("briefs", not "countries": a figure
        # before "countries" is in half the sentences, and says nothing of which count is asked)
        idf = self.units.idf
        focus = {stem(w) for w in focus_terms(question) if max(idf.get(w, 0.0), idf.get(stem(w), 0.0)) >= RARE_COUNTED_IDF}
        if not focus:
            return
        for i in allowed.tolist():
            text = self.units.units[i].text
            best = 0
            for m in _FIGURE_THEN.finditer(text):
                best = max(best, len(focus & {stem(w) for w in re.findall(r"[a-z]+", m.group(1).lower())}))
            scores[i] += COUNTED_BESIDE_BONUS * best

    def _region_pattern(self, exclude: str) -> re.Pattern | None:
        """A pattern for the names of every region the graph holds but ``exclude`` (made once per region)."""
        if not hasattr(self, "_regions"):
            self._regions = [eid for eid, e in self.k.entities.items() if e["type"] == "Region"]
        names = tuple(sorted((n for eid in self._regions if eid != exclude for n in self.k.names(eid) if len(n) >= 4),
                             key=len, reverse=True))
        return self._name_pattern(names) if names else None

    def _continuing(self, hit: set[int]) -> set[int]:
        """Units that go on about what the unit before them (in the same passage) names, by a
        definite description or a pronoun opening them ("The initiative, launched in ...", "It")."""
        out = set()
        for rows in self.units.by_passage.values():
            for prev, cur in zip(rows, rows[1:]):
                if prev in hit and _ANAPHOR.match(self.units.units[cur].text):
                    out.add(cur)
        return out

    def boxed_passages(self, question: str) -> set[str]:
        """The passages of the box the question names ("as described in Box 4"): a box is a
        section of its own in the report's headings ("Box 4: Strengthening ..."); empty when the
        question names no box or the report has no box of that number."""
        numbers = {m.group(1) for m in _BOX_NAMED.finditer(question)}
        if not numbers:
            return set()
        return {pid for pid, p in self.k.passages.items()
                if any((m := _BOX_NAMED.match(t)) and m.group(1) in numbers for t in p.section_path)}

    def allowed_units(self, a: Analysis, required: list[set[str]]) -> np.ndarray:
        """Units whose passage names what the question is about (and its year, if it gives one)."""
        allowed = []
        # The report's own year dates everything it reports ("joined the network in 2024" is said as
        # "throughout the year"): a passage need not write it.  Other years stay a filter.
        years = [y for y in a.years if y != self.report_year()]
        # a figure asked of a region is said where the report speaks of that region (see region_figures)
        regions = [(r, region_countries(self.k, r)) for r in (a.regions if a.answer_type == "Number" else [])
                   if self.k.entity(r) is not None]
        boxed = self.boxed_passages(a.question)
        for pid, rows in self.units.by_passage.items():
            if boxed and pid not in boxed:
                continue  # "as described in Box 4": the box's own passages
            if regions and not all(about_region(self.k, pid, r, members) for r, members in regions):
                continue
            if required:
                present = self.passage_entities(pid)
                if not all(ids & present for ids in required):
                    continue
            if years and not any(y in self.k.passage(pid).text for y in years):
                continue  # "adopted in 2024": the evidence must be about that year
            allowed.extend(rows)
        return np.array(sorted(allowed), dtype=np.int64)

    def run(self, a: Analysis, qvec: np.ndarray, required: list[set[str]], exclude: set[str],
            top: int = 40) -> list[TextResult]:
        """Best units first, each with what it answers (empty units skipped).

        ``required``: for each entity the question is about, the ids one of which the unit's
        passage must mention.  Their names are left out of the lexical query: the filter already
        guarantees them, and they would otherwise favour every sentence that merely names them.
        Units whose passage names what the question is about are chosen first, so a narrow filter
        never starves the ranking.
        """
        allowed = self.allowed_units(a, required)
        scores = self.unit_scores(a, qvec, required, allowed)
        order = allowed[np.argsort(-scores[allowed])] if len(allowed) else allowed
        results: list[TextResult] = []
        for i in order[: top * 4]:
            u = self.units.units[int(i)]
            found = self.extract(u, a.answer_type, exclude, a.question)
            if not found:
                continue
            results.append(TextResult(u.id, u.passage_id, float(scores[i]), found))
            if len(results) >= top:
                break
        return results
