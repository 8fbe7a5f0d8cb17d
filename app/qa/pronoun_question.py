"""A question proper that is only a pronoun, its thing named before it: "I need the remaining
funding gap of the programme at the end of 2024 — what was it?"

Writers name what they want first and ask for it after a dash or colon with a bare pronoun ("what
was it?", "how much is that?", "when was it?").  Read whole, the request's words ("for my
article", "I need") and the pronoun typed nothing, and the answer type fell to whatever the
words suggested (a scheme, an organisation) instead of the figure the noun names.

:func:`rewrite` puts the named thing in place of the pronoun: "what was the remaining funding gap
of the programme at the end of 2024?".  The thing is the last noun phrase opened by "the" (or
"a"/"an") before the break, with no comma inside; anything else is left as written.  Ordinary
English only.
"""
from __future__ import annotations

import re

_ASKED = re.compile(
    r"^(?P<lead>.*?)\b(?P<np>(?:the|a|an)\s+[^—–:;,?.!]+?)\s*(?:[—–:;]+|\s-+|,|\.)\s*"
    r"(?P<q>what|how\s+much|how\s+many|how\s+large|how\s+big|when)\s+(?P<verb>is|was|are|were)\s+"
    r"(?:it|that|this|they|those|these)\s*[?.!]*\s*$", re.I)


def rewrite(question: str) -> str:
    """``question`` with a bare pronoun question ("— what was it?") asked of the thing named before it."""
    m = _ASKED.match(question)
    if not m:
        return question
    return f"{m.group('q')} {m.group('verb')} {m.group('np').strip()}?"
