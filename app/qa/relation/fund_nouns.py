""""Fund" the noun, not the verb: "nigeria health funds", "CNAM health insurance fund country".

Why: the funding relation is signalled by "fund"/"funds" (``question.FUND``), so a question about a
health insurance fund ("the Nigerian fund for vulnerable groups", "nigeria non-contributory health
funds") was read as a question about funders and answered with donors.  The report's own names
tell the two uses apart: a word that stands before "fund" in the name of a fund the graph holds
("National Health Insurance Fund", "Vulnerable Group Fund") makes "health fund", "group fund" a
noun phrase, while the verb follows a subject ("which countries fund", "does Sweden fund", "who
funds").  The modifier words are read from the graph's entity names, so next year's funds bring
their own; nothing here names one.
"""
from __future__ import annotations

import re

_FUND_NAME = re.compile(r"\bFunds?\s*$")
_PAREN = re.compile(r"\s*\([^)]*\)")
_WORD = re.compile(r"[A-Za-z][\w-]*")
# Small words of names, never a fund's modifier on their own.
_SMALL = frozenset("a an and for of the s under new on in to by with".split())
_NOUN_TYPES = ("Organization", "Scheme", "Initiative")


def fund_modifiers(knowledge) -> frozenset[str]:
    """Lower-case content words of the graph's names that end on "Fund" ("health", "insurance",
    "group", "provision", "solidarity", ...)."""
    words: set[str] = set()
    for e in knowledge.entities.values():
        if e.get("type") not in _NOUN_TYPES:
            continue
        for name in knowledge.names(e["id"]):
            name = _PAREN.sub("", name).strip()
            if _FUND_NAME.search(name):
                words.update(w.lower() for w in _WORD.findall(name)[:-1] if w.lower() not in _SMALL)
    return frozenset(words)


def blank_fund_nouns(text: str, modifiers: frozenset[str]) -> str:
    """``text`` with each "fund"/"funds" that follows one of ``modifiers`` (possibly through a
    hyphenated or second modifier: "non-contributory health funds") blanked out, so the funding
    relation's words are only its verb and agent nouns."""
    text = _ASKED.sub(_blank_asked, text)
    text = _BODY_COMPOUND.sub(lambda m: " " * len(m.group(1)), text)  # "a health financing network"
    if not modifiers:
        return _POSSESSED.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)

    def blank(m: re.Match) -> str:
        return m.group(1) + " " * len(m.group(2))

    alts = "|".join(sorted(map(re.escape, modifiers), key=len, reverse=True))
    rx = re.compile(r"(\b(?:" + alts + r")\s+)(funds?)\b", re.I)
    # a query ending on "<modifier> <noun> funds" ("nigeria non-contributory health coverage
    # funds"): the funds are the noun phrase's head, not a verb whose object would follow
    # (a participle or a year may close it: "... coverage funds operationalised 2024" - a verb
    # "funds" takes a plural object, never one singular word)
    last = re.compile(r"(\b(?:" + alts + r")\s+[a-z][\w-]*\s+)(funds)(?=(?:\s+[a-z]+(?<!s))?(?:\s+(?:in\s+)?\d{4})?\s*[?.!]?\s*$)", re.I)
    return _POSSESSED.sub(blank, last.sub(blank, rx.sub(blank, text)))


# "which health financing network counts the Swiss among its members": a funding word heading a
# compound with a body noun names the kind of body, not who pays for what
_BODY_COMPOUND = re.compile(r"\b(funding|financing)(?=\s+(?:networks?|facilit(?:y|ies)|mechanisms?|partnerships?|platforms?|"
                            r"alliances?|coalitions?|communit(?:y|ies)\s+of\s+practice)\b)", re.I)
# "which country's fund", "Kenya's fund": a possessed fund is a thing, never the verb
_POSSESSED = re.compile(r"(['’]s\s+)(funds?)\b", re.I)
# The fund asked for: "which Malagasy social security fund launched ...", "what is the fund that ...".
# The words between "which" and the noun are its modifiers, never an auxiliary or a plural noun
# ("which countries does Germany fund", "which donors fund ..."), and the noun is followed by what
# a noun is followed by (a verb of its own, a relative, a preposition, the end), not an object.
# "the funds" stays money ("where do the funds for Kenya come from"); "the fund" is a body.
# Single spaces: a linked name blanked out ("the [french] fund") leaves a run of spaces, never a modifier.
_NOUN_NEXT = (r"(?=\s+(?:that|which|whose|where|did|does|do|is|was|were|are|has|have|had|in|of|for|with|behind|[a-z]+ed)\b"
              r"|\s*[?,.;]|\s*$)(?![^?]*\bcom(?:e|es|ing|ed)\s+from\b)")
_ASKED = re.compile(r"(\b(?:which|what) (?:(?!(?:did|does|do|has|have|had|is|are|was|were)\b)(?![\w-]*s\b)[\w-]+ ){0,3}?)"
                    r"(funds?)" + _NOUN_NEXT + r"|(\bthe )(fund)" + _NOUN_NEXT, re.I)


# A singular agent right before "funds" is its subject: "which country funds Madagascar?" (the
# name blanked leaves the verb looking like a noun at the end) asks who pays, not which fund.
_AGENT_SUBJECT = re.compile(r"\b(?:country|government|donor|nation|state|organi[sz]ation|partner|member|agency|institution|"
                            r"body|foundation|bank|company|sponsor|funder|contributor)\s+$", re.I)


def _blank_asked(m: re.Match) -> str:
    lead, noun = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
    if m.group(2) and noun.lower() == "funds" and _AGENT_SUBJECT.search(lead):
        return m.group(0)
    return lead + " " * len(noun)


__all__ = ["fund_modifiers", "blank_fund_nouns"]


# "nigeria funds non-contributory health coverage": "funds" straight after a country, then more words
_FUNDS_AFTER = re.compile(r"\s+(funds)\b(?=\s+\w)", re.I)


def blank_non_funders_funds(text: str, links) -> str:
    """``text`` with a plural "funds" blanked where it follows a linked country the graph holds no
    funding government for ("nigeria funds non-contributory health coverage": that country's
    funds, a noun).  A donor country's name links its government too ("Organization:gov-..."), so
    "norway funds which countries" keeps the verb.  The graph decides; no country is named here."""
    for l in sorted(links, key=lambda l: -l.start):
        if not any(i.startswith("Country:") for i in l.ids) or any(i.startswith("Organization:") for i in l.ids):
            continue
        m = _FUNDS_AFTER.match(text, l.end)
        if m:
            text = text[:m.start(1)] + " " * len(m.group(1)) + text[m.end(1):]
    return text
