"""Which SPARQL requests may run in the server process instead of a sandboxed worker.

Why: handing a query to a worker process and back costs ~0.2 ms (more when other processes load
the CPU: the workers run at nice 10), four times what Oxigraph takes to answer a lookup.  The
worker exists to bound what a query may cost - it can be killed at the time limit and its address
space is capped - so the bound is what matters, not the process.  A request (query text, dataset,
base IRI, formats) that a worker has *already answered* within ``max_ms`` and ``max_kb`` does the
same work next time: the store is read-only, so the same request gives the same evaluation and the
same result.  Such a request is "proven cheap" and runs in-process; it still passes every check
before it runs (size and nesting limits, the parsed-algebra SERVICE/FROM check) and admission
control.  If an in-process run ever exceeds the budget (a loaded machine), the request goes back
to the workers until a worker proves it cheap again.  A store that is loaded again forgets all.

Each proven request also keeps the time of its last run, so a server can ask for a tighter bound:
``proven(key, within_ms=2)`` is what ``serve`` asks before answering a request on its event loop
(app/web/waitress_server.py).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class CheapPolicy:
    # A query proven to finish within 25 ms cannot hold a web thread long or build much; at 5 ms and
    # 256 KB a 1,000-row result and a 2-hop join still went to the workers and cost 1.2-1.8x Oxigraph.
    max_ms: float = 25.0  # 0 disables the in-process path
    max_kb: int = 1024  # serialised result size (or an estimate from the rows)
    remembered: int = 2048  # requests remembered (least recently used forgotten first)


def request_key(msg: dict) -> tuple:
    """The parts of a query request that decide its evaluation."""
    return (msg["sparql"], msg.get("row_limit"), tuple(msg.get("default_graphs") or ()),
            tuple(msg.get("named_graphs") or ()), msg.get("default_graphs") is None, msg.get("base_iri"),
            tuple(msg.get("formats") or ()), msg.get("inspect", True))


def result_bytes(result) -> int:
    """The result's size: its serialised body, else a generous estimate from its terms."""
    if result.body is not None:
        return len(result.body)
    return 256 * (len(result.rows) * max(1, len(result.variables)) + 3 * len(result.triples)) + 64


class ProvenCheap:
    """The requests proven cheap by a run within :class:`CheapPolicy`'s budget (thread-safe)."""

    def __init__(self, policy: CheapPolicy = CheapPolicy()):
        self.policy = policy
        self._keys: "OrderedDict[tuple, float]" = OrderedDict()  # key -> ms of its last run
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.policy.max_ms > 0

    def proven(self, key: tuple, within_ms: float | None = None) -> bool:
        """Proven cheap, and (``within_ms``) its last run took at most that long."""
        with self._lock:
            ms = self._keys.get(key)
            if ms is None or (within_ms is not None and ms > within_ms):
                return False
            self._keys.move_to_end(key)
            return True

    def record(self, key: tuple, result) -> bool:
        """Promote ``key`` when ``result`` (answered by a worker or in-process) kept within the
        budget; demote it otherwise.  Returns whether it is now proven cheap."""
        if not self.enabled:
            return False
        cheap = (result.elapsed_s * 1000 <= self.policy.max_ms
                 and result_bytes(result) <= self.policy.max_kb * 1024)
        with self._lock:
            if cheap:
                self._keys[key] = result.elapsed_s * 1000
                self._keys.move_to_end(key)
                while len(self._keys) > self.policy.remembered:
                    self._keys.popitem(last=False)
            else:
                self._keys.pop(key, None)
        return cheap

    def clear(self) -> None:
        with self._lock:
            self._keys.clear()
