"""Schemes asked by their kind: "which health insurance schemes are in Africa", "african pension
schemes", "which African countries have a health insurance scheme".

Why: a kind of scheme ("health insurance", "pension", "cash transfer") names no one scheme, so no
link was made; the question went to the text step, which answers from one sentence, so a list that
spans country entries came back as one or two names, with an institution among them.  The graph
already holds every scheme with its country: the kind is read from the scheme's own label.

:func:`kind_words` takes the words written right before the asked scheme noun ("health insurance"
in "health insurance schemes") that occur in the labels of the graph's schemes, leaving out words
most scheme labels share (they say "scheme", not which kind; measured on the graph, so nothing here
lists a kind).  :func:`schemes_of_kind` returns the schemes whose labels hold every kind word,
within the countries or regions the question links; the answers are those schemes, or their
countries when countries are asked.  Only for a plural kind question ("schemes", or "countries ...
a <kind> scheme") with no other name linked than places, or for a singular one that names one
country holding exactly one scheme of that kind ("zambia cash transfer programme name"); its other
words, if any, must be said in that scheme's own passages ("peru health insurance scheme ILO
actuarial valuation").
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.qa.graphstep import AUTHOR_ORGS
from app.qa.question import FUND, answer_type as stated_type
from app.qa.units import STOP, terms
from app.qa.form.wording import frame_terms

_HEAD = r"(?:schemes?|programmes?|programs?|systems?|benefits?|allowances?|pensions?|grants?)"
# "health insurance schemes", "african pension schemes", "cash transfer programmes"
_ASKED_PLURAL = re.compile(r"((?:[\w-]+\s+){1,3}?)(schemes|programmes|programs|systems|benefits|allowances|pensions|grants)\b",
                           re.I)
# "zambia cash transfer programme name", "what is Malawi's old persons grant called": one scheme of a
# kind in one named country
_ASKED_SINGULAR = re.compile(r"((?:[\w-]+\s+){1,3}?)(scheme|programme|program|system|benefit|allowance|pension|grant)\b(?!['’])",
                             re.I)
# "countries ... have a health insurance scheme"
_COUNTRIES_WITH = re.compile(r"\bcountr(?:y|ies)\b[^?]{0,40}?\b(?:ha(?:ve|s|d)|run|runs|operat\w*|offer\w*)\s+(?:an?|any|the)?\s*"
                             r"((?:[\w-]+\s+){1,3}?)" + _HEAD + r"\b", re.I)
# Words that ask for a list and say nothing more ("which ... schemes does the report mention in ...").
_PLAIN = frozenset(terms("scheme schemes programme programmes program programs system systems benefit benefits allowance "
                         "allowances pension pensions grant grants country countries report reports mention mentions "
                         "mentioned name names named list listed exist exists have has had run runs operate operates "
                         "offer offers there any all kind kinds type types national according exist existing "
                         "called title")) | frame_terms()
_COMMON_SHARE = 0.3  # a word in more than this share of scheme labels says "scheme", not a kind
_WORD = re.compile(r"[a-z][a-z'-]+")


@lru_cache(maxsize=4)
def _label_words(knowledge) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Scheme id -> words of its names, and the words too common among them to name a kind."""
    words: dict[str, frozenset[str]] = {}
    for e in knowledge.entities.values():
        if e.get("type") == "Scheme":
            words[e["id"]] = frozenset(w for n in knowledge.names(e["id"]) for w in _WORD.findall(n.lower()))
    df: dict[str, int] = {}
    for ws in words.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    common = frozenset(w for w, n in df.items() if n > _COMMON_SHARE * max(1, len(words)))
    return words, common


def _stem(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def kind_words(question: str, knowledge, links) -> tuple[list[str], str] | None:
    """(kind words, "Scheme" or "Country") when the question asks for schemes of a kind."""
    blank = question
    for l in links:  # a place's name is no kind ("african" is linked to the region)
        blank = blank[:l.start] + " " * (l.end - l.start) + blank[l.end:]
    words, common = _label_words(knowledge)
    vocab = {w for ws in words.values() for w in ws} - common
    for rx, asked in ((_COUNTRIES_WITH, "Country"), (_ASKED_PLURAL, "Scheme"), (_ASKED_SINGULAR, "one Scheme")):
        m = rx.search(blank)
        if not m:
            continue
        mods = [w for w in _WORD.findall(m.group(1).lower()) if w not in STOP]
        # the modifiers next to the noun, back to the first word no scheme label has
        kind: list[str] = []
        for w in reversed(mods):
            if w in vocab or _stem(w) in vocab:
                kind.insert(0, w if w in vocab else _stem(w))
            else:
                break
        if kind:
            return kind, asked
    return None


def schemes_of_kind(kind: list[str], knowledge, countries: set[str] | None) -> list[str]:
    """Scheme ids whose names hold every kind word, placed in ``countries`` when given."""
    words, _ = _label_words(knowledge)
    out = []
    for sid, ws in words.items():
        if not all(w in ws for w in kind):
            continue
        placed = {f["object"] for f in knowledge.facts_where(subject=sid, predicate="schemeInCountry")}
        if not placed or (countries is not None and not placed & countries):
            continue
        out.append(sid)
    return out


def _told_of(sid: str, extra: set[str], knowledge) -> bool:
    """Do the passages naming the one scheme of the kind say most of the question's other words
    ("peru health insurance scheme ILO actuarial valuation": its sentence tells the valuation)?"""
    said: set[str] = set()
    for pid in knowledge.passages_mentioning(sid):
        p = knowledge.passage(pid)
        said |= set(terms(p.text)) if p else set()
    return 2 * len(extra & said) > len(extra)


def asked_kind(a, knowledge) -> tuple[list[str], str, list[str]] | None:
    """(scheme ids, asked type, kind words) for a question asking schemes of a kind, else None.
    Only places (and the report's author, the context of all its work) may be linked; any other
    name is what the question is about."""
    if a.answer_type not in ("Scheme", "Text", "Country"):
        return None
    # (funding as the question words it: a guessed funding relation -- "cash transfer" read as money --
    # is no condition the question sets)
    if any(l.type not in ("Country", "Region") and not set(l.ids) <= AUTHOR_ORGS for l in a.links) \
            or (a.fund and FUND.search(a.question)) \
            or a.partner or a.negation:
        return None
    found = kind_words(a.question, knowledge, a.links)
    if not found:
        return None
    kind, asked = found
    if asked == "one Scheme":
        # the question's own words decide: a guessed relation may have typed "<country> ... name" a country
        if stated_type(a.question) not in ("Scheme", "Text"):
            return None
    elif asked == "Scheme" and a.answer_type == "Country":
        return None
    extra = set(a.topic_terms) - set(terms(" ".join(kind))) - _PLAIN
    if extra and asked != "one Scheme":
        return None  # "pension schemes actuarial review": more is asked than the kind, for the text step
    countries: set[str] | None = None
    if a.links:
        countries = set(a.linked("Country"))
        for r in a.linked("Region"):
            countries |= {f["subject"] for f in knowledge.facts_where(obj=r, predicate="inRegion")}
    ids = schemes_of_kind(kind, knowledge, countries)
    if asked == "one Scheme":  # a singular kind names one scheme only in one named country
        if len(set(a.linked("Country"))) != 1 or a.linked("Region") or len(ids) != 1:
            return None
        if extra and not _told_of(ids[0], extra, knowledge):
            return None  # more is asked than the kind, and the scheme's own sentences do not say it
        asked = "Scheme"
    return (ids, asked, kind) if ids else None


__all__ = ["asked_kind", "kind_words", "schemes_of_kind"]
