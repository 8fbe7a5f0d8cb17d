"""Helpers for tests that ask the real engine about the bundled report without naming its facts."""
from __future__ import annotations

import re

import pytest


def passage_with(engine, pattern: str):
    """The first passage whose text matches ``pattern`` and the match: questions are then built
    from what the report says, so the test holds on an altered report (or skips, saying why)."""
    rx = re.compile(pattern)
    for p in engine.k.passages.values():
        m = rx.search(p.text)
        if m:
            return p, m
    pytest.skip(f"the report has no passage matching {pattern!r}")
