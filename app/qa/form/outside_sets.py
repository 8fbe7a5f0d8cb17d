"""A set of countries left out by "outside" or "non-": "countries outside the 50 priority
countries", "non-priority countries", "non-pathfinder countries".

The negation readings know "not", "not among", "except"; "outside" is read for regions ("outside
Africa") and "non-" not at all, so "Which of the country highlights ... are for countries outside
the 50 priority countries?" answered the priority countries themselves.  :func:`rewrite` says the
same with "not among" / "not": a set named by its countries (a number, a role word, "countries") is
what is left out.  A region after "outside" is left to the region readings.  The role words come
from the relation registry (:func:`app.qa.form.keyword_polar.role_nouns`); the rest is English.
"""
from __future__ import annotations

import re

from app.qa.form.keyword_polar import role_nouns

_OUTSIDE_SET = re.compile(r"\boutside\s+(?:of\s+)?(?P<set>(?:the|its|their)\s+(?:\d+\s+|[a-z]+\s+(?:\d+\s+)?)?"
                          r"(?:[\w-]+\s+){0,2}?countries)\b", re.I)
_NON_ROLE = re.compile(r"\bnon[\s-](?P<role>[a-z]+)(?=\s+countr)", re.I)


def rewrite(question: str) -> str:
    """The question with "outside the <countries>" as "not among the <countries>" and "non-<role>
    countries" as "not <role> countries"; unchanged otherwise."""
    out = _OUTSIDE_SET.sub(lambda m: f"not among {m.group('set')}", question)
    roles = role_nouns()
    return _NON_ROLE.sub(lambda m: f"not {m.group('role')}" if m.group("role").lower() in roles
                         or f"{m.group('role').lower()} country" in roles else m.group(0), out)
