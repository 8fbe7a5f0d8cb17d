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
from typing import Iterable

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
