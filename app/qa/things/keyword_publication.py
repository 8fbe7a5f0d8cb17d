"""A keyword query that names a publication by its kind and title words is asking for that publication.

Why: "financing gap working paper universal protection" or "ILO WHO joint guidance tuberculosis"
carry no question word, so intent matching reads them as a relation ("financing" -> funders,
"joint" -> partners) and answers organisations.  A query with no wh-word whose words include a
publication kind noun ("working paper", "guidance", "fact sheet") names a publication; the
publication finder (:mod:`app.qa.things.titles`) then decides which one from the title words, and
only a title it singles out by its words (not a bare list of the kind) is taken.

Only ordinary English (question words, kind nouns) is written here.
"""
from __future__ import annotations

import re

from app.qa.things.titles import KIND_WORDS

# a question word asks for something else ("who published ...", "which countries ..."); the
# organisation acronym "WHO" is not one, so the match is on the written case
_WH = re.compile(r"\b(?:[Ww]ho|[Ww]hom|[Ww]hose|[Ww]hich|[Ww]hat|[Ww]here|[Ww]hen|[Hh]ow|[Ww]hy)\b|\?")
# "report" is also what a query calls the report itself ("report country results"): not a kind here
_KINDS = tuple(k for k in KIND_WORDS if k != "report") + ("guidance", "publication")
_KIND = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _KINDS) + r")s?\b", re.I)
# a keyword query asking a figure, date or place of a publication is not asking its title
_OTHER_ASK = re.compile(r"\b(?:countr(?:y|ies)|date|year|month|published\s+(?:in|on|by)|authors?|publishers?|"
                        r"languages?|number|pages?|how\s+many|count|funders?|donors?|partners?|sponsors?|"
                        r"funds|funded|financed)\b", re.I)


def names_publication(question: str) -> bool:
    """True for a keyword query (no question word) whose words name a publication kind and ask no
    other thing of it (its countries, date, languages, authors or funders: "funders <title words>
    brief" asks who paid for it, while "financing" is as often a title's own word)."""
    return not _WH.search(question) and bool(_KIND.search(question)) and not _OTHER_ASK.search(question)
