""""How much" before a noun that is counted, not measured: "how much country are pathfinder of the
global accelerator in africa region", "how much donors fund Jordan" (a writer in a second
language).  Read as written, "how much" asks an amount, and the text step returned a figure of
some sentence instead of counting the graph's answers.  Before a plural noun, or before a noun of
a kind the graph counts (countries, funders, members ...), "how much" is "how many".  An
uncountable noun ("how much money", "how much funding") keeps its "how much".  Ordinary English.
"""
from __future__ import annotations

import re

# nouns that are only ever counted ("country", "donor"), whatever number the writer gives them
_COUNTED = (r"countr(?:y|ies|ys)|nations?|governments?|funders?|donors?|partners?|members?|pathfinders?|"
            r"organi[sz]ations?|agenc(?:y|ies)|institutions?|schemes?|programmes?|projects?|conventions?|"
            r"publications?|reports?|briefs?|results?|ratifications?|workshops?|people|persons?|workers?|"
            r"beneficiar(?:y|ies)|times?|regions?|initiatives?")
# a mass noun stays measured ("how much money", "how much funding", "how much financial support")
_MASS = re.compile(r"^(?:money|funding|finance|financing|support|budget|resources|cash|time|coverage|"
                   r"spending|expenditure|investment|growth|progress|work|effort|help)$", re.I)
# ("the" and "and" stay: a region's name is among the modifiers, "how much Asia and the Pacific countries")
_NOT_MODIFIER = re.compile(r"^(?:did|do|does|is|are|was|were|has|have|had|will|would|can|could|should|may|might|"
                           r"each|every|per|a|an|this|that|these|those|its|their|his|her|my|our|your|of|in|for|to)$", re.I)
# ("how much of the 50 priority countries": the partitive of a count is a count too)
_HOW_MUCH = re.compile(rf"\bhow\s+much\s+(of\s+(?:the|these|those)\s+)?((?:[\w'’-]+\s+){{0,4}}?)({_COUNTED})\b", re.I)


# a plural counted noun among the next few words ("how much of the pathfinder nations")
_PLURAL_COUNTED = re.compile(rf"(?:[\w'’-]+\s+){{0,4}}?(?:(?=(?:{_COUNTED})\b)[\w'’-]*(?:s|people))\b", re.I)


# a keyword query opening on the verb "count" ("count priority countries with no institutional
# result 2024"): the number of what follows, as "count of ..." is read
_COUNT_VERB = re.compile(rf"^(\W*)count\s+(?!of\b|on\b|for\b|towards?\b|as\b|in\b)(?=(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{_COUNTED})\b)", re.I)


def rewrite(question: str) -> str:
    """The question with "how much" before a counted noun read as "how many", and a keyword query
    opening on "count" read as "number of"; else unchanged."""
    question = _COUNT_VERB.sub(lambda m: f"{m.group(1)}number of ", question, count=1)
    m = _HOW_MUCH.search(question)
    # the words between modify the noun ("how much african country"); an auxiliary or a determiner
    # makes the noun the subject of a measured verb ("how much did each person receive")
    if m is None or any(_MASS.match(w) or _NOT_MODIFIER.match(w) for w in m.group(2).split()):
        return question
    if m.group(1) and not _PLURAL_COUNTED.match(question, m.start(2)):
        return question  # "how much of the EU's project": a share of one thing, not a count of several
    much = question[m.start():m.start(2)]
    many = re.sub(r"much", lambda x: "many" if x.group(0).islower() else "MANY", much, count=1, flags=re.I)
    return question[:m.start()] + many + question[m.start() + len(much):]
