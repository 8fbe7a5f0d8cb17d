"""A count of the report's country entries that name a funder is a count of the countries it
funds: "How many country programmes does Holland help finance?", "In how many country sections is
the Netherlands listed as a source of financing support?".

The report records financing once per country entry ("Financing support: ..."), and the graph
holds it as the entry's country funded by the body.  Counting "country sections/entries/programmes"
kept the kind noun from being read as countries: the intent matched no list of countries, the graph
step was skipped and the text step counted the funder's names in one sentence (3 for 9).  So when a
question counts such entries and asks about funding, the noun is read as "countries".  A count of
entries without a funding word ("how many country entries mention TRANSFORM") is left to the entry
reader (:mod:`app.qa.topics.entry_scope`); "country profiles" and "country pages" are left alone,
being also parts of publications and web platforms ("how many country profiles does the study
include").  General English and report-structure vocabulary only.
"""
from __future__ import annotations

import re

# "how many [of the] country programmes", "number of country sections", "in how many country entries"
_COUNTED_ENTRIES = re.compile(r"\b(?P<count>how many|number of|count of)\s+(?P<the>(?:the\s+)?)"
                              r"country[- ](?:entr(?:y|ies)|sections?|programmes?|programs?|write-?ups?)\b",
                              re.I)
_FUNDING = re.compile(r"\b(?:fund\w*|financ\w*|donors?|donat\w*|sponsor\w*|bankroll\w*|paid for|pays? for)\b", re.I)


def as_countries(question: str) -> str:
    """The question with its counted country entries read as countries when it asks about funding;
    otherwise the question unchanged."""
    if not _FUNDING.search(question):
        return question
    return _COUNTED_ENTRIES.sub(lambda m: f"{m.group('count')} {m.group('the')}countries", question)
