"""A keyword query closing on a role noun or a participle, with a question mark, asks yes or no.

"colombia global accelerator pathfinder?", "kenya priority country?", "pakistan national roadmap
endorsed in 2024?": no question word and no auxiliary, only a name, what it might be or what might
have happened to it, and a question mark.  Read as a list query ("global accelerator pathfinders"
filtered by the name), the answer was the named country itself, or nothing, where the asker wants
Yes or No.  :func:`as_polar` puts the missing copula in front ("Is colombia global accelerator
pathfinder?", "Was pakistan national roadmap endorsed in 2024?"), which the yes/no readings answer.

A plural noun closing the query ("malawi donors?", "c102 ratifying countries?") still asks for the
list.  The role nouns are read from the relation registry (each relation's nouns for its subjects,
and its keywords naming a kind of country), made singular; the rest is ordinary English.
"""
from __future__ import annotations

import re
from functools import lru_cache

_ASKING = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|why|list|name|names|show|give|tell|count|"
                     r"number|total|any|all|every|each)\b", re.I)
# (anywhere: "wat is the programme called?" is a question with a misspelt question word)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would|should)\b", re.I)
# a past participle closing the query, a date after it allowed ("endorsed in 2024", "adopted 2023",
# "reached by end 2024")
_PARTICIPLE = re.compile(r"(?<![\w'’-])(?P<before>[\w'’-]+)\s+(?P<verb>[a-z]{3,}ed|met|hit|paid|held)"
                         r"(?:\s+(?:(?:in|by|during|before|after|since)\s+)?(?:(?:the\s+)?end(?:\s+of|-)?\s*)?(?:19|20)\d\d)?$", re.I)
_MAX_WORDS = 10
_MISSPELT_ASKING = frozenset({"wat", "wich", "whcih", "hwo", "hw", "hou", "wen", "wer"})


def _singular(noun: str) -> str:
    words = noun.lower().split()
    last = words[-1]
    last = last[:-3] + "y" if last.endswith("ies") else last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    return " ".join([*words[:-1], last])


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Singular nouns naming a country's role in a registered relation ("pathfinder", "member
    country", "priority country", "co-chair"): a name followed by one asks whether it has that role."""
    from graph.relations import REGISTRY

    out: set[str] = set()
    for r in REGISTRY:
        if "Country" not in r.domain:
            continue
        nouns = [*r.subject_nouns, *(k for k in r.keywords if k.split()[-1].lower() in ("country", "countries"))]
        out.update(_singular(n) for n in nouns if len(n.split()) <= 2 and not n.lower().endswith("parties"))
    return frozenset(out)


def as_polar(question: str) -> str | None:
    """The yes/no question a keyword query with a closing role noun or participle asks, else None."""
    q = " ".join(question.split())
    if not q.endswith("?") or q.count("?") > 1:
        return None
    body = q.rstrip(" ?")
    words = body.split()
    if not 2 <= len(words) <= _MAX_WORDS or re.search(r"[,;:.!()\[\]]", body) \
            or _ASKING.search(body) or _AUXILIARY.search(body):
        return None
    low = [w.lower() for w in words]
    if any(w.startswith("wh") or w in _MISSPELT_ASKING for w in low):
        return None  # "wich country pathfinder?": a question word misspelt
    nouns = role_nouns()
    if low[-1] in nouns or " ".join(low[-2:]) in nouns and len(words) >= 3:
        return f"Is {body}?"
    # "uk among iraq funders?", "norway one of the rbsa donors?": a name set among a list
    among = re.search(r"^\S.*?\s+(?:among|amongst|one\s+of)\s+\S", body, re.I)
    if among and len(body[:among.end()].split()) >= 2:
        return f"Is {body}?"
    m = _PARTICIPLE.search(body)
    if not m or len(body[:m.start("verb")].split()) < 2:
        return None
    before = m.group("before")
    if not re.search(r"(?<!s)s$", before, re.I):
        return f"Was {body}?"
    # a plural kind the engine answers before the participle is the subject of a list ("pathfinders
    # joined in 2024?"); any other plural is what the yes or no is about ("flagship regional focal
    # points appointed 2024?")
    from app.qa.question import kind_of_word

    if kind_of_word(before) or _singular(before) in nouns:
        return None
    return f"Were {body}?"
