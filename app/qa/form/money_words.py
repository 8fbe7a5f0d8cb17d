"""Everyday words for money given: "pledged extra cash for the Global Accelerator".

"Cash" is a topic of the field ("cash transfers", "cash-for-work"), so a question giving it as the
thing a donor gave ("which governments pledged extra cash for ...") was read as a question about
cash transfers and answered from a typhoon's cash-for-work sentence.  After a verb of giving,
"cash" is the money given, and "chipped in" is "contributed": :func:`rewrite` says so in the words
the funding readings know.  Ordinary English only, no fact of any report.
"""
from __future__ import annotations

import re

# a verb of giving, then what is given: "pledged extra cash", "gave some cash", "put up cash"
_GIVEN_CASH = re.compile(r"\b(?P<verb>pledg\w*|g[ai]ve|giv(?:es|ing)|put(?:s|ting)?(?:\s+up)?|provid\w*|contribut\w*|"
                         r"committ?\w*|donat\w*|offer\w*|chipp?\w*\s+in(?:\s+with)?)\s+"
                         r"(?P<how>(?:(?:extra|more|additional|new|some|fresh|hard|the|their|its)\s+){0,2})cash\b(?![\s-]+(?:transfers?|for[\s-]work|benefits?|grants?|allowances?|payments?|programmes?))",
                         re.I)


# "which governments chipped in or pledged ...": the past, "contributed"; the base form after "did"
# stays ("where did Spain chip in for ..." is found by its sentence, "contribute for" is not)
_CHIPPED_IN = re.compile(r"\bchipped\s+in\b", re.I)


def rewrite(question: str) -> str:
    """The question with cash given read as money, and "chipped in" as "contributed"."""
    question = _GIVEN_CASH.sub(lambda m: f"{m.group('verb')} {m.group('how')}money", question)
    return _CHIPPED_IN.sub("contributed", question)
