"""A set of countries described first, then asked about: a chain of two questions.

"The countries that formally endorsed their national roadmaps under the accelerator in 2024 - who
funds the ILO's work in those countries?", "For the ten countries that adopted new strategies in
2024, who are the funders listed for the ILO's work there?", "In the countries where the ILO worked
with the UN refugee agency on health insurance for refugees, who funds the ILO's work?", "The
Asian network studied access to health cover in three countries. Which of those three are also
pathfinders?", "Where the ILO and IMF work together, in which of those countries did the ILO work on
unemployment insurance?" describe a set of countries in one clause and ask a second relation of
that set in another.  Read whole, the description's relation won and the set itself came back
(the countries, where funders were asked), or nothing did.

:func:`split` cuts such a question into a question that names the set ("Which countries formally
endorsed ...?") and the question proper with ``{}`` where the set's names go ("who funds the ILO's
work in {}?").  :func:`answer` asks the first as any question; only when every answer is a country
is the second asked with their names written in ("in Albania, Malawi and Paraguay"), which the
engine reads as it reads any question about named countries.  This is the plural sibling of
:mod:`app.qa.multihop.described_country` (one described country) and composes any two relations the engine
answers, graph or text, without naming either.

Ordinary English frames only: a set noun with a relative clause or a sentence that counts
countries, a clause break, a back-reference ("those countries", "there", "of them", "those
three"); nothing from a report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from app.qa.form.asides import ONLY_POINTS_BACK

_SET = r"(?:countries|nations|member\s+states|territories|places|governments)"
_NUM = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_FRAME = (r"(?P<frame>(?:for|in|across|about|regarding|concerning|on|as\s+for|thinking\s+(?:about|of)|"
          r"of|out\s+of|among|amongst|from|"
          r"looking\s+at|turning\s+to|with\s+regard\s+to|when\s+it\s+comes\s+to|take|consider)\s+)?")
_REL = r"(?P<rel>that|which|where|whose|in\s+which|with|named|listed|selected|chosen|picked)"
# The description ends at a clause break before the question proper.
_ASKING = (r"(?:who|whom|whose|which|what|where|how|when|can|could|would|please|tell|list|name|did|does|do|"
           r"has|have|had|is|was|are|were|in\s+which|of\s+which|among\s+which)\b")
_BREAK = (r"\s*(?:[;:?!]+|\s[—–-]+\s|[—–]|,\s*(?=(?:so|and|now|then|but)?\s*" + _ASKING + r"))\s*")
_OPENING = re.compile(r"^" + _FRAME + r"(?:the|those|these|all\s+(?:the|those))\s+(?:" + _NUM + r"\s+)?"
                      r"(?P<mods>(?:(?!(?:other|same|only|first|last|remaining|rest)\b)[\w'’-]+\s+){0,3}?)"
                      r"(?P<noun>" + _SET + r")\s+" + _REL + r"\s+(?P<desc>\S.{8,}?)" + _BREAK + r"(?P<rest>\S.*)$", re.I)
# "Where the ILO and the IMF work together, in which of those countries ...": the places a clause says.
_WHERE = re.compile(r"^(?P<frame>(?:in\s+)?)(?:where|wherever)\s+(?P<desc>\S.{8,}?)" + _BREAK + r"(?P<rest>\S.*)$", re.I)
# "The network studied access in three countries. Which of those three ...": a sentence that counts them.
# (a full stop before a number is an abbreviation's: "Convention No. 102")
_IN_SENTENCE = r"(?:[^.?!;]|\.(?=\s*\d))"
_SENTENCE_END = r"(?:[;:]|\.(?!\s*\d))\s+"  # and so not the full stop of "No. 102"
_COUNTED = re.compile(r"^(?P<desc>" + _IN_SENTENCE + r"*?\b(?:" + _NUM + r"|several|some|a\s+few|many|a\s+number\s+of)\s+(?:[\w'’-]+\s+)?" + _SET + r"\b"
                      + _IN_SENTENCE + r"*)" + _SENTENCE_END + r"(?P<rest>\S.*)$", re.I)
# "The ILO partners with an energy company on castor and rubber farms. Who funds the work in
# those two countries?": a sentence before the question, pointed back at as a set of countries.
# (never the asker's own framing: "I'm writing a note.", "Hi!", "Our unit tracks ...")
_PRIOR = re.compile(r"^(?!(?:i|i['’]m|i['’]ve|i['’]d|we|we['’]re|my|our|hi|hello|thanks|thank|please|sorry|apologies)\b)"
                    r"(?P<desc>" + _IN_SENTENCE + r"{12,}?)" + _SENTENCE_END + r"(?P<rest>\S.*)$", re.I)
_PLURAL_BACK = re.compile(r"\b(?:those|these)\s+(?:" + _NUM + r"\b\s*)?(?:countries|nations|places)?\b(?<!those\s)(?<!these\s)", re.I)
# A back-reference to the described set in the question proper.
_BACK = re.compile(r"\b(?:(?P<prep>in|for|of|to|with|from|by|at|on|across|among|amongst)\s+)?"
                   r"(?:(?:each|all|any|both)\s+of\s+)?"
                   r"(?:those|these|the\s+same|said|such|the\s+said|the\s+above|all\s+those|all\s+these)\s+"
                   r"(?:(?:" + _NUM + r"|countries|nations|places|member\s+states|territories)\b\s*){1,2}"
                   r"|\b(?P<of>(?:of|among|amongst)\s+them)\b|\b(?P<them>them)\b"
                   r"|\b(?P<there>there)\b(?!\s+(?:is|are|was|were|any|a|an)\b)", re.I)
# "Which accelerator pathfinder countries are also part of ...?": the modified noun is one set, the
# predicate after "also" another.
_ALSO = re.compile(r"^(?:which|what)\s+(?P<mods>(?:(?!(?:other|same|only|two|three|four|five|of|the|those|these|them|in|on|for|to|from)\b)[\w'’-]+\s+){1,3}?)"
                   r"(?P<noun>" + _SET + r")\s+(?P<rest>(?:are|were|have|had|is|was|do|does|did)\s+also\s+\S.*)$", re.I)
# "Which countries that ratified C102 are also in the new phase?": a relative clause is one set.
_THAT_ALSO = re.compile(r"^(?:which|what)\s+(?P<noun>" + _SET + r")\s+(?:that|which|who)\s+(?P<desc>(?!are\b|were\b)\S.{5,}?)\s+"
                        r"(?P<rest>(?:are|were|have|had|do|did)\s+also\s+\S.*)$", re.I)
# "Which countries are both in the new phase and pathfinders?": two sets joined by "both ... and".
_BOTH = re.compile(r"^(?:which|what)\s+(?P<noun>" + _SET + r")\s+(?P<verb>are|were|have|had)\s+both\s+(?P<one>\S.{3,})\s+and\s+"
                   r"(?P<two>(?!(?:the\s+)?(?:\d|other)\b)\S.{3,}?)\s*\??$", re.I)
_ASKS = re.compile(r"\b(?:who|whom|whose|which|what|where|when|how|list|name|tell)\b", re.I)
# Question proper that asks for places again without pointing back ("..., which countries are ..."):
# another set, not this one.
_OTHER_SET = re.compile(r"\b" + _SET + r"\b", re.I)


@dataclass(frozen=True)
class DescribedSet:
    """A question about a described set of countries: the question that names them, and the
    question proper with ``{}`` where their names go."""

    inner: str
    outer: str
    described: str
    question: str = ""  # the whole question, read first when the question proper picks from the set
    joined: bool = False  # two sets the question itself joins ("that ... are also", "both ... and"): their overlap


# "Of the countries that ..., which (ones|of them) ...": the question proper picks from the set.
_PICK_FRAME = re.compile(r"^(?:of|out\s+of|among|amongst|from)\s*$", re.I)
_PICKED = re.compile(r"^(?P<lead>(?:in\s+)?(?:which|what))(?:\s+(?:ones?|of\s+(?:them|these|those)|countries|nations))?\s+"
                     r"(?!of\s+the\b)", re.I)


def _written_in(rest: str, frame: str) -> str | None:
    """The question proper with ``{}`` at each back-reference to the set, or, with none, after a
    locative frame ("In {}, who funds the ILO's work?"); None when the set is not referred to."""
    if _PICK_FRAME.match(frame):
        m = _PICKED.match(rest)
        return f"{_capital(m['lead'])} of {{}} {rest[m.end():]}" if m else None
    refs = list(_BACK.finditer(rest))
    if not refs:
        if not frame.strip() or _OTHER_SET.search(rest):
            return None
        return f"{frame.strip().capitalize()} {{}}, {rest[:1].lower()}{rest[1:]}"

    def said(b: re.Match) -> str:
        if b.group("there"):
            return "in {}"
        if b.group("of"):
            return b.group("of").split()[0] + " {}"
        text = b.group(0)
        tail = " " if text.endswith(" ") else ""
        return (b.group("prep") + " " if b.group("prep") else "") + "{}" + tail

    return _BACK.sub(said, rest)


def _inner(noun: str, rel: str, desc: str) -> str:
    rel = " ".join(rel.split()).lower()
    if rel == "in which" or rel == "where":
        return f"In which {noun} {desc}?"
    if rel in ("that", "which"):
        return f"Which {noun} {desc}?"
    return f"Which {noun} {rel} {desc}?"


# Where a sentence of a wordy question starts ("Hi! I'm putting together a donor map. For the ten
# countries that ...").
_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[^\d\s])")


def split(question: str) -> DescribedSet | None:
    """The question that names the described set and the question proper, read from the whole
    question or from one of its later sentences (a preamble before it), or None."""
    q = " ".join((question or "").split())
    for start in [0] + [m.end() for m in _SENTENCE.finditer(q)]:
        found = _split(q[start:])
        if found is not None:
            return replace(found, question=q)
    return None


# "I need every country where ... - which ones does the report mention?": the set itself is asked.
_EVERY = re.compile(r"\b(?:every|each|all(?:\s+the)?|the|any)\s+(?:country|countries|nations?|places?)\s+" + _REL
                    + r"\s+(?P<desc>\S.{8,}?)" + _BREAK + r"(?P<rest>\S.*)$", re.I)


def _split(q: str) -> DescribedSet | None:
    e = _EVERY.search(q)
    if e is not None and ONLY_POINTS_BACK.match(e["rest"]):
        desc = e["desc"].strip(" ,")
        return DescribedSet(inner=_inner("countries", e["rel"], desc), outer="",
                            described=f"the countries {' '.join(e['rel'].split()).lower()} {desc}")
    m = _OPENING.match(q)
    if m is not None and _ASKS.search(m["rest"]):
        outer = _written_in(m["rest"].strip(), m["frame"] or "")
        if outer is not None:
            noun = f"{m['mods']}{m['noun']}".strip()
            desc = m["desc"].strip(" ,")
            return DescribedSet(inner=_inner(noun, m["rel"], desc), outer=_capital(outer),
                                described=f"the {noun} {' '.join(m['rel'].split()).lower()} {desc}")
    t = _THAT_ALSO.match(q)
    if t is not None:
        desc = t["desc"].strip(" ,")
        return DescribedSet(inner=f"Which {t['noun']} {desc}?", outer=f"Which of {{}} {t['rest']}",
                            described=f"the {t['noun']} that {desc}", joined=True)
    b = _BOTH.match(q)
    if b is not None:
        verb = b["verb"].lower()
        return DescribedSet(inner=f"Which {b['noun']} {verb} {b['one']}?", outer=f"Which of {{}} {verb} {b['two']}?",
                            described=f"the {b['noun']} that {verb} {b['one']}", joined=True)
    a = _ALSO.match(q)
    if a is not None:
        noun = f"{a['mods'].strip()} {a['noun']}"
        return DescribedSet(inner=f"Which are the {noun}?", outer=f"Which of {{}} {a['rest']}",
                            described=f"the {noun}")
    w = _WHERE.match(q)
    if w is not None and _ASKS.search(w["rest"]) and _BACK.search(w["rest"]):
        outer = _written_in(w["rest"].strip(), "")
        desc = w["desc"].strip(" ,")
        return DescribedSet(inner=f"In which countries {desc}?", outer=_capital(outer), described=f"where {desc}")
    c = _COUNTED.match(q) or _PRIOR.match(q)
    if c is not None and _ASKS.search(c["rest"]) and _PLURAL_BACK.search(c["rest"]):
        desc = c["desc"].strip(" ,")
        return DescribedSet(inner=f"Which countries: {desc}?", outer=_capital(_written_in(c["rest"].strip(), "")),
                            described=desc)
    return None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _names(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


# "Which of {} are also pathfinders?", "in which of {} did the ILO work on ...": a pick from the set.
_PICK = re.compile(r"^(?P<lead>(?:in\s+)?(?:which|what))\s+of\s+\{\}\s*", re.I)
# A negated pick ("which of {} are not pathfinders") is a set difference the engine reads itself.
_NEGATED = re.compile(r"\b(?:not|never|no|none|without|\w+n['’]t)\b", re.I)


def _key(x: dict) -> str:
    return x.get("iri") or x["label"]


def _picked(named: DescribedSet, found: list[dict], ask: Callable[[str], dict]) -> dict | None:
    """A pick from the set, answered as the question proper asked of every country and kept to the
    set (a long list of names written into a question reads worse than the question asked of all).

    When the question itself joins two sets ("that ... are also ...", "both ... and ...") the
    overlap is the answer.  Otherwise the whole question is read too, and the pick replaces it only
    when the whole reading gave nothing or gave back one condition's set alone (the described set,
    or the question proper's answer over every country: the other condition was dropped), and the
    pick keeps some but not all of the set.  None when nothing is kept, and for a negated pick."""
    m = _PICK.match(named.outer)
    rest = named.outer[m.end():] if m else ""
    if m is None or _NEGATED.search(rest):
        return None
    inside = {_key(x) for x in found}
    out = ask(f"{_capital(m['lead'])} countries {rest}")
    if not named.joined:
        whole = {_key(x) for x in ask(named.question).get("answers") or []}
        if whole and whole not in (inside, {_key(x) for x in out.get("answers") or []}):
            return None
    kept = [x for x in out.get("answers") or [] if _key(x) in inside]
    if not kept or (len(kept) == len(inside) and not named.joined):
        return None
    out["answers"] = kept
    return out


def _replaces_whole(out: dict, found: list[dict], whole: dict) -> bool:
    """Does the chained answer replace the whole question's own reading?  Only when that reading
    missed the chain: it gave nothing, part of what the chain gives, or the places the description
    names (the described set, or a looser set of places holding it).  A whole reading that already answered otherwise
    (a relation the engine composes itself) stands."""
    got = whole.get("answers") or []
    if not got:
        return True
    keys, chained = {_key(x) for x in got}, {_key(x) for x in out.get("answers") or []}
    if keys <= chained:
        return True  # the whole reading found part of what the chain finds
    # the whole reading answered the description (the set, or a loosened set of places holding it)
    return {_key(x) for x in found} <= keys and all(x.get("type") == "Country" for x in got)


def answer(named: DescribedSet, ask: Callable[[str], dict]) -> dict | None:
    """The answer to the question proper with the described set's names written in (a pick from
    it: see :func:`_picked`), or None when the naming question gives no countries (or anything but
    countries)."""
    inner = ask(named.inner)
    found = inner.get("answers") or []
    if not found or any(x.get("type") != "Country" for x in found):
        return None
    labels = [x["label"] for x in found]
    if not named.outer:  # the question proper only points back at the set: the set is the answer
        inner["path"] = [f"“{named.described}”: asked as “{named.inner}”"] + list(inner.get("path") or [])
        return inner
    if _PICK.match(named.outer):
        out = _picked(named, found, ask)
        if out is None:
            return None
    else:
        out = ask(named.outer.replace("{}", _names(labels)))
        if not _replaces_whole(out, found, ask(named.question) if named.question else {}):
            return None
    why = [p for p in inner.get("path") or [] if not p.startswith(("understood as", "spelling", "question read"))]
    out["path"] = ([f"“{named.described}” are {_names(labels)} (asked first: “{named.inner}”)"] + why[:1]
                   + list(out.get("path") or []))
    return out
