"""Question understanding: spelling, intent by meaning, and what the intent adds to the analysis.

The regex analysis of :mod:`app.qa.question` finds names, years, numbers and negation; the intent
matched by meaning (:mod:`app.qa.intent`) says what is asked — the answer type when the question
has no "which ..." head ("kenya funders"), the relation when it is phrased as a noun or an
adjective, and the operation (list, count, argmax, group-by, year).  Relations the hand-written
graph step does not know are answered by a generic registry template (:func:`generic_constraint`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from app.qa.bank import ANSWER_TYPE, TYPE_TOKEN
from app.qa.graphstep import AUTHOR_ORGS, SHARING, Constraint, _iri
from app.qa.intent import IntentGuess, delexicalise
from app.qa.bank import Intent
from app.qa.figures.numbers import counted_noun_last
from app.qa.form.end_nouns import asked_end, end_noun_type, role_head
from app.qa.figures.keyword_figures import asks_figure, closes_on_measure, opens_on_audience, opens_on_measure
from app.qa.form.passive_agent import agent_cut
from app.qa.names.region_scope import region_countries_asked
from app.qa.question import _HEAD, _INITIATIVE_HEAD, _PICK_FROM, QUESTION_WORDS, Analysis, asks_written_text, set_pronoun_type
from app.qa.form.spelling import Speller
from app.qa.form.query_tail import without_tail
from app.qa.form.question_sentence import last_asking
from app.qa.form.wording import asked_head, core_question
from graph.relations import REGISTRY
from app.qa.relation.context_names import partner_names

# Relations the hand-written graph step turns into constraints, and the analysis flag each needs.
RELATION_FLAGS = {"fundedBy": "fund", "ratified": "ratify", "pathfinderOf": "pathfinder", "memberOf": "members",
                  "coChairOf": "chair", "partneredWith": "partner", "supportedBy": "partner",
                  "priorityCountryOf": "priority", "achievedResult": "any_result"}
HANDWRITTEN = set(RELATION_FLAGS) | {"inRegion"}
MIN_RELATION_SHARE = 0.5  # share of the neighbours' vote a relation needs before it is used
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# "by region", "per region", "in each region": a grouping is asked (closed-class wording, like numbers).
BY_REGION = re.compile(r"\b(by|per|in each|for each|across|each)\s+(ilo\s+)?regions?\b", re.I)
_HEADED = re.compile(r"^\s*(who|when|where|how many|how much)\b|"
                     # a request names its head too: "list the pathfinder countries ... that Germany funds"
                     r"^\s*(?:please\s+)?(?:list|name|give|show)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?=countr|government|organi|funder|donor|partner)|"
                     r"\b(which|what)\s+(?:[\w-]+\s+){0,3}?(countr|government|"
                     r"organi|funder|donor|partner|publication|programme|scheme|system|convention|initiative|law|title|"
                     r"year|report|paper|pathfinder|member|agenc|institution|universit|institute|confederation|federation|ministr|firm|compan|"
                     r"multinational|corporation)", re.I)
_YEAR_WORDS = re.compile(r"\b(when|year|since when|date)\b", re.I)
SUPERLATIVE = re.compile(r"\b(the most|most often|most frequently|the fewest|fewest|the least)\b", re.I)
# "at least one benefit", "at most two": a bar, not a ranking
_RANKING = re.compile(r"\b(?<!\bat )(most|fewest|least|largest|highest|biggest|greatest|lowest|smallest|top)\b", re.I)
_GROUPING = re.compile(r"\b(by|per|each|every|breakdown|broken down|grouped)\b", re.I)
_WHOSE_OPENS = re.compile(r"\s*whose\b", re.I)
_ASKING = re.compile(r"\b(which|what|who|whom|where|when|how|list|name|give|tell|identify|is|are|does|did)\b", re.I)
# Sums a time unit can follow as their rate, the "per" dropped ("allowance amount month"): ordinary English.
_AFTER_NO_SUM = "".join(rf"(?<!\b{w} )" for w in ("amount", "amounts", "sum", "payment", "payments", "value", "rate", "cost"))
# The thing a keyword query asks for is its last type noun ("swiss funded countries", "india funders").
_HEAD_NOUNS = [(re.compile(r"\b(countr(y|ies)|governments?|member states?|nations?|pathfinders?)\b", re.I), "Country"),
               (re.compile(r"\b(funders?|donors?|financiers?|organi[sz]ations?|agenc(y|ies)|partners?|compan(y|ies)|firms?|"
                           r"institutions?|sponsors?|"
                           # kinds of social security body ("sierra leone social security trust")
                           r"trusts?|boards?|bureaus?|authorit(?:y|ies)|institutes?|corporations?|"
                           # "tajikistan development banks": a kind of body (not a place: "the West Bank")
                           r"(?:development|multilateral|regional|investment|central)\s+banks?)\b", re.I), "Organization"),
               # the kinds of benefit a scheme is (general social-protection vocabulary)
               # ("german-financed country programmes": the ILO's work in countries, so the countries)
               (re.compile(r"\b(schemes?|(?<!\bcountry )(?:programmes?|programs?)|benefits?|pensions?|grants?|allowances?)\b",
                           re.I),
                "Scheme"),
               # ILO instruments: conventions and recommendations alike ("togo recommendation"); the
               # plural is mostly advice ("spending recommendations"), not instruments
               (re.compile(r"\b(conventions?|recommendation)\b", re.I), "Convention"),
               (re.compile(r"\b(initiatives?|networks?|partnerships?|alliances?|coalitions?|working groups?)\b", re.I),
                "Initiative"),
               (re.compile(r"\b(publications?|papers?|reports?|stud(?:y|ies)|guides?|titles?|bulletins?|toolkits?|handbooks?|playbooks?|briefs?|"
                           r"guidance notes?)\b", re.I), "Publication"),
               # "cambodia pathfinder join date": a date asked is its year ("to date" is no date)
               # ("per year", "each year", "a 10-year period": a rate or a span, no year asked)
               # ("... publication month": a date, asked as its year like "month and year")
               # ("allowance amount month", "payment year": a time unit straight after a sum is its rate)
               (re.compile(r"\b((?<!\bper )(?<!\ba )(?<!\beach )(?<!\bevery )(?<!-)" + _AFTER_NO_SUM +
                           r"(?:year|month)(?!-)|when|(?<!\bto )(?<!\bup-to-)date)\b", re.I), "Year"),
               (re.compile(r"\b(how many|how much|number|amount|total|count|share|percentage|per ?cent|proportion|gap|sum|"
                           r"rate|ratio|average|mean|median|target|ambitions?|required|requirements?|estimated|"
                           r"(?<!old[- ])(?<!old-)age)\b", re.I),
                "Number")]


_YEAR_HEAD = next(rx for rx, t in _HEAD_NOUNS if t == "Year")


@dataclass
class Understanding:
    """What the intent contributed, for the path and for the aggregates."""

    guess: IntentGuess | None
    corrected: str
    corrections: list[str]
    op: str = "list"
    relation: str | None = None
    direction: str | None = None
    vector: object = None  # the question's one embedding (delexicalised), reused by the text step
    role: tuple[str, str, str] | None = None  # the end a registry role noun asks for (app.qa.form.end_nouns)


_EXCLUDING_WORDS = """except excepting excluding excluded exclude besides apart aside other than without outside beyond
leaving setting putting ignoring ignore omitting omit disregarding barring not none neither nor minus"""


def speller_for(knowledge, lexicon, bank_texts: list[str]) -> Speller:
    """Known words: the report's words (by frequency), every name the graph knows, the bank's words."""
    counts: Counter = Counter()
    bigrams: Counter = Counter()
    common: set[str] = set()  # words the report also writes in lower case: common words, not names
    for p in knowledge.passages.values():
        raw = _TOKEN.findall(p.text)
        common.update(w for w in raw if w.islower())
        words = [w.lower() for w in raw]
        counts.update(words)
        bigrams.update(zip(words, words[1:]))
    rare_contexts = _rare_contexts(knowledge, counts)
    for name in lexicon.names:
        counts.update(name)
    # Words of questions (bank, question words, relation phrases) are common by construction.
    asking = {w.lower() for t in bank_texts for w in _TOKEN.findall(t)} | set(QUESTION_WORDS)
    for t in bank_texts:  # the bank's word pairs are how questions are worded ("how many countries")
        words = [w.lower() for w in _TOKEN.findall(t)]
        bigrams.update(zip(words, words[1:]))
    asking |= {w.lower() for r in REGISTRY for kw in (*r.keywords, r.label, r.inverse_label) for w in _TOKEN.findall(kw)}
    # Ranking and comparison words, which a report may never use but questions do ("higest" -> highest).
    asking |= {w.lower() for w in _TOKEN.findall(_RANKING.pattern + " earliest latest recent first last total "
                                                                      "percentage proportion share") if len(w) > 2}
    # Words that set something aside or negate ("exept the arab states" -> except), which a report
    # may never write but questions do: a typo of one must not be left to read as a topic.
    asking |= set(_EXCLUDING_WORDS.split())
    # Counting and classifying words questions use whether or not the bank does (general English).
    asking |= set(_AGGREGATE_WORDS)
    # The singular of each plural asking word: "funder" is read as surely as the bank's "funders".
    asking |= {w[:-1] for w in asking if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is"))}
    for w in asking:
        counts[w] += 100
    # A short name's words are proper names ("fincaed" is not Finland), unless the report writes the
    # word in lower case too: "reccomendation" is recommendation although "Recommendation No. 202" is a name.
    return Speller(counts, {t for name in lexicon.names for t in name if len(name) <= 3 and t not in common}, asking=asking,
                   common_english=True, bigrams=bigrams, rare_contexts=rare_contexts)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CONTEXT_MAX = 300  # a word the report writes more often than this says nothing about a sentence


def _rare_contexts(knowledge, counts: Counter) -> dict[str, frozenset[str]]:
    """Each real English word the report writes at most twice -> the less common words (four letters
    or more) of the sentences it is written in: whether a question means the report's rare word
    ("Kisumu and Mombasa counties") or typed it for a commoner one ("which counties ratified")."""
    from app.qa.form.spelling import RARE, english_words

    english = english_words()
    rare = {w for w, n in counts.items() if n <= RARE and w in english and len(w) >= 4}
    out: dict[str, set[str]] = {}
    for p in knowledge.passages.values():
        for sent in _SENTENCE_END.split(p.text):
            words = {w.lower() for w in _TOKEN.findall(sent)}
            for w in words & rare:
                out.setdefault(w, set()).update(x for x in words if x != w and len(x) >= 4 and counts[x] <= _CONTEXT_MAX)
    return {w: frozenset(ctx) for w, ctx in out.items()}


_AGGREGATE_WORDS = "count number tally total kinds types categories exactly longest shortest donor backer financer table".split()


def delexicalised(a: Analysis) -> str:
    """The question with linked names as type tokens; the report's author stays 'the ILO' (it is
    context in "the ILO's work in Kenya", not the thing asked about)."""
    links = [(l.start, l.end, l.type) for l in a.links if not (set(l.ids) & AUTHOR_ORGS)
             and not (l.type == "Country" and _PEOPLE_AFTER.match(a.question, l.end))]
    return delexicalise(a.question, links)


# A demonym standing for people ("Nepalese working abroad", "Filipinos who ..."): the people are
# the topic, not a place to abstract into a type token
_PEOPLE_AFTER = re.compile(r"\s+(?:working|living|employed|residing|abroad|overseas|who|that\s+work)\b", re.I)


# "number of pathfinder countries" closing a keyword query: the last type noun is what is counted
_COUNT_OF_TAIL = re.compile(r"\b(?:(?:number|count|tally)\s+of|(?<!\bin\s)total)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*\??\s*$",
                            re.I)  # "... total pathfinder countries" too

# A keyword query closing on a count word asks for the count of what it names before.
_CLOSING_COUNT = re.compile(r"\b(?:count|tally|how many)\s*\??\s*$", re.I)


_KIND_ASKED = re.compile(r"\b(?:what|which)\s+(?:types?|kinds?|sorts?|categor(?:y|ies))\s+of\b", re.I)


def apply_intent(a: Analysis, guess: IntentGuess) -> Understanding:
    """Fill in what the regex analysis left open, from the intent."""
    u = Understanding(guess, a.question, [])
    # A keyword query names what it wants last: a query ending on a type noun ("timor leste
    # comparative report ... focus convention") asks for that type, whatever type noun comes earlier.
    # A type read from a naming word ("named", "called") is a wh-question's cue; a keyword query's
    # type noun says more ("lao pdr funders named financial support": the funders are asked).
    head = _keyword_head(a) if not _ASKING.search(a.question) and (
        a.answer_type == "Text" or _opens_on_head(a) or _ends_on_head(a) or opening_head(a.question)
        or (a.answer_type == "Scheme" and _NAMING.search(a.question))) else None
    # "... co-organisers": bodies; "iraq pension policy paper co-authors": the end noun said last asks,
    # not the type noun of the thing it belongs to
    # ("african countries with exactly two funders": countries asked, a count of their funders the condition)
    # (a noun inside a linked name is the name's, not an end noun the asker says: "year jordan ratify
    # social security minimum standards convention" asks the year, not a convention)
    end = end_noun_type(_names_blanked(a)) if a.answer_type not in ("Number", "Year", "Country") and head != "Country" else None
    head = end or head
    opening = _relative_head(a)
    _apply(a, guess, u)
    # "joint sdg fund recipients": a relation's own end noun after a thing of its other end asks
    # for that end, not how many people (app.qa.form.end_nouns)
    role = asked_end(a.question, [i.split(":", 1)[0] for l in a.links for i in l.ids if i not in AUTHOR_ORGS])
    counted_last = not role and not _ASKING.search(a.question) and counted_noun_last(a.question) and not _ends_on_head(a)
    if role:  # the relation the end noun names is the one asked, as its own keyword would say
        u.role = role
        # "usp2030 climate working group co-chair": the co-chair, not the group; "irish grant
        # recipients": a type noun just before the role noun modifies it
        held = role_head(head, role)
        head = role[0] if held == head and head not in (None, "Number", "Year") and _head_modifies_last(a) else held
        flag = RELATION_FLAGS.get(role[1])
        if flag:
            setattr(a, flag, True)
        u.relation, u.direction = role[1], role[2]
    if head and a.answer_type == "Number" and _COUNT_OF_TAIL.search(a.question):
        head = None  # "... first funding round number of pathfinder countries": the type noun is counted
    spans = [(l.start, l.end) for l in a.links]
    if not role and (closes_on_measure(a.question, spans) or opens_on_measure(a.question) or opens_on_audience(a.question, spans)):
        a.answer_type = "Number"  # "malawi older persons grant reach": the grant's reach, not the grant
    elif head and not (counted_last and _head_modifies_last(a)):  # "morocco c102 ratification year"
        a.answer_type = head
    elif counted_last or not role and asks_figure(a.question, [(l.start, l.end) for l in a.links]):
        a.answer_type = "Number"  # "newsletter subscribers", "attendees ... meeting", "... project budget"
    if opening:  # "asian priority countries that did not get any result": the countries are asked
        a.answer_type = opening
    from app.qa.relation.open_slot import who_is_domain

    a.answer_type = who_is_domain(a, _keyword_support) or a.answer_type  # "who ratified 102": countries
    if _CLOSING_COUNT.search(a.question):
        a.answer_type = "Number"  # "europe and central asia countries with any result 2024 count": the count is asked
    if a.answer_type == "Text":
        found = _type_from_relation_words(a)
        if found:
            a.answer_type, rel, direction = found
            flag = RELATION_FLAGS.get(rel)
            if flag:
                setattr(a, flag, True)
            if not u.relation:
                u.relation, u.direction = rel, direction
    if not _ASKING.search(a.question) and region_countries_asked(
            bool(a.regions), head is not None or opening is not None, u.relation, u.direction, a.answer_type):
        a.answer_type = "Country"  # "eu funded arab states": a region holds countries (app.qa.names.region_scope)
    from app.qa.relation.worded_relations import switch_on

    a.keyword_only |= set(switch_on(a, u, {r: f for r, f in RELATION_FLAGS.items() if r in REGISTRY}, _keyword_support))
    if asks_written_text(a.question):
        # "which Indian state ...", "which groups were brought in ...": places or people the sentences
        # write, whatever the bank's nearest intent
        a.answer_type = "Text"
    return u


def _names_collapsed(a: Analysis) -> str:
    """The question with each linked name one word: a long name does not hide its head noun."""
    q = a.question
    for l in sorted(a.links, key=lambda l: -l.start):
        q = q[:l.start] + "X" + q[l.end:]
    return q


def _asked_end(a: Analysis, relation: str) -> tuple[str, str, str] | None:
    """(answer type, relation, direction) when exactly one end of the relation is named: the
    question asks for the other end.  The report's author is never the named end."""
    r = REGISTRY.get(relation)
    if r is None:
        return None

    def named(types) -> bool:
        return any(i not in AUTHOR_ORGS for i in a.linked(*types))

    if r.domain == r.range:
        return None
    if named(r.domain) and not named(r.range):
        t, direction = r.range[0], "object"
    elif named(r.range) and not named(r.domain):
        t, direction = r.domain[0], "subject"
    else:
        return None
    return ANSWER_TYPE.get(t, t), r.name, direction


def _flagged_end(a: Analysis) -> str | None:
    """The type of the unnamed end of the one relation the analysis's own cue words ("ratify"),
    when its ends are no agents (an agent named beside "fund" may be either end)."""
    ends = set()
    for rel, flag in RELATION_FLAGS.items():
        r = REGISTRY.get(rel)
        if r is None or not getattr(a, flag, False) or "Organization" in r.range or not _keyword_support(a, rel):
            continue
        end = _asked_end(a, rel)
        if end:
            ends.add(end[0])
    return ends.pop() if len(ends) == 1 else None


def _type_from_relation_words(a: Analysis) -> tuple[str, str, str] | None:
    """No head and no confident intent: a relation worded in the question with one end named
    asks for the other end ("where the money for Tajikistan comes from, the funding sources")."""
    for r in REGISTRY:
        if _keyword_support(a, r.name):
            found = _asked_end(a, r.name)
            if found:
                return found
    return None


# A governments head coordinated with another kind of body ("governments or funds", "governments and/or agencies").
_GOVERNMENTS_OR = re.compile(r"\s*(?:,|and|or|and/or|as well as)\s+(?:other\s+)?[a-z]", re.I)

# "What envelope did ...", "which amount ...": the question names the thing asked, and it is no time.
_WHAT_THING = re.compile(r"^\s*(?:what|which)\s+(?!year|date|time|month|day|period)[a-z]+\b(?!\s+(?:year|date))", re.I)


def _own_head(a: Analysis) -> bool:
    """Does the question head its ask with a noun of its own that no type knows ("which typhoon did
    the plan address")?  Then a topic guess's type (the countries its nearest questions asked for)
    is not what is asked; the span step reads the name the noun heads."""
    from app.qa.topics.spans import headed_ask

    return headed_ask(a.question, [(l.start, l.end) for l in a.links]) is not None


def _apply(a: Analysis, guess: IntentGuess, u: Understanding) -> None:
    it = guess.intent
    if it.op == "text":
        year_unasked = it.answer == "Year" and not _YEAR_HEAD.search(a.question)  # "... increase per year": a rate
        if a.answer_type == "Text" and not _ASKING.search(a.question) and not a.links:
            # "gig workers social protection", "health insurance for cocoa farmers": a keyword topic with
            # nothing named and no word for what is asked.  The bank's topic questions differ only by
            # their asking frame ("which countries ...", "how many people ..."), which such a query lacks,
            # so their vote is noise; a topic alone asks where the report tells of it (a head noun, a
            # measure word or a figure word still types it below).
            a.answer_type = "Country"
        elif a.answer_type == "Text" and guess.confidence >= 0.3 and not year_unasked and not _own_head(a):
            a.answer_type = ANSWER_TYPE.get(it.answer, it.answer)
        u.op = "text"
        return
    rel_share = worded_share(a, guess, it.relation)
    headed = bool(_HEADED.search(core_question(a.question)) or asked_head(a.question)
                  or _INITIATIVE_HEAD.search(core_question(a.question))
                  or _PICK_FROM.search(a.question)  # "among the X countries ..., which one": headed before
                  or _HEADED.search(core_question(_names_collapsed(a)))  # "which of the Arab States countries"
                  or set_pronoun_type(a.question)  # "looking at the pathfinders ..., which of them"
                  or _WHOSE_OPENS.match(a.question))  # "whose work is financed by X": the possessor, typed by the analysis
    if a.answer_type not in ("Text", "Number", "Year") and it.op == "list" and not headed and rel_share >= 0.6 \
            and guess.confidence >= 0.4 and _keyword_support(a, it.relation):
        a.answer_type = "Text"  # no "which <noun>" head: the relation's asked end decides the type
    asked = _asked_end(a, it.relation) if _keyword_support(a, it.relation) else None
    head = _HEAD.search(a.question)
    if asked and asked[0] == "Organization" and a.answer_type == "Country" and head \
            and head.group(1).lower().startswith("government") and _GOVERNMENTS_OR.match(a.question, head.end(1)):
        # "which governments or funds provide the financing behind ...": bodies of either kind; plain
        # "which governments pledged funds to X" asks for the countries whose governments fund X
        a.answer_type = "Organization"
    if a.answer_type == "Text" and not (asked and rel_share >= MIN_RELATION_SHARE):
        flagged = _flagged_end(a)  # "what did the Togolese government ratify": the analysis's own cue
        if flagged:
            a.answer_type = flagged
    if a.answer_type == "Text":
        if it.op == "count" and guess.share(op="count") >= 0.5 and not _KIND_ASKED.search(a.question):
            a.answer_type = "Number"  # (not "what type of result did X get": a kind is asked, not how many)
        elif it.op == "year" and (not a.years or _YEAR_WORDS.search(a.question)) and \
                (_YEAR_WORDS.search(a.question) or not _WHAT_THING.search(a.question)):
            a.answer_type = "Year"  # a year written in a keyword query qualifies it, it is not asked
        elif asked and rel_share >= MIN_RELATION_SHARE:
            a.answer_type = asked[0]  # the end of the relation the question does not name
        elif (guess.confidence >= 0.3 or rel_share >= MIN_RELATION_SHARE) and not (
                ANSWER_TYPE.get(it.answer, it.answer) == "Year" and a.years and not _YEAR_WORDS.search(a.question)):
            # (a year the question writes, with no "when"/"year", qualifies it: "what did X ratify
            # in 2022" asks for the instrument; the relation's asked end decides that below)
            a.answer_type = ANSWER_TYPE.get(it.answer, it.answer)
    if rel_share >= MIN_RELATION_SHARE:
        u.relation, u.direction = it.relation, (asked[2] if asked and it.op == "list" else it.direction)
        flag = RELATION_FLAGS.get(it.relation)
        if flag and not getattr(a, flag) and _keyword_support(a, it.relation):
            setattr(a, flag, True)
    op_share = guess.share(op=it.op)
    if it.op == "groupby" and op_share >= 0.5 and _GROUPING.search(last_asking(a.question)) \
            and not (a.regions and a.answer_type != "Number") or \
            it.op in ("argmax", "argmin") and op_share >= 0.5 and _RANKING.search(a.question):
        # a ranking needs a ranking word, a grouping a grouping word: meaning alone is not enough
        # (and a named region filters rather than groups)
        u.op = it.op
    sup = SUPERLATIVE.search(a.question)
    if sup and u.op not in ("argmax", "argmin") and a.answer_type not in ("Number", "Year"):
        # "which funder appears most often", "which country's line names the most funders": rank the
        # answers by how many statements of the worded relation they have.
        rel = u.relation if u.relation and _keyword_support(a, u.relation) else next(
            (r.name for r in REGISTRY if _keyword_support(a, r.name) and r.name != "inRegion"), None)
        direction = _counted_direction(a, rel, sup.end()) or _end_of_type(rel, a.answer_type) if rel else None
        if direction:
            u.op = "argmin" if sup.group(0).lower().removeprefix("the ").startswith(("fewest", "least")) else "argmax"
            u.relation, u.direction = rel, direction
    if BY_REGION.search(last_asking(a.question)):
        u.op = "groupby"
        if not u.relation or u.relation == "inRegion":
            u.relation = next((r.name for r in REGISTRY if r.name != "inRegion" and "Country" in r.domain
                               and _keyword_support(a, r.name)), None)
            u.direction = "subject"
    elif it.op == "count" and a.answer_type == "Number":
        u.op = "count"
    return u


WORDED_MIN_SHARE = 0.3  # a relation the question words (and no rival does) needs this much of the vote


def worded_share(a: Analysis, guess: IntentGuess, relation: str) -> float:
    """The neighbours' share for the relation, raised to the bar when the question words it with a
    registry phrase and no other relation among the neighbours is worded.  A long question's
    incidental words ("the ILO's work") pull the nearest templates towards another relation ("work
    with"); the relation's own words, in any order, settle it."""
    share = guess.share(relation=relation)
    if share >= MIN_RELATION_SHARE or share < WORDED_MIN_SHARE or not relation or \
            not _keyword_support(a, relation, labels=False):
        return share
    rivals = {Intent.from_key(k).relation for _, k, _ in guess.neighbours} - {relation, None}
    if any(_keyword_support(a, r, labels=False) for r in rivals):
        return share
    return MIN_RELATION_SHARE


def _counted_direction(a: Analysis, relation: str, pos: int) -> str | None:
    """'funds the most countries': the noun after the superlative is the counted end, so the
    answer is the other end."""
    r = REGISTRY.get(relation)
    m = re.match(r"\s+([\w-]+)", a.question[pos:])
    if r is None or m is None:
        return None
    counted = next((t for rx, t in _HEAD_NOUNS if rx.fullmatch(m.group(1))), None)
    want = {"Convention": "LegalInstrument"}.get(a.answer_type, a.answer_type)
    if counted in r.domain and want in r.range:
        return "object"
    if counted in r.range and want in r.domain:
        return "subject"
    return None


def _end_of_type(relation: str, answer_type: str) -> str | None:
    """Which end of the relation holds things of the asked type: "subject", "object" or None."""
    r = REGISTRY.get(relation)
    if r is None:
        return None
    want = {"Convention": "LegalInstrument"}.get(answer_type, answer_type)
    if want in r.domain and want not in r.range:
        return "subject"
    if want in r.range:  # the range is the narrower end ("which funder ... most often")
        return "object"
    return None


def _head_modifies_last(a: Analysis) -> bool:
    """Is the type noun before the query's last word its modifier ("allowance recipients",
    "programme beneficiaries"): the last word is what is asked, not the type noun."""
    m = re.search(r"([A-Za-z]+)\s+[A-Za-z]+\W*$", without_tail(a.question))
    return bool(m) and any(rx.fullmatch(m.group(1)) for rx, _ in _HEAD_NOUNS)


def _ends_on_head(a: Analysis) -> bool:
    """Does a keyword query end on a type noun ("... focus convention", "... launch year"), a
    trailing date aside ("... working paper april 2024")?"""
    m = re.search(r"([A-Za-z]+)\W*$", without_tail(a.question))
    if m and re.search(r"\b(?:number|count|tally|total)\s+of\s+(?:the\s+)?$|\bhow many\s+$", a.question[:m.start()], re.I):
        return False  # "... number of countries": the count is asked, not the countries
    return bool(m) and not any(l.end >= m.start() for l in a.links) and \
        any(rx.fullmatch(m.group(1)) for rx, _ in _HEAD_NOUNS)


_RELATIVE = re.compile(r"^\W*((?:[\w'’-]+\s+){0,4}?)([A-Za-z]+)\s+(?:that|who|whose|where|without|with no|not)\b", re.I)


_COUNT_OPENS = re.compile(r"\s*(?:the\s+)?(?:total\s+)?(?:number|count|tally)\s+of\b", re.I)


def _relative_head(a: Analysis) -> str | None:
    """The type a query asks for when it opens on a noun phrase and a relative clause ("asian
    priority countries that did not get any result", "donors that fund ..."): the clause's "did"
    or "are" makes it look like a question, yet no question word comes before the head noun."""
    m = _RELATIVE.match(a.question)
    if m and _COUNT_OPENS.match(a.question):
        return None  # "Number of Flagship countries whose financing line ...": their count is asked
    if not m or re.search(r"\b(?:which|what|who|whom|how|when|where)\b", a.question[m.end():], re.I) \
            or _ASKING.search(m.group(1)) or re.search(r"\b(?:in|of|for|from|by|to)\s*$", m.group(1), re.I):
        return None
    # "funders europe central asia countries that adopted ...": the clause qualifies the countries,
    # the query opens on what it asks
    return opening_head(a.question) or next((t for rx, t in _HEAD_NOUNS[:2] if rx.fullmatch(m.group(2))), None)


def _opens_on_head(a: Analysis) -> bool:
    """Does a keyword query open on a type noun followed by "of" ("donors of ... countries")?"""
    m = re.match(r"\s*(?:the\s+)?([A-Za-z]+)" + _OF_AFTER.pattern, a.question, re.I)
    return bool(m) and any(rx.fullmatch(m.group(1)) for rx, _ in _HEAD_NOUNS)


_NAMING = re.compile(r"\b(called|named)\b", re.I)
_OF_AFTER = re.compile(r"\s+(?:of|for|behind|with|having)\b", re.I)


def _names_an_end(word: str, type_: str) -> bool:
    """Is ``type_`` an end of a relation the registry says with ``word`` (a one-word keyword, by stem)?"""
    from app.qa.units import stem

    want = {"Convention": "LegalInstrument"}.get(type_, type_)
    w = stem(word.lower())
    return any(want in (*r.domain, *r.range) for r in REGISTRY
               if any(" " not in k and stem(k.lower()) == w for k in r.keywords))


def _names_blanked(a: Analysis) -> str:
    """The question with each linked name's span blanked (its nouns are the name's, not the asker's)."""
    blank = a.question
    for l in a.links:
        blank = blank[:l.start] + " " * (l.end - l.start) + blank[l.end:]
    return blank


def _keyword_head(a: Analysis) -> str | None:
    from app.qa.figures.numbers import relation_noun
    from app.qa.question import RESULT_TYPES

    last = re.search(r"([A-Za-z][\w-]*)\W*$", without_tail(a.question))
    before = [t for rx, t in _HEAD_NOUNS if t not in ("Number", "Year")
              and re.search(rx.pattern + r"\s*$", a.question[:last.start()], re.I)] if last else []
    if last and before and relation_noun(last.group(1)) and not any(rx.fullmatch(last.group(1)) for rx, _ in _HEAD_NOUNS) \
            and (last.group(1).endswith("s") or _names_an_end(last.group(1), before[0])):
        # "... working group co-chairs", "... network members": the type noun modifies the
        # relation's noun; so it does before a singular one when the type is an end of that
        # noun's relation ("burundi programme financing": a programme is financed, its funders
        # are asked), not when it is not ("malawi pension law": the law is no pension's end)
        return None

    blank = _names_blanked(a)
    # "eu funded countries scheme reform 2024": a kind of result qualifies the countries; its
    # "scheme" is not the thing asked
    for rx in RESULT_TYPES.values():
        blank = rx.sub(lambda m: " " * len(m.group(0)), blank)
    blank = blank[:len(without_tail(a.question))]  # "... members named in report": the report is no head
    best, pos = None, -1
    first, first_pos = None, len(blank)
    kinds: list[tuple[int, int, str]] = []
    # "pathfinder countries financed by rbsa donors": the nouns of the agent are no head
    cut = agent_cut(blank, [rx for rx, t in _HEAD_NOUNS if t not in ("Number", "Year")])
    for rx, t in _HEAD_NOUNS:
        for m in rx.finditer(blank):
            if cut is not None and m.start() > cut and t not in ("Number", "Year"):
                continue
            if m.start() > pos:
                best, pos = t, m.start()
            if m.start() < first_pos and _OF_AFTER.match(blank, m.end()):
                first, first_pos = t, m.start()
            if t not in ("Number", "Year"):
                kinds.append((m.start(), m.end(), t))
    # "donors of the Arab States countries that ...": the query opens on what it asks, of the rest
    # ("financing partners of ...": a funding word before the body is part of its name)
    if first is not None and not re.sub(r"\b(?:financing|funding|financial)\s*$", "", blank[:first_pos], flags=re.I).strip():
        return first
    return opening_head(a.question) or ranked_head(blank, kinds) or best


# A ranking or comparison between two kind nouns: "arab states country largest number financing
# partners", "asian countries more donors than cambodia": the first kind is ranked (asked), the
# second counted, as in "which country has the most partners".
_RANKED_BY = re.compile(r"\b(most|fewest|least|largest|smallest|highest|lowest|longest|shortest|greatest|biggest|"
                        r"more|fewer|less|only\s+one|just\s+one|single|one)\b", re.I)


def ranked_head(blank: str, kinds: list[tuple[int, int, str]]) -> str | None:
    """The type of the kind noun ranked by the query's last kind noun, if a ranking word stands
    between them; else None."""
    kinds = sorted(kinds)
    if len(kinds) < 2:
        return None
    (_, prev_end, prev_type), (last_start, _, last_type) = kinds[-2], kinds[-1]
    if prev_type != last_type and _RANKED_BY.search(blank[prev_end:last_start]):
        return prev_type
    return None


# A plural type noun (or "country") a keyword query opens on ("countries france finance", "funders
# europe central asia countries that adopted a strategy"): the "which" dropped from its front.
_OPENING = re.compile(r"^\W*(?:the\s+|all\s+)?(countries|country|governments|funders|donors|financiers|partners|"
                      r"organi[sz]ations|agencies|schemes|programmes|programs|publications|papers|reports|studies|"
                      r"conventions|initiatives|networks|partnerships)\s+(\S+)", re.I)
MIN_OPENING_WORDS = 3  # "countries portugal": too short to tell the opening noun from a modifier


def opening_head(question: str) -> str | None:
    """The type a keyword query asks for when it opens on a type noun followed by the rest of the
    query, not by another type noun it would modify ("partner countries", "programme countries")."""
    m = _OPENING.match(question)
    if not m or len(question.split()) < MIN_OPENING_WORDS or \
            any(rx.fullmatch(m.group(2).strip("?,.")) for rx, _ in _HEAD_NOUNS[:-2]):
        return None
    return next((t for rx, t in _HEAD_NOUNS if rx.fullmatch(m.group(1))), None)


_GOVERNMENT_AFTER = re.compile(r"\s+(?:government|authorities)\b", re.I)
_GOVERNMENT_BEFORE = re.compile(r"\b(?:government|authorities)\s+of\s+(?:the\s+)?$", re.I)


def _keyword_support(a: Analysis, relation: str, labels: bool = True) -> bool:
    """A relation switched on by meaning alone must still be worded somewhere in the question
    (a keyword of the registry, by stem), so a topical question is not turned into a relation.
    Without ``labels`` only the declared keywords count (a label such as "in country" is worded
    by almost any question)."""
    r = REGISTRY.get(relation)
    if r is None:
        return False
    from app.qa.units import stem

    blank = a.question  # a name is no relation word ("International Monetary Fund" does not fund)
    for l in sorted(a.links, key=lambda l: -l.start):
        start, end = l.start, l.end
        if l.type == "Country":  # "the Togolese government", "the government of Togo": the country acting
            after = _GOVERNMENT_AFTER.match(blank, end)
            before = _GOVERNMENT_BEFORE.search(blank[:start])
            end = after.end() if after else end
            start = before.start() if before else start
        blank = blank[:start] + " " * (end - start) + blank[end:]
    from app.qa.relation.fund_nouns import blank_fund_nouns, blank_non_funders_funds

    blank = blank_fund_nouns(blank, a.fund_modifiers)  # "nigeria health funds": a noun, not the verb
    blank = blank_non_funders_funds(blank, a.links)  # "nigeria funds ...": Nigeria funds no one
    words = {stem(w.lower()) for w in _TOKEN.findall(blank)}
    for kw in (*r.keywords, *((r.label, r.inverse_label) if labels else ())):
        toks = [stem(w.lower()) for w in _TOKEN.findall(kw)]
        if toks and all(t in words for t in toks):
            return True
    return False


def generic_constraint(a: Analysis, u: Understanding, knowledge, any_object: bool = False) -> Constraint | None:
    """A registry relation the hand-written graph step does not cover: ``?answer fg:rel <named>``
    or ``<named> fg:rel ?answer``, with the named end taken from the linked entities.  With
    ``any_object``, an unnamed object is allowed (for a caller that filters the subjects further)."""
    if not u.relation or u.relation in HANDWRITTEN:
        return None
    r = REGISTRY.get(u.relation)
    if r is None or not _keyword_support(a, u.relation):
        return None  # a relation matched by meaning alone must be worded in the question
    # "which recommendation, together with C102, anchors the Flagship": a name of the asked type
    # set against the answer is context, not an end of the relation (guidedBy has instruments at
    # both ends, and the first linked name won), when another name can be that end.
    beside = partner_names(a)
    subjects = [i for i in a.linked(*r.domain) if i not in AUTHOR_ORGS]
    direction = u.direction
    if direction == "subject" and a.linked(*r.range) and set(a.linked(*r.range)) <= beside and \
            [i for i in subjects if i not in beside]:
        direction = "object"  # "which recommendation alongside c102 guides sierra leone's work"
    if direction == "subject":
        named = [i for i in a.linked(*r.range) if i not in AUTHOR_ORGS]
        if not named:
            # "which Asian countries formally inquired", no instrument named: the subjects of the
            # relation to any object, when the relation is worded by a keyword of its own (not
            # only by its label) and the question asks for its subjects' type
            want = {"Convention": "LegalInstrument"}.get(a.answer_type, a.answer_type)
            if not any_object or want not in r.domain or want in r.range or \
                    not _keyword_support(a, u.relation, labels=False):
                return None
            return Constraint(r.pattern("?answer", "?anyObject") + _type_filter(a, r.domain), f"{r.label} (any)",
                              [("?", r.name, "*")], strong=True, relation=r.name)
        typed = _type_filter(a, r.domain)
        shared = shared_ends(a, named)
        if shared:  # "in line with both C102 and R202": the subjects each named object is held for
            return Constraint("".join(r.pattern("?answer", _iri(o)) for o in shared) + typed,
                              f"{r.label} {' and '.join(shared)}", [("?", r.name, o) for o in shared],
                              strong=True, relation=r.name)
        o = named[0]
        return Constraint(r.pattern("?answer", _iri(o)) + typed, f"{r.label} {o}",
                          [("?", r.name, o)], strong=True, relation=r.name)
    named = [i for i in subjects if i not in beside] or subjects
    if not named:
        return None
    s = named[0]
    alike = shared_name(a, s, subjects, knowledge)
    if alike:  # "a national social protection policy": every entity of that name, each its own subject
        values = " ".join(_iri(i) for i in alike)
        dated = ""
        if "year" in r.qualifiers and len(set(a.years)) == 1:  # "... adopted in 2024": the statement's year
            from app.qa.graphstep import dated_by, year_test

            dated = dated_by(f"?gst rdf:subject ?gs ; rdf:predicate {r.curie} ; rdf:object ?answer ;", "?gy",
                             year_test(a, "?gy"))
        return Constraint(f"VALUES ?gs {{ {values} }} " + r.pattern("?gs", "?answer") + dated
                          + _type_filter(a, r.range), f"every ‘{next(l.surface for l in a.links if s in l.ids)}’ ({len(alike)}) {r.label}",
                          [(i, r.name, "?") for i in alike], strong=True, relation=r.name)
    return Constraint(r.pattern(_iri(s), "?answer") + _type_filter(a, r.range), f"{s} {r.label}",
                      [(s, r.name, "?")], strong=True, relation=r.name)


# "a national social protection policy", "countries with a ... strategy": a name written as a kind
_KIND_READING = re.compile(r"\b(?:a|an|any|every|each|some)\s+(?:new\s+|revised\s+|national\s+)?$", re.I)


def _elided_kind(a: Analysis, link, knowledge) -> list[str]:
    """'a national social protection policy or strategy': the entities named by the link's words with
    its last word replaced by the noun coordinated after it (the same type), so both kinds count."""
    m = _ELIDED.match(a.question, link.end)
    if m is None or knowledge is None or " " not in link.surface.strip():
        return []
    other = (link.surface.strip().rsplit(" ", 1)[0] + " " + m.group(1)).lower()
    kind = link.ids[0].split(":", 1)[0]
    return [i for i, e in knowledge.entities.items() if e.get("type") == kind
            and other in {n.lower() for n in (e.get("label") or "", *(e.get("alt_labels") or []))}]


# "... policy or strategy", "... policies and strategies": a second head noun sharing the name's words
_ELIDED = re.compile(r"\s+(?:or|and|and/or|&)\s+([a-z]{4,})\b(?!\s+(?:of|for|to)\b)", re.I)


def shared_name(a: Analysis, s: str, subjects: list[str], knowledge=None) -> list[str]:
    """The entities a name the question writes once stands for, when several share it (a national
    policy of that title in three countries) and the question asks it as a kind: for several
    answers ("which countries") or after an indefinite article ("a national ... policy").  [] when
    the name is one entity's.  Why: the generic step took the link's first entity, so "which
    countries adopted a national social protection policy" answered one country of three."""
    link = next((l for l in a.links if s in l.ids), None)
    if link is None:
        return []
    alike = [i for i in dict.fromkeys(link.ids) if i in subjects]
    alike += [i for i in _elided_kind(a, link, knowledge) if i not in alike]
    if len(alike) < 2:
        return []
    plural = a.answer_type in ("Country", "Organization") and bool(
        re.search(r"\b(?:countries|nations|governments|states|which\s+ones)\b", a.question, re.I))
    if not (plural or _KIND_READING.search(a.question[:link.start])):
        return []
    return alike


# "both A and B", "each of", "all of", "in common": several named objects the answer must share.
# (and a verb of sharing, graphstep.SHARING: "which donors do X and Y share")
_SHARED_ENDS = re.compile(r"\b(?:both|each of|all of|in common|every one of|" + SHARING + r")\b", re.I)


def shared_ends(a: Analysis, named: list[str]) -> list[str]:
    """The distinct named objects a question asks the answer to share, when it names two or more
    of one type and says so ("both ... and"); [] otherwise (the first named object stands).
    Why: a declared relation's generic step took the first named end only, so "countries in line
    with both C102 and R202" listed every country in line with C102."""
    ends = list(dict.fromkeys(named))
    if len(ends) < 2 or a.any_of or not _SHARED_ENDS.search(a.question):
        return []
    types = {next((l.type for l in a.links if e in l.ids), None) for e in ends}
    return ends if len(types) == 1 else []


# Bodies that act: "who" asks for any of them, as no noun narrows it to one kind.
_AGENTS = ("Organization", "Initiative")


def _type_filter(a: Analysis, ends: tuple[str, ...]) -> str:
    """' ?answer a fg:T .' when the question asks for one of several types the end may hold.
    A bare "who" ("who published X") or "which body" reads as an organisation yet names no kind
    of body: an initiative or working group at that end acts as one, so both stay."""
    want = {"Convention": "LegalInstrument"}.get(a.answer_type, a.answer_type)
    if len(ends) <= 1 or want not in ends:
        return ""
    agents = [t for t in _AGENTS if t in ends]
    head = _HEAD.search(a.question)
    if want == "Organization" and len(agents) > 1 and _INITIATIVE_HEAD.search(a.question) is None \
            and (head is None or head.group(1).lower().startswith("bod")):  # "which body": any kind of one
        if len(agents) == len(ends):
            return ""
        return " ?answer a ?agentType . VALUES ?agentType { " + " ".join(f"fg:{t}" for t in agents) + " }"
    return f" ?answer a fg:{want} ."


def answer_type_for(relation: str, direction: str, asked: str | None = None) -> str:
    """The answer type of a relation's end: the asked type when that end can hold it."""
    r = REGISTRY[relation]
    ends = r.domain if direction == "subject" else r.range
    want = {"Convention": "LegalInstrument"}.get(asked or "", asked)
    t = want if want in ends else ends[0]
    return ANSWER_TYPE.get(t, t)


__all__ = ["Understanding", "speller_for", "delexicalised", "apply_intent", "generic_constraint", "TYPE_TOKEN"]
