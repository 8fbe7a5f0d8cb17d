"""A process-wide tally of heavy constructions (graph stores, knowledge bases, models, indexes).

Why: a server that builds a store or loads the model twice doubles its memory and start-up time
without any visible error.  Each heavy class notes itself here when constructed; ``/healthz``
reports the tally, and a test asserts one of each per server process.  It is a diagnostic
counter, not a cache: nothing is looked up here.
"""
from __future__ import annotations

import threading
from collections import Counter

_COUNTS: Counter = Counter()
_LOCK = threading.Lock()


def note(kind: str) -> None:
    with _LOCK:
        _COUNTS[kind] += 1


def counts() -> dict[str, int]:
    with _LOCK:
        return dict(_COUNTS)
