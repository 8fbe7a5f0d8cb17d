"""A described country inside the question: the subject of its verb, or the end of a keyword query.

("The country whose Pension Fund received an ILO actuarial valuation ... ratified Convention No.
102 in which year?": the description as the subject, the year asked at the end.)

"When did the country whose Social Security Institute (ISSS) co-finances the ILO's work ratify
Convention No. 102?" and "C102 ratification yr of the country whose ISSS health & occupational risk
systems got an ILO actuarial valuation" ask a year of one country they describe.
:mod:`app.qa.multihop.described_country` splits a description that *opens* the question; here it sits
between the auxiliary and the main verb, or after a keyword head with no question word, so the
whole question was read: the description's relation (co-finances, valuation) won, and the country
itself came back instead of its year.

:func:`split` finds the description's end at the first verb of the question proper: a base-form
verb that follows "did/does/has ..." ("ratify", "join", "receive" ...), general English only; or,
for a keyword head ("c102 ratification year of the country whose ..."), the end of the text.  The
result is a :class:`~app.qa.multihop.described_country.NamedBy`: the engine asks the naming question first
and the question proper only when exactly one country answers it.
"""
from __future__ import annotations

import re
from functools import lru_cache

_NOUN = r"(?:country|nation|territory|place|state)"  # "the place where ...": a country told by an event ("the Arab State that ...")
# "with": a thing the country has ("when did the country with the Haba Haba scheme join ..."), never
# a ranking ("the country with the most donors") nor "with which"
# a past participle's reduced relative: "the country hit by Typhoon Yagi", "the nation affected by ..."
PARTICIPLE_WORD = r"(?-i:[a-z]{2,}(?:ed|en)|hit|struck|led|run|held|set|put|built|brought|caught|made|paid|sent|chosen)"
_PARTICIPLE = PARTICIPLE_WORD + r"(?=\s+by\b)"
_REL = (r"(?P<rel>where|whose|in\s+which|that|which|with(?=\s+(?:the|a|an|its)\s+(?!(?:most|least|more|fewer|less|fewest|same|\w+est)\b))|"
        + _PARTICIPLE + ")")
# Base-form verbs that head a question about a country after "did/does/has ...".
_VERBS = (r"ratify|ratified|join|joined|adopt|adopted|launch|launched|receive|received|get|got|have|had|sign|signed|"
          r"become|become|start|started|introduce|introduced|endorse|endorsed|record|recorded|publish|published|approve|"
          r"approved|pass|passed|commit|committed|reach|reached|achieve|achieved|register|registered|implement|"
          r"implemented|host|hosted|enact|enacted|accede|acceded|obtain|obtained")


@lru_cache(maxsize=64)
def _subject(shortest: int) -> re.Pattern:
    """The embedded description with at least ``shortest`` characters after its first one."""
    return re.compile(rf"^(?P<head>(?:(?:in\s+)?(?:what|which)\s+year|when|how\s+many\s+[\w-]+|how\s+much|who|whom|"
                      rf"(?:which|what)\s+[\w-]+)\s+(?:did|does|do|has|have|had)\s+)"
                      rf"the\s+(?P<mods>(?:[\w'’-]+\s+){{0,2}}?){_NOUN}\s+{_REL}\s+(?P<desc>\S.{{{shortest},}}?)\s+"
                      rf"(?P<rest>(?:{_VERBS})\b.*)$", re.I)



@lru_cache(maxsize=64)
def _leading(shortest: int) -> re.Pattern:
    """The description as the sentence's subject, the question proper its verb with the asked year
    or time closing it ("The country whose Pension Fund received ... ratified Convention No. 102 in
    which year?")."""
    return re.compile(rf"^the\s+(?P<mods>(?:[\w'’-]+\s+){{0,2}}?){_NOUN}\s+{_REL}\s+(?P<desc>\S.{{{shortest},}}?)\s+"
                      rf"(?P<rest>(?:{_VERBS})\b[^?]*?\b(?:in\s+(?:which|what)\s+year|when)\s*\??)$", re.I)


# A relative clause has a verb of its own ("whose National Assembly approved ...", "that Utopia
# funds", "whose fund got ..."): a description with none ended too early, at its own verb.
_CLAUSE_VERB = re.compile(rf"\b(?:(?-i:{_VERBS})|(?-i:[a-z][\w-]*(?:ed|es|s))|is|was|are|were|saw|won|led|made|took|gave|"
                          rf"began|held|ran|set|put|lost|hit|struck|paid|sent|built|found|brought|went|came|"
                         # "where the ILO did an actuarial valuation": "did" as the clause's own main verb
                         rf"did|does|has|had)\b")

_KEYWORD = re.compile(rf"^(?P<head>(?:(?!\b(?:who|whom|whose|which|what|where|when|how)\b)[^?])+?)\s+(?P<prep>of|for|in|by)\s+"
                      rf"the\s+(?P<mods>(?:[\w'’-]+\s+){{0,2}}?){_NOUN}\s+{_REL}\s+(?P<desc>\S.{{8,}}?)\W*$", re.I)


def split(question: str):
    """The naming question and the question proper, or None."""
    from app.qa.multihop.described_country import NamedBy

    q = " ".join((question or "").split())
    m = _subject(8).match(q)
    # "with" opens a noun phrase, which has no verb of its own: it ends at the first verb, unless that
    # verb is a participle describing the thing ("the country with the scheme launched in 2019 join ...")
    while m is not None and (not _CLAUSE_VERB.search(m["desc"]) if m["rel"].lower() != "with" and not _by_participle(m)
                             else re.match(r"\w+ed\s+(?:in|on|by|under|for|with|to|at)\b", m["rest"], re.I)):
        m = _subject(len(m["desc"])).match(q)  # the question proper starts at a later verb
    if m is not None:
        noun, rel, desc = _described(m)
        head = m["head"][:1].upper() + m["head"][1:]
        return NamedBy(inner=_inner(noun, rel, desc), outer=f"{head}{{}} {m['rest']}",
                       described=f"the {noun} {rel} {desc}", rel=rel, desc=desc, noun=noun)
    lead = _leading(8).match(q)
    while lead is not None and not _CLAUSE_VERB.search(lead["desc"]):
        lead = _leading(len(lead["desc"])).match(q)  # the question proper starts at a later verb
    if lead is not None:
        noun, rel, desc = _described(lead)
        return NamedBy(inner=_inner(noun, rel, desc), outer=f"{{}} {lead['rest']}",
                       described=f"the {noun} {rel} {desc}", rel=rel, desc=desc, noun=noun)
    k = _KEYWORD.match(q)
    if k is not None and len(k["head"].split()) >= 2:
        noun, rel, desc = _described(k)
        return NamedBy(inner=_inner(noun, rel, desc), outer=f"{k['head']} {k['prep'].lower()} {{}}",
                       described=f"the {noun} {rel} {desc}", rel=rel, desc=desc, noun=noun)
    return None


def _by_participle(m: re.Match) -> bool:
    """Is the description a participle with its agent ("hit by Typhoon Yagi")?  Its verb is the
    participle itself, so it needs none of its own."""
    return re.fullmatch(PARTICIPLE_WORD, m["rel"]) is not None and m["desc"].lower().startswith("by ")


def _described(m: re.Match) -> tuple[str, str, str]:
    noun = (m["mods"] + re.search(_NOUN, m.group(0)[m.end("mods"):], re.I).group(0)).strip()
    return noun, " ".join(m["rel"].split()).lower(), m["desc"].strip(" ,?")


def _inner(noun: str, rel: str, desc: str) -> str:
    if rel == "in which":
        return f"In which {noun} {desc}?"
    if desc.lower().startswith("by ") and re.fullmatch(PARTICIPLE_WORD, rel):
        return f"Which {noun} was {rel} {desc}?"  # "Which country was hit by Typhoon Yagi?"
    return f"Which {noun} {rel} {desc}?"
