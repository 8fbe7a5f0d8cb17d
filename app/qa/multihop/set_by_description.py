"""A set described in words, then a second relation or a second condition over it.

This one reader takes every question that names a set by what its members did or are and then
asks something more of that set.  It reads two shapes:

**A second relation over the set (a chain).**  "The countries that formally endorsed their national
roadmaps in 2024 - who funds the ILO's work in those countries?", "For the ten countries that
adopted new strategies in 2024, who are the funders listed for the ILO's work there?", "In the
countries where the ILO worked with the UN refugee agency, who funds the ILO's work?", "Where the
ILO and IMF work together, in which of those countries ...?", "The Asian network studied access to
health cover in three countries. Which donors fund the work in those three?", "I need every
country where ... - which ones does the report mention?" (the set itself is asked).  Read whole,
the description's relation won and the set itself came back, or nothing did.  The set is asked
first as a question of its own (``inner``); only when every answer is a country is the question
proper (``outer``, ``{}`` where the set goes) asked with their names written in, which the engine
reads as it reads any question about named countries (:func:`chain`).

**A second condition over the set (an overlap of two sets of one kind).**  "Of the countries whose
trade unionists spoke at the network meeting, which are pathfinders?", "Which countries that
ratified Convention No. 102 in 2023 receive financing from the EU?", "Which organisations that fund
A also fund B?", "Which EU-funded countries are also pathfinders?", "Which countries are both in the
new phase and pathfinders?".  Read whole, the engine often keeps one condition and drops the other
(every pathfinder, every ratifier comes back).  Both conditions are asked on their own (``inner``
and ``second``); after the whole reading, :func:`overlap` keeps what both hold, only when the whole
reading met one condition and not the other (or gave nothing, or the question itself joins the two
sets with "also" / "both ... and").  A composition by the graph's own answers, never a rule for a
pair of relations.

Ordinary English frames only: a set noun with a relative clause or a sentence that counts
countries, a clause break, a back-reference ("those countries", "there", "of them", "those
three"), a pick ("of the countries that ..., which ..."), "also", "both ... and"; nothing from a
report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from app.qa.form.asides import ONLY_POINTS_BACK

_SET = r"(?:countries|nations|member\s+states|territories|places|governments)"
# nouns whose second condition is read too (an overlap needs no country names written in)
_NOUNS = r"countries|nations|member\s+states|organi[sz]ations|donors|funders|partners|agencies|institutions"
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
_COUNTED = re.compile(r"^(?P<desc>" + _IN_SENTENCE + r"*?\b(?:" + _NUM + r"|several|some|a\s+few|a\s+couple\s+of|a\s+handful\s+of|a\s+pair\s+of|many|a\s+number\s+of)\s+(?:[\w'’-]+\s+)?" + _SET + r"\b"
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
# "Of / among the organisations that|whose|where ..., which (ones|of them) ...": a pick, any set noun.
_OF_THE = re.compile(
    r"^(?:(?:so|and|now|then)\s*,?\s*)?(?:of|among|amongst|from|out\s+of)\s+(?:all\s+)?the\s+(?P<noun>" + _NOUNS + r")\s+"
    r"(?P<desc>(?:that|which|whose|where|with|in\s+which|named|listed|mentioned|cited|covered|supported|funded|"
    r"financed|reached|taking|involved|participating)\b.{8,}?)\s*[,;:]\s*"
    r"(?P<ask>(?:which|what|who)\b.+)$", re.I)
# "which (ones|of them|of these) are ..." names the same set again
_ASKED_AGAIN = re.compile(r"^(?:which|what|who)(?:\s+(?:ones?|of\s+(?:them|these|those)))?\s+", re.I)
# "Which countries that ratified C102 in 2023 receive financing from the EU?": a relative clause on
# the asked noun, then the main verb (a copula or a general verb of having or receiving).
_MAIN_VERB = (r"(?:also\s+[a-z]+|are|were|have|had|receive|received|get|got|show\s+up|appear|belong|feature|count|rank|"
              r"recorded|record|joined|join|ratified|ratify)\b")
# ("Which of the countries whose trade unionists spoke at ... are also ...": the partitive and "whose")
# ("Which of the countries that ratified ... are in Africa?" is read by the region filter, which keeps
# the ratifications' evidence)
_RELATIVE = re.compile(rf"^(?:(?:in|of|among|from)\s+)?(?:which|what)\s+(?:(?P<of>of\s+the)\s+(?=(?:{_NOUNS})\s+whose\b))?(?P<noun>{_NOUNS})\s+(?P<rel>that|which|who|whose)\s+"
                       rf"(?P<desc>(?!are\b|were\b|is\b|was\b)\S.{{5,}}?)\s+(?P<asked>{_MAIN_VERB}.{{3,}}?)\s*\??$", re.I)
# "Which accelerator pathfinder countries are also part of ...": the noun's modifiers, then "also".
_MODIFIED_ALSO = re.compile(rf"^(?:(?:in|of|among|from)\s+)?(?:which|what)\s+(?P<pre>(?:(?!(?:other|same|only|remaining|rest)\b)[\w-]+\s+){{1,4}}?)(?P<noun>{_NOUNS})\s+"
                            rf"(?P<verb>are|were)\s+also\s+(?P<asked>\S.{{3,}}?)\s*\??$", re.I)


@dataclass(frozen=True)
class DescribedSet:
    """A described set and what the question asks of it.

    ``inner`` names the set as a question of its own.  A chain has ``outer``, the question proper
    with ``{}`` where the set's names go ("" when the set itself is asked); an overlap has
    ``second``, the other condition as a question over the same kind of thing."""

    inner: str
    outer: str
    described: str
    question: str = ""  # the whole question
    second: str = ""
    joined: bool = False  # the question itself joins the two sets ("that ... are also", "both ... and"): their overlap
    exact: bool = False   # narrow only a whole reading that is one condition's answer or holds one (modifiers + "also")
    # a pick ("of the countries that ..., which ..."): narrow only a whole reading that is exactly
    # one condition's answer (a smaller one already read both, with its own sense of the second)
    pick: bool = False


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _names(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _key(x: dict) -> str:
    return x.get("iri") or x["label"]


# "Of the countries that ..., which (ones|of them) ...": the question proper picks from the set.
_PICK_FRAME = re.compile(r"^(?:of|out\s+of|among|amongst|from)\s*$", re.I)
_PICKED = re.compile(r"^(?P<lead>(?:in\s+)?(?:which|what))(?:\s+(?:ones?|of\s+(?:them|these|those)|countries|nations))?\s+"
                     r"(?!of\s+the\b)", re.I)
# "Which of {} are also pathfinders?", "in which of {} did the ILO work on ...": a pick from the set.
_PICK = re.compile(r"^(?P<lead>(?:in\s+)?(?:which|what))\s+of\s+\{\}\s*", re.I)
# A negated pick ("which of {} are not pathfinders") is a set difference the engine reads itself.
_NEGATED = re.compile(r"\b(?:not|never|no|none|without|\w+n['’]t)\b", re.I)


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


def _as_overlap(found: DescribedSet) -> DescribedSet | None:
    """A pick from the set ("Which of {} are pathfinders?") read as its second condition over
    every country ("Which countries are pathfinders?"); None for a negated pick."""
    m = _PICK.match(found.outer)
    if m is None:
        return found
    rest = found.outer[m.end():]
    if _NEGATED.search(rest):
        return None
    return replace(found, second=f"{_capital(m['lead'])} countries {rest}", pick=True)


# Where a sentence of a wordy question starts ("Hi! I'm putting together a donor map. For the ten
# countries that ...").
_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[^\d\s])")


def sentence_tails(question: str) -> list[str]:
    """``question`` and each of its ends from a later sentence on, longest first: a description
    the question opens with may follow a preamble ("Sorry if this is basic, I'm new here. There's a
    country where ...; who funds the work there?")."""
    q = " ".join((question or "").split())
    return [q] + [q[m.end():] for m in _SENTENCE.finditer(q)]
# "I need every country where ... - which ones does the report mention?": the set itself is asked.
_EVERY = re.compile(r"\b(?:every|each|all(?:\s+the)?|the|any)\s+(?:country|countries|nations?|places?)\s+" + _REL
                    + r"\s+(?P<desc>\S.{8,}?)" + _BREAK + r"(?P<rest>\S.*)$", re.I)


def _described_places(q: str) -> DescribedSet | None:
    """A set of places described first, then a chain or a pick from it (one sentence of ``q``)."""
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


def _of_the(q: str) -> DescribedSet | None:
    """'Of the <noun> that|whose|where ..., which (ones) ...' for any set noun: an overlap."""
    m = _OF_THE.match(q.strip())
    if m is None:
        return None
    noun, desc, ask = m["noun"], m["desc"].strip(), m["ask"].strip()
    again = _ASKED_AGAIN.match(ask)
    if again is None:
        return None
    rest = ask[again.end():]
    if re.match(r"of\s+the\b", rest, re.I):
        return None  # "which of the pathfinders ...": another set named, not the described one
    rest = re.sub(r"^(?:" + _NOUNS + r")\s+", "", rest, flags=re.I)  # "which countries are ...": the same noun
    first, _, tail = desc.partition(" ")
    lead = first.lower()
    if lead in ("that", "which"):
        inner = f"Which {noun} {tail}?"  # "that ratified C102" -> "Which countries ratified C102?"
    elif lead == "whose":
        inner = f"Which {noun}' {tail}?"
    elif lead == "where":
        inner = f"In which {noun} {tail}?"
    else:
        inner = f"Which {noun} {desc}?"
    return DescribedSet(inner=" ".join(inner.split()), outer="", described=f"the {noun} {desc}",
                        second=f"Which {noun} {rest.rstrip(' ?')}?", pick=True)


# "Which countries funded by Germany also had the World Bank as a partner?": a participle clause on
# the noun is one condition, the predicate after "also" the other.
_PARTICIPLE_ALSO = re.compile(rf"^(?:which|what)\s+(?P<noun>{_NOUNS})\s+(?P<desc>(?:funded|financed|supported|backed|assisted|"
                              rf"helped|covered|named|listed)\s+(?:by|in|as)\s+\S.{{2,}}?)\s+also\s+(?P<asked>\S.{{3,}}?)\s*\??$", re.I)


def _two_conditions(q: str) -> DescribedSet | None:
    """'Which <noun> that <clause> <verb> ...', 'Which <modifiers> <noun> are also ...' or 'Which
    <noun> funded by X also ...': an overlap."""
    p = _PARTICIPLE_ALSO.match(q)
    if p is not None:
        noun = p["noun"].lower()
        return DescribedSet(inner=f"Which {noun} {p['desc']}?", outer="", described=f"the {noun} {p['desc']}",
                            second=f"Which {noun} {p['asked']}?", joined=True)
    also = _MODIFIED_ALSO.match(q)
    if also is not None:
        noun = also["noun"].lower()
        return DescribedSet(inner=f"Which {also['pre'].strip()} {noun}?", outer="", described=f"the {also['pre'].strip()} {noun}",
                            second=f"Which {noun} {also['verb'].lower()} {also['asked'].strip(' ,')}?", exact=True)
    m = _RELATIVE.match(q)
    if m is None:
        return None
    noun = m["noun"].lower()
    asked = re.sub(r"^also\s+", "", m["asked"], flags=re.I)
    if m["rel"].lower() == "whose":  # "the countries whose trade unionists spoke ...": "Which countries' trade unionists spoke ...?"
        owner = noun + ("'" if noun.endswith("s") else "'s")
        return DescribedSet(inner=f"Which {owner} {m['desc'].strip(' ,')}?", outer="", described=f"the {noun} whose {m['desc']}",
                            second=f"Which {noun} {asked}?")
    return DescribedSet(inner=f"Which {noun} {m['desc'].strip(' ,')}?", outer="", described=f"the {noun} that {m['desc']}",
                        second=f"Which {noun} {asked}?")


def read(question: str) -> list[DescribedSet]:
    """Every reading of ``question`` as a described set with a chain or a second condition, the
    likeliest first: a set of places described in the question or in one of its later sentences
    (after a preamble), then a pick from a set of any kind, then two conditions on one noun."""
    q = " ".join((question or "").split())
    found: list[DescribedSet] = []
    for tail in sentence_tails(q):
        places = _described_places(tail)
        if places is not None:
            places = _as_overlap(places)
            if places is not None:
                found.append(replace(places, question=q))
            break
    for other in (_of_the(q), _two_conditions(q)):
        if other is not None and all((f.inner, f.second) != (other.inner, other.second) for f in found):
            found.append(replace(other, question=q))
    return found


def looser(whole: set, chained: set) -> bool:
    """Did a whole reading keep only part of a description ("the countries that ratified C102 in
    2023" read as every ratifier, "the African country whose ..." as every African country)?  Its
    answers hold the chain's and more than as many again: the answer for a looser set."""
    return bool(chained) and chained < whole and len(whole) > 2 * len(chained)


def _replaces_whole(out: dict, found: list[dict], whole: dict) -> bool:
    """Does the chained answer replace the whole question's own reading?  Only when that reading
    missed the chain: it gave nothing, part of what the chain gives, the chain's answers among
    many more (:func:`looser`), or the places the description
    names (the described set, or a looser set of places holding it), or only sentences where the
    chain found graph facts.  A whole reading that already answered otherwise (a relation the
    engine composes itself) stands."""
    got = whole.get("answers") or []
    if not got:
        return True
    if str(whole.get("strategy") or "").startswith("text") and str(out.get("strategy") or "").startswith("graph"):
        return True  # the whole reading only read sentences; the chain composed the graph's facts
    keys, chained = {_key(x) for x in got}, {_key(x) for x in out.get("answers") or []}
    if keys <= chained or looser(keys, chained):
        return True  # the whole reading found part of what the chain finds, or that among many more
    # the whole reading answered the description (the set, or a loosened set of places holding it)
    return {_key(x) for x in found} <= keys and all(x.get("type") == "Country" for x in got)


def _why(r: dict) -> list[str]:
    return [p for p in r.get("path") or [] if not p.startswith(("understood as", "spelling", "question read"))]


def chain(readings: list[DescribedSet], ask: Callable[[str], dict]) -> dict | None:
    """The answer to the question proper with the described set's names written in, asked before
    the whole reading, or None (no chain read, the naming question gives no countries or anything
    but countries, or the whole reading already answered otherwise)."""
    named = next((r for r in readings if not r.second), None)
    if named is None:
        return None
    inner = ask(named.inner)
    found = inner.get("answers") or []
    if not found or any(x.get("type") != "Country" for x in found):
        return None
    labels = [x["label"] for x in found]
    if not named.outer:  # the question proper only points back at the set: the set is the answer
        inner["path"] = [f"“{named.described}”: asked as “{named.inner}”"] + list(inner.get("path") or [])
        return inner
    out = ask(named.outer.replace("{}", _names(labels)))
    if not out.get("answers"):
        return None  # the question proper found nothing for the set: the whole reading stands
    if not _replaces_whole(out, found, ask(named.question) if named.question else {}):
        return None
    out["path"] = ([f"“{named.described}” are {_names(labels)} (asked first: “{named.inner}”)"] + _why(inner)[:1]
                   + list(out.get("path") or []))
    return out


def _negation_applied(whole: dict, cond: dict) -> bool:
    """Did the whole reading already apply the negated condition a set's own reading holds ("... that
    ratified C102 are not pathfinders": both readings hold "not: pathfinders of ...")?  Asked alone, a
    negated condition is a complement within the countries the report has an entry for; a country
    the whole reading kept that has no entry (a ratifier named once) is outside that universe, not
    a country the condition excludes, so narrowing to it would drop a right answer."""
    negated = {p for p in cond.get("path") or [] if p.startswith("not: ")}
    return bool(negated & {p for p in whole.get("path") or [] if p.startswith("not: ")})


def _overlap_one(out: dict, r: DescribedSet, ask: Callable[[str], dict]) -> bool:
    a, b = ask(r.inner), ask(r.second)
    sa, sb = {_key(x) for x in a.get("answers") or []}, {_key(x) for x in b.get("answers") or []}
    if not sa or not sb or sa == sb:
        return False
    whole = {_key(x) for x in out.get("answers") or []}
    if not whole or r.joined:  # nothing read, or the question itself joins the sets: their overlap
        kept = [x for x in b["answers"] if _key(x) in sa]
        if not kept or (not r.joined and len(kept) == len(sa)):
            return False
        kept_ids = {k: out[k] for k in ("id", "question") if k in out}
        out.clear()
        out.update(b, **kept_ids)  # the second condition's reading, kept to the set
        out["answers"] = kept
        out["path"] = list(b.get("path") or []) + [f"within the set asked by “{r.inner}”"] + _why(a)[:2]
        return True
    if r.exact and whole not in (sa, sb) and not (whole > sa or whole > sb):
        return False  # the whole reading already holds something of both conditions
    if r.pick and whole not in (sa, sb):
        return False
    if whole <= sa and not whole <= sb:
        other, by, why = sb, r.second, _why(b)
        if _negation_applied(out, b):
            return False
    elif whole <= sb and not whole <= sa:
        other, by, why = sa, r.inner, _why(a)
        if _negation_applied(out, a):
            return False
    else:
        # the whole reading loosened one condition ("every ratifier" for "ratified under the
        # campaign") and dropped the other: the answers both conditions' own answers share
        for loose, strict, by, held in ((sa, sb, r.second, a), (sb, sa, r.inner, b)):
            shared = [x for x in held["answers"] if _key(x) in strict]
            if loose < whole and shared and len(shared) < len(loose):
                out["answers"] = shared
                out["path"] = list(out.get("path") or []) + [f"within the set asked by “{by}”"]
                return True
        return False
    kept = [x for x in out["answers"] if _key(x) in other]
    if not kept or len(kept) == len(out["answers"]):
        return False
    out["answers"] = kept
    out["path"] = list(out.get("path") or []) + [f"within the set asked by “{by}”"] + why[:2]
    return True


def overlap(out: dict, readings: list[DescribedSet], ask: Callable[[str], dict]) -> bool:
    """Narrow the whole reading ``out`` to what both conditions of the first second-condition
    reading that applies hold: when ``out`` gave nothing, when the question itself joins the two
    sets, or when every answer of ``out`` meets one condition and not every one meets the other
    (that one was dropped; or loosened, then the two conditions' own shared answers).  True when
    ``out`` changed."""
    return any(_overlap_one(out, r, ask) for r in readings if r.second)
