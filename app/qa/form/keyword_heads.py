"""Which noun a keyword query asks for, when its word order is not a question's.

A keyword query drops "which", "of", "in the" and auxiliaries, so the noun that names the asked thing
can stand anywhere: after an opening participle's phrase ("funded through ilo's regular budget countries"),
first and straight before the noun that describes its subject ("funders countries ratified c102
2023": the funders *of* those countries), first but not among the nouns the analysis knows as kinds
("decree lao pdr adopt 2024 ...", "two funds nigeria operationalise ..."), or after an opening
preposition whose "which" was dropped ("under project ilo support ...", "since year ..."), or as the
money's "recipients" ("ireland funding recipients": the countries that receive it); and the
country where the work was done, said without its preposition ("ilo's work country where ...").  Each
rewrite here puts the query back into the order every other part of the engine reads (a question
word, then the asked noun, then what qualifies it), and leaves every other query unchanged.

Ordinary English only: kind nouns, prepositions and number words, never names from a report.
"""
from __future__ import annotations

import re

# Nouns that name the kind of thing asked, in the plural or singular (ordinary English).
_COUNTRY_KIND = r"countr(?:y|ies)|pathfinders?|governments?|member\s+states|nations"
_BODY_KIND = (r"funders?|donors?|financiers?|partners?|organi[sz]ations?|agenc(?:y|ies)|institutions?|bod(?:y|ies)|"
              r"ministr(?:y|ies)|institutes?|universit(?:y|ies)|compan(?:y|ies)|backers?|sponsors?|contributors?")
_THING_KIND = (r"conventions?|schemes?|programmes?|programs?|initiatives?|publications?|papers?|reports?|years?|"
               r"regions?|laws?|acts?|decrees?|bills?|codes?|regulations?|resolutions?|legislation|ordinances?|"
               r"projects?|task\s*forces?|strateg(?:y|ies)|funds|mutuals?|regimes?|platforms?|facilit(?:y|ies)")
_KIND = rf"(?:{_COUNTRY_KIND}|{_BODY_KIND}|{_THING_KIND})"
# A number word before an opening kind noun ("two funds ..."): how many are asked, not a figure.
_HOW_MANY = r"(?:two|three|four|five|six|both)"
# Words that already give a query its order: a question word, an auxiliary, an imperative.
_ORDERED = re.compile(r"\b(?:how|which|what|who|whom|whose|where|when|why|is|are|was|were|do|does|did|has|have|had|"
                      r"list|name|give|tell|show|identify)\b", re.I)
# A count or a ranking is read by the count and superlative rules; the noun last is then what is counted.
_COUNTING = re.compile(r"\b(?:number|count|tally|total|amount|share|percentage|proportion|most|fewest|least|"
                       r"largest|greatest|highest|smallest|lowest|longest|shortest|top|first|earliest|latest|last)\b", re.I)
# The asked noun last is not the object of a preposition ("donors to pathfinder countries").
_PREP_BEFORE = re.compile(r"\b(?:of|to|for|by|in|with|from|across|among|between|than|and|or)\s*$", re.I)
MIN_WORDS, MAX_WORDS = 3, 16

# "funders countries ratified c102 2023", "donors pathfinder countries africa": a body asked, then
# (after at most one modifier) the countries that describe it.
# Only a plural asks: a singular noun before another is its modifier ("partner countries", "funder countries").
_PLURAL_ASKED = (r"funders|donors|financiers|partners|organi[sz]ations|agencies|institutions|backers|sponsors|"
                 r"contributors|conventions|schemes|initiatives")
# ("financing partners americas countries": a funding word before the body is part of its name)
_BODY_THEN_COUNTRY = re.compile(rf"^\s*(?P<asked>(?:(?:financing|funding|financial)\s+)?(?:{_PLURAL_ASKED}))\s+"
                                rf"(?P<subject>(?:(?!(?:of|to|for|in|on|by|with|from|and|or|the|a|an|than|across|among)\b)[a-z][\w'’-]*\s+)?"
                                rf"(?:{_COUNTRY_KIND}))\b", re.I)
# "pathfinders asia funders", "priority countries africa donors": countries first, a funding body
# last; the body is asked, of those countries (a later body noun names what the query asks for).
_COUNTRY_THEN_FUNDERS = re.compile(rf"^\s*(?P<subject>(?:(?:pathfinder|priority|partner|member)\s+)?(?:countries|pathfinders|"
                                   rf"governments|member\s+states)(?:\s+(?!(?:of|for|by|to|with|that|which|not|without)\b)"
                                   rf"[a-z][\w'’-]*){{1,3}}?)\s+(?P<asked>funders|donors|financiers|backers|sponsors)\s*\??\s*$", re.I)
# "decree lao pdr adopt ...", "two funds nigeria operationalise ...", "task force ilo help ...":
# a kind noun (with how many) opening the query, followed by what qualifies it (not "of", "for" ...).
# Only nouns that never open a topic phrase: "strategy adopted results", "platform workers" are topics.
_OPENING_KIND = (r"laws?|acts?|decrees?|bills?|regulations?|resolutions?|legislation|ordinances?|projects?|"
                 r"task\s*forces?|funds|mutuals?")
_KIND_FIRST = re.compile(rf"^\s*(?:{_HOW_MANY}\s+)?(?:{_OPENING_KIND})\s+(?!(?:{_KIND}|of|for|with|in|on|that|which|"
                         rf"who|where|whose|without|not|never|no|and|or|entr(?:y|ies)|named|listed|mentioned)\b)[a-z]", re.I)
# "under project ilo support ...", "through two projects ...", "since year ...", "under updated government
# strategy zambia ...": an opening preposition whose "which" was dropped before the asked noun.
_PREP_KIND = re.compile(rf"^\s*(?P<prep>under|through|since|via)\s+(?P<np>(?!(?:the|a|an)\b)(?:{_HOW_MANY}\s+)?(?:[a-z][\w'’-]*\s+){{0,2}}?"
                        rf"(?:{_KIND}))\b(?P<rest>\s+\S.*)$", re.I)
# "with foundation ilo assess india's ... scheme", "with union confederation ilo organise 6th meeting ...",
# "with organisations ilo develop egypt policy papers ...": a partner asked after an opening "with" whose
# "which" was dropped.  Only bodies that act as partners (not countries: "with eu funding countries" describes them).
_WITH_BODY = _BODY_KIND + r"|foundations?|confederations?|federations?|unions?|networks?|banks?|funds|partnerships?"
_WITH_KIND = re.compile(rf"^\s*(?P<prep>(?:together\s+|jointly\s+|alongside\s+|in\s+partnership\s+)?with)\s+"
                        rf"(?P<np>(?!(?:the|a|an|which|what|whom)\b)(?:[a-z][\w'’-]*\s+){{0,2}}?(?:{_WITH_BODY}))\b"
                        rf"(?P<rest>\s+\S.*)$", re.I)
# "funded through ilo's regular budget countries", "financed through the mul funded by belgium and
# luxembourg countries ilo work": after an opening participle's phrase stands the asked noun (where a
# query opens on no participle, a noun last is often the topic's, "pension reform countries", and the
# analysis already reads it).
_PARTICIPLE_FIRST = re.compile(r"^\s*(?:funded|financed|supported|backed|paid|sponsored|ratified|covered|assisted)\b", re.I)
# "ireland funding recipients", "eu aid recipient countries": the countries that receive that money.
_RECIPIENTS_LAST = re.compile(r"^(?P<rest>.*\b(?:funding|financing|money|aid|donations?)\b.*?)\s+"
                              r"(?:recipients|(?:recipient|beneficiary)\s+countries)\s*\??\s*$", re.I)
# "rbsa contributor countries", "global accelerator donor governments": the countries that give to it
_GIVERS_LAST = re.compile(r"^(?P<rest>.*\S)\s+(?:donor|contributor|contributing|funder|funding|financier|donating)\s+"
                          r"(?:countries|governments|states)\s*\??\s*$", re.I)
# "lao pdr adopt 2024 change ... decree", "tajikistan maternity benefit costed against convention": a
# keyword query closing on the kind of named thing it asks for, after the words that describe it (a
# verb among them: with none, "kenya pension reform scheme" is a name or a topic).  Countries and bodies
# last are read by the analysis already ("pension reform countries", "malawi donors"), and so is a
# year ("employment injury convention adopted year").
_LAST_THING = (r"conventions?|recommendations?|instruments?|treat(?:y|ies)|decrees?|laws?|acts?|bills?|regulations?|"
               r"schemes?|programmes?|programs?|initiatives?|networks?|publications?|reports?|papers?|studies|study|"
               r"briefs?|projects?|strateg(?:y|ies)|polic(?:y|ies)|regions?|ministr(?:y|ies)|authorit(?:y|ies)|"
               r"agenc(?:y|ies)|institutions?|compan(?:y|ies)")
# ... unless a preposition governs it ("money given to atlantis programmes": the programmes are the recipient)
_PREP_NEAR = re.compile(r"\b(?:of|to|for|by|in|on|with|from|into|at|across|among|between|than|per)(?:\s+\S+)?\s*$", re.I)
# ("countries ilo refugees ... feasibility study": a query opening on countries or bodies asks for them)
_KIND_BEFORE = re.compile(rf"\b(?:{_KIND}|partner|funder|donor|member)\s*$", re.I)
_OPENS_ON_BODY = re.compile(rf"^\s*(?:\S+\s+)?(?:{_COUNTRY_KIND}|{_BODY_KIND})\b", re.I)
_THING_LAST = re.compile(rf"^(?P<rest>.*\S)\s+(?P<noun>{_LAST_THING})\s*\??\s*$", re.I)
_KIND_LAST = re.compile(rf"^(?P<rest>.*\S)\s+(?P<noun>{_COUNTRY_KIND}|{_BODY_KIND})\s*\??\s*$", re.I)
_PASSIVE_BY = re.compile(_PARTICIPLE_FIRST.pattern + r"\s+by\b", re.I)
_COUNTRIES_AFTER = re.compile(r"^(?P<before>.*?\S)\s+(?P<np>countries|funders|donors|partners|organi[sz]ations|pathfinders)"
                              r"(?P<after>(?:\s+\S.*)?)$", re.I)


# a noun phrase of asked things, then a relative clause with its own subject and no "that"
_CONTACT_CLAUSE = re.compile(rf"^\s*(?P<np>(?:[\w'’-]+\s+){{1,3}}?(?:countries|pathfinders|governments|member\s+states|"
                             rf"organi[sz]ations|partners|donors|funders|agencies))\s+(?P<rest>the\s+(?:[\w'’-]+\s+){{1,3}}?"
                             rf"(?:is|are|was|were|has|have|had|did|does|do|will|[a-z]+ed|[a-z]+s)\b.*)$", re.I)


def _short_keywords(query: str) -> bool:
    """A keyword query: a few words, no question word, auxiliary or imperative, no clause punctuation
    (a sentence's word order already means something and is left to the analysis)."""
    words = query.split()
    return MIN_WORDS <= len(words) <= MAX_WORDS and not _ORDERED.search(query) and not re.search(r"[,;:]", query)


def _names_country(text: str) -> bool:
    """Does the text name a country (or its people: "the Swiss")?"""
    from app.qa.names.demonyms import demonym_country
    from graph import countries

    words = re.findall(r"[A-Za-z]+", text)
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)) + 1))
    return any(countries.lookup(r) for r in runs) or any(demonym_country(w) for w in words)


def asked_noun_first(query: str) -> str:
    """The keyword query rewritten to open on its asked noun ("which countries funded through ...",
    "funders of countries ratified c102 2023", "which decree lao pdr adopt ...", "under which project
    ..."), or the query unchanged when it is not a keyword query or already opens that way."""
    q = query.strip()
    m = _BODY_THEN_COUNTRY.match(q)
    if m and MIN_WORDS <= len(q.split()) <= MAX_WORDS:  # the first noun is asked; the countries after it say whose
        the = "the " if re.match(r"(?:\S+\s+)?country\b", m.group("subject"), re.I) else ""  # one country: "the country where ..."
        return f"{m.group('asked')} of {the}{q[m.end('asked'):].strip()}"
    m = _CONTACT_CLAUSE.match(q)
    if m and not _ORDERED.search(m.group("np")) and not _COUNTING.search(q):
        # "Asia-Pacific countries the ILO is helping to assess ...": the asked noun, then a relative
        # clause without its "that" (the clause's own "is" is no question word)
        return f"which {m.group('np')} {m.group('rest')}"
    if not _short_keywords(query):
        return query
    m = _COUNTRY_THEN_FUNDERS.match(q)
    if m and not _COUNTING.search(q):
        return f"{m.group('asked')} of {m.group('subject')}"
    if _KIND_FIRST.match(q):
        return "which " + q
    m = _PREP_KIND.match(q)
    if m:
        return f"{m.group('prep')} which {m.group('np')}{m.group('rest')}"
    m = _WITH_KIND.match(q)
    if m and not re.search(rf"\b(?:{_COUNTRY_KIND})\b", m.group("rest"), re.I):  # "... countries outside africa": those asked
        return f"{m.group('prep')} which {m.group('np')}{m.group('rest')}"
    if _COUNTING.search(q):
        return query
    m = _RECIPIENTS_LAST.match(q)
    if m:
        return f"which countries receive {m.group('rest')}"
    m = _GIVERS_LAST.match(q)
    if m and not _names_country(m.group("rest")):  # ("australia donor countries": where Australia gives)
        return f"which countries contribute to {m.group('rest')}"
    m = _THING_LAST.match(q)
    if m and not _PREP_NEAR.search(m.group("rest")) and _says_verb(m.group("rest")) and not _OPENS_ON_BODY.match(q) \
            and not _KIND_BEFORE.search(m.group("rest")):  # ("netherlands funded country programmes": countries)  # "lao pdr adopt 2024 ... decree"
        return f"which {m.group('noun')} {m.group('rest')}"
    if _PASSIVE_BY.match(q):  # "funded by atlantis countries": the analysis reads a passive's agent as it is
        return query
    if _PARTICIPLE_FIRST.match(q):
        m = _COUNTRIES_AFTER.match(q)
        if m and not _PREP_BEFORE.search(m.group("before")):
            return f"which {m.group('np')} {m.group('before')}{m.group('after')}"
    return query


# "who financed ilo's work country where leaders trained ...", "who funded ilo country over 300 000
# people affiliated ...": the work done *in the country where* something happened, its preposition,
# article and relative word dropped.  Only after a noun of the work itself (or the report's author,
# the ILO, by its common acronym), where English never writes "country" bare.
_WORK_COUNTRY = re.compile(r"\b(?P<work>work|ilo|ilo['’]s|programmes?|support|activities|projects?|efforts)\s+country\s+"
                           r"(?P<where>where\s+)?(?!(?:whose|that|which|of|in|and|or|level|offices?|teams?|pages?|entr(?:y|ies)|work|programmes?|"
                           r"projects?|support|activities|results?|profiles?|strateg(?:y|ies)|case|cases)\b)"
                           # "country hit by the storm": a participle describes the country already
                           r"(?![a-z]+ed\b|[a-z]+\s+by\b)(?=[a-z0-9])", re.I)


def country_where(query: str) -> str:
    """"ilo's work country where X" / "ilo country X" -> "ilo's work in the country where X"; else unchanged."""
    return _WORK_COUNTRY.sub(lambda m: f"{m.group('work')} in the country where ", query, count=1)



# "jordanian ministry led pilot ...", "private company partnered with ilo ...", "international development
# partners worked with ...", "sources finance ilo's work nepal": a noun phrase whose head names a kind of thing
# (at most two modifiers before it, none a kind noun itself), then its verb: a relative clause whose "which" was dropped.  The
# head nouns are the ones the analysis reads after "which" (`question._HEAD`); the verb is a past
# form or a plain verb of doing after a plural head (ordinary English; an -ing word there is mostly a
# noun of a compound: "strategy costing partners").
_IRREGULAR_PAST = (r"led|paid|ran|met|held|won|made|took|gave|got|sent|set|put|built|began|became|brought|"
                   r"bought|chose|drew|found|grew|hit|kept|left|lent|read|saw|sold|spent|stood|taught|told|wrote|"
                   r"written|given|taken|chosen|drawn|grown|known|seen|shown|begun|become|run|won")
_PLAIN_VERBS = (r"fund|finance|pay|support|back|run|host|join|chair|lead|implement|publish|provide|partner|work|"
                r"cover|receive|get|have|help|give|offer|contribute|sponsor|bankroll|ratify|adopt|launch|sign|co-?fund")
_FUNCTION = (r"of|for|to|in|on|by|with|from|and|or|the|a|an|than|across|among|between|that|which|who|not|no|"
             r"without|per|about|as|at|into|is|are|was|were|besides|apart|except|excluding|other|than|beyond|outside|"
             r"unlike|like|not|only|all|any|every|each|both|either|neither")
_NP_VERB = re.compile(
    rf"^\s*(?:the\s+)?(?P<mods>(?:(?!(?:{_FUNCTION}|{_KIND}|polic(?:y|ies))\b)[a-z][\w'’-]*\s+){{0,2}}?)"
    rf"(?P<head>(?:{_COUNTRY_KIND}|{_BODY_KIND}|{_THING_KIND}|compan(?:y|ies)|firms?|sources?|networks?|partnerships?|"
    rf"working\s+groups?|coalitions?|authorit(?:y|ies)|trusts?|boards?))\s+"
    rf"(?P<verb>(?:[a-z][\w-]*ed|{_IRREGULAR_PAST}|{_PLAIN_VERBS}))\b(?!['’])", re.I)
# "countries financed donors ...", "countries funded by ...": a money participle after the kind is
# read as a passive by the analysis already ("which" would make the kind its agent).
_PASSIVE_READ = re.compile(r"^(?:funded|financed|paid|sponsored|backed|bankrolled|supported|assisted|covered|named|"
                           r"listed|mentioned|cited)$", re.I)
_BY_AFTER = re.compile(r"\s+(?:(?:only|solely|entirely|jointly|mainly|partly|wholly|exclusively)\s+)?by\b", re.I)
MAX_NP_VERB_WORDS = 24  # an opening kind noun with its verb marks a keyword query at any length
_NOT_VERB_ED = re.compile(r"^(?:need|feed|seed|speed|bed|red|shed|hundred|united|related|based|limited|selected|"
                          r"advanced|detailed|integrated|expanded|targeted|registered|specialized|specialised)$", re.I)


# Plain verbs that are rarely nouns in a keyword query ("adopt", not "work" or "support").
_VERB_ONLY = (r"adopt|ratify|launch|sign|join|implement|publish|introduce|approve|endorse|pass|enact|align|"
              r"establish|create|use|host|develop|validate|amend|replace|administer|manage|govern")
_VERB_WORD = re.compile(rf"(?<![\w-])(?:(?P<ed>[a-z]\w*ed)|{_IRREGULAR_PAST}|(?:{_VERB_ONLY})(?:s|es)?)\b(?!['’])", re.I)


def _says_verb(words: str) -> bool:
    """Whether the words hold a verb (a past form, or a plain verb that is rarely a noun)."""
    return any(not (m.group("ed") and _NOT_VERB_ED.match(m.group("ed"))) for m in _VERB_WORD.finditer(words))


def np_then_verb(query: str) -> bool:
    """Whether a keyword query opens on a kind of thing followed by its verb ("jordanian ministry led
    ...", "partners worked with ..."): the "which" before it was dropped."""
    words = query.split()
    if not MIN_WORDS <= len(words) <= MAX_NP_VERB_WORDS or _ORDERED.search(query) or re.search(r"[,;:]", query):
        return False
    m = _NP_VERB.match(query)
    if not m or _NOT_VERB_ED.match(m.group("verb")):
        return False
    if _PASSIVE_READ.match(m.group("verb")) and not (m.start("head") > len(query) - len(query.lstrip()) and
                                                     _BY_AFTER.match(query, m.end("verb"))):
        return False  # a passive is read as it is, unless modifiers stand before its kind and its "by" is said
    last = _THING_LAST.match(query) or _KIND_LAST.match(query)
    if last and last.group("noun").lower() != m.group("head").lower():
        return False  # "... law staggered entry into force country": the kind said last is asked
    plain = re.fullmatch(_PLAIN_VERBS, m.group("verb"), re.I)
    return not plain or m.group("head").lower().endswith("s")  # "countries fund ...", not "scheme cover"
