"""One regex for "any of these literal names, the longest that fits", shaped as a trie.

Why: ``"|".join(sorted(names, key=len, reverse=True))`` makes Python's regex engine try every
name at every position of the text; with a few hundred names (the country gazetteer, the
organisations found so far) that was most of the extraction time of a long report.  Nested by
shared prefixes, a position costs about one character test.  The match is the same: at each
position, of the names that fit, the longest one the surrounding pattern accepts (a branch tries
its longer continuations before ending, and sibling branches differ in their first character).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

_END = ""  # key marking "a name ends here" in the nested dicts


def _trie(words: Iterable[str]) -> dict:
    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


def _source(node: dict) -> str:
    ends = _END in node
    branches = []
    for ch in sorted(k for k in node if k != _END):
        branches.append(_chain(ch, node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a name ends here, a longer one may go on: try the longer first
        return body + "?" if len(branches) == 1 and _atomic(body) else "(?:" + body + ")?"
    return body


def _chain(ch: str, node: dict) -> str:
    """ch followed by the rest of the trie below it, single-child runs written as plain literals."""
    out = re.escape(ch)
    while _END not in node and len(node) == 1:
        (nxt, node), = node.items()
        out += re.escape(nxt)
    return out + _source(node)


def _atomic(src: str) -> bool:
    """Is ``src`` one regex atom (so a ``?`` after it applies to all of it)?"""
    return src.startswith("(?:") and src.endswith(")") and _balanced_group(src)


def _balanced_group(src: str) -> bool:
    depth, i = 0, 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and i != len(src) - 1:
                return False
        i += 1
    return depth == 0


def alternation(words: Iterable[str]) -> str:
    """Regex source (a non-capturing group) matching any of ``words``, preferring the longest."""
    src = _source(_trie(words))
    return "(?:" + src + ")" if src else "(?!)"


class LongestNames:
    """``finditer`` with the matches of ``before (?:n1|n2|...) after`` - every name of several sets,
    sorted longest first - where a set may match in any case or need its own lookahead.

    Why: the knowledge-base name finders (mentions, named entities, initiatives) mix names written
    in any case ("(?i:ILO-IMF Partnership)") with exact acronyms, which one trie cannot hold; their
    longest-first alternation made the regex engine try every name at every position of the report.
    Here each set is a trie; one zero-width scan finds the positions where some name fits, and at
    each the longest fitting name of any set wins, leftmost first and without overlap: the same
    spans as the alternation (whose first fitting alternative is its longest fitting name).
    """

    def __init__(self, sets: Iterable[tuple[Iterable[str], bool, str]], before: str = "", after: str = ""):
        """``sets``: (names, any case?, a lookahead those names must be followed by)."""
        sources = []
        for words, any_case, then in sets:
            words = [w for w in words if w]
            if not words:
                continue
            if any_case:
                folded = [w.lower() for w in words]
                if any(len(f) != len(w) for f, w in zip(folded, words)):  # "İ": lower() adds a character
                    src = "(?i:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
                else:
                    src = "(?i:" + alternation(folded) + ")"
            else:
                src = alternation(words)
            sources.append(src + then + after)
        self._sets = [re.compile(before + s) for s in sources]
        self._any = re.compile(before + "(?=" + "|".join(sources) + ")") if sources else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self._any is None:
            return
        end = 0
        for cand in self._any.finditer(text):
            at = cand.start()
            if at < end:
                continue  # inside the previous match
            best = None
            for rx in self._sets:
                m = rx.match(text, at)
                if m is not None and (best is None or m.end() > best.end()):
                    best = m
            if best is not None:
                end = best.end()
                yield best
