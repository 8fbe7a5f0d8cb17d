"""A request runs in the server process only after a sandboxed worker answered that very request
within the budget (app/sparql_cheap.py); anything slower, bigger, refused or timed out stays in
the workers, and in-process runs from many threads leave no pyoxigraph object to another thread."""
from __future__ import annotations

import gc
import sys
import threading
import time

import pytest

from app.graphstore import GraphStore, QueryOverloaded, QueryRefused, QueryTimeout
from app.sparql_cheap import CheapPolicy, request_key
from tests.conftest import small_graph_triples, write_ntriples

LOOKUP = "SELECT ?o WHERE { ?s ?p ?o } LIMIT 3"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture
def store(tmp_path):
    # a budget no run on this small graph exceeds, even on a loaded machine: these tests are about
    # which path a request takes, not about timing (the budget's edge is tested with a tiny one)
    gs = GraphStore(workers=1, queue_size=1, cheap=CheapPolicy(max_ms=5000, max_kb=64))
    gs.load(write_ntriples(tmp_path / "g.nt", small_graph_triples()))
    assert gs.warm_up(60)
    yield gs
    gs.close()


def _key(sparql, formats=("json", "turtle")):
    return request_key(dict(sparql=sparql, row_limit=100, default_graphs=None, named_graphs=None,
                            base_iri=None, formats=formats, inspect=True))


def _ask(gs, sparql, timeout=5.0, formats=("json", "turtle")):
    return gs.query(sparql, timeout=timeout, row_limit=100, formats=formats)


def test_a_request_runs_in_process_only_after_a_worker_proved_it_cheap(store, monkeypatch):
    pool_runs = []
    run = store.pool().run
    monkeypatch.setattr(store.pool(), "run", lambda msg, timeout: pool_runs.append(1) or run(msg, timeout))
    first = _ask(store, LOOKUP)
    assert pool_runs == [1] and store._cheap.proven(_key(LOOKUP))
    again = _ask(store, LOOKUP)
    assert pool_runs == [1], "a proven request did not run in-process"
    assert again.body == first.body
    # another format is another request: proven separately, by a worker
    _ask(store, LOOKUP, formats=("csv", "turtle"))
    assert pool_runs == [1, 1]


def test_over_budget_refused_and_timed_out_requests_stay_in_the_workers(store, monkeypatch):
    with pytest.raises(QueryRefused):
        _ask(store, "SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }")
    assert not store._cheap.proven(_key("SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }"))
    with pytest.raises(QueryTimeout):
        _ask(store, SLOW, timeout=0.5)
    assert not store._cheap.proven(_key(SLOW))
    tight = GraphStore(workers=1, cheap=CheapPolicy(max_ms=5000, max_kb=0))  # any result is too big
    tight.sources, tight.store = store.sources, store.store
    try:
        tight.query(LOOKUP, timeout=5, row_limit=100, formats=("json", "turtle"))
        assert not tight._cheap.proven(_key(LOOKUP))
    finally:
        tight.close()


def test_an_in_process_run_over_budget_sends_the_request_back_to_the_workers(store):
    _ask(store, LOOKUP)
    assert store._cheap.proven(_key(LOOKUP))
    store._cheap.policy = CheapPolicy(max_ms=0.000001, max_kb=64)  # no run is that fast  # the next run cannot keep within it
    _ask(store, LOOKUP)
    assert not store._cheap.proven(_key(LOOKUP))


def test_loading_more_data_forgets_what_was_proven(store, tmp_path):
    _ask(store, LOOKUP)
    store.load(write_ntriples(tmp_path / "more.nt", small_graph_triples()[:3]), graph="http://example.org/more")
    assert not store._cheap.proven(_key(LOOKUP))


def test_in_process_runs_from_many_threads_drop_their_results_on_their_own_thread(store):
    """pyoxigraph's results must be dropped on the thread that made them: the guard's parser
    leaves reference cycles the collector frees on any thread (app/graphstore.py _evaluate)."""
    queries = [f"SELECT ?o WHERE {{ ?s ?p ?o }} LIMIT {n}" for n in range(1, 9)] + \
              [f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }} LIMIT {n}" for n in range(1, 5)]
    for q in queries:
        _ask(store, q)  # proven by a worker
    unraisable = []
    old_hook, sys.unraisablehook = sys.unraisablehook, lambda u: unraisable.append(str(u.exc_value))
    try:
        gc.disable()
        threads = [threading.Thread(target=_until_admitted, args=(store, q)) for q in queries]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        gc.enable()
        gc.collect()
    finally:
        gc.enable()
        sys.unraisablehook = old_hook
    assert all(store._cheap.proven(_key(q)) for q in queries)
    assert not unraisable, unraisable[:2]


def _until_admitted(gs, sparql):
    """Admission control still applies in-process (2 at a time here): come back as told."""
    while True:
        try:
            return _ask(gs, sparql)
        except QueryOverloaded:
            time.sleep(0.01)
