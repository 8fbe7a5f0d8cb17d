"""Which side of funding a question puts the named entity on: the funded one or the funder.

"Which funds does Sweden contribute to?" names a funder and asks what it funds; "sweden funders",
"Who funds the ILO's work in France?", "Who are the donors for Norway's programme?" ask for the
named entity's own funders.  A country that the report has only as a funder (it gives to a pooled
fund and has no entry of its own) was read the first way whatever the wording, and the answer was
the funds it gives to: a plausible list of the wrong kind.  Asked for its funders, the graph has
none, and the honest answer is none.

:func:`asks_for_funders` reads the wording: a funder noun ("funders", "donors", "financiers") the
named entity does not stand beside as one ("Sweden as a donor"), or "who" opening a funding verb
("who funds", "who pays for").  Ordinary English only: no name from any report.
"""
from __future__ import annotations

import re

_FUNDER_NOUN = re.compile(r"\b(?:funders?|donors?|financiers?|backers?|sponsors?|contributors?)\b", re.I)
# "Sweden as a donor", "France, one of the donors": the named entity is the funder
_AS_ONE = re.compile(r"\bas\s+(?:(?:a|an|one\s+of\s+(?:the|its|their))\s+)?(?:\w+\s+)?$|"
                     r"\b(?:is|was|be|being)\s+(?:a|an|one\s+of\s+(?:the|its|their))\s+(?:\w+\s+)?$", re.I)
# ("who also funds", "who else pays"; not "Who Belgium fund?", a name between: Belgium is the funder)
_WHO_FUNDS = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|so)\s+)who\s+(?:(?-i:[a-z]\w*)\s+)?(?:funds?|finances?|financed|funded|pays?|paid|"
                        r"bankrolls?|sponsors?|backs?)\b", re.I)


def asks_for_funders(question: str) -> bool:
    """Does the question ask for the named entity's funders (it is the one funded)?"""
    if _WHO_FUNDS.search(question):
        return True
    return any(not _AS_ONE.search(question[:m.start()]) for m in _FUNDER_NOUN.finditer(question))


# The words of a question that asks who funds the ILO's work in general ("Who funds the ILO's
# work?", "Which foundations finance ILO country work?", "which social security institutions pay for
# the ILO's own work in their country?"): the ILO, its work, the funding and the asked kind, nothing
# that names or narrows what is funded.  Ordinary English; the kind words are the roles' own phrases.
_GENERAL_WORDS = frozenset("""
which what who whom are is was were do does did has have had the a an of in on at for to by its their
it them all any every each list name give show tell me us please pls our own local national country
countries country's countries' level work works working activities activity support programme programmes
program programs operations efforts projects ilo ilo's international labour labor organization organisation
fund funds funded funding funder funders finance finances financed financing financier financiers pay pays
paid paying for bankroll bankrolls bankrolled sponsor sponsors sponsored donor donors backer backers
contributor contributors contribute contributes contributed money resources source sources financial
""".split())


def funds_work_in_general(question: str, role_phrase: str = "") -> bool:
    """Does the question ask the funders of the ILO's work at large, naming no recipient, topic or
    time (every word is one of asking, funding, the ILO's work or the asked kind of body)?  Then
    every body the graph has fund the ILO's country work is asked, not a sentence's few names."""
    if not (asks_for_funders(question) or role_phrase):
        return False
    text = question.lower()
    if role_phrase:
        text = text.replace(role_phrase.lower(), " ")
    words = re.findall(r"[a-z][a-z'’]*", text.replace("’", "'"))
    return bool(words) and all(w in _GENERAL_WORDS for w in words) and not re.search(r"\d", question)
