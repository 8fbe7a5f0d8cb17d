"""A preposition a writer in a second language drops or swaps in a setting-aside phrase: "which
funders the ILO has in Rwanda apart Portugal?" (for "apart from"), "except of the EU" (for "except").
Read as written, "apart" set nothing aside and the named funder came back with the others.
Every reader of setting-aside words (:mod:`app.qa.constraints.exclusion` and the rest) reads the
standard form, so it is restored once, here.  Ordinary English only."""
from __future__ import annotations

import re

# "apart" before a name or an article, not "apart from", "set apart", "far apart", "apart."
_APART = re.compile(r"(?<!\bset\s)(?<!\bfar\s)\bapart(?=\s+(?!from\b|of\b)(?:the\s+|a\s+|an\s+)?[A-Za-z])", re.I)
_EXCEPT_OF = re.compile(r"\bexcept\s+of\b", re.I)


def rewrite(question: str) -> str:
    """The question with "apart X" read as "apart from X" and "except of" as "except"."""
    return _EXCEPT_OF.sub("except", _APART.sub(lambda m: m.group(0) + " from", question))
