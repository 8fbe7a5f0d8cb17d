"""A noun phrase naming one party's sum of money, asked with a question mark: "Germany's 2024
contribution to the Global Accelerator?", "the EU's allocation for Lebanon?".

No question word and no auxiliary: the asker names the amount they want.  Read as a list query,
its words found no sentence strong enough; :func:`as_question` asks it ("How much was Germany's 2024
contribution to the Global Accelerator?"), which the figure readings answer (the figure a
"respectively" list pairs with Germany).  Only a possessive owner and a noun of money given;
ordinary English only.
"""
from __future__ import annotations

import re

_ASKING = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|why|is|are|was|were|has|have|had|does|do|did|"
                     r"can|could|will|would|list|name)\b", re.I)
_AMOUNT = re.compile(r"^(?:the\s+)?[\w .&-]{2,60}?['’]s\s+(?:(?:19|20)\d\d\s+)?(?:total\s+|new\s+|first\s+|annual\s+)?"
                     r"(?:contribution|funding|allocation|budget|grant|pledge|donation|commitment|financing)s?\b"
                     r"(?:\s+(?:to|for|towards|in|of)\s+[^?]{2,80})?$", re.I)


def as_question(question: str) -> str | None:
    """"How much was <phrase>?" for an amount phrase with a question mark, else None."""
    q = " ".join(question.split())
    if not q.endswith("?") or q.count("?") > 1:
        return None
    body = q.rstrip(" ?")
    if _ASKING.search(body) or not _AMOUNT.match(body):
        return None
    return f"How much was {body[:1].lower() + body[1:] if body[:3].lower() == 'the' else body}?"
