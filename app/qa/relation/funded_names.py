"""A funder written into the name of a project is its description, not the question's filter.

Why: "which countries did the EU-funded SP&PFM project support", "where does the Netherlands-funded
PROSPECTS project work", "the PROSPECTS project, funded by the Netherlands, ...": the funder says
which project is meant; the countries asked are the project's.  Read as a funding question, the
funder's recipients answered instead (every country the EU funds) and the project was dropped.

:func:`drop_describing_funders` finds linked bodies written as "<body>-funded <named thing>" or
"<named thing> (,) funded/financed/supported by <body> (and <body>)", where the named thing is a
linked project, initiative or scheme, and removes those links; the funding cue stays only when the
rest of the question still says it ("countries financed through the Multi-donor Programme funded
by Belgium": the countries are financed).  Not when a body is asked ("who funded the SP&PFM
project") nor when the named thing only qualifies the asked noun ("eu financed global accelerator
pathfinders": the pathfinders are financed).  Shapes of English only; no names.
"""
from __future__ import annotations

import re

from app.qa.question import FUND
from app.qa.relation.fund_nouns import blank_fund_nouns

_NAMED = ("Project", "Initiative", "Scheme")
_BODIES = ("Organization", "Country")
_FUNDED = r"(?:funded|financed|backed|sponsored|supported)"
# "<body>-funded [the] <name>", "<body> funded <name>"
_BEFORE = re.compile(r"^\s*[-‐–]?\s*" + _FUNDED + r"\s+(?:the\s+|its\s+)?$", re.I)
# "<name>, funded by [the] <body>", "<name>, funded by <body> and [the] <body>"
_AFTER = re.compile(r"^\s*,?\s*(?:(?:which|that)\s+(?:is|was)\s+)?" + _FUNDED + r"\s+by\s+(?:the\s+)?$", re.I)
_AND = re.compile(r"^\s*(?:,|and|,\s*and)\s+(?:the\s+)?$", re.I)
# the named thing qualifies the asked noun: "eu financed global accelerator pathfinders"
_QUALIFIES = re.compile(r"^\s*(?:countr\w*|pathfinders?|members?|partners?|governments?|nations?|states|donors?|"
                        r"funders?|recipients?|beneficiar\w*)\b", re.I)


def _named(link) -> bool:
    return any(i.split(":", 1)[0] in _NAMED for i in link.ids)


def _body(link) -> bool:
    return bool(link.ids) and all(i.split(":", 1)[0] in _BODIES for i in link.ids)


def describing_spans(question: str, links) -> list[tuple[object, int, int]]:
    """(body link, start, end of the describing words) for each body that describes a named thing."""
    ordered = sorted(links, key=lambda l: l.start)
    out: list[tuple[object, int, int]] = []
    for n in ordered:
        if not _named(n) or _QUALIFIES.match(question[n.end:]):
            continue
        for f in ordered:
            if f is n or not _body(f):
                continue
            if n.start >= f.end and _BEFORE.match(question[f.end:n.start]):
                out.append((f, f.start, n.start))
            elif f.start >= n.end and _AFTER.match(question[n.end:f.start]):
                out.append((f, n.end, f.end))
                last = f
                for g in ordered:  # "funded by Belgium and Luxembourg"
                    if g.start >= last.end and _body(g) and _AND.match(question[last.end:g.start]):
                        out.append((g, last.end, g.end))
                        last = g
    return out


def drop_describing_funders(a, und=None) -> bool:
    """Remove bodies that only describe a named thing from ``a`` (and the funding relation, when
    nothing else in the question says funding) unless a body is asked.  Says whether anything was
    dropped."""
    if a.answer_type == "Organization":
        return False
    spans = describing_spans(a.question, a.links)
    if not spans:
        return False
    dropped = {id(f) for f, _, _ in spans}
    a.links = [l for l in a.links if id(l) not in dropped]
    rest = a.question
    for _, s, e in sorted(spans, key=lambda t: -t[1]):
        rest = rest[:s] + " " * (e - s) + rest[e:]
    if not FUND.search(blank_fund_nouns(rest, a.fund_modifiers)):
        a.fund = False
        a.negated.discard("fund")
        if und is not None and getattr(und, "relation", None) == "fundedBy":
            und.relation, und.direction = None, None
    return True


__all__ = ["describing_spans", "drop_describing_funders"]
