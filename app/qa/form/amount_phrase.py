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


# The keyword form, no possessive and no question mark: "Germany contribution Global Accelerator M-GA
# 2024", "korea pledge global accelerator".  Only nouns of a sum given by one party ("funding",
# "financing" say who funds whom: "eu funding jordan"), and never closing on a kind of answer
# ("rbsa contribution countries" asks for the countries).
# The owner is a country (a donor government: "rbsa allocation countries", "jordan contribution
# subsidy pilot" name no giver); the noun is no compound's modifier ("contribution rates", "...
# subsidy"), and no word after it names a kind of answer.
_KEYWORD_AMOUNT = re.compile(r"^(?P<owner>[\w.&-]+(?:\s+[\w.&-]+){0,2}?)\s+(?:(?:19|20)\d\d\s+)?(?:total\s+|new\s+|annual\s+)?"
                             r"(?:contribution|allocation|pledge|donation|commitment)s?(?:\s+(?:to|for|towards|in|of))?"
                             r"\s+(?!(?:rates?|subsid\w*|levels?|periods?|years|schemes?|amounts?)\b)(?P<tail>[^?]{2,80})$", re.I)


def as_question(question: str) -> str | None:
    """"How much was <phrase>?" for an amount phrase with a question mark, or a keyword query naming
    one party's sum, else None."""
    q = " ".join(question.split())
    if q.count("?") > 1:
        return None
    body = q.rstrip(" ?")
    if _ASKING.search(body):
        return None
    if not q.endswith("?") or not _AMOUNT.match(body):
        from app.qa.question import kind_of_word

        from graph.countries import lookup

        m = _KEYWORD_AMOUNT.match(body)
        if not m or not lookup(m.group("owner")) or any(kind_of_word(w) for w in re.findall(r"[\w'-]+", m.group("tail"))):
            return None
    return f"How much was {body[:1].lower() + body[1:] if body[:3].lower() == 'the' else body}?"
