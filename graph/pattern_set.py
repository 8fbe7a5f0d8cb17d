"""Which of several regexes occur somewhere in a text, found with one scan instead of one per regex.

Why: the extractors ask, for every sentence of the report, which of a list of cue patterns it
contains (the policy topics, the kinds of collaboration): a search per pattern walked each
sentence twenty times, about 3 % of a 10 MB report's build.  Here one zero-width pattern (a
lookahead over every alternative) finds the positions where *some* pattern matches; at each such
position only the patterns not yet found are tried, anchored there.  A pattern occurs in the text
exactly when it matches at one of those positions, so the answer is the same as searching with
each pattern in turn (``tests/test_pattern_set.py`` checks this against the per-pattern search).
"""
from __future__ import annotations

import re
from typing import Sequence


class PatternSet:
    """Ordered regexes sharing one set of flags; :meth:`found` says which of them occur in a text."""

    def __init__(self, patterns: Sequence[re.Pattern]):
        self.patterns = list(patterns)
        flags = {p.flags for p in self.patterns}
        if len(flags) > 1:
            raise ValueError("the patterns of a PatternSet must share their flags")
        sources = "|".join(f"(?:{p.pattern})" for p in self.patterns)
        self._any = re.compile(f"(?={sources})", flags.pop() if flags else 0) if self.patterns else None

    def found(self, text: str) -> list[int]:
        """Indices (ascending) of the patterns that ``pattern.search(text)`` would find."""
        if self._any is None:
            return []
        left = list(range(len(self.patterns)))
        hit: list[int] = []
        for cand in self._any.finditer(text):
            at = cand.start()
            still = []
            for i in left:
                (hit if self.patterns[i].match(text, at) else still).append(i)
            left = still
            if not left:
                break
        return sorted(hit)

    def first(self, text: str) -> int | None:
        """The lowest index of a pattern that occurs in ``text`` (None: none does)."""
        hit = self.found(text)
        return hit[0] if hit else None


__all__ = ["PatternSet"]
