"""Keyword queries put their question word anywhere: "irish money where", "jordan who pays",
"ukraine convention 102 ratified when", "funders zambia count".

The analysis and the generated bank read a question word where questions have it, first; in a
keyword query written in arbitrary order a trailing "where" was read as nothing, so the relation's
named end decided the answer type (Kuwait's funders instead of the places Kuwait funds).
:func:`question_word_first` moves the first question word of a short query that does not open on
one to the front, which is the order every other part of the engine reads.

Ordinary English only: closed-class question words and auxiliaries.
"""
from __future__ import annotations

import re

from app.qa.form.keyword_heads import asked_noun_first, country_where, np_then_verb

MAX_WORDS = 8  # longer than this, a query is a sentence whose word order means something
# "which"/"what" head a noun ("... which countries") that the analysis reads wherever it is.
_QWORD = re.compile(r"\b(how many|how much|who|whom|where|when)\b", re.I)
# "count" or "number" as a query's first or last word asks how many ("countries portugal funds number").
# A trailing "number of" is the same count, its noun said first ("pathfinder countries asia number of").
# "number funders lao pdr" (no "of") and "funders count jordan" (straight after the counted plural)
# say the same count, its word first or after its noun.
_COUNT_WORD = re.compile(r"^\s*(?:count|(?:number|tally)(?!\s+of\b))\b|\b(?:count|number|tally)(?:\s+of)?\s*\??\s*$|"
                         r"\b(?:countries|funders|donors|financiers|partners|pathfinders|members|ratifications|schemes|"
                         r"projects|initiatives|publications|results|organi[sz]ations)\s+(?P<c1>count|number|tally)\b(?!\s+of\b)", re.I)
# "p4h network size", "usp2030 membership size members", "gtt staff size": the size of a group of
# members is how many members it has (ordinary English: a network's, a board's or a staff's size).
_GROUP_SIZE = re.compile(r"\b(?P<group>network|membership|partnership|coalition|alliance|board|committee|team|staff|"
                         r"workforce)\s+size\b", re.I)
# "working paper gender equality number": the number of a document is its label, not a count.
_NUMBERED = re.compile(r"\b(?:papers?|reports?|briefs?|conventions?|decrees?|laws?|acts?|resolutions?|"
                       r"recommendations?|tables?|no)\b", re.I)
# A query with an auxiliary is a sentence ("RAMU is being rolled out where"), not keywords.
_AUX = re.compile(r"\b(?:is|are|was|were|be|being|been|do|does|did|has|have|had)\b", re.I)
# A query opening on a question word, an auxiliary or an imperative already has its order.
_OPENS = re.compile(r"^\s*(?:how|which|what|who|whom|whose|where|when|why|is|are|was|were|do|does|did|has|have|had|"
                    r"can|could|would|will|should|may|list|name|give|tell|show|identify|in|on|for|from|to|by|"
                    r"of|among|between|according)\b", re.I)
# "countries where the EU funds", "the year when": a relative question word follows a noun it
# qualifies; it is not the asked word.
_RELATIVE_AFTER = re.compile(r"\b(?:countr(?:y|ies)|regions?|places?|year|years|time|date|one|ones|those|that|the\s+\w+)\s*$", re.I)


# A run of question words closing a keyword query ("... who", "... who where"): a searcher's afterthought.
_TRAILING_QWORDS = re.compile(r"\s+((?:who|whom|where|when)(?:\s+(?:who|whom|where|when))*)\s*\??\s*$", re.I)

# "c102 campaign launched by", "haba haba run by": a query ending on its verb's "by" asks who.
_AGENT_LAST = re.compile(r"\b[a-z][\w-]*\s+by\s*\??\s*$", re.I)

# "senegal's simplified scheme informal economy workers called": a query closing on "called" asks the name.
# ("p4h network members named": a plural's names are listed, not one name asked)
_CALLED_LAST = re.compile(r"^(?P<rest>\S.*?\S)\s+called\s*\??\s*$", re.I)

# "malawi new non-contributory pension 70 name": a keyword query closing on "name" asks the name of
# the one thing it describes, as "called" does ("full name", "official name" ask an acronym's expansion;
# a plural kind in the query, "p4h members name", asks the names of those things, listed).
_NAME_LAST = re.compile(r"^(?P<rest>\S.*?\S)(?<!\bfull)(?<!\bofficial)(?<!\bexact)(?<!\bcomplete)(?<!\bshort)"
                        r"(?<!\bacronym)(?<!\bfirst)(?<!\blast)(?<!\bfamily)\s+name\s*\??\s*$", re.I)
# ("lebanon disability allowance scheme name": a kind noun right before "name" already types the query)
_KIND_BEFORE_NAME = re.compile(r"\b(?:schemes?|systems?|programmes?|programs?|benefits?|allowances?|grants?|pensions?|"
                               r"funds?|acts?|laws?|decrees?|bills?|polic(?:y|ies)|strateg(?:y|ies)|projects?|initiatives?|"
                               r"networks?|papers?|reports?|briefs?|conventions?|insurance|authorit(?:y|ies)|agenc(?:y|ies)|"
                               r"institutions?|organi[sz]ations?|ministr(?:y|ies)|pilots?|platforms?|portals?|tools?)\s*$", re.I)
_PLURAL_KIND = re.compile(r"\b(?:countries|members|funders|donors|partners|pathfinders|organi[sz]ations|agencies|"
                          r"institutions|governments|schemes|programmes|programs|initiatives|publications|papers|reports|"
                          r"conventions|ratifiers|recipients|beneficiaries|co-?chairs|co-?funders|founders|participants)\b", re.I)

# "funders most countries", "country fewest funders", "region most pathfinders": the noun before
# the superlative is what is ranked, the words after it what is counted.
# "arab states country largest number financing partners": a long region name before the ranked
# noun, and a superlative said as "largest number" or "longest" (list), read the same way.
_SUPERLATIVE = re.compile(r"^\s*(?P<ranked>[a-z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+(?:with\s+|having\s+|by\s+)?(?:the\s+)?"
                          r"(?P<sup>most|fewest|least|(?:largest|greatest|highest|smallest|lowest)\s+number(?:\s+of)?|"
                          r"(?:longest|shortest)(?:\s+list(?:\s+of)?)?)\s+(?P<counted>[a-z][\w'’-]*(?:\s+[\w'’-]+){0,4})\s*\??\s*$", re.I)


# The kinds of thing a question asks for, as a keyword query opens on them ("countries france finance",
# "regions portugal finance countries", "year ilo and imf start collaborating"): ordinary English.
_KIND = (r"countr(?:y|ies)|regions?|years?|organi[sz]ations?|funders?|donors?|financiers?|partners?|agenc(?:y|ies)|"
         r"institutions?|schemes?|programmes?|programs?|publications?|papers?|reports?|conventions?|initiatives?|"
         r"pathfinders?|governments?")
_OPENS_ON_KIND = re.compile(r"^\s*(?:the\s+)?(" + _KIND + r"|countr(?:y|ies)['’]s?)\s+(?!(?:" + _KIND + r"|of|for|with|in|that|which|who|"
                            r"where|whose|without|not|never|no|entr(?:y|ies)|funded|financed|named|listed|mentioned)\b)(?!\d)\S", re.I)
# "ilo convention bangladesh employment injury scheme pilot aligned with": the kind of instrument the
# organisation issues (its common acronym before it) opens the query, then what qualifies it.
_AUTHOR_KIND = re.compile(r"^\s*(?:the\s+)?ilo['’]?s?\s+(?:conventions?|recommendations?|standards?|instruments?)\s+"
                          r"(?!(?:no\b|number\b|\d|of\b|for\b|on\b|and\b|or\b|ratif|campaign))[a-z]", re.I)
MAX_KIND_WORDS = 14  # a keyword query this long still asks for the kind it opens on
MIN_KIND_WORDS = 3  # "countries portugal": too short to tell the kind from a modifier


# An agent's verb a keyword query opens on ("funds ilo work country hit typhoon", "publishes the
# bulletin mozambique"): the "who" dropped from its front (ordinary English verbs of doing).
_AGENT_VERB_FIRST = re.compile(r"^\s*(?:funds|finances|financed|funded|pays|paid|bankrolls|sponsors|sponsored|publishes|published|"
                               r"implements|implemented|runs|ran|leads|led|hosts|hosted|chairs|chaired|organi[sz]es|organi[sz]ed|"
                               r"administers|administered|manages|managed|launched|launches)\s+"
                               # "funded through the regular budget countries": a passive's means, not an agent's object
                               r"(?!(?:by|of|through|via|under|solely|only|entirely|jointly|mainly|partly|wholly)\b)\S", re.I)


def which_first(query: str) -> str:
    """"which" written before the kind of thing a keyword query opens on ("which countries france
    finance"), so the question-word readings apply to it; else the query unchanged.  Not when the
    kind noun modifies the next one ("partner countries ..."), is a name with its number ("convention
    102 ratified 2022": the countries are asked) or opens a phrase the analysis reads already
    ("countries funded by ...", "donors of ...", "countries that ...", "pathfinders without ...")."""
    words = query.split()
    if np_then_verb(query) and not _OPENS.match(query) and asked_noun_first(query) == query:  # "jordanian ministry led ...": "which" dropped
        return "which " + query.strip()
    if not (MIN_KIND_WORDS <= len(words) <= MAX_KIND_WORDS) or _OPENS.match(query) or re.search(r"[,;:]", query):
        return query
    if _AGENT_VERB_FIRST.match(query):
        return "who " + query.strip()
    reordered = asked_noun_first(query)  # the asked noun said last, before its subject, or not a known kind
    if reordered != query:
        return reordered
    if _AUTHOR_KIND.match(query):  # "ilo convention bangladesh ... pilot aligned with": the convention is asked
        return "which " + query.strip()
    if not _OPENS_ON_KIND.match(query):
        return query
    from app.qa.figures.keyword_figures import closes_on_measure

    if closes_on_measure(query):
        return query  # "country pages users 2024": the kind noun names what is measured, the figure is asked
    return "which " + query.strip()


# "Table 4 count: countries with both ...", "count - african countries ...": a count word as the
# label of what follows it asks how many of the things after it; the words before it are context.
_COUNT_LABEL = re.compile(r"^(?P<pre>[^:?]{0,40}?)\b(?:count|tally|number|total number)\s*(?::|\s[–—-])\s+(?P<rest>\S.*)$", re.I | re.S)


# "table 4 count countries with both result 1 and result 2": "count" straight before the plural it
# counts, after words that place it (a table, a year), asks how many of them at any length.
_COUNTED_PLURALS = (r"countries|funders|donors|financiers|partners|pathfinders|members|ratifications|schemes|"
                    r"projects|initiatives|publications|results|organi[sz]ations|governments|states")
_COUNT_BEFORE = re.compile(r"(?P<pre>\S.*?)\s+(?:count|tally)\s+(?:of\s+)?(?P<rest>(?:the\s+)?(?:[\w-]+\s+)?(?:"
                           + _COUNTED_PLURALS + r")\b.*)$", re.I | re.S)


# A keyword query opening on where in the report to look ("Table 4 region with most countries
# achieving 2024 results"): the locator is context, the rest is the query, read as any other
_LOCATOR_FIRST = re.compile(r"^\s*(?P<loc>(?:table|figure|box|annex|chapter|section)\s+\d+[a-z]?)\s+(?P<rest>[a-z]\S*(?:\s+\S+){2,}?)\s*$",
                            re.I)


def question_word_first(query: str) -> str:
    """The query with its question word moved to the front, or the query unchanged."""
    located = _LOCATOR_FIRST.match(query)
    if located and not _QWORD.search(query) and not _AUX.search(query):
        rest = located.group("rest")
        asked = question_word_first(rest)
        if asked != rest:  # ("Table 4 count ..." is read by the count label below, with its locator)
            return f"{asked.rstrip(' ?')} ({located.group('loc')})" + ("?" if asked.rstrip().endswith("?") else "")
    query = country_where(query)  # "who funded ilo country where ...": in the country where
    label = _COUNT_LABEL.match(query) or (None if _QWORD.search(query) or _OPENS.match(query) or _AUX.search(query)
                                          else _COUNT_BEFORE.match(query))
    if label and not _QWORD.search(label.group("rest")):
        pre = label.group("pre").strip(" -–—")
        return f"how many {label.group('rest').rstrip(' ?')}" + (f" ({pre})" if pre else "") + "?"
    trailing = _TRAILING_QWORDS.search(query)
    if trailing and not _OPENS.match(query) and (len(query.split()) > MAX_WORDS or len(trailing.group(1).split()) > 1):
        # "financed ilo's work in the country where ... who where": the first closing question word asks;
        # the ones after it repeat what the query already says
        return f"{trailing.group(1).split()[0].lower()} {query[:trailing.start()].strip()}" + ("?" if query.rstrip().endswith("?") else "")
    words = query.split()
    if not words or len(words) > MAX_WORDS or _OPENS.match(query) or _AUX.search(query) or re.search(r"[,;:]", query):
        return which_first(query) if not _QWORD.search(query) else asked_noun_first(query)
    sup = _SUPERLATIVE.match(query)
    if sup and not _QWORD.search(query):  # "funders most countries": which funder has the most countries
        return f"which {sup.group('ranked')} has the {sup.group('sup').lower()} {sup.group('counted')}" + \
            ("?" if query.rstrip().endswith("?") else "")
    size = _GROUP_SIZE.search(query)
    if size and not _QWORD.search(query):  # "p4h network size members", "connect network size": how many members
        rest = (query[:size.end("group")] + query[size.end():]).strip(" ?")
        if size.group("group").lower() not in ("staff", "workforce", "membership") and not re.search(r"\bmembers\b", rest, re.I):
            rest = rest[:size.end("group")] + " members" + rest[size.end("group"):]
        return f"how many {' '.join(rest.split())}" + ("?" if query.rstrip().endswith("?") else "")
    counted = _COUNT_WORD.search(query)
    if counted and not _QWORD.search(query) and not _NUMBERED.search(query):  # "funders zambia count": a count asked, said last
        group = "c1" if counted.group("c1") else 0  # a count word after its noun: only the word goes
        rest = (query[:counted.start(group)] + " " + query[counted.end(group):]).strip(" ?")
        return f"how many {' '.join(rest.split())}" + ("?" if query.rstrip().endswith("?") else "")
    called = _CALLED_LAST.match(query) or _NAME_LAST.match(query)
    if called and not _QWORD.search(query) and not (called.re is _NAME_LAST and (
            _PLURAL_KIND.search(called.group("rest")) or _KIND_BEFORE_NAME.search(called.group("rest")))):
        # "senegal's scheme informal workers called", "malawi new non-contributory pension 70 name": its name is asked
        return f"what is {called.group('rest')} called?"
    if _AGENT_LAST.search(query) and not _QWORD.search(query):
        return "who " + query.strip()  # "c102 campaign launched by": the agent is asked
    m = _QWORD.search(query)
    # "how many"/"how much" never qualify a noun before them ("african countries how many"): only
    # "where"/"when" can be relative ("countries where ...").
    if m is None:
        return which_first(query)
    # A relative word opens a clause, so one closing the query ("funds ilo andean countries who") is the asked word.
    if not m.group(1).lower().startswith("how") and _RELATIVE_AFTER.search(query[:m.start()]) and query[m.end():].strip(" ?"):
        return asked_noun_first(query)  # "funders country where ...": the funders of that country
    rest = (query[:m.start()] + " " + query[m.end():]).strip(" ?")
    return f"{m.group(1).lower()} {' '.join(rest.split())}" + ("?" if query.rstrip().endswith("?") else "")
