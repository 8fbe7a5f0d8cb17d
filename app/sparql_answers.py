"""The serialised answers of proven-cheap SPARQL requests, kept for the next identical request.

Why: on a cheap lookup, Oxigraph's evaluation and serialisation (~22 us) plus the Python around
them (~10 us) were a quarter of what the server spends on a ``/sparql`` request once the HTTP
layer was lean, and a SPARQL endpoint sees the same query texts again and again (a page's
queries, a client's polling, the question engine's templates).  The store is read-only: a
:class:`app.graphstore.GraphStore` serves one build and never changes (a new build is a new
store, or :meth:`GraphStore.load`, which forgets everything), so the same request - query text,
dataset, base IRI, formats, row limit, the key of :func:`app.sparql_cheap.request_key` - gets the
same answer, and its serialised bytes can be sent again.

What it does not skip: every check runs on every request before a kept answer is used (the
read-only, size and nesting checks, the parsed-algebra SERVICE/FROM verdict, admission control:
see :meth:`GraphStore.query`).  Only what cannot change for an unchanged store - evaluating the
query and serialising its result - is skipped.

Bounded: at most ``max_entries`` answers and ``max_bytes`` of bodies (least recently used
forgotten first); an answer over ``max_entry_bytes`` is not kept; ``max_bytes`` 0 turns it off.
Only serialised answers (``result.body``) are kept: they are immutable bytes, shared safely.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
import copy
from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerPolicy:
    max_bytes: int = 32 * 1024 * 1024  # all kept bodies together; 0 disables the cache
    max_entry_bytes: int = 1024 * 1024  # one body (the in-process budget's size: app/sparql_cheap.py)
    max_entries: int = 1024


class AnswerCache:
    """Serialised answers by request key (thread-safe); see the module docstring."""

    def __init__(self, policy: AnswerPolicy = AnswerPolicy()):
        self.policy = policy
        self._answers: "OrderedDict[tuple, object]" = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.policy.max_bytes > 0 and self.policy.max_entries > 0

    def get(self, key: tuple):
        """A copy of the answer kept for ``key`` (its own ``elapsed_s``, same body), or None."""
        with self._lock:
            kept = self._answers.get(key)
            if kept is None:
                return None
            self._answers.move_to_end(key)
        return copy.copy(kept)  # the caller may set elapsed_s; the body is shared (immutable bytes)

    def put(self, key: tuple, result) -> None:
        """Keep ``result`` when it is a serialised answer within the size bounds."""
        body = getattr(result, "body", None)
        if not self.enabled or body is None or len(body) > self.policy.max_entry_bytes:
            return
        size = len(body)
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._answers[key] = copy.copy(result)
            self._bytes += size
            while self._answers and (self._bytes > self.policy.max_bytes
                                     or len(self._answers) > self.policy.max_entries):
                _, dropped = self._answers.popitem(last=False)
                self._bytes -= len(dropped.body)

    def forget(self, key: tuple) -> None:
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def bytes(self) -> int:
        return self._bytes
