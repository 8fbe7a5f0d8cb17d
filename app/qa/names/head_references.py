"""'the Accelerator' for the UN Global Accelerator: an initiative called by its head noun alone.

Why: after naming an initiative once, a report and its readers call it by its head noun with the
article ("the Accelerator", "the Campaign", "the Board"), and questions do too ("which countries are
in talks to join the accelerator"). The linker only knew full names, so such a question linked no
initiative and its membership lists were out of reach.

A head noun becomes a name only when two things hold, both read from the build, none listed here:
exactly one named body's names are headed by it, and that body is an initiative (two networks make
"the network" ambiguous, and a social security board makes "the Board" so, so they link nothing), and the report itself writes "the <Head>" with a capital inside a sentence, which
is how a text refers back to one named thing (a lower-case "the facility" is a common noun).
The form carries the article ("the accelerator"), so "for our board, ..." links nothing.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Iterator

# Words that end a name's head phrase: "Global Campaign to promote ...", "Working Group on ...".
_TAIL = re.compile(r"\s+(?:on|for|to|of|in)\s+.*$")
# Kinds of named bodies whose head nouns compete for "the <Head>".
_NAMED = ("Initiative", "Organization", "Project", "Scheme", "LegalInstrument", "Publication")
_MINOR = {"of", "on", "for", "and", "the", "to", "in", "at", "a", "an"}
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*$")


def _proper(name: str) -> bool:
    """Every word capitalised but the small ones: 'UN Global Accelerator on Jobs and ...' is a
    proper name; 'Global Campaign to systematically promote the ratification ...' describes."""
    return all(w[0].isupper() or w.lower() in _MINOR or not w[0].isalpha() for w in name.split())


def head_noun(name: str) -> str | None:
    """'Working Group on Climate Action' -> 'Group'; 'Global Accelerator' -> 'Accelerator'; None
    for one-word names, acronyms, descriptions rather than proper names, and heads that are not
    a capitalised word."""
    bare = re.sub(r"\([^)]*\)", " ", name).strip()
    if not _proper(bare):
        return None
    bare = _TAIL.sub("", bare).strip()
    words = bare.split()
    if len(words) < 2:
        return None
    m = _WORD.match(words[-1])
    head = words[-1]
    if not m or not head[0].isupper() or head.isupper():
        return None
    return head


def _referred_back(head: str, texts: Iterable[str]) -> bool:
    """Whether some text writes 'the <Head>' capitalised inside a sentence (not only in a title)."""
    # "the Committee on World Food Security" is another, longer name, not a reference back
    rx = re.compile(r"(?<=[a-z,;:]\s)the\s+" + re.escape(head) + r"\b(?!\s+(?:on|of|for)\s+[A-Z])")
    return any(rx.search(t) for t in texts)


def head_references(entities: Iterable[tuple[str, str, list[str]]], texts: list[str]) -> Iterator[tuple[str, str]]:
    """('the <head>', entity id) for each initiative whose head noun no other initiative shares
    and that the report refers back to by it. ``entities`` are ``(id, type, names)``."""
    by_head: dict[str, set[str]] = defaultdict(set)
    initiatives: set[str] = set()
    for eid, etype, names in entities:
        if etype not in _NAMED:
            continue
        if etype == "Initiative":
            initiatives.add(eid)
        for n in names:
            h = head_noun(n)
            if h:
                by_head[h].add(eid)
    for head, ids in sorted(by_head.items()):
        # unique among every named body: "the Board" is also a social security board's
        if len(ids) == 1 and ids <= initiatives and _referred_back(head, texts):
            yield f"the {head.lower()}", next(iter(ids))
