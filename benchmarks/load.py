"""Load a real server: N clients for T seconds on ask / sparql / a mix, while M pathological SPARQL
queries run, and print throughput, latency percentiles, errors and the server's memory.

The pathological clients loop over queries that, unguarded, crashed or starved the service
(issue 10: cross products with ORDER BY, deep nesting, long || chains, catastrophic regexes,
SERVICE).  Their own answers are expected to be 4xx or 503 and are only counted; an *error* is a
measured-client request that fails: connection error, timeout, 5xx, or (for ask/search) any 4xx.

    .venv/bin/python benchmarks/load.py --data-dir data/build --clients 16 --seconds 60 \\
        --target ask --pathological 10 [--rss-bound-mb 2048] [--server gunicorn-gthread:1:8]
"""
from __future__ import annotations

import argparse
import itertools
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402

QUESTIONS = [
    "Who funds the work in Jordan?", "Which countries ratified Convention No. 102?",
    "What does the programme do in Cambodia?", "Which organisations are members of USP2030?",
    "Who finances social protection in Senegal?", "Which countries does the Netherlands fund?",
    "What is the Global Accelerator?", "Which countries work on unemployment insurance?",
]
SPARQL_OK = [
    "SELECT ?s ?l WHERE { ?s a <https://w3id.org/floorgraph/ontology#Country> ; "
    "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l } LIMIT 20",
    "ASK { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
]
PATHOLOGICAL = [
    "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?s ?p ?o FILTER(regex(str(?o), \"^(a+)+$\")) . ?x ?y ?z } ORDER BY ?z LIMIT 1",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 4700 + "1" + ")" * 4700 + ") }",
    "SELECT * WHERE " + "{" * 5000 + "?s ?p ?o" + "}" * 5000,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * 20000) + ") }",
    "PREFIX ex: <http://e/>\nSELECT * WHERE { VALUES ?z { ex:a\\#x } SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
]


def measured_request(target: str, rng: random.Random, url: str) -> tuple[bool, str]:
    kind = target if target != "mix" else rng.choice(["ask", "ask", "search", "sparql", "page"])
    if kind == "ask":
        r = requests.get(url + "/api/ask", params={"q": rng.choice(QUESTIONS)}, timeout=30)
        return r.status_code == 200, kind
    if kind == "search":
        r = requests.get(url + "/api/search", params={"q": rng.choice(QUESTIONS), "k": 10}, timeout=30)
        return r.status_code == 200, kind
    if kind == "page":
        r = requests.get(url + "/healthz", timeout=30)
        return r.status_code == 200, kind
    r = requests.get(url + "/sparql", params={"query": rng.choice(SPARQL_OK)}, timeout=30,
                     headers={"Accept": "application/sparql-results+json"})
    # under pathological load a SPARQL client may be told to come back (503 + Retry-After): by design
    return r.status_code == 200 or (r.status_code == 503 and "Retry-After" in r.headers), kind


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default="data/build")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--target", choices=["ask", "sparql", "mix"], default="ask")
    ap.add_argument("--pathological", type=int, default=10, help="clients looping over pathological SPARQL")
    ap.add_argument("--baseline", action="store_true",
                    help="first measure without the pathological clients, then with them, and print the ratio")
    ap.add_argument("--rss-bound-mb", type=float, default=2048, help="documented bound for the server's RSS")
    ap.add_argument("--server", default="waitress",
                    help="waitress (`floorgraph serve`) or gunicorn-gthread[:WORKERS:THREADS] (needs gunicorn)")
    args = ap.parse_args()
    server = _server.start(args.data_dir, server=args.server)
    results = []
    try:
        # steady state: the first question of each kind loads components lazily (seconds, once)
        t_warm = time.perf_counter()
        for q in QUESTIONS:
            requests.get(server.url + "/api/ask", params={"q": q}, timeout=300)
        print(f"warm-up: {len(QUESTIONS)} questions once in {time.perf_counter() - t_warm:.1f} s", flush=True)
        phases = [0, args.pathological] if args.baseline and args.pathological else [args.pathological]
        for m in phases:
            results.append(run_phase(server, args, m))
        healthy = requests.get(server.url + "/healthz", timeout=5).status_code == 200
    finally:
        server.stop()
    ok = healthy
    for m, lat, errors, patho, rss_peak, elapsed in results:
        ok &= report(args, m, lat, errors, patho, rss_peak, elapsed, healthy)
    if len(results) == 2:
        p99 = [_server.percentile(sorted(x for v in r[1].values() for x in v), 99) for r in results]
        print(f"p99 with {args.pathological} pathological clients / baseline: {p99[1] / p99[0]:.2f}x")
    return 0 if ok else 1


def run_phase(server, args, pathological: int):
    """One measurement: args.clients measured clients and ``pathological`` attackers for args.seconds."""
    stop = threading.Event()
    lat: dict[str, list[float]] = {}
    errors: Counter = Counter()
    patho: Counter = Counter()
    lock = threading.Lock()

    def client(i: int):
        rng = random.Random(i)
        while not stop.is_set():
            t0 = time.perf_counter()
            try:
                ok, kind = measured_request(args.target, rng, server.url)
            except requests.RequestException as exc:
                ok, kind = False, f"{type(exc).__name__}"
            dt = time.perf_counter() - t0
            with lock:
                lat.setdefault(kind, []).append(dt)
                if not ok:
                    errors[kind] += 1

    def attacker(i: int):
        for q in itertools.cycle(PATHOLOGICAL[i % len(PATHOLOGICAL):] + PATHOLOGICAL[:i % len(PATHOLOGICAL)]):
            if stop.is_set():
                return
            try:
                r = requests.post(server.url + "/sparql", data=q.encode(), timeout=60,
                                  headers={"Content-Type": "application/sparql-query"})
                key = str(r.status_code)
            except requests.RequestException as exc:
                key = type(exc).__name__
            with lock:
                patho[key] += 1

    threads = [threading.Thread(target=attacker, args=(i,), daemon=True) for i in range(pathological)]
    threads += [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
    rss_peak = server.rss_bytes()
    t_start = time.perf_counter()
    for t in threads:
        t.start()
    while time.perf_counter() - t_start < args.seconds:
        time.sleep(0.5)
        rss_peak = max(rss_peak, server.rss_bytes())
    stop.set()
    for t in threads:
        t.join(70)
    return pathological, lat, errors, patho, rss_peak, time.perf_counter() - t_start


def report(args, pathological, lat, errors, patho, rss_peak, elapsed, healthy) -> bool:
    all_lat = sorted(x for v in lat.values() for x in v)
    print(f"\n{args.clients} clients x {args.seconds:g} s on {args.target}, {pathological} pathological "
          f"SPARQL clients; {args.server} over {args.data_dir}")
    print(f"measured requests: {len(all_lat)} ({len(all_lat) / elapsed:.1f}/s), errors: {sum(errors.values())}"
          + (f" {dict(errors)}" if errors else ""))
    for kind, values in sorted(lat.items()):
        v = sorted(values)
        print(f"  {kind:8} n={len(v):5d}  p50 {_server.percentile(v, 50) * 1e3:7.0f} ms  "
              f"p95 {_server.percentile(v, 95) * 1e3:7.0f} ms  p99 {_server.percentile(v, 99) * 1e3:7.0f} ms  "
              f"max {v[-1] * 1e3:7.0f} ms")
    print("pathological SPARQL answers: " + ", ".join(f"{k}: {v}" for k, v in sorted(patho.items())))
    print(f"server RSS peak (server + SPARQL workers): {rss_peak / 2**20:.0f} MiB "
          f"(bound {args.rss_bound_mb:g} MiB: {'OK' if rss_peak <= args.rss_bound_mb * 2**20 else 'OVER'}); "
          f"/healthz after: {'ok' if healthy else 'DOWN'}")
    return not errors and rss_peak <= args.rss_bound_mb * 2**20


if __name__ == "__main__":
    sys.exit(main())
