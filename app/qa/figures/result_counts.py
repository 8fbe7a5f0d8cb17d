"""A count of *results* under a place counts the place's countries that hold such a result.

"africa number of Result 3 improving operations results 2024", "count of 2024 scheme design / law
results in asia and the pacific", "arab states results 2024 count": the counted noun is the result,
not the country, so the counting reader (which looks for "countries", "funders" ...) passed them
by, and a results table's total cell ("Results achieved in 2024": 21) or a number in a sentence
answered instead, dropping the place.  A results table has at most one mark per country and result
type, and its totals have no breakdown by place, so a count of results that names a region, a
sub-region or a country group is the number of the results its countries hold: with one result
type named, the number of countries holding it; with none or several, every (country, type) result,
as the table's totals count them ("arab states results 2024 count" is 6 results in 4 countries).

Without a place the table's own totals stand (``app/qa/figures/tables.py``), so this reader claims
only questions that name one.
"""
from __future__ import annotations

import re

from app.qa.names.subregions import named_places
from app.qa.question import Analysis

_COUNT_WORD = re.compile(r"\b(?:how many|number|count|tally|total)\b", re.I)
# The counted noun is a result or an institutional change, not a country or a body.
_RESULTS_NOUN = re.compile(r"\b(?:results?|institutional changes?|achievements?)\b", re.I)
_OTHER_NOUN = re.compile(r"\b(?:countr(?:y|ies)|territor(?:y|ies)|nations?|governments?|member states|"
                         r"people|persons|beneficiaries|workers|funders?|donors?|partners?|organi[sz]ations?|"
                         r"projects?|publications?|regions)\b", re.I)


# "how many ... results", "number of results", "... results 2024 count": the results are what is counted.
_COUNTED_RESULTS = re.compile(r"\b(?:how many|number of|count of|tally of|total)\b[^?]{0,60}?\bresults\b|"
                              r"\bresults\b[^?]{0,30}?\b(?:count|number|total|tally)\s*\??\s*$", re.I)


def counts_results(question: str) -> bool:
    """Does the question count results (any result is a condition on the countries counted)?"""
    return _COUNTED_RESULTS.search(question) is not None


def _placed(a: Analysis) -> bool:
    """The question names a region, a sub-region or a country group (not a single country)."""
    return bool(a.linked("Region") or named_places(a.question))


def asks(a: Analysis) -> bool:
    """A count of results (of a kind, or any) inside a named place, with no other counted noun."""
    if a.answer_type != "Number" or not (a.result_types or a.any_result) or a.linked("Country"):
        return False
    q = a.question
    if not _COUNT_WORD.search(q) or not _RESULTS_NOUN.search(q):
        return False
    rest = q
    for l in sorted(a.links, key=lambda l: -l.start):
        if l.type == "Region":
            rest = rest[:l.start] + " " + rest[l.end:]  # "Arab States" is a place, not a counted noun
    for _, s, e in sorted(named_places(a.question), key=lambda p: -p[1]):
        rest = rest[:s] + " " + rest[e:]
    return _results_counted(rest) and _placed(a)


def _results_counted(rest: str) -> bool:
    """Are results the counted noun: the first noun the count word comes before ("how many of the 41
    institutional results ... were achieved in African priority countries"), or, with no noun after
    it ("arab states results 2024 count"), the only one?"""
    count = _COUNT_WORD.search(rest)
    after = rest[count.end():] if count else ""
    first_results, first_other = _RESULTS_NOUN.search(after), _OTHER_NOUN.search(after)
    if first_results and (first_other is None or first_results.start() < first_other.start()):
        return True
    return not _OTHER_NOUN.search(rest)


def counts_marks(a: Analysis) -> bool:
    """Does the count take every result, not every country holding one?  With one result type
    named the two are the same number (a country holds at most one result of a type a year); with
    none or several ("how many institutional results did Asia and the Pacific record") a country
    with two results counts twice, as the table's own totals count them."""
    return len(a.result_types) != 1
