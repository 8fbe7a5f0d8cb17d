"""Set conditions over the kinds of institutional result a country achieved.

"Which countries achieved *all three* result types?", "how many got *more than one kind* of
result?", "which had *only one type*?" are conditions on how many distinct result types a
country's results cover, not on any one type.  The condition becomes one constraint (a SPARQL
sub-select counting the distinct ``fg:resultType`` of the country's results, dated when the
question dates them) that replaces the plain result constraints, so region, priority and count
questions compose with it as with any other constraint.

"All" is read against the graph: the number of result types the graph holds (three in a report
whose results table has three columns of result types, whatever next year's table has).
"""
from __future__ import annotations

import re

from app.qa.graphstep import PREFIXES, _iri, Constraint, year_for, year_test
from app.qa.figures.number_words import UNITS
from app.qa.question import Analysis, _negated_before

_KIND = r"(?:result\s+)?(?:types?|kinds?|categor(?:y|ies)|areas?|results?)"
# "more than one *of the three* result areas", "only one of its result types": a partitive before the kinds
_OF = r"(?:of\s+(?:the\s+|its\s+|their\s+)?)?"
ALL = re.compile(r"\b(?:all|every|each)\s+" + _OF + r"(?:\w+\s+){0,2}?" + _KIND + r"\b|\ball\s+(?:three|3)\b", re.I)
MULTI = re.compile(r"\b(?:more than one|at least two|two or more|multiple|several|over one)\s+" + _OF + r"(?:\w+\s+){0,2}?"
                   + _KIND + r"\b", re.I)
SINGLE = re.compile(r"\b(?:only one|exactly one|just one|a single|one single|one and only one)\s+" + _OF + r"(?:\w+\s+){0,2}?"
                    + _KIND + r"\b", re.I)
# "only an improving-operations result", "Result 3 and nothing else": the named kinds and no other.
_N = r"(\d{1,2}|" + "|".join(UNITS) + r")"
# "two different kinds of results", "results of two types", "2 result types": exactly that many kinds
NUMBERED = re.compile(r"\b" + _N + r"\s+(?:different\s+|distinct\s+|separate\s+)?(?:result\s+)?(?:types|kinds|categories)\b|"
                      r"\bresults?\s+(?:of|in|across)\s+" + _N + r"\s+(?:different\s+|distinct\s+|separate\s+)?"
                      r"(?:types|kinds|categories|areas)\b", re.I)
# "two of the three result types", "2 out of 3 columns": the first number is the count of kinds, the
# second only says how many there are
PART_OF = re.compile(r"\b" + _N + r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?" + _N +
                     r"\s+(?:different\s+|possible\s+)?(?:result\s+)?(?:types|kinds|categories|columns|areas)\b", re.I)
# "how many kinds of results did Lao PDR achieve": the kinds one country's results cover
COUNT_KINDS = re.compile(r"\b(?:how many|number of|count of)\s+(?:different\s+|distinct\s+)?(?:result\s+)?"
                         r"(?:types|kinds|categories)\b|\bresult\s+(?:types|kinds)\s+(?:count|number)\b", re.I)
# "only" before a preposition limits a place or a scope ("thinking only of Asia", "only in Africa",
# "looking only at the Table"), not the kinds of result.
ONLY_NAMED = re.compile(r"\b(?:(?:only|solely|exclusively)(?!\s+(?:of|in|for|about|within|among|from|on|at|to|considering|counting)\b)|"
                        r"nothing (?:else|more)|no other (?:kind|type|result)s?|"
                        r"and no (?:other|further)|alone)\b", re.I)
_ABOUT_RESULTS = re.compile(r"\bresults?\b|\binstitutional\b", re.I)
# "only" after the set it limits ("looking at the African priority countries only, which ...")
# scopes that set, not the kinds of result: the word before it is a plural noun of places.
_SET_BEFORE = re.compile(r"\b(?:countries|territories|states|nations|economies|ones|members|pathfinders)\s*$", re.I)
# ... or before it, with its determiner ("counting only the African countries in that table, how many ...")
_SET_AFTER = re.compile(r"\s+(?:the|those|these)\s+(?:[\w'’-]+\s+){0,3}?"
                        r"(?:countries|territories|states|nations|economies|ones|members|pathfinders)\b", re.I)


# "the only Asia and the Pacific country with a Result 1": "the only" before a place says the answer
# is one, not that the place has no other kind of result
_ONE_OF_SET = re.compile(r"\s+(?:[\w'’-]+\s+){0,5}?(?:country|territory|state|nation|economy|one|member|pathfinder)\b",
                         re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _only_named(question: str) -> bool:
    """Does an "only"/"nothing else" word limit the kinds of result (not a set of places)?"""
    return any(not (m.group(0).lower() in ("only", "solely", "exclusively", "alone")
                    and (_SET_BEFORE.search(question[:m.start()]) or _SET_AFTER.match(question, m.end())
                         or (_THE_BEFORE.search(question[:m.start()]) and _ONE_OF_SET.match(question, m.end()))))
               for m in ONLY_NAMED.finditer(question))


# "summing all three result types", "across all result types", "counting every kind": the kinds
# pooled into one count, no condition on a country ("combined two kinds" is one: a country had both)
_POOLED_BEFORE = re.compile(r"\b(?:summ?(?:ing|ed)|sum\s+of|add(?:ing|ed)?|across|pool(?:ing|ed)|"
                            r"total(?:ling|led)?|counting|including|over)\s+(?:(?:up|together|in)\s+)?(?:all\s+(?:of\s+)?(?:the\s+)?|the\s+)?$",
                            re.I)


# "any of the three result types", "under its three result types": a number after a determiner says
# how many kinds there are, not how many a country must have
# (the article dropped: "any of three result types", "none of three")
_DETERMINED = re.compile(r"\b(?:the|its|their|these|those)\s+$|\b(?:any|none|each|either|one)\s+of\s+$", re.I)


def _numbered(question: str) -> re.Match | None:
    """The first count of kinds the question sets ("two kinds of results"), skipping a number that
    only names the set of kinds ("nothing under any of the three result types")."""
    return next((m for m in NUMBERED.finditer(question)
                 if not _DETERMINED.search(question[:m.start()]) and not _POOLED_BEFORE.search(question[:m.start()])), None)


def _all_kinds(question: str) -> bool:
    """Does "all/every ... kinds" ask for countries holding every kind (not the kinds pooled)?"""
    return any(not _POOLED_BEFORE.search(question[:m.start()]) for m in ALL.finditer(question))


def _types_held(store) -> int:
    q = f"{PREFIXES}SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ ?r fg:resultType ?t . }}"
    return int(next(iter(store.query(q)))["n"].value)


def condition(a: Analysis, store) -> Constraint | None:
    """The result-kind condition the question sets, or None."""
    if a.answer_type not in ("Country", "Number") or not (_ABOUT_RESULTS.search(a.question) or a.result_types):
        return None
    if _all_kinds(a.question):
        n_types = _types_held(store)
        if n_types < 2:
            return None
        test, words = f"?nkinds >= {n_types}", f"all {n_types} result types"
    elif MULTI.search(a.question):
        test, words = "?nkinds >= 2", "more than one result type"
    elif SINGLE.search(a.question) and not _negated_before(a.question, SINGLE.search(a.question).start()):
        # "did not register a single result" is none at all (the plain negated result), not one kind
        test, words = "?nkinds = 1", "exactly one result type"
    elif PART_OF.search(a.question) or _numbered(a.question):
        m = PART_OF.search(a.question) or _numbered(a.question)
        word = (m.group(1) or m.group(2)).lower()
        n = int(word) if word.isdigit() else UNITS[word]
        test, words = f"?nkinds = {n}", f"exactly {n} result types"
    elif a.result_types and _only_named(a.question):
        # the named kinds stay as constraints; the count of kinds says there is no other
        test, words = f"?nkinds = {len(set(a.result_types))}", "no other result type"
    else:
        return None
    y = year_for(a, "result")
    dated = f" ?rq fg:year ?ryq . FILTER({year_test(a, '?ryq', y)})" if y else ""
    pattern = (f"{{ SELECT ?answer (COUNT(DISTINCT ?rtq) AS ?nkinds) WHERE {{ ?answer fg:achievedResult ?rq . "
               f"?rq fg:resultType ?rtq .{dated} }} GROUP BY ?answer }} FILTER({test})")
    return Constraint(pattern, f"countries with {words}" + (f" in {y}" if y else ""),
                      [("?", "achievedResult", "*")], relation="result")


def apply(a: Analysis, cons: list[Constraint], store) -> list[Constraint]:
    """Replace the plain result constraints by the result-kind condition when the question sets one."""
    c = condition(a, store)
    if c is None:
        return cons
    if c.description.startswith("countries with no other result type"):
        return [x for x in cons if not (x.description == "any" and not x.strong)] + [c]
    return [x for x in cons if x.relation != "result" and not (x.description == "any" and not x.strong)] + [c]


def kinds_of(a: Analysis, store) -> tuple[str, list[str]] | None:
    """'How many kinds of results did Lao PDR achieve (in 2024)?': the one linked country's distinct
    result types (dated when the question dates them), with the SPARQL that counts them; None when
    the question does not count kinds for exactly one country."""
    countries = a.linked("Country")
    if a.answer_type != "Number" or len(countries) != 1 or not COUNT_KINDS.search(a.question):
        return None
    y = year_for(a, "result")
    dated = f" ?r fg:year ?ry . FILTER({year_test(a, '?ry', y)})" if y else ""
    sparql = f"{PREFIXES}SELECT DISTINCT ?t WHERE {{ {_iri(countries[0])} fg:achievedResult ?r . ?r fg:resultType ?t .{dated} }}"
    return sparql, [str(row["t"].value) for row in store.query(sparql)]


# "more kinds of institutional result", "fewer result types", "the most types of result"
_COMPARED_KINDS = re.compile(r"\b(more|fewer|less|most|fewest|least)\s+(?:\w+\s+){0,2}?(?:result\s+)?"
                             r"(?:types|kinds|categories)\b", re.I)


def kinds_compared(a: Analysis, knowledge) -> tuple[list[str], dict[str, list[str]], str] | None:
    """'Which had more kinds of institutional result in 2024, Cape Verde or Burundi?': the named
    countries ranked by how many distinct result types their results cover (in the year asked);
    (the winners, every named country's result types, argmax | argmin), or None when the question
    compares no kinds or the named countries tie."""
    m = _COMPARED_KINDS.search(a.question)
    countries = a.linked("Country")
    if not m or len(countries) < 2:
        return None
    counts = {}
    for c in countries:
        facts = knowledge.facts_where(subject=c, predicate="achievedResult")
        counts[c] = sorted({f["attrs"].get("result_type") for f in facts
                            if not a.years or str(f["attrs"].get("year")) in a.years})
    low = m.group(1).lower() in ("fewer", "less", "fewest", "least")
    best = (min if low else max)(len(v) for v in counts.values())
    winners = [c for c in countries if len(counts[c]) == best]
    if len(winners) == len(countries):
        return None
    return winners, counts, "argmin" if low else "argmax"


def typed_objects(a: Analysis, relation: str, var: str = "?x") -> str | None:
    """'How many policy-and-strategy results did Africa achieve': when the counted objects are
    institutional results and the question names their kinds, only results of those kinds are
    counted (a pattern on the counted variable; several kinds named are any of them).  None when the
    count is of another relation's objects, names no kind, or negates one."""
    from graph.vocab import RESULT_TYPES as KIND_IRIS

    if relation != "achievedResult" or not a.result_types or a.negation:
        return None
    kinds = " ".join(f"<{KIND_IRIS[k]}>" for k in dict.fromkeys(a.result_types) if k in KIND_IRIS)
    return f"{var} fg:resultType ?kindq . VALUES ?kindq {{ {kinds} }}" if kinds else None
