"""A described noun typed without its article: "Who funds ILO in country where NHIF was replaced?".

Writers in a second language (and hurried ones) drop articles; English puts one before a noun a
relative clause describes ("in the country where ...", "the countries that ...").  The readings of
a country or set named by what happened there (:mod:`app.qa.multihop.described_country`,
:mod:`app.qa.multihop.set_by_description`) open on that article, so "in country where ..." was read
as a plain question and its description as topic words.  :func:`with_articles` puts "the" back
before such a noun (and the place words before it: "in African country whose ...", "in Central
Asian country that ...") when the word before shows that no determiner was written: a
preposition, auxiliary, verb of asking or funding ("when did contry that used ILO/HEALTH ratify
C102?"), or a colon or dash opening the question proper; never after a modifier noun ("the
pathfinder countries that ...") nor a plural after "of" ("count of countries where ...": a count).  So it does before the report itself ("which members of P4H
network does report name?") and the other one of a pair ("which country was other one?").
Ordinary English only.
"""
from __future__ import annotations

import re

_NOUN = r"countr(?:y|ies)|nations?|territor(?:y|ies)|contry|contries|countires"
# up to two place words before the noun: capitalised ("Central Asian") or adjectival ("african")
_MODS = r"(?:(?:[A-Z][\w-]*|[a-z]+(?:an|ese|ic|ish))\s+){0,2}"
# The words after which a noun phrase starts: prepositions, auxiliaries, verbs of asking and of
# funding (never a modifier noun: "the pathfinder countries that ...", "priority countries whose").
_BEFORE = (r"in|for|of|to|by|from|with|at|on|about|me|us|name|list|is|was|are|were|did|does|do|has|have|had|"
           r"funds?|funded|finances?|financed|supports?|supported")
_BARE = re.compile(rf"(?P<before>(?:\b(?i:{_BEFORE})\b|[:—–-]))(?P<gap>\s+)(?P<np>{_MODS}(?i:{_NOUN}))"
                   r"(?=\s+(?i:where|whose|that|which|in\s+which|(?:[a-z]+ed|hit|struck|run|led|held|known|chosen|given|taken|seen|shown)\s+by)\b)")  # "in country covered by ..."
_PLURAL = re.compile(r"(?:ies|nations)$", re.I)
# Words after which no article is missing: determiners, quantifiers, question words, possessives.
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those|each|every|any|some|no|which|what|whose|one|its|their|"
                         r"our|my|your|his|her|other|another|same|per|all|both|many|few|several|such|"
                         r"[\w'’]+['’]s|\d+|two|three|four|five|six|seven|eight|nine|ten)$", re.I)


# Two nouns English always makes definite in a question about one report: the report itself
# ("which members does report name?") and the other one of a pair ("which country was other one?").
_DEFINITE = re.compile(r"(?P<before>\b(?:does|do|did|in|from|by|according\s+to|was|is|were|are))(?P<gap>\s+)"
                       r"(?P<np>report\b(?!\s*['’]s)(?!\s+(?:on|of|for|about|by)\b)|other\s+(?:one|ones)\b)", re.I)


# "What was total amount of new funding approved?", "What is financing gap for ...": a noun phrase
# after "what is/was" typed without its article (a common word, then another word of the phrase or
# "of"; never a verb form, a determiner or a name).
_COPULA_BARE = re.compile(r"(?P<before>^\W*(?:(?:so|and|but|also)\s+)?(?i:what)\s+(?i:is|was|are|were))(?P<gap>\s+)"
                          r"(?P<np>(?P<w>[a-z][a-z-]+)(?=\s+(?:(?:of|that|which|whose|where)\b|(?!(?:in|on|at|for|from|to|by|with|about|as|than|and|or|"
                          r"the|a|an|it|they|there|this|that)\b)[a-z][a-z-]+\b)))")
_NOT_NOUN_START = re.compile(r"^(?:not|there|it|this|that|these|those|a|an|the|its|their|his|her|our|my|your|each|every|any|"
                             r"some|no|one|two|three|so|more|most|less|least|also|still|now|then|being|all|both|such|very|"
                             r"really|usually|often|new|meant|known|said|being|[a-z]+(?:ed|en|ly))$")
# ... and a phrase scoped by a preposition soon after it ("total amount of ...", "financing gap for
# ..."): a bare concept asked to be defined ("what is social protection floor?") is left as typed.
_SCOPED_AFTER = re.compile(r"^(?:\s+[\w-]+){0,4}?\s+(?:of|for|in|on|at|by|from|under|between|over|among|per|across|that|which|whose|where)\b")
# "What was Flagship Programme's funding gap?", "in Global Accelerator's pathfinders": a name headed
# by a common noun of an organised body takes "the" ("the Flagship Programme's"), as "Kenya's" does not.
_BODY_NOUN = (r"programmes?|programs?|accelerator|fund|network|partnership|facility|initiative|organi[sz]ation|office|"
              r"ministry|council|agency|union|bank|budget|account|institute|trust|board|forum|alliance|centre|center|"
              r"group|platform|project|scheme|service|secretariat|committee|campaign|mechanism")
_BARE_BODY = re.compile(rf"(?P<before>\b(?i:what\s+(?:is|was|are|were)|in|of|for|by|to|from|on|at|with|about|under|"
                        rf"does|did|do|is|was|are|were))(?P<gap>\s+)(?P<np>(?:[A-Z][\w-]*\s+){{1,3}}(?i:{_BODY_NOUN})['’]s?)(?=\s)")
# "at end of 2023", "by start of the year": the end of a period is definite.
_PERIOD_EDGE = re.compile(r"(?P<before>\b(?i:at|by|before|until|till|to|from|since|towards?))(?P<gap>\s+)"
                          r"(?P<np>(?i:end|start|beginning|close)\s+of)\b")


# "how many of 50 priority countries", "not among 50 priority countries": a set counted out of a
# whole the question names takes "the"; so does a superlative after a verb of having ("which
# country had most result types": "the most").
_OF_NUMBER = re.compile(r"(?P<before>\b(?i:how\s+many\s+of|among|amongst))(?P<gap>\s+)(?P<np>\d+\s+(?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*s)\b")
_MOST = re.compile(r"(?P<before>\b(?i:had|has|have|having|with|recorded|received|got|gets|get|saw|sees|see))(?P<gap>\s+)"
                   r"(?P<np>(?i:most|fewest|least|largest|highest|lowest|biggest|smallest)\s+(?!of\b)[a-z])")


def with_articles(question: str) -> str:
    """The question with "the" before each described noun typed bare, before the report and
    before "other one"; unchanged when none is."""
    def put(m: re.Match) -> str:
        if _DETERMINER.match(m["before"]) or re.match(r"(?i)the\b", m["np"]):
            return m.group(0)
        if m["before"].lower() == "of" and _PLURAL.search(m["np"]):
            return m.group(0)  # "count of countries where ...", "number of Flagship countries whose ...": counted, not named
        return f"{m['before']}{m['gap']}the {m['np']}"

    def put_copula(m: re.Match) -> str:
        if _NOT_NOUN_START.match(m["w"]) or not _SCOPED_AFTER.match(m.string[m.end("w"):]):
            return m.group(0)
        return f"{m['before']}{m['gap']}the {m['np']}"

    question = _COPULA_BARE.sub(put_copula, question, count=1)
    question = _PERIOD_EDGE.sub(put, _BARE_BODY.sub(put, question))
    question = _MOST.sub(put, _OF_NUMBER.sub(put, question))
    if re.match(rf"(?!(?i:the|a|an|this|that|these|those|which|what|each|every|any|all|no|in|for|of)\b){_MODS}(?i:{_NOUN})\s+(?i:where|whose|that|which|in\s+which)\b", question):
        # the question opens on the described noun ("country whose parliament passed ...")
        first = question.split(None, 1)[0]
        question = "The " + (first.lower() if re.fullmatch(rf"(?i:{_NOUN})", first) else first) + question[len(first):]
    return _DEFINITE.sub(put, _BARE.sub(put, question))
