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
_WHO_FUNDS = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|so)\s+)who\s+(?:\w+\s+)?(?:funds?|finances?|financed|funded|pays?|paid|"
                        r"bankrolls?|sponsors?|backs?)\b", re.I)


def asks_for_funders(question: str) -> bool:
    """Does the question ask for the named entity's funders (it is the one funded)?"""
    if _WHO_FUNDS.search(question):
        return True
    return any(not _AS_ONE.search(question[:m.start()]) for m in _FUNDER_NOUN.finditer(question))
