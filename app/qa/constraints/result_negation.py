"""Whether a question's negation is about the institutional results it mentions.

"Which countries recorded *no* result in 2024?" asks for the countries without one; "which
countries' 2024 results extended coverage to people who were *not* covered before?" asks for
countries *with* results, and its "not" belongs to a clause about people.  A negation word
anywhere in the question is therefore not enough to turn a results question into its complement:
the negation must govern a mention of the results, either before it in the same clause ("did not
record a single institutional result", "without any result", "lacking results") or as the verb
the results are the subject of ("results were not recorded").
"""
from __future__ import annotations

import re

from app.qa.question import ANY_RESULT, RESULT_KEYWORDS, RESULT_TYPES, _negated_before

# A negation reaches this far back to the result it governs ("did not register a single
# institutional result": five words between).
_WINDOW = 7
# "results were not recorded", "results in 2024 weren't reported": the results are the subject.
_NEGATED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:(?:(?:were|was|are|is|have|has|had)(?:\s+been)?\s+)?(?:not|never)\b|"
                            r"(?:weren|wasn|aren|isn|haven|hasn|hadn)['’]t\b)", re.I)


def _mentions(question: str):
    """Every place the question words the results or one of their kinds."""
    yield from ANY_RESULT.finditer(question)
    for rx in (*RESULT_TYPES.values(), *RESULT_KEYWORDS.values()):
        yield from rx.finditer(question)


# "zero institutional results", "nil results": a quantity of none right before the results
_NONE_BEFORE = re.compile(r"\b(?:zero|nil|0)\s+(?:[\w-]+\s+){0,2}$", re.I)


def governs_results(question: str) -> bool:
    """Does a negation in the question govern one of its mentions of the results?"""
    return any(_negated_before(question, m.start(), window=_WINDOW) or _NEGATED_AFTER.match(question, m.end())
               or _NONE_BEFORE.search(question[:m.start()]) for m in _mentions(question))


# "with a 2024 result", "that achieved results", "having any result": results worded as held.
_HELD = re.compile(r"\b(?:with|having|ha[sd]|have|got|record(?:ed)?|achiev(?:ed|ing)|register(?:ed)?)\s+"
                   r"(?:an?\s+|any\s+|some\s+)?(?:(?:19|20)\d\d\s+)?(?:institutional\s+)?results?\b(?!\s+(?:[123]\b|types?\b|kinds?\b))",
                   re.I)


def results_also_held(question: str) -> bool:
    """Besides the result kind it negates, does the question say the countries hold some result?
    "Which Asia-Pacific countries *with a 2024 result* did not improve operations?" asks among the
    countries with results, not among every priority country without an operations result."""
    return any(not _negated_before(question, m.start(), _WINDOW) for m in _HELD.finditer(question))
