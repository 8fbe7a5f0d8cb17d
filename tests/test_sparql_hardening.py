"""The SPARQL endpoint under attack: no request reaches the network, no query kills or starves it.

* SERVICE (the SSRF of issue 10, D1) in 21 spellings, each refused with a 4xx while a real socket
  listener on 127.0.0.1 records every connection attempt: it must see none.
* the worker sandbox itself: a process that called ``isolate_network()`` cannot reach that listener;
* D2 deep nesting / huge queries: 400 with a message *before* parsing, and the workers survive;
* FROM / FROM NAMED of graphs the dataset lacks, and D6/D7 invalid graph IRIs: 4xx, never 5xx;
* admission control: beyond workers + queue, 503 with Retry-After, while /healthz answers at once;
* D4 a query that needs more memory than the worker's RLIMIT_AS: 503 "too much memory", and the pool
  is back to full strength afterwards (D5: never more workers than configured).
"""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
import requests


class Listener:
    """A TCP server on loopback that counts the connections it accepts."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                             b"Content-Length: 36\r\n\r\n{\"head\":{},\"results\":{\"bindings\":[]}}")
            except OSError:
                pass
            conn.close()

    def close(self):
        self._stop.set()
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def service_variants(port: int) -> list[str]:
    u = f"http://127.0.0.1:{port}/x"
    return [
        # the bypass from the issue: a PN_LOCAL escape \# made the keyword filter skip the line
        f"PREFIX ex: <http://e/>\nSELECT * WHERE {{ VALUES ?z {{ ex:a\\#x }} SERVICE <{u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE SILENT <{u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVIC\\u0045 <{u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/\\u0078> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SERVICE r:x {{ ?s ?p ?o }} }}",
        f"BASE <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SERVICE <x> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # a comment }}\n SERVICE <{u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b \"#\" . SERVICE <{u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b '''\n''' SERVICE <{u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE\n\t<{u}>\n{{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ {{ {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE <{u}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
        f"ASK {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ MINUS {{ SERVICE <{u}> {{ ?s ?p ?o }} }} ?s ?p ?o }}",
        f"SELECT * WHERE {{ BIND(<{u}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ]


def test_service_in_every_spelling_is_refused_and_nothing_connects(live_server, listener):
    queries = service_variants(listener.port)
    assert len(queries) >= 21
    for q in queries:
        for send in (lambda: requests.get(live_server.sparql, params={"query": q}, timeout=10),
                     lambda: requests.post(live_server.sparql, data=q.encode(), timeout=10,
                                           headers={"Content-Type": "application/sparql-query"})):
            r = send()
            assert 400 <= r.status_code < 500, (q, r.status_code, r.text)
            assert "message" in r.json()
    time.sleep(0.3)
    assert listener.connections == 0


def test_the_listener_does_count_connections(listener):
    # guard against a vacuous pass: the listener is reachable from an ordinary process
    socket.create_connection(("127.0.0.1", listener.port), timeout=2).close()
    deadline = time.monotonic() + 2
    while listener.connections == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.connections == 1


def test_a_sandboxed_worker_cannot_reach_the_network(listener):
    code = f"""
import socket, sys
from app.sparql_guard import isolate_network
if not isolate_network():
    print("not-isolated"); sys.exit(0)
try:
    socket.create_connection(("127.0.0.1", {listener.port}), timeout=2)
    print("connected")
except OSError as exc:
    print("blocked", exc)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    if out.startswith("not-isolated"):
        pytest.skip("this OS does not allow a network namespace (the query check stands alone)")
    assert out.startswith("blocked"), out
    assert listener.connections == 0


@pytest.mark.embedded_only
def test_workers_run_without_network(live_server):
    pool = live_server.app.extensions["floorgraph.graphstore"].pool()
    if pool.network_isolated is False:
        pytest.skip("network namespaces not permitted here")
    assert pool.network_isolated is True


NESTING = {
    "parentheses": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 4700 + "1" + ")" * 4700 + ") }",
    "braces": "SELECT * WHERE " + "{" * 5000 + "?s ?p ?o" + "}" * 5000,
    "optionals": "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * 3000 + "}" * 3000 + "}",
    "exists": "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o " * 1000 + "}" * 1000 + "}",
    "or-chain": "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * 20000) + ") }",
    "huge": "SELECT * WHERE { " + "?s ?p ?o . " * 150_000 + "}",
    "moderate-or-chain": "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * 600) + ") }",
    "moderate-nesting": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 60 + "1" + ")" * 60 + ") }",
}


@pytest.mark.parametrize("name", sorted(NESTING))
def test_deep_nesting_and_huge_queries_get_400_and_workers_survive(live_server, name):
    gs = live_server.app.extensions["floorgraph.graphstore"]
    workers = getattr(gs, "pool", None)  # the embedded store's worker processes (none when external)
    before = workers().pids() if workers else None
    q = NESTING[name]
    r = requests.post(live_server.sparql, data=q.encode(), timeout=30,
                      headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400, r.text[:300]
    msg = r.json()["message"]
    assert any(w in msg for w in ("too long", "too deeply", "too many")), msg
    assert (workers().pids() if workers else None) == before
    ok = requests.get(live_server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert ok.status_code == 200 and ok.json()["boolean"] is True


def test_reasonable_nesting_still_runs(live_server):
    q = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 20 + "true" + ")" * 20 + ") } LIMIT 1"
    r = requests.get(live_server.sparql, params={"query": q}, timeout=10)
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("clause", ["FROM <http://127.0.0.1:9/g>", "FROM NAMED <http://127.0.0.1:9/g>",
                                    "FROM <file:///etc/passwd>"])
def test_from_a_graph_not_in_the_dataset_is_refused(live_server, clause):
    r = requests.get(live_server.sparql, params={"query": f"SELECT * {clause} WHERE {{ ?s ?p ?o }}"}, timeout=10)
    assert r.status_code == 403, r.text
    assert "FROM" in r.json()["message"]


@pytest.mark.parametrize("value", ["a", ":", "http://x/%zz", "http://x/\x00", "http://x/ y", "", "<http://x/>"])
@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
def test_invalid_graph_iris_get_400(live_server, param, value):
    r = requests.get(live_server.sparql, params={"query": "ASK { ?s ?p ?o }", param: value}, timeout=10)
    assert r.status_code == 400, (value, r.status_code, r.text)
    assert "graph IRI" in r.json()["message"]
    r = requests.post(live_server.sparql, data={"query": "ASK { ?s ?p ?o }", param: value}, timeout=10)
    assert r.status_code == 400


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.mark.embedded_only
def test_over_capacity_answers_503_with_retry_after_and_healthz_stays_fast(live_server):
    gs = live_server.app.extensions["floorgraph.graphstore"]
    pool = gs.pool()
    capacity = pool.size + pool.queue_size
    statuses: list[int] = []
    retry_after: list[str] = []

    def slow():
        r = requests.get(live_server.sparql, params={"query": SLOW}, timeout=30)
        statuses.append(r.status_code)
        if r.status_code == 503:
            retry_after.append(r.headers.get("Retry-After", ""))

    with ThreadPoolExecutor(capacity + 4) as ex:
        futures = [ex.submit(slow) for _ in range(capacity + 4)]
        time.sleep(0.3)
        t0 = time.monotonic()
        h = requests.get(live_server.url + "/healthz", timeout=5)
        healthz_s = time.monotonic() - t0
        for f in futures:
            f.result()
    assert h.status_code == 200 and healthz_s < 1.0
    assert set(statuses) <= {503}, statuses  # timed out or refused at the door: both 503
    assert len(retry_after) == len(statuses) and all(v.isdigit() for v in retry_after)
    deadline = time.monotonic() + 60
    while len(pool.pids()) < pool.size and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(pool.pids()) == pool.size


@pytest.mark.embedded_only
def test_runaway_memory_ends_with_503_and_the_pool_recovers(live_server_factory, live_config):
    from app.config import Config

    cfg = replace(live_config, sparql_timeout_s=20.0, sparql_worker_memory_mb=150, sparql_queue=0)
    assert isinstance(cfg, Config)
    srv = live_server_factory(cfg)
    pool = srv.app.extensions["floorgraph.graphstore"].pool()
    before = pool.pids()
    q = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l LIMIT 1"
    r = requests.get(srv.sparql, params={"query": q}, timeout=60)
    assert r.status_code == 503, r.text
    assert "too much memory" in r.json()["message"]
    assert r.headers.get("Retry-After")
    deadline = time.monotonic() + 60
    while len(pool.pids()) < pool.size and time.monotonic() < deadline:
        time.sleep(0.1)
    after = pool.pids()
    assert len(after) == pool.size and after != before
    ok = requests.get(srv.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert ok.status_code == 200


def test_uninspected_engine_queries_still_cannot_federate(listener):
    """The question engine's own queries skip rdflib's inspection parse (app/stores/graph.py,
    GeneratedQueries) only when the text cannot federate: every SERVICE spelling is still parsed
    and refused, and nothing connects."""
    import pyoxigraph as ox

    from app.graphstore import GraphStoreError, execute
    from app.sparql_guard import may_federate

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o")))
    for q in service_variants(listener.port) + ["SELECT * FROM <http://127.0.0.1:1/g> WHERE { ?s ?p ?o }"]:
        assert may_federate(q), q
        with pytest.raises(GraphStoreError):
            execute(store, q, inspect=False)
    assert listener.connections == 0
    plain = "SELECT ?o WHERE { <http://e/s> <http://e/p> ?o }"
    assert not may_federate(plain)
    assert [r[0].value for r in execute(store, plain, inspect=False).rows] == ["o"]
