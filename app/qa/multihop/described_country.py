"""One country named by what happened there, found first and then written in by its name.

"The country where the ILO completed an actuarial valuation of the social security institute's
Health and Occupational Risks Systems - when did that country ratify Convention No. 102?",
"For the Central Asian country where the ILO has been building MIS modules for the pensions
agency, which sources financed the ILO's work?", "The old-age savings scheme relaunched in October
2024 and opened to refugees - who funds the ILO's work in the country where that happened?"
ask about one country they describe instead of naming.  The engine resolves a description that
*ends* a question ("who funds the work in the country whose Older Persons' Act ...",
``QuestionEngine._resolve_description``) and :mod:`app.qa.multihop.described_referent` folds an opening
description with a short back-reference into that form; a description that opens the question and
is followed by a question of its own (a year, a second relation, no back-reference at all), or a
clause the question points back to as an event ("where that happened"), was read whole: the
description became the question's topic and the country itself, or a name from its sentence, was
answered.

:func:`split` cuts such a question into a question that names the country ("Which country where
the ILO completed ...?") and the question proper with a slot for the country's name ("when did
{} ratify Convention No. 102?").  :func:`answer` asks the first; only when it names exactly one
country is the second asked with that name written in, so a description the report does not
settle leaves the question to the whole reading.  A chain of two relations, then: the inner one
answered by the engine as any question, the outer one over its answer.

Ordinary English frames only (articles, frame words, back-references, verbs of happening);
nothing from a report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from app.qa.multihop.description_sentence import says_better, tells_event
from app.qa.multihop.embedded_country import PARTICIPLE_WORD
from app.qa.multihop.set_by_description import looser

_NOUN = r"country|nation|kingdom|republic|territory|place"  # "the place where ...": a country told by an event
_AS_COUNTRY = re.compile(r"^(?:kingdom|republic)$", re.I)
# Up to three modifiers before the noun ("the Central Asian country"), none a number or a word that
# makes the noun a set or a contrast ("the two countries", "the other country").
_MODS = r"(?P<mods>(?:(?!(?:two|three|four|five|both|several|many|few|other|same|only|first|last|one)\b)[\w'’-]+\s+){0,3}?)"
_FRAME = (r"(?P<frame>(?:for|in|about|regarding|concerning|on|as\s+for|as\s+to|thinking\s+(?:about|of)|turning\s+to|"
          r"looking\s+at|with\s+regard\s+to|when\s+it\s+comes\s+to|speaking\s+of|take|consider|now)\s+)?"
          # the asker introduces the country: "there's a country where ...", "I was reading about a country that ..."
          r"(?:(?:there\s+is|there['’]s|there\s+was|(?:i|we)\s+(?:was\s+|were\s+|have\s+been\s+|['’]ve\s+been\s+)?"
          r"(?:reading|read|heard|learned|learnt|saw)\s+(?:about|of))\s+)?")
# The description ends at a clause break before the question proper.
# ("..., in what year had the ILO ...": a preposition may come before the question word)
_BREAK = (r"\s*(?:[;:?!]+|\s[—–-]+\s|[—–]|,\s*(?=(?:so|and|now|then|but)?\s*(?:(?:in|by|for|since|from|at|to|under|through)\s+)?"
          r"(?:who|whom|whose|which|what|where|how|"
          r"when|can|could|would|please|tell|list|name|did|does|do|has|have|had|is|was|are|were)\b))\s*")
# (or a participle's reduced relative: "For the country preparing its 2025 G20 Presidency, ...")
_OPENING = re.compile(r"^" + _FRAME + r"(?:the|a|one)\s+" + _MODS + r"(?P<noun>" + _NOUN + r")\s+"
                      r"(?P<rel>where|whose|in\s+which|that|which|(?-i:[a-z]{3,}ing)(?=\s+(?:to|a|an|the|its|their|on|in|for|with|from|over)\b))"
                      r"\s+(?P<desc>\S.{10,}?)" + _BREAK + r"(?P<rest>\S.*)$", re.I)
# "... - who funds the work in the country where that happened?": the question points back at
# the clause before it as an event.
_EVENT_REF = re.compile(r"\b(?:the|that|this)\s+(?:" + _NOUN + r")\s+(?:where|in\s+which)\s+(?:all\s+)?(?:that|this|it|these)\s+"
                        r"(?:(?:all|actually|really|just)\s+)?(?:happened|happens|took\s+place|takes\s+place|occurred|occurs|"
                        r"was\s+(?:done|the\s+case)|were\s+done)\b"
                        # "... in Dakar. Who funds the work in the country that hosted it?": the event's host
                        r"|\b(?:the|that|this)\s+(?:" + _NOUN + r")\s+(?:that|which)\s+(?:hosted|held|organi[sz]ed|staged|convened|ran)\s+"
                        r"(?:it|this|that|them|these|the\s+(?:event|meeting|conference|forum|workshop|summit|session)s?)\b"
                        # "... was in Abidjan in November 2024. In which year did the host country ratify C102?"
                        r"|\b(?:the|that|this)\s+host(?:ing)?\s+(?:" + _NOUN + r")\b", re.I)
_PLAIN_REF = re.compile(r"\b(?:that|this|the\s+same|said)\s+(?:country|nation|territory)\b"
                        r"(?!\s+(?:where|whose|that|which|in\s+which)\b)", re.I)
# A question typed with no punctuation ("In the country where the NSSF re-launched the Haba Haba
# scheme who is financing the ILO work"): the question proper starts at a question word with its
# verb right after it, the first one after the description's own words
_BARE_BREAK = (r"\s+(?=(?:who|which|what|when|how|where)\s+(?:is|are|was|were|did|does|do|has|have|had|funds?|finances?|"
               r"financed|financing|pays?|paid|supports?|supported)\b)")
_OPENING_BARE = re.compile(r"^" + _FRAME + r"(?:the|a|one)\s+" + _MODS + r"(?P<noun>" + _NOUN + r")\s+"
                           r"(?P<rel>where|whose|in\s+which|that)\s+(?P<desc>\S.{10,}?)" + _BARE_BREAK + r"(?P<rest>\S.*)$",
                           re.I)
_EVENT = re.compile(r"^(?P<desc>\S.{15,}?)\s*(?:[;:]+|\s[—–-]+\s|[—–]|\.\s+)\s*(?P<rest>\S.*)$")
# A back-reference to the described country in the question proper.
_BACK = re.compile(r"\b(?:(?P<prep>in|for|of|to|with|from|by|at|on)\s+)?(?:that|this|the|said|the\s+same)\s+"
                   r"(?:" + _NOUN + r")(?P<poss>['’]s)?\b(?!\s+(?:where|whose|that|which|in\s+which)\b)"
                   r"|\b(?P<there>there)\b|\b(?P<its>its)\b|\b(?:did|does|has|have|had|is|was)\s+(?P<it>it)\b", re.I)
# The question proper must ask something of its own.
_ASKS = re.compile(r"\b(?:who|whom|whose|which|what|where|when|how|list|name|tell)\b", re.I)


@dataclass(frozen=True)
class NamedBy:
    """A question about one described country: the question that names it, and the question
    proper with ``{}`` where its name goes.  ``whole`` is set for a description that ends the
    question, which the whole reading often resolves itself: the chain then replaces that reading
    only where it missed (see :func:`answer`)."""

    inner: str
    outer: str
    described: str
    whole: str = ""
    rel: str = ""  # "whose", "where", "that" ...: with ``desc``, the description the report's sentence says
    desc: str = ""
    noun: str = ""  # "South Asian country": the modifiers are a filter the described country must pass


_BY_PARTICIPLE = PARTICIPLE_WORD + r"(?=\s+by\b)"  # "the country hit by Typhoon Yagi"
# "... which governments fund the ILO in the country that hosted a conference in Dakar in 2024?":
# a description that ends the question, after a preposition, with a question word before it.
# (a keyword query may drop the article and describe the country by what it has: "who finances ILO
# in country w/ Amoron'i Mania community health insurance")
_TRAILING = re.compile(r"^(?P<head>(?:(?!\b(?:country|nation)\b).)*?\b(?:in|for|of|to|by|from|with|at)\s+)(?:the\s+)?" + _MODS
                       + r"(?P<noun>country|nation|territory|place)\s+(?P<rel>where|whose|in\s+which|(?:for|on|about|to|with)\s+which|that|which|with|"
                       # a participle's reduced relative: "in the country planning to raise ... contributions"
                       r"(?-i:[a-z]{3,}ing)(?=\s+(?:to|a|an|the|its|their|it|on|in|for|with|from|over)\b)|"
                       # or a past participle's, with its agent: "in the country hit by Typhoon Yagi"
                       + _BY_PARTICIPLE + r")\s+(?P<desc>\S.{10,}?)\s*[?.!]*$", re.I)


def _written_in(rest: str, frame: str) -> str | None:
    """The question proper with ``{}`` for the country at each back-reference, or, with none,
    after the opening frame ("For {}, which sources financed the work?")."""
    refs = list(_BACK.finditer(rest))
    if not refs:
        if re.search(r"\b(?:countr(?:y|ies)|nations?)\b", rest, re.I):
            return None  # "..., which countries ...": another country is asked, not this one
        lead = (frame.strip() or "for").capitalize()
        return f"{lead} {{}}, {rest[:1].lower()}{rest[1:]}"
    def said(b: re.Match) -> str:
        if b.group("there"):
            return "in {}"
        if b.group("its"):
            return "{}'s"
        if b.group("it"):
            return b.group(0)[:b.start("it") - b.start()] + "{}"
        return (b.group("prep") + " " if b.group("prep") else "") + "{}" + ("'s" if b.group("poss") else "")

    return _BACK.sub(said, rest)


def _names_country(text: str) -> bool:
    """Does the text name a country (the gazetteer's names and adjectives)?"""
    from graph.countries import find_countries

    return bool(find_countries(text))


def split(question: str) -> NamedBy | None:
    """The question that names the described country and the question proper, read from the whole
    question or, after a preamble, from one of its later sentences; or None."""
    from app.qa.multihop.set_by_description import sentence_tails

    tails = sentence_tails(question)
    for tail in tails:
        found = _split(tail)
        if found is not None:
            return found
    from app.qa.multihop.embedded_country import split as embedded  # "when did the country whose ... ratify ...?"

    return embedded(tails[0]) or _trailing(tails[-1], tails[0])


def _trailing(q: str, whole: str) -> NamedBy | None:
    """A description that ends the (last sentence of the) question, or None."""
    t = _TRAILING.match(q)
    if t is None or not _ASKS.search(t["head"]):
        return None
    noun = f"{t['mods']}{t['noun']}".strip()
    rel, desc = " ".join(t["rel"].split()).lower(), t["desc"].strip(" ,")
    described = f"the {noun} {rel} {desc}"
    if rel.endswith("ing"):  # "the country planning to raise ...": "Which country is planning to raise ...?"
        rel, desc = "is", f"{rel} {desc}"
    elif desc.lower().startswith("by ") and re.fullmatch(PARTICIPLE_WORD, rel):
        rel, desc = "was", f"{rel} {desc}"  # "the country hit by Typhoon Yagi": "Which country was hit by ...?"
    inner = f"In which {noun} {desc}?" if rel == "in which" else f"Which {noun} {rel} {desc}?"
    head = t["head"]
    return NamedBy(inner=inner, outer=head[:1].upper() + head[1:] + "{}?", described=described, whole=whole,
                   rel=rel, desc=desc, noun=noun)


def _missed(whole: dict, out: dict, country: dict) -> bool:
    """Did the whole reading miss what the chain found?  It gave nothing, the described country
    itself, the chain's answers among many more, or only sentences where the chain read the graph.  (Part of the chain's answer is no
    miss: "who else funds the country that Norway funds" leaves Norway out on purpose.)"""
    got = whole.get("answers") or []
    keys = {x.get("iri") or x["label"] for x in got}
    found = {x.get("iri") or x["label"] for x in out.get("answers") or []}
    return (not got or keys == {country.get("iri") or country["label"]}
            or looser(keys, found)  # "the African country whose ...": every African country's funders
            or (str(whole.get("strategy") or "").startswith("text") and str(out.get("strategy") or "").startswith("graph")))


# "typhoon yagi country - who funds ILO work there": a keyword query naming the country by words
# of what happened there, then a question that points back at it
_KEYWORD_DESCRIBED = re.compile(r"^(?P<desc>(?:[\w'’-]+\s+){1,6}?)(?P<noun>country)\s*(?:[-–—:;]+|\s-+)\s*(?P<rest>\S.*)$", re.I)
_ASKING_WORD = re.compile(r"\b(?:who|whom|whose|which|what|where|when|how|why|did|does|do|is|are|was|were|has|have|had)\b", re.I)


def _keyword_described(q: str) -> NamedBy | None:
    k = _KEYWORD_DESCRIBED.match(q)
    if k is None or _ASKING_WORD.search(k["desc"]) or not _ASKS.search(k["rest"]) or not _BACK.search(k["rest"]):
        return None
    desc = k["desc"].strip()
    return NamedBy(inner=f"{desc} country", outer=_written_in(k["rest"].strip(), "") or "", described=f"the {desc} country",
                   rel="", desc=desc, noun="country")


def _split(q: str) -> NamedBy | None:
    keyword = _keyword_described(q)
    if keyword is not None and keyword.outer:
        return keyword
    m = _OPENING.match(q)
    if m is None and not re.search(r"[,;:—–]|\s-+\s", q):
        m = _OPENING_BARE.match(q)
    if m is not None and _ASKS.search(m["rest"]):
        outer = _written_in(m["rest"].strip(), m["frame"] or "")
        if outer is not None:
            noun = f"{m['mods']}{_AS_COUNTRY.sub('country', m['noun'])}".strip()  # "the kingdom that ...": a country
            rel, desc = " ".join(m["rel"].split()).lower(), m["desc"].strip(" ,")
            inner = f"In which {noun} {desc}?" if rel == "in which" else f"Which {noun} {rel} {desc}?"
            return NamedBy(inner=inner, outer=outer, described=f"the {noun} {rel} {desc}", rel=rel, desc=desc, noun=noun)
    e = _EVENT.match(q)
    if e is not None:
        # "<what happened> - in what year did that country ratify C102?": a plain back-reference
        # after an event told in a clause of its own points at the country where it happened
        # (not after a sentence of its own: "... only one priority country adopted a strategy. Who
        # funded the work in that country?" is a set told by a description, read elsewhere)
        # (nor when the event names its country itself: "Nepal brought in a new scheme - which donors
        # finance the work in that country?" is about Nepal, which the whole reading links)
        ref = _EVENT_REF.search(e["rest"]) or (
            _PLAIN_REF.search(e["rest"]) if "." not in q[e.end("desc"):e.start("rest")] and not _names_country(e["desc"])
            # ("I read that a country launched ... - which region is that country under?": the clause
            # introduces the country itself, which the back-reference readings resolve)
            and not re.search(r"\b(?:a|an|one|some)\s+(?:[\w'’-]+\s+){0,2}?(?:" + _NOUN + r")\b", e["desc"], re.I)
            else None)
        if ref is not None and _ASKS.search(e["rest"][:ref.start()]):
            desc = e["desc"].strip(" ,")
            rest = e["rest"]
            return NamedBy(inner=f"In which country did this happen: {desc}?",
                           outer=rest[:ref.start()] + "{}" + rest[ref.end():],
                           described=f"the country where: {desc}", rel="where", desc=desc, noun="country")
    return None


def answer(named: NamedBy, ask: Callable[[str], dict], by_sentence: Callable[[str, str, str], object] | None = None,
           label: Callable[[str], str | None] = lambda key: None, iri: Callable[[str], str] = str) -> dict | None:
    """The answer to the question proper with the described country's name written in, or None
    when the country is not settled.

    The naming question is asked first.  When its reading gives no single country (the words the
    graph holds answered alone: every South Asian country, every pathfinder, or nothing), the
    sentence that best says the description decides (``by_sentence(rel, desc, noun)``, see
    :mod:`app.qa.multihop.description_sentence`: a country where the noun's modifiers place it,
    "the South Asian country"); so it does when it says the description decidedly better than
    the evidence of the one country the naming question gave."""
    inner = ask(named.inner)
    countries = [x for x in inner.get("answers") or [] if x.get("type") == "Country"]
    why: list[str] = []
    # a thing the country has ("the country with the Estidama++ pilot programme") is named in few
    # words, and the sentence naming it sits in that country's entry
    found = by_sentence(named.rel, named.desc, named.noun) \
        if by_sentence is not None and (tells_event(named.desc) or named.rel == "with") else None
    if len(countries) == 1 and len(inner["answers"]) == 1 and not (
            found is not None and label(found.country) != countries[0]["label"]
            and says_better(named.desc, found.sentence, [e.get("text") or "" for e in countries[0].get("evidence") or []])):
        name = countries[0]["label"]
        country = countries[0]
        why = [p for p in inner.get("path") or [] if not p.startswith(("understood as", "spelling", "question read"))][:1]
    else:
        name = label(found.country) if found is not None else None
        if not name:
            return None
        country = {"label": name, "iri": iri(found.country)}
        why = [f"by the sentence: {found.sentence}"]
    out = ask(named.outer.replace("{}", name))
    if not out.get("answers"):
        return None  # the question proper found nothing for that country: the whole reading stands
    if named.whole and not _missed(ask(named.whole), out, country):
        return None
    out["path"] = [f"“{named.described}” is {name} (asked first: “{named.inner}”)"] + why + list(out.get("path") or [])
    return out
