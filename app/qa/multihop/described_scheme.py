"""A country's scheme or programme asked by what it does, not by its name.

"bangladesh employment injury pilot name", "madagascar community health insurance amoron'i mania",
"Bangladesh RMG sector work-accident pilot run by ILO and GIZ - what's it called?", "What is the
name of the joint programme Albania launched in 2024 with UNDP, UNICEF and the ILO?": the question
names one country and describes one of the things the graph places there (a scheme, a programme,
a project) by words of its name or of the sentences that name it.  Without a name to link, the
template guess read these as questions about countries ("countries where the pilot project
started"), partners or figures, and answered Cambodia, Malawi or "2".

The candidates are the graph's schemes and projects placed in that country (their ``country``
attribute or a placing fact).  Each is scored by the question's distinctive words found in its
names (worth most), in the sentences that name it, and by the kind nouns it shares ("pilot",
"fund").  One candidate must lead clearly; otherwise nothing is decided here and the usual steps
answer.  The step only fires when the question asks for a name (a "what's it called" / "name" /
"acronym" word, a singular scheme noun after "which/what", or a keyword query with such a noun)
and not for a country, a person, a date or a figure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.qa.things.label_words import given_names
from app.qa.question import Analysis
from app.qa.units import stem, terms

# Kinds of thing a country runs that people describe instead of naming.
CANDIDATE_TYPES = ("Scheme", "Project")

# Nouns that say what kind of thing is asked: a match counts a little (a "pilot" is one of many).
_KIND = {stem(w) for w in ("scheme", "programme", "program", "pilot", "project", "fund", "system", "insurance",
                           "benefit", "grant", "allowance", "pension", "initiative", "plan", "transfer", "regime",
                           "mutual", "social", "protection", "security", "national", "new", "public")}
# Words of the asking, never of the thing asked.
_FRAME = {stem(w) for w in ("name", "named", "called", "call", "acronym", "title", "what", "which", "ilo", "report",
                            "country", "government", "launch", "launched", "run", "introduce", "introduced",
                            "set", "up", "known", "refer", "referred", "official", "full", "short", "joint",
                            "2021", "2022", "2023", "2024", "2025", "work", "support", "supported", "help")}

# The noun that says what is asked: a kind of thing a country runs (a fund or a mutual is an
# institution, and an act or a strategy an instrument: other steps answer those).
_HEAD = r"(?:scheme|programme|program|pilot|project|insurance|benefit|grant|allowance|pension|regime|system)"
# "which health insurance scheme did ...", "what is the pilot ...", "what is the name of the joint
# programme ...": the words after the question word up to the first function word; the last of
# them is the noun asked ("which scheme's coverage", "which pension-related schemes", "what is the
# health insurance fund that ..." ask for something else).
_WHICH = re.compile(r"\b(?:which|what)(?:['’]s\s+|\s+(?:(?:is|was|are|were)\s+)?)(?:(?:the|that|this)\s+)?"
                    r"(?:(?:name|title|acronym)\s+of\s+(?:the\s+|its\s+|that\s+)?)?", re.I)
_FUNCTION = {"did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "that", "which", "who", "in", "of",
             "for", "to", "with", "by", "the", "a", "an", "on", "at", "from", "under", "and", "or", "called", "named",
             "there", "its", "their", "his", "her", "will", "would", "can", "could", "should", "been", "being",
             "whose", "where", "when", "whom"}
_HEADS = {"scheme", "programme", "program", "pilot", "project", "insurance", "benefit", "grant", "allowance",
          "pension", "regime", "system"}


def asked_head(question: str) -> str | None:
    """The singular noun a "which/what ..." question asks with, when it names a kind of scheme."""
    m = _WHICH.search(question)
    if not m:
        return None
    words, stop = [], None
    for w in re.findall(r"[\w'’-]+|[^\w\s]", question[m.end():])[:7]:
        if not re.match(r"[\w'’-]+$", w) or w.lower() in _FUNCTION or w.isdigit():
            stop = w.lower()
            break
        if words and (w[0].isupper() or (w.lower().endswith("ed") and "-" not in w)):
            break  # "the joint programme Albania launched": the subject or the verb follows the noun
        words.append(w.lower())  # (a compound adjective stays: "Jordan's donor-funded pilot")
    if words and words[-1] in _HEADS:
        return words[-1]
    # "which pilot gives the workers ...": a verb with its object follows the noun
    if len(words) >= 2 and words[-2] in _HEADS and (stop in ("the", "a", "an") or (stop or "").isdigit()):
        return words[-2]
    return None


# "... pilot run by ILO and GIZ - what's it called?"
_CALLED = re.compile(rf"\b{_HEAD}\b(?![s'’]).*\bwhat(?:'s|\s+is)\s+(?:it|its\s+name)\b", re.I)
_QUESTION_WORD = re.compile(r"\b(?:who|whom|whose|what|which|when|where|why|how|is|are|does|did|do|has|have|can|could)\b", re.I)
# A keyword query names what it wants last ("bangladesh employment injury pilot name").
_KEYWORD_TAIL = re.compile(rf"\b{_HEAD}(?:\s+(?:name|called|acronym|title|abbreviation))?\s*[?.!]*$", re.I)
# ... or last but for whom or what it is for ("drc mandatory health insurance system for state
# employees"): a short tail after "for" / "covering" that names no fact of the thing (an amount, a
# count, a date), so the thing itself is what is asked.
_KEYWORD_FOR_TAIL = re.compile(rf"\b{_HEAD}s?\s+(?:for|covering)\s+((?:[\w'’-]+\s+){{0,3}}[\w'’-]+)\s*[?.!]*$", re.I)
_FACT_WORDS = {"amount", "amounts", "number", "numbers", "rate", "rates", "cost", "costs", "coverage", "value", "level",
               "date", "year", "when", "much", "many", "size", "total", "percentage", "percent", "share", "funder",
               "funders", "donor", "donors", "partner", "partners", "countries", "country", "beneficiaries", "budget"}
# Asked for something else than the thing: its country, its people, a date, a figure.
_ASKS_OTHER = re.compile(r"\b(?:who|whom|whose|when|where|why)\b|\bhow\s+(?:many|much|long|old)\b|\bin\s+what\s+year\b"
                         r"|^(?:is|are|does|did|do|has|have|was|were)\b", re.I)


# "the cash transfer programme whose households ...", "the scheme where ...": a relative clause on
# the kind noun describes the thing; it does not ask whose or where.
_RELATIVE_AFTER_HEAD = re.compile(rf"\b{_HEAD}s?\s+$", re.I)


def _asks_other(q: str) -> bool:
    return any(not (m.group(0).lower() in ("whose", "where", "when") and _RELATIVE_AFTER_HEAD.search(q[:m.start()]))
               for m in _ASKS_OTHER.finditer(q))


def _asks_for_a_name(question: str) -> bool:
    q = question.strip()
    if _asks_other(q):
        return False
    if _QUESTION_WORD.search(q):
        return bool(asked_head(q) or _CALLED.search(q))
    if _KEYWORD_TAIL.search(q):
        return True
    m = _KEYWORD_FOR_TAIL.search(q)
    return bool(m) and not any(w.lower() in _FACT_WORDS for w in m.group(1).split())


_ASKS_NAME = re.compile(r"\b(?:name|called|acronym|abbreviation|title)\s*[?.!]*$", re.I)


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text)


def _cores(names: list[str]) -> list[str]:
    """A name without its closing kind noun ("Estidama++" of "Estidama++ programme"), when what is
    left is a name of its own (a word beyond the kind words written as a name: capitalised or
    with a sign, "Haba Haba", "Estidama++"; "old-age pension" of "old-age pension scheme" is an
    everyday phrase that many sentences say of other schemes).  The text often puts a word
    between the two ("the donor-supported Estidama++ pilot programme"), and that sentence
    describes the same thing."""
    out = []
    for n in names:
        words = n.split()
        if len(words) < 2 or words[-1].lower() not in _HEADS:
            continue
        core = words[:-1]
        if any(stem(w.lower()) not in _KIND and (w[:1].isupper() or re.search(r"[^\w'’-]", w))
               and re.search(r"[A-Za-z]", w) for w in core) and len(" ".join(core)) >= 4:
            out.append(" ".join(core))
    return out


@lru_cache(maxsize=4096)
def _words_of(knowledge, eid: str) -> tuple[frozenset, frozenset]:
    """(words of the thing's names, words of the sentences that name it)."""
    names = [n for n in knowledge.names(eid) if len(n) >= 3]
    named = frozenset(t for n in names for t in terms(n))
    said: set[str] = set()
    pats = [re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])", re.I) for n in names + _cores(names)]
    ent = knowledge.entity(eid) or {}
    texts = [ent.get("attrs", {}).get("description") or ""]
    texts += [f.get("attrs", {}).get("sentence") or "" for f in knowledge.facts_about(eid)]
    for pid in knowledge.passages_mentioning(eid)[:6]:
        p = knowledge.passage(pid)
        if p is not None:
            texts += [s for s in _sentences(p.text) if any(r.search(s) for r in pats)]
    for t in texts:
        said.update(terms(t))
    return named, frozenset(said - named)


def _placed_in(knowledge, eid: str, country: str) -> bool:
    ent = knowledge.entity(eid) or {}
    if ent.get("attrs", {}).get("country") == country.split(":", 1)[1]:
        return True
    return any(f["object"] == country for f in knowledge.facts_where(subject=eid))


def _named_at_head(a: Analysis, knowledge, country: str | None) -> tuple[str, list[str]] | None:
    """The scheme a keyword query names itself and asks the name of, when its head noun is the
    end of a linked name and only a name word or a "for whom" tail follows ("RDC mandatory health
    insurance system name", "drc mandatory health insurance system for state employees"): the
    linked name is the thing asked, not context for another one.  With a country linked, the
    scheme must be placed there; without one (a country the linker does not know), the name alone
    says which."""
    q = a.question.strip()
    if _QUESTION_WORD.search(q):
        return None
    m = _ASKS_NAME.search(q)
    tail = _KEYWORD_FOR_TAIL.search(q)
    if m:
        head = re.search(rf"\b{_HEAD}s?\s*$", q[:m.start()], re.I)
        at = head.start() if head else None
    else:
        at = tail.start() if tail else None  # the tail's pattern opens on the head noun
    if at is None:
        return None
    named = [l for l in a.links if l.type in CANDIDATE_TYPES and l.start <= at < l.end and len(l.ids) == 1]
    if len(named) != 1:
        return None
    eid = named[0].ids[0]
    if country is not None and not _placed_in(knowledge, eid, country):
        return None
    where = f", placed in {knowledge.label(country)}" if country else ""
    return eid, ["its name" + where]


def described(a: Analysis, knowledge, need_name: bool = True,
              asking: frozenset[str] = frozenset()) -> tuple[str, list[str]] | None:
    """(entity, the words that chose it) of the one scheme or project of the question's country
    that the question describes, when it asks for a name (or, with ``need_name`` False, for
    something of it: "which convention is the Bangladeshi employment injury pilot aligned with");
    else None.  ``asking`` holds more words of the asking, never of the thing (a caller's asked noun
    and verb: "which fund runs ...")."""
    countries = set(a.linked("Country"))
    if need_name and _asks_for_a_name(a.question):
        named = _named_at_head(a, knowledge, next(iter(countries)) if len(countries) == 1 else None)
        if named:
            return named
    if len(countries) != 1 or (need_name and not _asks_for_a_name(a.question)):
        return None
    country = next(iter(countries))
    head = stem(asked_head(a.question) or "-")  # a keyword query's tail may stack kinds ("allowance scheme")
    named_here = {i for l in a.links if l.type in CANDIDATE_TYPES for i in l.ids if _placed_in(knowledge, i, country)}
    if len(named_here) == 1 and _ASKS_NAME.search(a.question) and not _QUESTION_WORD.search(a.question):
        # "egypt universal health insurance scheme acronym": the reading of the name placed there
        return next(iter(named_here)), ["its name, placed in " + knowledge.label(country)]
    given = {i for l in a.links if l.type in CANDIDATE_TYPES for i in l.ids}  # named as context, not asked
    # The country's names say where, not which; other linked names (a theme, a partner, another
    # country's "joint programme") are words of the description.
    places = [l for l in a.links if l.type == "Country"]
    linked_words = {t for l in places for t in terms(l.surface)}
    linked_words |= {t for l in places for i in l.ids for n in knowledge.names(i) for t in terms(n)}
    words = [w for w in dict.fromkeys(terms(a.question)) if w not in linked_words and w not in _FRAME
             and w not in asking and not w.isdigit()]
    distinct = [w for w in words if w not in _KIND]
    if not distinct:
        return None  # "kenya scheme name": nothing says which one
    scored = []
    for t in CANDIDATE_TYPES:
        for ent in knowledge.of_type(t):
            eid = ent["id"]
            if eid in given or not _placed_in(knowledge, eid, country):
                continue
            named, said = _words_of(knowledge, eid)
            hits = [w for w in distinct if w in named] + [w for w in distinct if w in said]
            score = 2.0 * sum(w in named for w in distinct) + sum(w in said for w in distinct) \
                + 0.5 * sum(w in named for w in words if w in _KIND) + 2.0 * (head in named)
            scored.append((score, eid, hits))
    # "which health insurance scheme did Zambia extend to social cash transfer households": the
    # programme whose name the question says is given; another one is asked
    given = set(given_names([s[1] for s in scored], a.question, knowledge.label))
    scored = [s for s in scored if s[1] not in given]
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    best = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    if best[0] < 2.0 or best[0] - runner < 1.0 or len(best[2]) < max(1, len(distinct) // 3):
        return None
    return best[1], best[2]


_ASKS_ACRONYM = re.compile(r"\b(?:acronym|abbreviation|initials|short\s+name)\b", re.I)


def label_asked(question: str, knowledge, eid: str) -> str | None:
    """The acronym as the answer's label when the question asks for it ("... acronym")."""
    ent = knowledge.entity(eid) or {}
    return ent.get("acronym") if _ASKS_ACRONYM.search(question) and ent.get("acronym") else None


__all__ = ["described", "label_asked", "CANDIDATE_TYPES"]
