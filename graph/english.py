"""Ordinary English word frequencies (symspellpy's dictionary, general knowledge, not a report's).

The question reader asks whether a word is ordinary English (never corrected as a typo) and how
common it is; the organisation extractor asks whether a name's proper word is ordinary English
(a body called "Open University" is never "Open" alone).  Both read the same dictionary, once.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def english_frequency() -> dict[str, int]:
    """Word -> corpus count; empty when symspellpy (and its dictionary) is not installed."""
    try:
        import symspellpy
    except ImportError:
        return {}
    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    try:
        return {w: int(c) for w, c in (line.split(" ", 1) for line in path.read_text(encoding="utf-8").splitlines()
                                       if " " in line)}
    except (OSError, ValueError):
        return {}
