"""A question proper that is only a pronoun, its thing named before it: "I need the remaining
funding gap of the programme at the end of 2024 — what was it?"

Writers name what they want first and ask for it after a dash or colon with a bare pronoun ("what
was it?", "how much is that?", "when was it?").  Read whole, the request's words ("for my
article", "I need") and the pronoun typed nothing, and the answer type fell to whatever the
words suggested (a scheme, an organisation) instead of the figure the noun names.

:func:`rewrite` puts the named thing in place of the pronoun: "what was the remaining funding gap
of the programme at the end of 2024?".  The thing is the last noun phrase opened by "the" (or
"a"/"an") before the break, with no comma inside.  A "what" question is rewritten only when that
phrase names a figure or a date ("the share of ..."), not a thing ("the report on ...: what is
it?" asks what the thing is, which the whole question reads better); anything else is left as
written.  Ordinary English only.
"""
from __future__ import annotations

import re

_ASKED = re.compile(
    r"^(?P<lead>.*?)\b(?P<np>(?:the|a|an)\s+[^—–:;,?.!]+?)\s*(?:[—–:;]+|\s-+|,|\.)\s*"
    r"(?P<q>what|how\s+much|how\s+many|how\s+large|how\s+big|when)\s+(?P<verb>is|was|are|were)\s+"
    r"(?:it|that|this|they|those|these)\s*[?.!]*\s*$", re.I)


# The thing asked is a figure or a date ("the remaining funding gap", "the share of ..."): a named
# thing ("the report on ...: what is it?") asks what it is, which the whole question reads better.
_FIGURE_HEAD = re.compile(r"^(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:gap|amount|number|share|total|figure|percentage|"
                          r"proportion|count|budget|cost|rate|sum|level|value|size|year|date|deadline|envelope|"
                          r"allocation|contribution|funding)s?\b", re.I)


def rewrite(question: str) -> str:
    """``question`` with a bare pronoun question ("— what was it?") asked of the figure named before it."""
    m = _ASKED.match(question)
    if not m or not (_FIGURE_HEAD.match(m.group("np")) or not m.group("q").lower().startswith("what")):
        return question
    return f"{m.group('q')} {m.group('verb')} {m.group('np').strip()}?"
