"""Two conditions on one set: "Which countries that ratified Convention No. 102 in 2023 receive
financing from the European Union?"

A relative clause on the asked noun and the main verb each say which countries qualify.  Read
whole, the engine often keeps one condition and drops the other (every 2023 ratifier, or every
EU-funded country, comes back; "since 2021 ... that are in the ILO-IMF partnership" gave every
ratifier).  :func:`split` cuts the question into its two conditions as questions of their own
("Which countries ratified Convention No. 102 in 2023?", "Which countries receive financing from the
European Union?"); :func:`narrow` keeps, of the whole reading's answers, those the other condition's
answer also holds, only when every whole answer meets one condition and not every one meets the
other (that one was dropped or loosened), and the other keeps some but not all of them.  A composition of two relations by the graph's
own answers, never a rule for a pair of relations.

Ordinary English only: the relative pronoun, and the main verb found as a copula or a general verb
of having or receiving after the clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

_NOUNS = r"countries|nations|member\s+states|organi[sz]ations|donors|funders|partners|agencies|institutions"
_VERB = (r"(?:also\s+[a-z]+|are|were|have|had|receive|received|get|got|show\s+up|appear|belong|feature|count|rank|"
         r"recorded|record|joined|join|ratified|ratify)\b")
_SPLIT = re.compile(rf"^(?:(?:in|of|among|from)\s+)?(?P<wh>which|what)\s+(?P<noun>{_NOUNS})\s+(?:that|which|who)\s+"
                    rf"(?P<desc>(?!are\b|were\b|is\b|was\b)\S.{{5,}}?)\s+(?P<asked>{_VERB}.{{3,}}?)\s*\??$", re.I)


@dataclass(frozen=True)
class TwoConditions:
    described: str  # the relative clause's condition, as a question
    asked: str      # the main verb's condition, as a question
    # narrow only a whole reading that is exactly one condition's answer ("which pathfinder
    # countries are also ...": the modifiers often already narrowed the whole reading)
    exact: bool = False


# "Which accelerator pathfinder countries are also part of ...": the noun's modifiers are the first
# condition, "also" marks the second.
_ALSO = re.compile(rf"^(?:(?:in|of|among|from)\s+)?(?P<wh>which|what)\s+(?P<pre>(?:[\w-]+\s+){{1,4}}?)(?P<noun>{_NOUNS})\s+"
                   rf"(?P<verb>are|were)\s+also\s+(?P<asked>\S.{{3,}}?)\s*\??$", re.I)


def split(question: str) -> TwoConditions | None:
    """The two conditions of a "which <noun> that <clause> <verb> ..." or "which <modifiers> <noun>
    are also ..." question, or None."""
    q = " ".join((question or "").split())
    also = _ALSO.match(q)
    if also is not None:
        noun = also["noun"].lower()
        return TwoConditions(described=f"Which {also['pre'].strip()} {noun}?",
                             asked=f"Which {noun} {also['verb'].lower()} {also['asked'].strip(' ,')}?", exact=True)
    m = _SPLIT.match(q)
    if m is None:
        return None
    noun = m["noun"].lower()
    asked = re.sub(r"^also\s+", "", m["asked"], flags=re.I)
    return TwoConditions(described=f"Which {noun} {m['desc'].strip(' ,')}?", asked=f"Which {noun} {asked}?")


def narrow(out: dict, parts: TwoConditions, ask: Callable[[str], dict]) -> str | None:
    """Keep in ``out`` the answers both conditions hold, when the whole reading kept only one
    condition; returns the condition that narrowed it (for the path), or None."""
    key = lambda x: x.get("iri") or x["label"]
    whole = {key(x) for x in out["answers"]}
    a, b = ask(parts.described), ask(parts.asked)
    sa, sb = {key(x) for x in a.get("answers") or []}, {key(x) for x in b.get("answers") or []}
    if not sa or not sb or sa == sb:
        return None
    # the whole reading kept one condition (its answers all meet it) and not the other
    if parts.exact and whole not in (sa, sb) and not (whole > sa or whole > sb):
        return None  # the whole reading already holds something of both conditions
    if whole <= sa and not whole <= sb:
        other, by = sb, parts.asked
    elif whole <= sb and not whole <= sa:
        other, by = sa, parts.described
    else:
        # the whole reading loosened one condition ("every ratifier" for "ratified under the
        # campaign") and dropped the other: the answers both conditions' own answers share
        for loose, strict, by in ((sa, sb, parts.asked), (sb, sa, parts.described)):
            shared = [x for x in (a if loose is sa else b)["answers"] if key(x) in strict]
            if loose < whole and shared and len(shared) < len(loose):
                out["answers"] = shared
                out["path"] = list(out.get("path") or []) + [f"within the set asked by “{by}”"]
                return by
        return None
    kept = [x for x in out["answers"] if key(x) in other]
    if not kept or len(kept) == len(out["answers"]):
        return None
    out["answers"] = kept
    out["path"] = list(out.get("path") or []) + [f"within the set asked by “{by}”"]
    return by
