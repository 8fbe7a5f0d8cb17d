"""Count conditions on a relation: "countries with just one funder", "donors backing two or more countries".

A list question keeps the answers that have *some* statement of a relation; a number next to the
relation's own noun asks for the answers with *that many*: "has just one funder listed",
"with a single donor", "with more than two financing partners", "funding at least three
countries".  The counted noun is one of the relation's keywords in :data:`graph.relations.REGISTRY`
(so a newly declared relation is counted with no edit here); the asked type says which end is
counted: the answer is one end, the noun the other.  The condition is a grouped sub-select
(``HAVING``) on the answer, so it composes with every other constraint (region, year, result).

Ordinary English only: number words and comparison phrases.
"""
from __future__ import annotations

import re

from app.qa.graphstep import Constraint
from app.qa.question import Analysis
from graph.relations import REGISTRY

_NUMBER_WORDS = {"one": 1, "single": 1, "sole": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
_NUM = r"((?<![\d,.])\d{1,2}(?![\d,.])|one|two|three|four|five|six|seven|eight|nine|ten|a single|a sole|(?<!every )(?<!each )single|sole)"
# "more than two", "at least 3", "two or more", "fewer than four", "just one", "exactly two", "one"
_CONDITION = re.compile(
    r"\b(?:(?P<op>more than|over|above|at least|no fewer than|fewer than|less than|under|at most|no more than|"
    r"exactly|just|only|precisely)\s+)?" + _NUM.replace("(", "(?P<n>", 1) +
    r"(?:\s+or\s+(?P<tail>more|fewer|less))?\s+(?P<noun>(?:[\w'’-]+\s+)?[\w'’-]+)\b", re.I)
# A number after a capitalised word ("Result 1") or a noun that numbers the parts of a document or
# a process ("result 1", "table 4", "step 2", "phase two", "pillar 3"), lower case in keyword queries,
# is a label, not a count; so is a rank cut ("top 3 funders": the first three of a ranking).
_LABEL_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*|\bno\.?|\bnumber|(?i:\b(?:results?|tables?|steps?|pillars?|phases?|boxes|box|"
                           r"figures?|fig\.?|annex(?:es)?|chapters?|sections?|articles?|tiers?|rounds?|editions?|waves?|top|"
                           r"conventions?|c|recommendations?|r|sdg|targets?|goals?|indicators?|levels?)))\s*$")
_FUNCTION_WORD = re.compile(r"^(?:on|in|of|for|to|at|by|from|with|about|into|over|under|between|among|across|through|"
                            r"after|before|during|like|as|that|which|who|where|and|or|the|a|an|per|percent|%)\b", re.I)
_TIME_UNIT = re.compile(r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\b", re.I)
# "the one about ...", "that one", "which one": "one" is a pronoun there, not a count.
_PRONOUN_ONE = re.compile(r"\b(?:the|this|that|which|each|every|any|no|some|another)\s*$", re.I)
# "the four pilot countries", "its three funders": a number after a definite article or a possessive
# says how many the set named holds.  ("those two countries" points back at a set a sentence before
# described: the chain reader, app.qa.multihop.set_by_description, reads it.)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their|all)\s+$", re.I)
_OPS = {"more than": ">", "over": ">", "above": ">", "at least": ">=", "no fewer than": ">=", "fewer than": "<",
        "less than": "<", "under": "<", "at most": "<=", "no more than": "<=", "more": ">=", "fewer": "<=", "less": "<="}


def _count(word: str) -> int:
    w = word.lower().replace("a ", "")
    return int(w) if w.isdigit() else _NUMBER_WORDS[w]


def _singular(w: str) -> str:
    w = w.lower()
    return w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w


# Entity types a count can be over (not a figure: "3,000 workers" is a quantity, not a condition).
_ENTITY_ENDS = {"Organization", "Country", "Initiative", "LegalInstrument", "Scheme", "Publication", "Project"}
# A type noun after another word is the head ("50 priority countries": countries, not priorities).
_TYPE_HEAD = re.compile(r"^(countr(y|ies)|governments?|organi[sz]ations?|initiatives?|conventions?|schemes?|"
                        r"programmes?|publications?|projects?|bodies|agenc(y|ies))$", re.I)


def _relation_for_noun(noun: str, answer: str):
    """(relation, counted end) whose keyword is the noun's head, the answer being the other end; else None."""
    words = noun.split()
    head = words[-1] if len(words) > 1 and _TYPE_HEAD.match(words[-1]) else None
    candidates = [head] if head else words[:1] + words[1:]  # "funder listed": the first word; "financing partners": the last
    for r in REGISTRY:
        nouns = {_singular(k) for k in r.keywords if " " not in k}
        if not any(_singular(w) in nouns for w in candidates):
            continue
        if answer in r.domain and answer not in r.range and set(r.range) & _ENTITY_ENDS:
            return r, "object"
        if answer in r.range and answer not in r.domain and set(r.domain) & _ENTITY_ENDS:
            return r, "subject"
    return None


_TYPE_OF_NOUN = (("Country", re.compile(r"^(?:countr(?:y|ies)|governments?|nations?|states?)$", re.I)),
                 ("Organization", re.compile(r"^(?:organi[sz]ations?|bodies|agenc(?:y|ies)|institutions?)$", re.I)),
                 ("Initiative", re.compile(r"^(?:initiatives?|networks?|partnerships?)$", re.I)))


def _relation_for_verb(before: str, noun: str, answer: str):
    """(relation, counted end, counted type) for "donors that fund more than three countries": the counted noun
    names a type (countries), the relation is worded by the verb just before the condition; the
    counted end is the one of that type, the answer the other."""
    head = noun.split()[-1]
    counted_type = next((t for t, rx in _TYPE_OF_NOUN if rx.match(head)), None)
    if counted_type is None:
        return None
    words = [_singular(w) for w in re.findall(r"[\w'’-]+", before)[-6:]]
    for r in REGISTRY:
        verbs = {_singular(k) for k in r.keywords if " " not in k}
        if not any(w in verbs for w in words):
            continue
        if counted_type in r.domain and answer in r.range:
            return r, "subject", counted_type
        if counted_type in r.range and answer in r.domain:
            return r, "object", counted_type
    return None


# "more funders than Lebanon", "fewer donors than Jordan": the named entity's own count is the bar.
_THAN_NAMED = re.compile(r"\b(?P<cmp>more|fewer|less)\s+(?P<noun>(?:[\w'’-]+\s+)?[\w'’-]+?)\s+than\s+(?:the\s+|that of\s+|those of\s+)?$",
                         re.I)


def _than_named(a: Analysis, want: str, knowledge) -> tuple[Constraint, set[str]] | None:
    """The 'more <noun> than <named>' condition and the named ids it uses, or None."""
    for l in a.links:
        m = _THAN_NAMED.search(a.question[:l.start])
        found = _relation_for_noun(m.group("noun"), want) if m else None
        if found is None:
            continue
        r, counted = found
        ends = [f["object"] if counted == "object" else f["subject"] for i in l.ids
                for f in (knowledge.facts_where(subject=i, predicate=r.name) if counted == "object"
                          else knowledge.facts_where(obj=i, predicate=r.name))]
        if not ends:
            continue
        n, op = len(set(ends)), ">" if m.group("cmp").lower() == "more" else "<"
        inner = r.pattern("?answer", "?counted") if counted == "object" else r.pattern("?counted", "?answer")
        pattern = (f"{{ SELECT ?answer WHERE {{ {inner} }} GROUP BY ?answer "
                   f"HAVING (COUNT(DISTINCT ?counted) {op} {n}) }}")
        said = "more" if op == ">" else "fewer"
        return (Constraint(pattern, f"with {said} {m.group('noun')} than {l.ids[0]} ({n}; ‘{r.label}’ statements counted)",
                           [("?", r.name, "*")] if counted == "object" else [("*", r.name, "?")], relation="count"),
                set(l.ids))
    return None


_STATED_CHANGE = re.compile(r"\b(?:welcomed|added|gained|received|joined by|published|launched|released|produced|"
                            r"trained|hired|recruited|opened)\s+(?:\w+\s+)?$", re.I)
# "there are eight new ratifications; which of them ...", "the box lists eight": a background clause
# stating the size of the whole set the question then filters, not a count each answer must have.
_STATED_SIZE = re.compile(r"\b(?:there\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been|'re|’re)|"
                          r"(?:report|box|table|section|text|list)\s+(?:lists|names|mentions|counts|gives|shows|says))"
                          r"\s+(?:(?:now|only|just|some|about|around)\s+)?$", re.I)


def _names_asked_type(noun: str, answer_type: str) -> bool:
    """Does the noun name things of the asked type ("briefs" when publications are asked)?"""
    from app.qa.understand import _HEAD_NOUNS

    return any(t == answer_type and rx.search(noun) for rx, t in _HEAD_NOUNS)


# A share asked ("what percentage of the population is covered by at least one benefit") and the
# noun "how many" counts ("how many people would be covered by at least one benefit").
_SHARE_ASKED = re.compile(r"\b(?:percent(?:age)?|per\s*cent|share|proportion|fraction|ratio)\b|%", re.I)
_COUNTED_NOUN = re.compile(r"\b(?:how many|number of|count of)\s+((?:[\w'’-]+\s*){1,4})", re.I)


def _asks_a_figure(question: str) -> bool:
    """Does the question ask a stated figure about people or money rather than a count of entities
    (whatever type its other words suggest: "if countries followed ...")?  Then "at least one benefit" describes the figure, not a condition on counted things:
    a share is always a figure; "how many X" is one when X is neither an entity type nor a
    relation's own noun ("how many people", not "how many countries" or "how many donors")."""
    if _SHARE_ASKED.search(question):
        return True
    m = _COUNTED_NOUN.search(question)
    if m is None:
        return False
    # the counted noun may come a few words on ("how many asia pacific countries"): any entity type
    # or relation noun among them makes the count one of entities
    for word in m.group(1).split():
        if _TYPE_HEAD.match(word) or any(rx.match(word) for _, rx in _TYPE_OF_NOUN):
            return False
        # a relation's own noun counts its statements ("donors"), unless the relation ends in a figure
        if any(_singular(word) == _singular(k) for r in REGISTRY if set(r.range) & _ENTITY_ENDS
               for k in r.keywords if " " not in k):
            return False
    return True


def count_condition(a: Analysis, knowledge=None) -> Constraint | None:
    """The 'has N <relation noun>' constraint the question sets, or None."""
    if _asks_a_figure(a.question):
        return None  # "what share ... covered by at least one benefit": the figure's own words
    want = {"Convention": "LegalInstrument", "Number": "Country"}.get(a.answer_type, a.answer_type)
    if knowledge is not None:
        named = _than_named(a, want, knowledge)
        if named is not None:
            return named[0]
    for m in _CONDITION.finditer(a.question):
        if any(l.start <= m.start("n") < l.end for l in a.links):
            continue  # a number inside a name ("Convention No. 102")
        if not m.group("op") and _LABEL_BEFORE.search(a.question[:m.start("n")]):
            continue  # "Result 3", "Table 4", "No. 2": a label's number, not a count
        if m.group("n").lower() == "one" and _PRONOUN_ONE.search(a.question[:m.start("n")]):
            continue  # "the one about integrating ...": a pronoun
        if _FUNCTION_WORD.match(m.group("noun")):
            continue  # "Result 3 on improving operations": no noun follows the number
        if _TIME_UNIT.match(m.group("noun")):
            continue  # "the full six month benefit period": a length of time, not a count of benefits
        noun = m.group("noun")
        if _names_asked_type(noun, a.answer_type):
            continue  # "published three briefs": the asked things themselves, a stated size
        if _STATED_CHANGE.search(a.question[:m.start()][-40:]):
            continue  # "welcomed five new members": an event's figure, not a condition on the answer
        if not m.group("op") and m.group("n").lower() not in ("one", "single", "sole", "a single", "a sole") \
                and _DEFINITE_BEFORE.search(a.question[:m.start("n")]):
            continue  # "in the four pilot countries": a described set's size, not a condition on the answer
        if _STATED_SIZE.search(a.question[:m.start()][-40:]):
            continue  # "there are eight new ratifications": the set's stated size, not a condition
        typed = ""
        found = _relation_for_noun(noun, want)
        if found is None:
            found = _relation_for_verb(a.question[:m.start()], noun, want)
            if found is not None:  # "... fund more than three countries": only countries are counted
                found, counted_type = found[:2], found[2]
                typed = f" ?counted a fg:{counted_type} ."
        if found is None:
            continue
        r, counted = found
        op = _OPS.get((m.group("tail") or "").lower()) or _OPS.get((m.group("op") or "").lower(), "=")
        n = _count(m.group("n"))
        inner = r.pattern("?answer", "?counted") if counted == "object" else r.pattern("?counted", "?answer")
        pattern = (f"{{ SELECT ?answer WHERE {{ {inner}{typed} }} GROUP BY ?answer "
                   f"HAVING (COUNT(DISTINCT ?counted) {op} {n}) }}")
        said = {"=": "exactly", ">": "more than", ">=": "at least", "<": "fewer than", "<=": "at most"}[op]
        return Constraint(pattern, f"with {said} {n} {noun} (‘{r.label}’ statements counted)", [("?", r.name, "*")] if counted == "object"
                          else [("*", r.name, "?")], relation="count")
    return None


def apply(a: Analysis, cons: list[Constraint], knowledge=None) -> list[Constraint]:
    """Add the count condition; an unnamed constraint of the same relation ("funded by anyone") goes,
    and so does any constraint built from the name a "more ... than X" compares against."""
    c = count_condition(a, knowledge)
    if c is None:
        return cons
    rel = c.evidence[0][1]
    bar = _than_named(a, {"Convention": "LegalInstrument", "Number": "Country"}.get(a.answer_type, a.answer_type),
                      knowledge) if knowledge is not None else None
    if bar is not None:
        ids = bar[1] | {f"Organization:gov-{i.split(':', 1)[1]}" for i in bar[1] if i.startswith("Country:")}
        cons = [x for x in cons if not any(e in ids for t in x.evidence for e in (t[0], t[2]))]
    rest = [x for x in cons if not (rel in x.pattern and all("*" in t or "?" == t[2] for t in x.evidence)
                                    and not any(t[2].startswith(("Organization:", "Country:", "Initiative:")) for t in x.evidence))]
    return rest + [c]


def members_condition(question: str, noun: str = "country") -> tuple[str, int] | None:
    """(operator, n) when the question sets a condition on how many of ``noun`` a group holds:
    "regions with more than one country ...", "regions where at least two countries ...", "regions
    with a single country ..."; the operator is SPARQL's ('>', '>=', '=' ...)."""
    for m in _CONDITION.finditer(question):
        if _singular(m.group("noun").split()[0]) != noun:
            continue
        if not m.group("op") and _LABEL_BEFORE.search(question[:m.start("n")]):
            continue
        op = _OPS.get((m.group("tail") or "").lower()) or _OPS.get((m.group("op") or "").lower(), "=")
        return op, _count(m.group("n"))
    return None


def holds(op: str, value: int, n: int) -> bool:
    """Does ``value`` meet the condition ``op n``?"""
    return {">": value > n, ">=": value >= n, "<": value < n, "<=": value <= n, "=": value == n}[op]
