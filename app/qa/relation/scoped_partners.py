"""A country's partners narrowed to those the report names beside the scheme or initiative asked about.

"Who did the ILO work with on Lebanon's National Disability Allowance?", "zambia digital convergence
initiative partners", "which partners worked with the ILO on Haba Haba in Kenya": the graph holds
partnerships per country (``partneredWith`` / ``supportedBy`` from the sentences that state them),
so the answer is every organisation the ILO worked with in that country: the donors of its
strategy, the company of another value chain, the agencies of another policy.  The scheme or
initiative the question names, which no constraint binds, says which of those partnerships is
meant: the one whose own stating sentence names it too.

:func:`scoped` reads, for each candidate, the sentences of the passages its partnership facts cite
and keeps the candidates named in a sentence that also writes the thing's name (as a proper name,
case kept: "the national disability allowance" in a list of topics is a topic, not the scheme's
name; a trailing kind noun may be left out: the report writes "Haba Haba" for the "Haba Haba
scheme").  It narrows only: when no candidate, or every candidate, is so named, it returns None.
Nothing here names a report's scheme, initiative or organisation.
"""
from __future__ import annotations

import re

from graph.text import split_sentences

_PARTNERING = ("partneredWith", "supportedBy")
# General kind nouns a name may end on that a sentence may leave out ("the X scheme" -> "X").
_KIND_TAIL = re.compile(r"\s+(?:scheme|programme|program|project|initiative|network|pilot)s?$", re.I)


def _names(k, eid: str) -> list[str]:
    out = set()
    for n in k.names(eid) or []:
        n = (n or "").strip()
        if len(n) < 2:
            continue
        out.add(n)
        short = _KIND_TAIL.sub("", n)
        if short != n and len(short) >= 4 and any(c.isupper() for c in short):
            out.add(short)
    return sorted(out, key=len, reverse=True)


def _pattern(names: list[str]) -> re.Pattern | None:
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def names(text: str, thing: str, k) -> bool:
    """Whether ``text`` writes one of the thing's names (case kept, a trailing kind noun optional)."""
    rx = _pattern(_names(k, thing))
    return bool(rx and rx.search(text))


def scoped(graph_ids: list[str], countries: set[str], things: list[str], k) -> tuple[list[str], str] | None:
    """(the candidates named beside one of ``things`` in a sentence stating their partnership in one
    of ``countries``, that thing's id), or None when that leaves none or all of them."""
    if not graph_ids or not countries or not things:
        return None
    for thing in things:
        thing_rx = _pattern(_names(k, thing))
        if thing_rx is None:
            continue
        kept = []
        for org in graph_ids:
            org_rx = _pattern(_names(k, org))
            if org_rx is None:
                continue
            passages = []
            for c in countries:
                for p in _PARTNERING:
                    for f in k.facts_where(subject=c, predicate=p, obj=org) + k.facts_where(subject=org, predicate=p, obj=c):
                        passages += [x for x in f.get("passages") or [] if x not in passages]
            said = False
            for pid in passages:
                passage = k.passage(pid)
                text = getattr(passage, "text", "") if passage is not None else ""
                for a, b in split_sentences(text):
                    s = text[a:b]
                    if thing_rx.search(s) and org_rx.search(s):
                        said = True
                        break
                if said:
                    break
            if said:
                kept.append(org)
        if kept and len(kept) < len(graph_ids):
            return kept, thing
    return None


# Words a reader leaves off the front of a scheme's name ("Lebanon's disability allowance" for its
# National Disability Allowance) are the name's leading words; what is kept must be two words or more.
_MIN_TAIL_WORDS = 2
_ACRONYM_PAREN = re.compile(r"\s*\([^)]*\)")


def scheme_by_tail(question: str, countries: set[str], k) -> str | None:
    """The one scheme of ``countries`` (``schemeInCountry``) that the question names by the end of
    its name without its first word(s) ("expand lebanon's disability allowance" for the National
    Disability Allowance): the linker knows whole names only, so such a question named no scheme and
    the partners were the whole country's.  None unless exactly one scheme's shortened name is
    written in the question (case ignored, as typed questions are).  Only names of capitalised words
    are shortened, and the end kept still holds the name's last word (its head noun)."""
    found = set()
    low = " ".join(question.lower().replace("’", "'").split())
    for c in countries:
        for f in k.facts_where(obj=c, predicate="schemeInCountry"):
            scheme = f["subject"]
            for name in k.names(scheme) or []:
                words = _ACRONYM_PAREN.sub("", name or "").split()
                if not words or not all(w[:1].isupper() for w in words):
                    continue  # (a description, "pension reform", or a name with a phrase after its
                    # head, "... Scheme for workers in the informal economy", is no name to shorten)
                # the end kept holds the head noun: "health insurance" alone is a topic, not the
                # "Universal Health Insurance Scheme"
                for n in range(len(words) - 1, _MIN_TAIL_WORDS - 1, -1):
                    tail = " ".join(words[-n:]).lower()
                    if re.search(r"(?<![\w-])" + re.escape(tail) + r"(?![\w-])", low):
                        found.add(scheme)
                        break
    return next(iter(found)) if len(found) == 1 else None
