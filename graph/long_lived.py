"""Tell Python's cyclic garbage collector that what a build stage made lives until the build ends.

Why: a build only adds to its documents, knowledge base and graph, so nearly every object alive
after a stage (parse, each extractor, the RDF) stays alive until the build is over.  The collector
does not know that: each of its full collections walks the whole heap again, and the heap grows to
millions of objects (a 10 MB report's 476,000 triples, their terms and index dicts).  Measured
with ``gc.callbacks`` at 10 MB: 15 full collections, 2.8 of 32.6 CPU s of parsing and extraction.
``gc.freeze()`` after each stage moves what exists to the permanent generation, which
collections skip; young objects are still collected as before, and a frozen object nothing refers
to any more is still freed at once by reference counting.  Only a *cycle* of frozen objects that
became garbage waits, until the end, when everything frozen goes back to the collector
(``gc.unfreeze()``): nothing a build made outlives it uncollectable.

Nothing is frozen when the caller already froze objects (a server that froze its start-up heap
manages the permanent generation itself): then this is a no-op.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Callable, Iterator


@contextmanager
def stages() -> Iterator[Callable[[], None]]:
    """``with stages() as done: ...; done()`` - call ``done()`` after each stage whose results
    live until the block ends."""
    own = gc.isenabled() and gc.get_freeze_count() == 0

    def done() -> None:
        if own:
            gc.freeze()

    try:
        yield done
    finally:
        if own:
            gc.unfreeze()


__all__ = ["stages"]
