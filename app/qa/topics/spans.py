"""Answers that are names or phrases written in a sentence: a programme's name, a publication's
title, a paper's number, the place an event was held, the groups a measure was designed for.

Many questions ask for a name the graph does not model as a relation ("the programme showcased at
the side event", "the regime the project helped workers register for").  For those the answer is a
span of the best sentence.  This module decides which kind of span is asked (from the question's
wh-word and head noun: ordinary English, never report facts), ranks the sentences with the same
dense + lexical score as the text step (the passages must mention the entities the question links),
reads typed candidate spans out of the best sentences (graph entities of the right kind first, then
generic span patterns: a capitalised name ending in the head noun, a quoted title, "No. N", a place
after "held in", an enumeration after the head noun), and scores each candidate by how close it
sits to the question's own words.  Pure functions over text, plus one class holding the indexes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from app.qa.constraints.branch_words import asked_branches, fits_branch
from app.qa.figures.keyword_figures import opens_on_measure
from app.qa.question import _META, TOOL_NOUNS, asks_people_groups, asks_tool
from app.qa.topics.people_groups import people_group_spans
from app.qa.units import STOP, terms
from graph.dates import MONTH_WORDS, WEEKDAYS

# -- what kind of span is asked ---------------------------------------------------------------
# Head nouns by family; a candidate's own head noun must belong to the asked family.
FAMILIES: dict[str, tuple[str, ...]] = {
    "scheme": ("programme", "program", "scheme", "regime", "mutual", "fund", "insurance", "benefit", "grant",
               "allowance", "pension", "system", "transfer", "subsidy", "net"),  # "net": a safety net
    "law": ("law", "act", "decree", "bill", "code", "regulation", "resolution", "legislation", "ordinance"),
    "strategy": ("strategy", "policy", "plan", "roadmap", "framework"),
    "project": ("project", "programme", "program", "initiative", "task force", "taskforce", "partnership",
                "platform", "campaign", "facility", "portal", "network", "alliance", "coalition", "forum"),
    "title": ("title", "paper", "report", "brief", "publication", "guide", "guidance", "note", "tool", "toolkit",
              "playbook", "study", "assessment", "manual", "module", "book", "handbook", "review"),
    "tool": TOOL_NOUNS,  # "the ILO/PENSIONS actuarial model"
}
_FAMILY_OF: dict[str, set[str]] = {}
for _fam, _words in FAMILIES.items():
    for _w in _words:
        _FAMILY_OF.setdefault(_w, set()).add(_fam)
_VARIANTS = {"programme": ("program",), "program": ("programme",)}  # spellings of one head
_HEADS = sorted(_FAMILY_OF, key=len, reverse=True)
_HEAD_RX = "|".join(re.escape(h) for h in _HEADS)
# Words that end the phrase between "which" and its head noun: a verb or another asked noun means
# the head noun belongs to a different part of the question ("which countries have a ... strategy";
# "which Arab States paid disability allowances", "which places introduced allowances": the states and
# places are asked, the allowance is the topic).
_BREAK = set("""states places territories economies is are was were be been did does do has have had can could will would should may might
countries country pathfinders pathfinder nations nation governments government organisations organizations organisation organization funders
funder donors donor partners partner year years people persons workers amount number share percentage
gap rate who whom where when institution institutions agency agencies body bodies ministry ministries
authority authorities administrator administrators university universities institute institutes confederation
confederations federation federations firm firms company companies corporation corporations multinational
multinationals convention conventions recommendation recommendations instrument instruments standard standards
source sources backer backers sponsor sponsors financier financiers contributor contributors
brand brands retailer retailers employer employers business businesses""".split())
# ("which sources fund ilo work": the sources are asked, "fund" is their verb, not the head of a name)
# A body noun right after the head noun is the real head ("health insurance corporation", "pension
# fund authority"): no scheme's name is asked.
# Only kinds the bodies carry in their own names ("... Corporation"), which the text step can pick
# by (app.qa.relation.kind_heads); "social insurance institutions" still asks for the names read.
_BODY_AFTER = re.compile(r"\s+(?:ministr(?:y|ies)|universit(?:y|ies)|institutes?|corporations?|federations?|"
                         r"confederations?|councils?|commissions?|foundations?|academ(?:y|ies)|colleges?)\b", re.I)
# "the name of the new authority that ...", "what's the name of the agency": the name of a body,
# which the graph holds as an organisation; no scheme's or title's name is read from a sentence.
_BODY_NAMED = re.compile(r"\b(?:name|title)s?\s+of\s+(?:the|a|an|this|that)\s+(?:[\w'’-]+\s+){0,3}?"
                         r"(?:authorit(?:y|ies)|agenc(?:y|ies)|institutions?|bod(?:y|ies)|ministr(?:y|ies)|"
                         r"organi[sz]ations?|administrators?|institutes?|corporations?|universit(?:y|ies)|"
                         r"compan(?:y|ies)|federations?|confederations?)\b(?!\s+(?:of\s+)?(?:" + _HEAD_RX + r")\b)", re.I)
# Nouns before "of" that say which kind of thing the noun after it is ("what kind of scheme").
_PARTITIVE = {"kind", "kinds", "type", "types", "sort", "sorts", "form", "forms", "name", "names", "title", "titles",
              "one", "ones", "some", "any", "all", "each", "part", "parts", "version", "edition", "number"}
# Entities right after the head noun: the entities are asked ("which CONNECT network members").
_ENTITIES_AFTER = re.compile(r"\s+(?:members?|partners?|countr(?:y|ies)|donors?|funders?|organi[sz]ations?|agenc(?:y|ies)|"
                             r"institutions?|governments?)\b", re.I)
_VERBS = {w for w in _BREAK if w in "is are was were be been did does do has have had can could will would should may might".split()}
_WH_HEAD = re.compile(r"\b(?:which|what|name of|names of|title of|titles of)\s+(?:the\s+|a\s+|an\s+)?"
                      r"((?:[\w'’./-]+\s+){0,6}?)(" + _HEAD_RX + r")(e?s)?\b", re.I)
_WH_CUE = re.compile(r"\b(?:which|what|names?\s+of|titles?\s+of)\b", re.I)


def _wh_heads(q: str):
    """Every wh-phrase ending on a head noun, each cue read from its own start: matches may overlap,
    so "what is the name of the monthly benefit" yields "name of the monthly benefit" after the
    "what" phrase its verb breaks (a left-to-right scan of whole matches would have consumed it,
    and a head noun of a clause of context before, "Malawi passed an act ...", been taken)."""
    for cue in _WH_CUE.finditer(q):
        m = _WH_HEAD.match(q, cue.start())
        if m is not None:
            yield m


# A participle followed by a preposition and what it is said in says where a thing is mentioned, or
# what is asked for ("the co-funders named for 2024", "named in the report", "called for reforms"):
# no name is asked ("called in full" still asks one).
_NAME_CUE = re.compile(r"\b(name[sd]?|called|titled|entitled|title)\b"
                       r"(?<!\bnamed)(?<!\bcalled)|\b(?:named|called)\b(?!\s+(?:for\b|(?:in|by|as|among|within|under|on|at|alongside)\s+"
                       r"(?:the|this|these|those|its|their|a|an|\d{4})\b))",
                       re.I)
# ("host" before the people or places it qualifies, "host communities", "host countries", is no verb
# of holding an event: "where ... pilot ... for refugees and host communities" asks for the country)
_PLACE = re.compile(r"^\s*where\b.*\b(held|organi[sz]ed|hosted|host(?!\s+(?:communit|countr|famil|population|government|"
                    r"nation|societ|area|region|state)\w*)|take place|took place|taking place|convened|"
                    r"attend(?:ed)?|participate|meet|met|gather(?:ed)?|"
                    r"located|celebrated|launched)\b|\bin (?:which|what) (?:city|town|venue|place)\b", re.I)
_NUMBER = re.compile(r"\b(?:paper|report|brief|convention|decree|law|resolution|recommendation)s?\s+(?:number|no\b(?!\.?\s*\d))|"
                     r"\bwhat (?:number|no\.?)\b(?!\s+of)|\bnumber of the (?:\w+\s+){0,2}(?:paper|report|brief)\b", re.I)
_QUANTITY = re.compile(r"\b(?:what|which)\s+((?:[\w'’-]+\s+){0,2}?)(?:gap|amount|share|percentage|proportion|rate|"
                       r"total|budget|cost|sum|level|figure)s?\b|\bhow (?:large|big|high|low)\b", re.I)
# Places asked by their noun ("in which city", "which island", a keyword query ending in "city").
_PLACE_NOUN = r"(?:city|cities|town|towns|venue|island|islands|location|place)"
_PLACE_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,1}?" + _PLACE_NOUN + r"\b|\s" + _PLACE_NOUN + r"\s*$", re.I)
# Parts of a country asked by their noun ("which regions of Côte d'Ivoire", "which Kenyan counties").
_DIVISION = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(regions?|counties|county|provinces?|districts?|"
                       r"states?|governorates?|municipalities|municipality|sectors?)\b|"
                       r"\s(regions?|counties|provinces|districts|states|governorates|sectors)\s*$", re.I)
_GROUP = re.compile(r"\b((?:(?:target|population|beneficiary|occupational|social)\s+)?groups|provinces|"
                    r"(?:provincial|state|regional|municipal|local|district)\s+governments?|states|cities|"
                    r"municipalities|districts|sectors|occupations|"
                    # the risks a social security law covers ("the contingencies of maternity, sickness,
                    # and unemployment")
                    r"contingencies)\b", re.I)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
# Months and weekday names are capitalised but never a place or a name.
_MONTHS = set(MONTH_WORDS + WEEKDAYS)


# "named", "listed", "mentioned" as a participle (not "the name of"): the things so named are asked.
_NAMED_PARTICIPLE = re.compile(r"\b(?:named|listed|mentioned|cited)\b", re.I)
_NAME_OF_CUE = re.compile(r"\b(?:name|title)s?\s+of\b|\bcalled\b|\btitled\b", re.I)


def _listed_end_named(q: str, linked_spans) -> bool:
    """A query without "which"/"what" saying a plural noun a relation names its end by ("members",
    "funders", "partners") outside the names it links, and "named" / "listed" as a participle:
    "members p4h network named who", "who members p4h network named" list those members; the
    head noun of the linked name ("network") is not a name asked."""
    from app.qa.form.end_nouns import is_end_noun

    if re.search(r"\b(?:which|what)\b", q, re.I) or not _NAMED_PARTICIPLE.search(q) or _NAME_OF_CUE.search(q):
        return False
    blank = q
    for a, b in linked_spans:
        blank = blank[:a] + " " * (b - a) + blank[b:]
    return any(w.lower().endswith("s") and is_end_noun(w) for w in re.findall(r"[A-Za-z][\w-]*", blank))


@dataclass
class Asked:
    """The kind of span a question asks for."""

    kind: str  # name | title | number | quantity | place | language | group | coded ("COP29") | headed ("Typhoon Yagi")
    heads: tuple[str, ...] = ()  # the question's head noun(s), lower case, singular
    families: frozenset[str] = frozenset()
    plural: bool = False
    count: int | None = None  # "which two funds": how many
    head_phrase: str = ""  # "provincial governments", for enumerations after it


def _singular(word: str) -> str:
    w = word.lower()
    if w in _FAMILY_OF:
        return w
    for suf, rep in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(suf) and (w[: -len(suf)] + rep) in _FAMILY_OF:
            return w[: -len(suf)] + rep
    return w


def asked_span(question: str, linked_spans: list[tuple[int, int]] = (), analysed_type: str = "Text") -> Asked | None:
    """The kind of span asked, or None when the question asks for something else (an entity the
    graph relates, a count, a year).  Wh-word and head-noun rules only.  ``linked_spans``: where
    the question names graph entities (a head noun inside "Older Persons' Act" is not the asked one
    in "malawi older persons act new benefit").  ``analysed_type``: the answer type the analysis
    found; a keyword query it reads as asking for countries, organisations or numbers keeps that
    reading unless it says "name" or "title"."""
    q0 = " ".join(question.split())
    q = _META.sub(" ", q0)
    if analysed_type in ("Number", "Year") and opens_on_measure(q0):
        return None  # "share of 2024 new resources for the arab states region": the region's figure
    if re.search(r"\b(?:which|what)\s+(?:(?:other|another|further|more|development|international|national|local|"
                 r"regional|multilateral|bilateral|financing|funding|technical|key|main)\s+){0,2}"
                 r"(?:countries|nations|governments|organi[sz]ations|member states|funders|donors|"
                 r"financiers|backers|partners|agencies|institutions|companies|firms|businesses|corporations|philanthropies|"
                 r"brands|retailers|employers|"
                 r"multinationals|(?:foundation|confederation|federation)s?)\b"
                 r"(?!['’])", q, re.I) and not re.search(r"\b(?:name|title)s?\s+of\b", q, re.I):
        return None  # "which countries are named": the entities are asked, "named" is no name cue
    if re.search(r"\b(?:which|what)\s+(?:countr(?:y|ies)|nations?)\s+(?:does|did|do|is|are|was|were|has|have|had|will|"
                 r"would|can|could)\b", q, re.I):
        return None  # "In which country does local government subsidise ...": a country, not the group
    if re.search(r"\bwhich\s+of\s+(?:the|these|those|its|their)\s+(?:[\w'’-]+\s+){0,4}?(?:countries|nations|governments|"
                 r"organi[sz]ations|member states|funders|donors|partners|agencies|institutions)\b(?!['’])", q, re.I):
        return None  # "which of the Flagship Programme's priority countries ...": the countries are asked
    if re.search(r"^\W*(?:of|among|from|out of)\s+(?:all\s+)?(?:the|these|those)?\s*(?:[\w-]+\s+){0,2}?"
                 r"(?:countries|nations|governments|organi[sz]ations|member states)\b[^?]*?,\s*(?:which|what)\b", q, re.I):
        return None  # "Of the countries for which ..., which are not ...": those entities are asked
    their = re.search(r"\bwhat\s+(?:are|were)\s+(?:their|these|those)\s+(titles|names)\b(?!\s+of)|"
                      r"\bwhat\s+(?:are|were)\s+they\s+(?:called|titled|named)\b", q, re.I)
    if their:
        # "... three briefs ...; what are their titles?": the noun named before says what is titled
        word = (their.group(1) or "names").lower()
        cm1 = re.search(r"\b(" + "|".join(_COUNT_WORDS) + r")\s+(?:[\w-]+\s+){0,2}?(" + _HEAD_RX + r")s?\b", q, re.I)
        noun = cm1.group(2).lower() if cm1 else None
        fams = frozenset(_FAMILY_OF.get(_singular(noun), ())) if noun else frozenset({"title"})
        kind = "title" if word.startswith("title") or "title" in fams else "name"
        return Asked(kind, (_singular(noun),) if noun else (), fams, True,
                     _COUNT_WORDS[cm1.group(1).lower()] if cm1 else None)
    coded = _CODED_ASKED.search(q0)
    if coded and not any(a <= coded.start(1) < b for a, b in linked_spans):
        # "at which COP did the ILO host a panel": a series the report writes with its number (COP29)
        return Asked("coded", (coded.group(1),))
    if _LANGUAGE_ASKED.search(q) or _LANGUAGE_LAST.search(q) and not re.search(r"\b(?:which|what|who|where|when|how)\b", q, re.I):
        return Asked("language", plural=True)  # "in which languages is the portal available", "c102 toolkit languages"
    m_place = _PLACE.search(q)
    if m_place and not re.search(r"\bwhich countr|\bin which countr", q, re.I):
        return Asked("place")
    if _PLACE_ASKED.search(q) and not re.search(r"\bwhich countr|\bin which countr", q, re.I) \
            and (q != q.lower() or not re.search(r"\b(which|what|who|how)\b", q) or _PLACE_ASKED.search(q).group(0)[:1] != " "):
        noun = _PLACE_ASKED.search(q).group(0).split()[-1].lower()
        return Asked("place", plural=noun.endswith("s"))
    # "... went to activities in the arab states region": a closing division word right after a
    # linked name is that name's (a "which Kenyan counties" still asks the counties)
    dm = next((m for m in _DIVISION.finditer(q0) if not any(a <= m.start(m.lastindex) < b for a, b in linked_spans)
               and not (m.group(2) and any(b <= m.start(2) and not q0[b:m.start(2)].strip() for _, b in linked_spans))
               and not re.search(r"\b(member|arab|united|island|small)\s*$", q0[:m.start(m.lastindex)], re.I)), None)
    if dm and (dm.group(1) or q == q.lower()):
        word = (dm.group(1) or dm.group(2)).lower()
        plural = word.endswith("s") or word.endswith("ies")
        cm0 = re.search(r"\b(?:which|what|the|name|list)\s+(two|three|four|five|both)\b", q, re.I)
        return Asked("group", plural=plural, count=_COUNT_WORDS[cm0.group(1).lower()] if cm0 else None,
                     head_phrase=word)
    if _NUMBER.search(q) or (q == q.lower() and not re.search(r"\b(which|what|who|where|when|how)\b", q)
                             and re.search(r"\b(?:paper|report|brief|convention|decree|law)\b.*\b(?:number|no)\s*$", q)):
        return Asked("number")  # "ilo working paper gender equality number"
    qm = _QUANTITY.search(q)
    if qm and analysed_type not in ("Number", "Year") and not any(
            w.lower() in _VERBS for w in (qm.group(1) or "").split()) \
            and not re.search(r"['’]s?\s", qm.group(1) or ""):  # "which scheme's contribution rates": the scheme is asked
        return Asked("quantity")  # "what annual financing gap did the paper estimate": a figure
    cm = re.search(r"\b(?:which|what|the|name|list)\s+(" + "|".join(_COUNT_WORDS) + r")\b", q, re.I)
    count = _COUNT_WORDS[cm.group(1).lower()] if cm else None
    g = next((m for m in _GROUP.finditer(q) if not re.search(r"\b(member|arab|united|island|small)\s*$", q[:m.start()], re.I)),
             None)  # "Member States", "Arab States" are names, not the asked states
    if g and not re.search(r"\b(?:which|what|name|list)\s+(?:[\w'’-]+\s+){0,2}$", q[:g.start()], re.I) \
            and (q != q.lower() or re.match(r"^\W*where\b", q, re.I)) and not asks_people_groups(q) \
            and not _closing_kind(q, g):
        # "the fund for vulnerable groups": groups are not what is asked ("where is the ilo supporting
        # provincial governments ...", typed in lower case, asks the place, as its capitalised form does)
        g = None
    if g:
        return Asked("group", plural=True, count=count, head_phrase=g.group(1).lower())
    if _BODY_NAMED.search(q):
        return None  # "the name of the new authority that administers ...": a body is asked, the graph's to name
    if _listed_end_named(q0, linked_spans):
        return None  # "members p4h network named who": the members are listed, "named" is no name cue
    head = None
    for m in _wh_heads(q):
        between = [re.sub(r"['’]s$", "", w.lower()).strip("'’.,") for w in m.group(1).split()]
        # a verb or another asked noun ends the phrase ("which German-funded countries recorded a
        # scheme"), though "government" may modify the head ("which updated government strategy")
        if any(w in _VERBS or (w in _BREAK and not w.startswith("government")) for w in between) or \
                (between and between[0] in _BREAK):
            continue
        # "which new member of the CONNECT network": the noun before "of" is asked, the name after
        # it says whose ("what kind of scheme" still asks the scheme)
        if any(w == "of" and i > 0 and between[i - 1] not in _PARTITIVE for i, w in enumerate(between)):
            continue
        head = m
        break
    # a keyword query, in lower case or with its names capitalised ("Lao PDR health insurance decree
    # 2024"): no question word, no auxiliary
    keyword = not re.search(r"\b(which|what|who|where|when|how)\b", q, re.I) and (
        q == q.lower() or not re.search(r"\b(?:is|are|was|were|did|does|do|has|have|had|can|will)\b", q, re.I))
    if keyword and re.search(r"\b(countr(y|ies)|organi[sz]ations?|funders?|donors?|partners?|governments?|years?|"
                             r"conventions?|recommendations?|standards?|instruments?)\s*$", q):
        return None  # "... showcased countries": the last word names the asked type
    if head is None:
        if not (keyword or _NAME_CUE.search(q) or asks_tool(q)):  # ("egypt NOSI actuarial valuation model")
            return None
        if not _NAME_CUE.search(q) and analysed_type in ("Country", "Organization", "Number", "Year"):
            return None
        # "pakistan programme showcased ...", "the bill ... called": the first head noun outside
        # the linked names, else the first one.
        blank = q0
        for a, b in linked_spans:
            blank = blank[:a] + " " * (b - a) + blank[b:]
        m = re.search(r"\b(" + _HEAD_RX + r")(e?s)?\b", _META.sub(" ", blank), re.I) or \
            re.search(r"\b(" + _HEAD_RX + r")(e?s)?\b", q, re.I)
        if m is None:
            return None
        word, plural, after = m.group(1), bool(m.group(2)), m.string[m.end():]
    else:
        word, plural, after = head.group(2), bool(head.group(3)), q[head.end():]
    # of consecutive head nouns the last is the head ("framework law", "cash transfer programme")
    nxt = re.match(r"\s+(" + _HEAD_RX + r")(e?s)?\b", after, re.I)
    while nxt:
        word, plural = nxt.group(1), bool(nxt.group(2))
        after = after[nxt.end():]
        nxt = re.match(r"\s+(" + _HEAD_RX + r")(e?s)?\b", after, re.I)
    if head is not None and _ENTITIES_AFTER.match(after) and q == q0 \
            and any(a <= head.start(2) < b for a, b in linked_spans):
        return None  # "which CONNECT network members": the members are asked; the head is a linked name's own word
    if head is not None and _BODY_AFTER.match(after):
        return None  # "which Philippine health insurance corporation": a body is asked, the insurance modifies it
    word = _singular(word)
    fams = frozenset(_FAMILY_OF.get(word, ()))
    kind = "title" if "title" in fams else "name"
    if word == "title":
        fams = frozenset({"title"})
    heads = (word,) + tuple(v for v in _VARIANTS.get(word, ()) if v != word)
    return Asked(kind, heads, fams, plural or bool(count and count > 1), count)


def headed_ask(question: str, linked_spans: list[tuple[int, int]] = ()) -> Asked | None:
    """A "which <noun>" question whose noun no family knows ("which typhoon", "which storm"): the
    names the report writes with that noun as their head, before or after the capitalised words
    ("Typhoon Yagi", "the Rana Plaza disaster").  For the engine's last try, when nothing answered."""
    # (the noun heads the asked phrase: an auxiliary or the end follows, not another noun: "which
    # priority countries" asks countries)
    m = re.search(r"\b(?:which|what)\s+([a-z]{4,})(?=\s*[?,.]|\s*$|\s+(?:did|does|do|is|was|were|has|have|had|"
                  r"caused|hit|struck|affected)\b)", question, re.I)
    if m is None or any(a <= m.start(1) < b for a, b in linked_spans):
        return None
    word = _singular(m.group(1))
    if word in STOP or word in _BREAK or word in _FAMILY_OF or word in _PARTITIVE:
        return None
    return Asked("headed", (word,))


def headed_spans(seg: str, head: str) -> list[tuple[int, int]]:
    """Names in ``seg`` headed by ``head``: "(Super) Typhoon Yagi" (the head capitalised, then the
    name) and "the Rana Plaza disaster" (capitalised words, then the head)."""
    h = re.escape(head)
    out = [(m.start(), m.end()) for m in re.finditer(
        rf"(?:\b[A-Z][\w-]*\s+)?\b(?-i:{h[0].upper()}){h[1:]}s?\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", seg)]
    out += [(m.start(), m.end()) for m in re.finditer(
        rf"(?<![\w-])[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+{h}s?\b", seg)
        if not re.match(r"(?:The|A|An|In|On|This|Its)\b", m.group(0))]
    return out


# -- candidates in a sentence -----------------------------------------------------------------
@dataclass
class Candidate:
    label: str
    start: int  # offsets in the passage text
    end: int
    unit_id: int
    passage_id: str
    score: float = 0.0
    eid: str | None = None  # a graph entity, when the span is one
    kind: str = "Text"  # the answer type to report
    evidence: float = 0.0  # the sentence's own score (dense + lexical)
    support: list[tuple[str, int, int]] = field(default_factory=list)  # other passages writing the same name


_TOKEN = re.compile(r"[\w'’./&+-]+|\(|\)|,|;|:|\"|“|”")
_CONNECT = {"of", "for", "on", "and", "the", "to", "in", "da", "de", "du", "des", "la", "le", "et", "&", "del", "y"}
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z0-9][\w/&-]{1,11})\)")
_IDENT_AFTER = re.compile(r"\s*(?:No\.?\s*)?\d[\w/.-]*(?:\s*/?\s*\d{4})?|\s+of\s+\d{4}|\s+\(No\.\s*\d+\)|\s+\d{4}\b")
# "at which COP", "which HSR": an acronym head asked by itself (upper case as typed, not a linked name);
# its answer is the acronym with the number the report writes it with ("COP29", "HSR2024")
# (the acronym heads the phrase: an auxiliary or the end follows, not a noun it modifies: "which UN agency")
_CODED_ASKED = re.compile(r"\b(?:[Ww]hich|[Ww]hat)\s+([A-Z]{2,6})(?=\s*[?,.]|\s*$|\s+(?:did|does|do|is|was|were|are|has|have|"
                          r"had|will|would|could|saw|hosted|held)\b)")
_QUOTE = re.compile(r"[\"“]([^\"“”]{6,250})[\"”]")


def _is_cap(tok: str) -> bool:
    return bool(tok) and (tok[0].isupper() or tok[0].isdigit()) and tok.lower() not in _MONTHS


def head_of(label: str) -> str:
    """A name's head noun: the last word before "of/for/on/to ..." and before "(ACR)" or a number
    ("Social Regime of Independent Workers" -> regime, "Decree 824/MOH/2024" -> decree)."""
    s = re.sub(r"\([^)]*\)", " ", label)
    s = re.split(r"\s+(?:No\.?\s*)?\d", s, maxsplit=1)[0]
    s = re.split(r"\s+(?:of|for|on|to|towards|in)\s+", s, maxsplit=1)[0]
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", s) if not re.fullmatch(r"No|\d+", w)]
    if not words:
        return ""
    two = " ".join(words[-2:]).lower()
    if two in _FAMILY_OF:
        return two
    return _singular(words[-1])


def in_families(label: str, families: frozenset[str]) -> bool:
    return not families or bool(_FAMILY_OF.get(head_of(label), set()) & families)


def _walk_left(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of the first token of the capitalised name that ends right before token i: capitalised
    words, an "(ACR)" group, and runs of up to two connectors between capitalised words
    ("Expanding Social Security to Support the Formalization of the Angolan Economy (ESSAFE)")."""
    j = i
    while j > 0:
        t = toks[j - 1][2]
        if t == ")" and j >= 3 and toks[j - 3][2] == "(" and re.fullmatch(r"[A-Z0-9][\w/&+-]*", toks[j - 2][2]):
            j -= 3
            continue
        if t.endswith(("'s", "’s")):
            break  # "Timor-Leste's Bolsa da Mãe": the owner is not part of the name
        if _is_cap(t) and t not in ("(", ")"):
            j -= 1
            continue
        run = 0
        while run < 2 and j - 1 - run >= 0 and toks[j - 1 - run][2].lower() in _CONNECT:
            run += 1
        if run and j - 1 - run >= 0 and _is_cap(toks[j - 1 - run][2]) and not toks[j - 1 - run][2].endswith(("'s", "’s")) \
                and toks[j - 1 - run][2] not in _LEADERS:
            j -= run
            continue
        break
    while j < i and (toks[j][2].lower() in _CONNECT or toks[j][2] in _LEADERS):
        j += 1
    if j < i and toks[j][2] == "(":
        return i  # only an "(ACR)" before the head: no capitalised name
    return j


_LEADERS = {"The", "A", "An", "In", "On", "Its", "Their", "Through", "Under", "With", "Both", "Additionally",
            "Meanwhile", "Notably", "Finally", "Furthermore", "Moreover", "Also", "This", "These", "That", "Indeed"}
_RIGHT = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|the|for|in))*")


# A coded name ("ILO/PENSIONS", "ILO-HEALTH", "OpenIMIS": a slash or hyphen between capitals, or
# capitals inside a word) before a lower-case head, across up to three lower-case words or a gloss
# in brackets ("the ILO/EII (Employment Injury Insurance) model").
_CODED_BEFORE = re.compile(r"(?<![\w/-])(?P<code>[A-Z][A-Za-z]*[/-][A-Z][A-Z0-9]+|[A-Z]?[a-z]+[A-Z]{2,}[A-Za-z]*)"
                           r"(?:\s*\([^()]{1,60}\))?(?:\s+[a-z][\w-]*){0,3}\s+$")


def head_modifiers(question: str, heads: tuple[str, ...]) -> frozenset[str]:
    """The lower-case words the question writes between its wh-word and its head noun ("with which
    global programme": "global"): a sentence may write them between a name and the same head."""
    if not heads:
        return frozenset()
    m = re.search(r"\b(?:[Ww]hich|[Ww]hat)\s+((?:[a-z][a-z-]*\s+){1,2})(?:" + "|".join(re.escape(h) for h in heads)
                  + r")s?\b", question)
    return frozenset(m.group(1).split()) - STOP if m else frozenset()


def name_spans(seg: str, families: frozenset[str], modifiers: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Spans of names in ``seg`` headed by a noun of the asked families: capitalised names ending
    in the head ("National Social Mutual of Artisans (MSNAS)"), names before a lower-case head
    ("Bolsa da Mãe program", "the ESSAFE projects"), lower-case phrases carrying an acronym
    ("old-age pension scheme (JP)"), and a law word with its number ("Decree 824/MOH/ 2024").
    ``modifiers``: lower-case words the question puts before its head ("which global programme"),
    which may stand between a name and its head ("the OpenIMIS global programme")."""
    heads = [h for h in _HEADS if _FAMILY_OF[h] & families] if families else _HEADS
    if not heads:
        return []
    out: list[tuple[int, int]] = []
    rx = re.compile(r"\b(" + "|".join(re.escape(h) for h in heads) + r")(e?s)?\b", re.I)
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(seg)]
    for m in rx.finditer(seg):
        i = next((j for j, t in enumerate(toks) if t[0] <= m.start() < t[1]), None)
        if i is None:
            continue
        k = i + len(m.group(1).split()) - 1  # last token of a two-word head ("Task Force")
        capital_head = seg[m.start()].isupper()
        j = _walk_left(toks, i)
        end = toks[k][1]
        if capital_head:
            if re.match(r"\s+(?!No\b)[A-Z][a-z]\w*", seg[end:]):
                continue  # "Employment Injury Benefits Convention": the name goes on, its head is later
            right = _RIGHT.match(seg[end:])
            if right:
                end += len(re.sub(r"(\s+(?:of|and|the|for|in))+$", "", right.group(0)))
            acr = _ACRONYM_AFTER.match(seg[end:])
            if acr:
                end += acr.end()
            ident = _IDENT_AFTER.match(seg[end:])
            if ident and re.match(r"\s+\d{1,3}\s*(per|%|million)", seg[end:]):
                ident = None
            if ident:
                end += ident.end()
            if j < i and " of " in seg[toks[j][0]:toks[i][0]] and ident and \
                    re.match(r"(law|act|decree|bill|code|resolution|regulation)$", m.group(1), re.I):
                j = i  # "Adoption of Decree 824": the decree's own name starts at its head
            if j < i or acr or right or ident:
                out.append((toks[j][0], end))
            continue
        # lower-case head: a capitalised name right before it, or a lower-case phrase with an acronym
        if j == i and i >= 2 and toks[i - 1][2].lower() in modifiers:
            j2 = i - 1  # "the OpenIMIS global programme": the capitalised words right before the modifier
            while j2 > 0 and _is_cap(toks[j2 - 1][2]) and toks[j2 - 1][2] not in ("(", ")") \
                    and not toks[j2 - 1][2].endswith(("'s", "’s")):
                j2 -= 1
            if j2 < i - 1:
                out.append((toks[j2][0], toks[i - 2][1]))
        if j < i:
            start, stop = toks[j][0], toks[i - 1][1]
            if m.group(2) and " and " in seg[start:stop]:
                # "the ACTION/Portugal and Expanding ... (ESSAFE) projects": one name per conjunct
                pos = start
                for part in re.split(r"(,\s+|\s+and\s+)", seg[start:stop]):
                    if part.strip() and not re.fullmatch(r",\s+|\s+and\s+", part):
                        out.append((pos, pos + len(part)))
                    pos += len(part)
                continue
            out.append((start, stop))
            # "the ACTION/Portugal and Expanding ... (ESSAFE) projects": the conjunct before "and"
            if m.group(2) and j >= 2 and toks[j - 1][2] == "and":
                j2 = _walk_left(toks, j - 1)
                if j2 < j - 1:
                    out.append((toks[j2][0], toks[j - 2][1]))
            continue
        coded = _CODED_BEFORE.search(seg[:toks[i][0]])
        if coded and "tool" in _FAMILY_OF[m.group(1).lower()]:
            out.append(coded.span("code"))  # "the ILO/EII (Employment Injury Insurance) model": its code names it
            continue
        acr_before = re.search(r"((?:[a-z][\w-]*\s+){1,3})\(([A-Z][\w-]{1,9})\)\s*$", seg[:toks[i][0]])
        if acr_before:
            words = acr_before.group(1).split()
            while words and words[0].lower() in STOP:
                words.pop(0)
            if words:
                out.append((seg.rfind(words[0], 0, acr_before.end()), toks[i][0] + len(m.group(1))))
            continue  # "old age defined-contribution (JHT) scheme(s)": modifiers + acronym + head
        acr = _ACRONYM_AFTER.match(seg[toks[k][1]:])
        if acr and re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", acr.group(1)):
            # "the main public health insurance scheme (EsSalud)": a mixed-case word in brackets
            # after a lower-case description is the scheme's own name, not an acronym of it
            s0 = toks[k][1] + acr.start(1)
            out.append((s0, s0 + len(acr.group(1))))
            continue
        if acr:
            words = seg[:toks[i][0]].split()[-3:]
            phrase: list[str] = []
            for w in reversed(words):
                if w.lower() in STOP or not re.fullmatch(r"[a-z][\w-]*", w):
                    break
                phrase.insert(0, w)
            start = seg.rfind(phrase[0], 0, toks[i][0]) if phrase else toks[i][0]
            out.append((start, toks[k][1] + acr.end()))  # "old-age pension scheme (JP)"
    return out


def quoted_spans(seg: str, heads: tuple[str, ...], any_quote: bool) -> list[tuple[int, int]]:
    """Quoted titles or names: any quote when titles are asked, else a quote next to the asked head
    noun (project "X", the "X" tool) or after a naming verb (entitled "X")."""
    out = []
    cue = re.compile(r"\b(" + "|".join(re.escape(h) for h in heads) + r")(e?s)?\b|\b(entitled|titled|called|named)\b", re.I) \
        if heads else re.compile(r"\b(entitled|titled|called|named)\b", re.I)
    for m in _QUOTE.finditer(seg):
        text = m.group(1).strip().rstrip(",.")
        if len(text.split()) < 2:
            continue
        before = seg[max(0, m.start() - 40):m.start()]
        near = before + " " + seg[m.end():m.end() + 20]
        last = list(cue.finditer(before))
        if not any_quote and last and last[-1].group(1) and not re.search(r"\b(?:entitled|titled|called|named)\b", near, re.I) \
                and re.search(r"\b(?:on|about|regarding|for|at|during)\s+(?:the\s+)?$", before[last[-1].end():], re.I) \
                and not (heads and head_of(text) in heads):
            continue  # "organised jointly with the USP2030 partnership on "X"": the quote is its topic
        if any_quote or cue.search(near) or (heads and head_of(text) in heads):
            s = m.start(1)
            out.append((s, s + len(text)))
    return out


def number_spans(seg: str) -> list[tuple[int, int]]:
    """Identifiers: 'Working Paper 128', 'No. 102', 'Report No. 5'."""
    return [(m.start(1), m.end(1)) for m in
            re.finditer(r"\b(?:Paper|No\.?|Number|Report|Brief)\s*(\d{1,4})\b(?!\s*(?:per|%|million))", seg)]


_QTY = re.compile(r"(?:US\$\s*)?(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:per cent|percent|%|million|billion|thousand))?(?![\w])", re.I)


def quantity_spans(seg: str) -> list[tuple[int, int]]:
    """Figures with their unit ('52.3 per cent', 'US$17.8 million'), not years nor labels ('Table 3')."""
    out = []
    for m in _QTY.finditer(seg):
        text = m.group(0)
        if re.fullmatch(r"(19|20)\d\d", text) or re.search(r"\b(Table|Figure|No\.?|Paper|Result|Box)\s*$", seg[:m.start()]):
            continue
        out.append((m.start(), m.end()))
    return out


_PLACE_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"


_LANGUAGE_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?languages?\b", re.I)
# a keyword query's asked noun, said last or first ("languages timor-leste's new portal available")
_LANGUAGE_LAST = re.compile(r"\blanguages?\s*\??\s*$|^\W*languages?\s+(?!of\b|and\b|or\b)[a-z]", re.I)


@lru_cache(maxsize=1)
def language_names() -> tuple[frozenset[str], frozenset[str]]:
    """(every language name of ISO 639, the major ones with a two-letter code): a gazetteer of
    general knowledge, read once."""
    import pycountry

    names, major = set(), set()
    for lang in pycountry.languages:
        name = lang.name.split(" (")[0]
        names.add(name)
        if hasattr(lang, "alpha_2"):
            major.add(name)
    return frozenset(names), frozenset(major)


def language_spans(seg: str) -> list[tuple[int, int]]:
    """The language names a sentence writes ("a portal available in Tetum, Portuguese, and
    English"), when at least one is a major language (a lone "Even" or "Are" is an English word);
    a language word opening a longer name ("French National School") is that name's, not a language."""
    names, major = language_names()
    found = []
    for m in re.finditer(r"\b[A-Z][a-z]+\b", seg):
        if m.group(0) in names and m.group(0).lower() not in STOP \
                and not re.match(r"\s+(?!and\b|or\b)[A-Z]", seg[m.end():]):  # "To boost ...": a word
            found.append((m.start(), m.end(), m.group(0)))
    if not any(w in major for _, _, w in found):
        return []
    return [(s, e) for s, e, _ in found]


def place_spans(seg: str) -> list[tuple[int, int]]:
    """'organised in Rome', 'held in Abidjan, Côte d'Ivoire', 'hosted an international conference in
    Dakar', 'held in Baghdad and Erbil': the capitalised words after the verb (and its object)."""
    out = []
    for m in re.finditer(r"\b(?:held|organi[sz]ed|hosted|took place|taking place|convened|located|celebrated|launched)"
                         r"(?:\s+(?!in\b|at\b)[\w'’-]+){0,5}?\s+(?:in|at)\s+(?:the\s+)?"
                         r"(" + _PLACE_NAME + r"(?:\s+and\s+" + _PLACE_NAME + r")?)", seg):
        pos, found = m.start(1), m.group(1)
        inner = re.match(r"(?:\s*\([^)]{1,30}\))?\s+in\s+(?:the\s+)?(" + _PLACE_NAME + r")", seg[m.end(1):])
        if inner and not re.search(r"\d", inner.group(1)) and inner.group(1).split()[0].lower() not in _MONTHS:
            # "at the United Nations Headquarters in New York": the town holds the building
            pos, found = m.end(1) + inner.start(1), inner.group(1)
        for part in re.split(r"(\s+and\s+)", found):
            if re.fullmatch(r"\s+and\s+", part):
                pos += len(part)
                continue
            if part.split()[0].lower() not in _MONTHS and not re.search(r"\d", part):  # "COP29" is an event
                out.append((pos, pos + len(part)))
            pos += len(part)
    return out


def located_spans(seg: str) -> list[tuple[int, int]]:
    """A sentence without a place verb may still say where: 'supported efforts in Siargao', 'at
    COP29 in Baku'.  Capitalised words after 'in' (not a month, not a year)."""
    out = []
    for m in re.finditer(r"\b(?:in|at)\s+(?:the\s+)?(" + _PLACE_NAME + r")", seg):
        if m.group(1).split()[0].lower() in _MONTHS or m.group(1).split()[0] in _LEADERS or re.search(r"\d", m.group(1)):
            continue
        if re.match(r"(?:\s*\([^)]{1,30}\))?\s+in\s+(?:the\s+)?[A-Z]", seg[m.end(1):]):
            continue  # "at the United Nations Headquarters in New York": the town that follows is the place
        out.append((m.start(1), m.end(1)))
    return out


def _closing_kind(q: str, g: re.Match) -> bool:
    """A keyword query closing on the asked kind ("Uzbekistan draft Social Insurance Law new
    contingencies covered"): no question word, the kind among its last three words."""
    return not re.search(r"\b(?:which|what|who|whom|whose|where|when|how)\b", q, re.I) \
        and len(re.findall(r"[\w'’-]+", q[g.end():])) <= 2 and g.group(1).lower() == "contingencies"


def group_spans(seg: str, head_phrase: str) -> list[tuple[int, int]]:
    """An enumeration right after the asked head phrase ('the provincial governments of Punjab and
    Sindh'), or after the head's last word, or a 'one for X, a second for Y, and a third for Z' list."""
    out: list[tuple[int, int]] = []
    words = head_phrase.split()
    # the head phrase, its last word, or the stem of its first word ("provinces": "provincial governments of")
    for probe in (re.escape(head_phrase.rstrip("s")) + "s?", re.escape(words[-1].rstrip("s")) + "s?" if words else "",
                  re.escape(words[0][:6]) + r"\w*(?:\s+\w+)?" if words and len(words[0]) >= 6 else ""):
        if not probe:
            continue
        for m in re.finditer(rf"\b{probe}\b\s+(?:of|for|in|such as|including|namely|:)\s+", seg, re.I):
            rest = seg[m.end():]
            enum = re.match(r"((?:the\s+)?[\w'’ -]{2,40}?(?:,\s+[\w'’ -]{2,40}?)*(?:,?\s+and\s+[\w'’ -]{2,40}?))(?=[,.;]|\s+(?:have|has|had|are|were|is|was|to|in|with|which|who)\b|$)", rest)
            if enum:
                base = m.end()
                for part in re.finditer(r"[^,]+", enum.group(1)):
                    for sub in re.split(r"\s+and\s+", part.group(0)):
                        sub_s = sub.strip()
                        sub_s = re.sub(r"^(and|the)\s+", "", sub_s)
                        if not sub_s:
                            continue
                        s = seg.find(sub_s, base + part.start())
                        out.append((s, s + len(sub_s)))
        if out:
            return out
    before = _listed_before(seg, words[-1] if words else head_phrase)
    if before:
        return before
    # "one tailored to A, a second one for B, and a third one aimed at C"
    m = re.search(r"\bone\s+(?:tailored to|for|aimed at|targeting|designed for|dedicated to|covering)\s+(.+?),\s+"
                  r"(?:a|the)\s+second(?:\s+one)?\s+(?:tailored to|for|aimed at|targeting|designed for|dedicated to|covering)\s+(.+?),"
                  r"(?:\s+and)?\s+(?:a|the)\s+third(?:\s+one)?\s+(?:tailored to|for|aimed at|targeting|designed for|dedicated to|covering)\s+"
                  r"(.+?)(?=,|\.|;|$)", seg)
    if m:
        out = [(m.start(g), m.end(g)) for g in (1, 2, 3)]
    return out


def _plural_rx(word: str) -> str:
    """'counties' / 'county' -> 'count(?:y|ies)', 'regions' -> 'regions?'."""
    w = word.lower()
    if w.endswith("ies"):
        return re.escape(w[:-3]) + "(?:y|ies)"
    if w.endswith("y"):
        return re.escape(w[:-1]) + "(?:y|ies)"
    return re.escape(w.rstrip("s")) + "s?"


_ITEM = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"


def _listed_before(seg: str, head: str) -> list[tuple[int, int]]:
    """Names listed right before the head noun: 'the Moronou and Nawa regions', 'Kisumu and Mombasa
    counties', 'Abia, Benue, Oyo, and Sokoto States', 'the construction and transport sectors'."""
    if not head:
        return []
    hw = r"(?i:" + _plural_rx(head) + r")\b"
    out: list[tuple[int, int]] = []
    caps = re.compile(r"(" + _ITEM + r"(?:,\s+" + _ITEM + r")*(?:,?\s+and\s+" + _ITEM + r")?)\s+" + hw)
    lower = re.compile(r"\bthe\s+([a-z][\w-]+(?:,\s+[a-z][\w-]+)*,?\s+and\s+[a-z][\w-]+)\s+" + hw)
    # ... or named after it: "the State of Karnataka", "the Province of Sindh"
    of_name = re.compile(r"\b[Tt]he\s+" + hw + r"\s+of\s+(" + _ITEM + r")")
    for rx in (caps, lower, of_name):
        for m in rx.finditer(seg):
            pos = m.start(1)
            for part in re.split(r"(,\s+and\s+|,\s+|\s+and\s+)", m.group(1)):
                if not part or re.fullmatch(r",\s+and\s+|,\s+|\s+and\s+", part):
                    pos += len(part)
                    continue
                words = part.split()
                # a sentence's first word is no name ("Targeting Abia"): drop leaders and verbs
                while len(words) > 1 and (words[0] in _LEADERS or words[0].lower().endswith(("ing", "ed"))):
                    skip = part.index(words[1], len(words[0]))
                    part, pos, words = part[skip:], pos + skip, words[1:]
                if rx is of_name:  # one name, up to the first word that is no part of it ("Karnataka in March")
                    part = re.match(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", part).group(0)
                    words = [w for w in part.split() if w.lower() not in _MONTHS] or words
                    part = " ".join(words)
                if words and not (words[0] in _LEADERS or words[0].lower() in _MONTHS):
                    out.append((pos, pos + len(part)))
                pos += len(part)
        if len(out) == 1 and rx is caps and re.match(r"\s*[A-Z]", seg[out[0][1]:]):
            out = []  # one capitalised word before a capitalised head is one name ("Arab States")
        if out:
            return out
    return out


@lru_cache(maxsize=1)
def _country_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Every country name the gazetteer knows, lower case (general knowledge, not the report's)."""
    from graph import countries

    names = {n.lower() for c in countries.all_countries().values() for n in c.names}
    return frozenset(names), tuple(sorted(names))


def _is_country_name(label: str) -> bool:
    low = " ".join(label.lower().split())
    names, ordered = _country_words()
    return low in names or any(n.startswith(low + " ") for n in ordered)


# -- the finder ------------------------------------------------------------------------------------
_NATIONAL_ROLES = {"national_institution", "other", None}
_ENTITY_TYPES = {"name": ("Scheme", "LegalInstrument", "Initiative", "Project", "Organization"),
                 "title": ("Publication",)}
WEIGHT_LEXICAL = 0.6
NEAR_WEIGHT = 0.3  # how much the question's words right around a candidate add to its sentence's score
LINKED_PENALTY = 0.6  # a span the question itself names is a weak answer
SAME_HEAD_BONUS = 0.1
ENTITY_BONUS = 0.05
NUMBER_BONUS = 0.5  # a candidate right after the number the question gives ("Working Paper 132")
COUNT_FILL_RATIO = 0.7  # how close to the best a candidate must be to fill an asked count
MIN_SPAN_SCORE = 0.5  # below this the best sentence is no evidence (calibrated on the tuning sets)


@dataclass
class SpanAnswer:
    asked: Asked
    candidates: list[Candidate] = field(default_factory=list)


class SpanFinder:
    def __init__(self, knowledge, units, text_step):
        self.k = knowledge
        self.units = units
        self.text = text_step
        self._next = dict(zip(list(knowledge.passages), list(knowledge.passages)[1:]))  # document order
        self._present: dict[str, set[str]] = {}  # entities each passage is about (cached: asked per question)
        self._mention_types: dict[str, set[str]] = {}
        self._rows = {pid: np.array(rows, dtype=np.int64) for pid, rows in units.by_passage.items()}

    def _about(self, pid: str) -> set[str]:
        got = self._present.get(pid)
        if got is None:
            got = self._present[pid] = self.text.passage_entities(pid)
        return got

    def _types_in(self, pid: str) -> set[str]:
        got = self._mention_types.get(pid)
        if got is None:
            got = self._mention_types[pid] = {m["type"] for m in self.k.mentions_in(pid)}
        return got

    def rank(self, question: str, qvec: np.ndarray, required: list[set[str]], years: list[str],
             top: int = 12, mentioning: str | None = None) -> list[tuple[int, float]]:
        """Units by dense + lexical score, in passages that mention every required entity (or, with
        ``mentioning``, some entity of that type); a passage naming the question's year is
        preferred, not required (an event "in October")."""
        named = {t for ids in required for i in ids for n in self.k.names(i) for t in terms(n)}
        qterms = [t for t in terms(question) if t not in named] or terms(question)
        scores = self.units.vectors @ qvec + WEIGHT_LEXICAL * self.units.lexical_in_context(qterms)
        pids = [pid for pid in self._rows
                if (not required or all(ids & self._about(pid) for ids in required))
                and (not mentioning or mentioning in self._types_in(pid))]
        if not pids:
            return []
        allowed_arr = np.concatenate([self._rows[pid] for pid in pids])
        order = allowed_arr[np.argsort(-scores[allowed_arr])][:top]
        out = []
        for i in order:
            s = float(scores[i])
            if years and not any(y in self.units.units[int(i)].text for y in years):
                s -= 0.05
            out.append((int(i), s))
        out.sort(key=lambda x: -x[1])
        return out

    def _located_in(self, unit, ids: set[str]) -> bool:
        """Does the passage place things in the country: its entry's section, or "in X" / "X's" /
        a sentence opening with the name?"""
        p = self.k.passage(unit.passage_id)
        if p is None:
            return False
        text = p.text
        section = p.section.rsplit(">", 1)[-1].lower()
        for n in (n for i in ids for n in self.k.names(i) if len(n) >= 3):
            name = re.escape(n.lower())
            if re.search(r"(?<!\w)" + name + r"(?!\w)", section) or re.search(
                    r"(?:\b(?:in|within|across|throughout)\s+(?:the\s+)?" + name + r"(?!\w)|^\W*(?:the\s+)?" + name +
                    r"(?!\w)|(?<!\w)" + name + r"['’]s\b)", text.lower(), re.M):
                return True
        return False

    def _unit_about(self, unit, ids: set[str]) -> bool:
        """Is the sentence not about another country?  It fails only when it names some other
        country and none of the asked one's names (a highlights passage listing several countries);
        a sentence naming no country takes its passage's."""
        others = {f"{m['type']}:{m['key']}" for m in self.k.mentions_in(unit.passage_id)
                  if m["type"] == "Country" and m["start"] >= unit.start and m["end"] <= unit.end}
        if not others or others & ids:
            return True
        p = self.k.passage(unit.passage_id)
        text = (p.text[unit.start:unit.end] if p else "").lower()
        names = [n.lower() for i in ids for n in self.k.names(i) if len(n) >= 3]
        return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text) for n in names)

    def candidates(self, unit, asked: Asked, qterms: set[str], linked: set[str],
                   anchors: list[str] = (), question: str = "", people: bool = False) -> list[Candidate]:
        """The spans of the asked kind in one sentence.  ``people``: a group question may be answered
        by the groups of people the sentence lists (asked only when no sentence writes a list beside
        the head noun: such a list is the report's own answer)."""
        p = self.k.passage(unit.passage_id)
        if p is None:
            return []
        text = p.text
        a, b = unit.start, unit.end
        seg = text[a:b]
        spans: list[tuple[int, int, str | None, str]] = []
        if asked.kind in ("name", "title"):
            for m in self.k.mentions_in(unit.passage_id):
                if m["start"] < a or m["end"] > b or m["type"] not in _ENTITY_TYPES[asked.kind]:
                    continue
                eid = f"{m['type']}:{m['key']}"
                ent = self.k.entity(eid) or {}
                if (ent.get("role") or "").startswith("ILO"):
                    continue  # an ILO convention is not a national law or scheme
                if m["type"] == "Organization" and ent.get("role") not in _NATIONAL_ROLES:
                    continue  # an agency or a donor fund ("United Nations Children's Fund") is no scheme
                label = self.k.label(eid)
                if asked.kind == "name" and not in_families(label, asked.families):
                    continue
                spans.append((m["start"] - a, m["end"] - a, eid, "Publication" if asked.kind == "title" else
                              ("Scheme" if m["type"] in ("Scheme", "Organization") else m["type"])))
            for s, e in quoted_spans(seg, asked.heads, any_quote=asked.kind == "title"):
                spans.append((s, e, None, "Publication" if asked.kind == "title" else "Text"))
            if asked.kind == "name":
                for s, e in name_spans(seg, asked.families, head_modifiers(question, asked.heads)):
                    spans.append((s, e, None, "Text"))
            elif not spans:
                # "an Inter-agency Social Protection Assessment (ISPA) Core Diagnostic Instrument
                # (CODI) report": a capitalised name before the title noun
                for s, e in name_spans(seg, asked.families):
                    if len(seg[s:e].split()) >= 3:
                        spans.append((s, e, None, "Publication"))
            if asked.kind == "title" and not spans:
                # "a bilingual policy paper on fiscal space for financing social protection"
                for s, e in _described(seg, asked.heads):
                    spans.append((s, e, None, "Publication"))
        elif asked.kind == "number":
            spans = [(s, e, None, "Number") for s, e in number_spans(seg)]
        elif asked.kind == "quantity":
            spans = [(s, e, None, "Number") for s, e in quantity_spans(seg)]
            if re.search(r"\b(share|percentage|per ?cent|proportion|rate)\b|%", question, re.I):
                # a share is asked: only figures written as shares
                spans = [x for x in spans if re.search(r"per ?cent|%", seg[x[0]:x[1]], re.I)]
        elif asked.kind == "place":
            spans = [(s, e, None, "Text") for s, e in place_spans(seg)] or \
                [(s, e, None, "Text") for s, e in located_spans(seg)]
            # a city, venue or island is asked: a country (or the first word of one) is not it
            spans = [x for x in spans if not _is_country_name(seg[x[0]:x[1]])]
        elif asked.kind == "headed":
            spans = [(s0, e0, None, "Text") for s0, e0 in headed_spans(seg, asked.heads[0])]
        elif asked.kind == "coded":
            spans = [(m.start(), m.end(), None, "Text") for m in
                     re.finditer(rf"(?<![\w-]){re.escape(asked.heads[0])}\s?-?\d{{1,4}}(?![\w-])", seg)]
        elif asked.kind == "language":
            spans = [(s, e, None, "Text") for s, e in language_spans(seg)]
        elif asked.kind == "group":
            spans = [(s, e, None, "Text") for s, e in group_spans(seg, asked.head_phrase)]
            if not spans and people:
                # "which groups were newly brought into the scheme": the people the sentence lists
                spans = [(s, e, None, "Text", name) for s, e, name in people_group_spans(seg)]
        # a lower-case description followed by its own name in brackets ("the main public health
        # insurance scheme (EsSalud)"): the name stands, the description goes
        starts = {x[0] for x in spans}
        spans = [x for x in spans if not (seg[x[0]:x[1]] == seg[x[0]:x[1]].lower() and
                                          (m2 := re.match(r"\s*\(", seg[x[1]:])) and x[1] + m2.end() in starts)]
        out: list[Candidate] = []
        for s, e, eid, kind, *named in spans:
            if eid is None:
                while e > s and seg[e - 1] in ".,;:":
                    e -= 1
            label = self.k.label(eid) if eid else named[0] if named else " ".join(seg[s:e].split()).strip(" ,;:")
            if eid and eid in linked and eid.startswith("Organization:"):
                continue  # "Kenya's NSSF scheme": the institution who acts is not the name asked
            if not label or len(label) < 2 or not re.search(r"[A-Za-z0-9]", label):
                continue
            out.append(Candidate(label, a + s, a + e, unit.id, unit.passage_id, 0.0, eid, kind))
        out = _merge_overlaps(out)
        actors = {_plain(n) for i in linked if i.startswith("Organization:") for n in self.k.names(i)}
        # a hyphenated compound of the question ("low-income") written as such is a sharp cue
        owned: dict[int, float] = {}
        compounds = {w.lower() for w in re.findall(r"\b[A-Za-z]+-[A-Za-z]+\b", question)}
        numbers = [n for n in re.findall(r"\b\d[\d,.]*\b", question) if not re.fullmatch(r"(19|20)\d\d", n)]
        question_acronyms = {w for w in re.findall(r"[A-Za-z]{2,}", question) if w.isupper()}
        for c in out:
            acr = re.findall(r"\(([^)]*)\)", c.label)
            if (c.eid and c.eid in linked and c.eid.startswith("Organization:")) or _plain(c.label) in actors or \
                    any(_plain(x) in actors for x in acr):
                c.score = -9.0  # "Kenya's NSSF scheme": the institution who acts is not the name asked
                continue
            s, e = c.start - a, c.end - a
            # the question's words inside the span count too ("the fund for vulnerable groups")
            c.score = NEAR_WEIGHT * _closeness(seg, s, e, qterms, [], set())
            owned[id(c)] = _closeness(seg, s, e, set(), anchors, compounds)
            if c.eid and not c.eid.startswith("Organization:"):
                c.score += ENTITY_BONUS  # the graph typed it: a publication, a scheme, a law
            if asked.heads and (head_of(c.label) in asked.heads or re.match(
                    r"\s*(?:" + "|".join(re.escape(h) for h in asked.heads) + r")", seg[e:], re.I)):
                c.score += SAME_HEAD_BONUS  # "which fund": a Fund before a System of the same family
            if (c.eid and c.eid in linked) or _plain(c.label) in _plain(question) or \
                    _initials(c.label) in question_acronyms:
                # a name the question itself gives is a weak answer, in full or by its initials
                # ("trained on the ILO/EII model": "Employment Injury Insurance" is no fund asked)
                c.score -= 1 - LINKED_PENALTY
            if numbers and asked.kind in ("name", "title"):
                # "Working Paper 132": the title right after the question's number, not its neighbour's
                before = seg[max(0, s - 30):s]
                c.score += NUMBER_BONUS if any(re.search(r"(?<![\d.])" + re.escape(n) + r"(?![\d])", before)
                                               for n in numbers) else 0.0
        if asked.kind == "quantity" and len(out) > 1:
            _label_pick(seg, a, question, out)
        # The question's names and compounds pick among the candidates of one sentence (whose
        # programme, which clause's figure); they do not lift one sentence above another.
        if owned:
            floor = min(owned.values())
            for c in out:
                c.score += NEAR_WEIGHT * (owned.get(id(c), floor) - floor)
        return [c for c in out if c.score > -9]

    def _listed_after(self, top: Candidate, asked: Asked) -> list[Candidate]:
        """"The three concerned briefs are:" ends a passage and the list is the next one: for a
        plural question, the titles (quoted) or graph entities of the asked kind that open its lines."""
        p = self.k.passage(top.passage_id)
        if p is None or not p.text.rstrip().endswith(":") or asked.kind not in ("title", "name"):
            return []
        nxt = self.k.passage(self._next.get(top.passage_id, ""))
        if nxt is None:
            return []
        out = []
        for line in re.finditer(r"[^\n]+", nxt.text):
            q = _QUOTE.match(line.group(0).lstrip(" -*•"))
            if q:
                off = line.start() + line.group(0).index(q.group(0)) + 1
                label = q.group(1).strip().rstrip(",.")
                out.append(Candidate(label, off, off + len(label), top.unit_id, nxt.id, top.score, None,
                                     "Publication" if asked.kind == "title" else "Text", top.evidence))
        return out if len(out) >= 2 else []

    def find(self, question: str, asked: Asked, qvec: np.ndarray, required: list[set[str]], years: list[str],
             linked: set[str], qterms: set[str], located: list[set[str]] = ()) -> list[Candidate]:
        """The best candidate (or the candidates, for plural questions), best first; empty when the
        evidence is weak."""
        # Names the question links (the country of "the East Timorese programme") anchor closeness.
        anchors = [n for ids in required for i in ids for n in self.k.names(i) if len(n) >= 3]
        if asked.kind == "title":
            # A publication is listed apart from the entry it is about: its title names the
            # country, the passage need not.
            ranked = self.rank(question, qvec, required, years) + self.rank(question, qvec, [], years, mentioning="Publication")
            ranked = sorted(dict(sorted(ranked, key=lambda x: x[1])).items(), key=lambda x: -x[1])
        else:
            ranked = self.rank(question, qvec, required, years)
        best: list[Candidate] = []
        countries = [ids for ids in required if all(i.startswith("Country:") for i in ids)]
        # "the unemployment insurance scheme": a name read from a sentence of no such branch is a near miss
        branches = asked_branches(question) if asked.kind == "name" else set()
        # a group question reads lists written beside its head noun first, then lists of people
        for people in (False, True) if asked.kind == "group" and asks_people_groups(question) else (False,):
            for uid, us in ranked:
                unit = self.units.units[uid]
                if branches and not fits_branch(branches, unit.text):
                    continue
                if countries and not all(self._unit_about(unit, ids) for ids in countries):
                    continue  # a passage listing several countries: this sentence is about another one
                if located and not all(self._located_in(unit, ids) for ids in located):
                    continue  # "schemes in Holland": a sentence naming the Netherlands as a partner is not about a place
                for c in self.candidates(unit, asked, qterms, linked, anchors, question, people=people):
                    c.score = us + c.score
                    c.evidence = us
                    best.append(c)
            if any(c.evidence >= MIN_SPAN_SCORE for c in best):
                break
        if not best:
            return []
        best.sort(key=lambda c: -c.score)
        top = best[0]
        if top.evidence < MIN_SPAN_SCORE:
            return []
        if not asked.plural and asked.kind != "group":
            return [_with_support(top, best)]
        listed = self._listed_after(top, asked)
        if listed:
            return listed
        want = asked.count or 8
        chosen: list[Candidate] = []
        seen = set()
        for c in best:
            key = c.eid or c.label.lower()
            if key in seen:
                continue
            same_unit = c.unit_id == top.unit_id
            if same_unit or c.score >= 0.9 * top.score:
                chosen.append(c)
                seen.add(key)
            if len(chosen) >= want:
                break
        if asked.count and len(chosen) < asked.count:
            # "which two schemes": the second may be written in a neighbouring sentence
            for c in best:
                key = c.eid or c.label.lower()
                if key not in seen and c.score >= COUNT_FILL_RATIO * top.score and len(chosen) < asked.count \
                        and not any(o.label.lower() in c.label.lower() or c.label.lower() in o.label.lower() for o in chosen):
                    chosen.append(c)
                    seen.add(key)
        return [_with_support(c, best) for c in chosen]


def _described(seg: str, heads: tuple[str, ...]) -> list[tuple[int, int]]:
    """An unnamed publication described in lower case: modifiers + head + 'on ...' up to a verb or
    a comma ('a bilingual policy paper on fiscal space for financing social protection')."""
    out = []
    for h in heads:
        for m in re.finditer(rf"\b(?:a|an|the)\s+((?:[a-z][\w-]*\s+){{0,3}}{re.escape(h)}s?\s+(?:on|about)\s+"
                             rf"(?:[\w-]+\s+){{0,8}}?[\w-]+)(?=\s+(?:presented|published|launched|was|which|that|and|to|in|at)\b|[,.;])", seg):
            out.append((m.start(1), m.end(1)))
    return out


# The question's own words ask for countries (not merely an analysis that guessed the type).
_ASKS_COUNTRIES = re.compile(r"\b(countr(?:y|ies)|nations?|member states?)\b", re.I)


def graph_fits(asked: Asked, out: dict, question: str = "", analysed_type: str = "") -> bool:
    """Does the engine's answer already have the asked kind?  A graph answer of that kind stands
    (the graph models the relation); a text answer of that kind stands too, since it was read from
    the best sentence by the same typed extraction.  Graph countries also stand when the question's
    own words ask for countries ("of the countries that ..., which saw a policy adopted": "policy"
    is a condition, not the asked name)."""
    answers = out.get("answers") or []
    if not answers or not str(out.get("strategy", "")).startswith("graph"):
        return False
    if analysed_type == "Country" and _ASKS_COUNTRIES.search(question) \
            and all(x.get("type") == "Country" for x in answers):
        return True
    if asked.kind in ("number", "quantity"):
        return all(x.get("type") == "Number" for x in answers)
    if asked.kind == "title":
        return all(x.get("type") == "Publication" for x in answers)
    if asked.kind == "name":
        # The graph's type vouches for a name whose words do not ("Providing for Health Network"
        # is an initiative though its head word is not "initiative").
        typed = {t for f in asked.families for t in _FAMILY_TYPES.get(f, ())}
        return all(x.get("type") not in ("Country", "Organization")
                   and (in_families(x["label"], asked.families) or x.get("type") in typed) for x in answers)
    return False


# The graph entity types that hold names of a family (an asked "initiative" or "network" is an
# Initiative node whatever its name's last word).
_FAMILY_TYPES = {"project": ("Initiative", "Project"), "scheme": ("Scheme",), "title": ("Publication",)}


@lru_cache(maxsize=4096)
def _word_terms(seg: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Each word of a sentence with its offsets and terms (cached: every candidate of the
    sentence asks for them)."""
    return tuple((m.start(), m.end(), tuple(terms(m.group(0)))) for m in re.finditer(r"[\w'’-]+", seg))


_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|and)\b|;")


def _closeness(seg: str, s: int, e: int, qterms: set[str], anchors: list[str], compounds: set[str] = frozenset()) -> float:
    """How close the question's words sit to a span: each question term (and each anchor name)
    found in the sentence counts by 1 - distance/200 characters; the sum over the question's terms."""
    if not qterms and not anchors and not compounds:
        return 0.0
    best: dict[str, float] = {}
    for start, end, ts in _word_terms(seg):
        for t in ts:
            if t in qterms:
                m_start, m_end = start, end
                d = 0 if s <= m_start < e else min(abs(m_start - e), abs(s - m_end))
                best[t] = max(best.get(t, 0.0), max(0.0, 1 - d / 200))
    low = seg.lower()
    for n in anchors:
        for m in re.finditer(r"(?<!\w)" + re.escape(n.lower()) + r"(?!\w)", low):
            # an owner is written before its name ("Pakistan's Benazir ..."): after it counts double
            d = s - m.end() if m.end() <= s else 2 * (m.start() - e) if m.start() >= e else 0
            best["@" + n] = max(best.get("@" + n, 0.0), max(0.0, 1 - d / 100))
    for c in compounds:
        for m in re.finditer(r"(?<![\w-])" + re.escape(c) + r"(?![\w-])", low):
            between = low[min(m.end(), e):max(m.start(), s)]
            if _CLAUSE_BREAK.search(between):
                continue  # "..., but for low-income countries, it amounts to": another clause's figure
            d = 0 if s <= m.start() < e else min(abs(m.start() - e), abs(s - m.end()))
            best["#" + c] = max(best.get("#" + c, 0.0), max(0.0, 1 - d / 200))
    anchor_score = max((v for k, v in best.items() if k.startswith("@")), default=0.0)
    anchor_score += max((v for k, v in best.items() if k.startswith("#")), default=0.0)
    term_score = sum(v for k, v in best.items() if not k.startswith("@")) / max(1, len(qterms))
    return term_score + anchor_score


LABEL_BONUS = 0.3  # the figure whose own label words the question says ("61% expenditure rate")


def _label_pick(seg: str, a: int, question: str, cands: list[Candidate]) -> None:
    """Several figures in one sentence ("a 70% financial execution rate and 61% expenditure rate"):
    the one whose neighbouring words are the question's (app.qa.figures.numbers.pick, word by word) gets a
    bonus, as character distance alone favours the figure nearest the sentence's subject."""
    from app.qa.figures import numbers
    from app.qa.textstep import _UNIT_WORDS, _near

    focus = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", question)
             if w.lower() not in STOP and w.lower() not in _UNIT_WORDS]
    span = numbers.pick(seg, question, lambda w: _near(w, focus), strict=False)
    if span is None:
        return
    for c in cands:
        if c.start - a < span.end and span.start < c.end - a:
            c.score += LABEL_BONUS


def _merge_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Overlapping spans of one sentence are one name: the longest span stands, and keeps the
    graph entity of a shorter one it covers ("Basic Healthcare Provision Fund (BHCPF)")."""
    cands = sorted(cands, key=lambda c: -(c.end - c.start))
    kept: list[Candidate] = []
    for c in cands:
        host = next((k for k in kept if k.start <= c.start and c.end <= k.end), None)
        if host is None:
            kept.append(c)
            continue
        if host.eid is None and c.eid is not None:
            host.eid = c.eid
        host.score = max(host.score, c.score)
    return kept


def _initials(name: str) -> str:
    """The initials of a name's capitalised words ("Employment Injury Insurance" -> "EII"), for a
    name the question writes only as its acronym; "" for a name of one word."""
    caps = [w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", re.sub(r"\([^)]*\)", " ", name)) if w[0].isupper()]
    return "".join(caps) if len(caps) >= 2 else ""


def _plain(name: str) -> str:
    """A name without its "(ACR)" and punctuation, lower case, for comparing names."""
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"\([^)]*\)", " ", name).lower()))


def _with_support(c: Candidate, ranked: list[Candidate], most: int = 2) -> Candidate:
    """Other well-ranked sentences that write the same name are evidence too (the scheme's launch
    and its later extension)."""
    key = c.eid or c.label.lower()
    seen = {c.passage_id}
    for o in ranked:
        if (o.eid or o.label.lower()) == key and o.passage_id not in seen and len(c.support) < most:
            seen.add(o.passage_id)
            c.support.append((o.passage_id, o.start, o.end))
    return c


def number_value(label: str) -> float | None:
    """'52.3 per cent' -> 52.3, 'US$17.8 million' -> 17800000.0, '128' -> 128.0."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand)?", label, re.I)
    if not m:
        return None
    scale = {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get((m.group(2) or "").lower(), 1)
    return float(m.group(1).replace(",", "")) * scale
