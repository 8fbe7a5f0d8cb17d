"""Fuzz every endpoint of a real server with hostile requests and count what goes wrong.

Requests are generated from a fixed seed: hostile strings (control characters, NUL, RTL marks,
huge, markup, format strings, path traversal), deeply nested and federated SPARQL, random IRIs for
the graph parameters, random methods, content types and bodies.  Prints the status counts, the
responses of 5xx (a 503 carrying Retry-After - overload or a stopped query - is by design and
counted apart), dropped connections, and bodies that leak a traceback or a server path.

    .venv/bin/python benchmarks/fuzz.py --data-dir data/build [--requests 10000] [--clients 8]
"""
from __future__ import annotations

import argparse
import random
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402

HOSTILE = [
    "", " ", "\x00", "\x00" * 50, "\r\n\r\nX-Injected: 1", "%00", "%s%s%s%n", "{0}{1}", "${jndi:ldap://127.0.0.1/x}",
    "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "../../../../etc/passwd", "..%2f..%2f",
    "\u202e\u202d", "\ufeff", "\U0001F600" * 100, "A" * 5000, "A" * 100_000, "' OR 1=1 --", "NaN", "-1",
    "99999999999999999999", "1e308", "\\", "\\\\u0000", "?q=", "&&&", "#", "%", "%%", "%zz", "\udcff".encode(
        "utf-8", "surrogateescape").decode("latin-1"), "null", "[]", "{}", "true",
]
SPARQL = [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 5",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5",
    "DESCRIBE <https://w3id.org/floorgraph/id/country/JOR>",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "PREFIX ex: <http://e/>\nSELECT * WHERE { VALUES ?z { ex:a\\#x } SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }",
    "INSERT DATA { <a:a> <a:b> <a:c> }", "LOAD <http://127.0.0.1:9/>", "DROP ALL", "CLEAR DEFAULT",
    "SELECT * WHERE { ?s ?p ?o FILTER(regex(str(?o), \"(a+)+$\")) } LIMIT 5",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
    "SELECT * WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 1 OFFSET 100000000",
]


def nested(kind: str, depth: int) -> str:
    if kind == "paren":
        return "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * depth + "1" + ")" * depth + ") }"
    if kind == "brace":
        return "SELECT * WHERE " + "{" * depth + "?s ?p ?o" + "}" * depth
    if kind == "optional":
        return "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * depth + "}" * depth + "}"
    if kind == "exists":
        return "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o " * depth + "}" * depth + "}"
    return "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * depth) + ") }"


def mutate(rng: random.Random, s: str) -> str:
    ops = rng.randrange(4)
    if ops == 0 and s:
        i = rng.randrange(len(s))
        return s[:i] + rng.choice(HOSTILE) + s[i:]
    if ops == 1 and s:
        i, j = sorted(rng.randrange(len(s) + 1) for _ in range(2))
        return s[:i] + s[j:]
    if ops == 2:
        return s.upper() if rng.random() < 0.5 else s.swapcase()
    return s


def sparql_query(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.25:
        return nested(rng.choice(["paren", "brace", "optional", "exists", "or"]), rng.choice([3, 30, 60, 500, 5000]))
    if r < 0.35:
        return rng.choice(HOSTILE)
    return mutate(rng, rng.choice(SPARQL))


def make_request(rng: random.Random) -> tuple[str, str, dict]:
    """(method, path, requests kwargs)."""
    text = lambda: mutate(rng, rng.choice(HOSTILE + ["Who funds the work in Jordan?", "pension", "Jordan"]))  # noqa: E731
    kind = rng.randrange(12)
    if kind <= 3:
        params = {"query": sparql_query(rng)}
        if rng.random() < 0.2:
            params[rng.choice(["default-graph-uri", "named-graph-uri"])] = text()
        if rng.random() < 0.2:
            params["format"] = rng.choice(["json", "xml", "csv", "tsv", "turtle", "bogus", text()])
        if rng.random() < 0.5:
            return "GET", "/sparql", {"params": params}
        if rng.random() < 0.5:
            return "POST", "/sparql", {"data": params}
        return "POST", "/sparql", {"data": params["query"].encode("utf-8", "surrogatepass"),
                                   "headers": {"Content-Type": rng.choice(
                                       ["application/sparql-query", "application/sparql-update", "text/plain",
                                        "application/sparql-query; charset=latin-1", ""])}}
    if kind == 4:
        return "GET", "/api/ask", {"params": {"q": text()}}
    if kind == 5:
        return "GET", "/api/search", {"params": {"q": text(), "k": rng.choice(["1", "50", "0", "-5", "x", "1e9"]),
                                                  "mode": rng.choice(["hybrid", "dense", "lexical", "", text()])}}
    if kind == 6:
        return "GET", "/api/entities", {"params": {"q": text(), "limit": rng.choice(["1", "1000", "0", "x", ""]),
                                                    "type": rng.choice(["Country", "", text()])}}
    if kind == 7:
        return "GET", "/api/entity/" + rng.choice(["country/JOR", "country/xx", text()]), {}
    if kind == 8:
        return "GET", "/api/network", {"params": rng.choice([{}, {"format": rng.choice(["gexf", "graphml", text()])}])}
    if kind == 9:
        return "GET", rng.choice(["/", "/network", "/entity/country/JOR", "/entity/" + text()]), \
            {"params": {"q": text()} if rng.random() < 0.5 else {}}
    if kind == 10:
        return rng.choice(["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]), \
            rng.choice(["/sparql", "/api/ask", "/", "/healthz"]), {}
    return "GET", rng.choice(["/static/vendor/" + text(), "/static/" + text(), "/" + text(), "/api/openapi.json",
                              "/healthz"]), {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default="data/build")
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--max-seconds", type=float, default=3600, help="stop early after this long")
    args = ap.parse_args()
    server = _server.start(args.data_dir)
    rng = random.Random(args.seed)
    plan = [make_request(rng) for _ in range(args.requests)]
    statuses: Counter = Counter()
    fivexx: Counter = Counter()
    dropped: list[str] = []
    leaks: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + args.max_seconds
    server_paths = [str(Path(args.data_dir).resolve()), str(_server.ROOT)]

    def send(item):
        method, path, kwargs = item
        if time.monotonic() > deadline:
            return
        try:
            r = requests.request(method, server.url + path, timeout=60, **kwargs)
        except requests.exceptions.InvalidURL:
            with lock:
                statuses["client-refused"] += 1  # requests itself refuses to send it
            return
        except requests.RequestException as exc:
            with lock:
                dropped.append(f"{method} {path[:80]!r}: {type(exc).__name__}")
            return
        with lock:
            statuses[r.status_code] += 1
            if r.status_code >= 500 and not (r.status_code == 503 and r.headers.get("Retry-After")):
                fivexx[f"{r.status_code} {method} {path[:60]!r}: {r.text[:160]!r}"] += 1
            body = r.text[:20000]
            if "Traceback (most recent call last)" in body or any(p in body for p in server_paths):
                leaks.append(f"{method} {path[:60]!r}")

    t0 = time.perf_counter()
    rss_peak = 0
    try:
        with ThreadPoolExecutor(args.clients) as ex:
            futures = [ex.submit(send, item) for item in plan]
            for i, f in enumerate(futures):
                f.result()
                if i % 500 == 0:
                    rss_peak = max(rss_peak, server.rss_bytes())
        alive = requests.get(server.url + "/healthz", timeout=5).status_code == 200
    finally:
        took = time.perf_counter() - t0
        server.stop()
    sent = sum(statuses.values()) + len(dropped)
    overload = statuses.get(503, 0) - sum(v for k, v in fivexx.items() if k.startswith("503"))
    print(f"requests sent: {sent} in {took:.0f} s ({sent / took:.0f}/s) with {args.clients} clients, seed {args.seed}")
    print("status counts: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))))
    print(f"5xx (503 + Retry-After excepted): {sum(fivexx.values())}")
    for k, v in fivexx.most_common(10):
        print(f"  {v} x {k}")
    print(f"503 with Retry-After (overload / stopped query, by design): {overload}")
    print(f"dropped connections: {len(dropped)}")
    for d in dropped[:10]:
        print(f"  {d}")
    print(f"bodies leaking a traceback or a server path: {len(leaks)}")
    print(f"server RSS peak (with SPARQL workers): {rss_peak / 2**20:.0f} MiB; /healthz after: "
          f"{'ok' if alive else 'DOWN'}")
    return 0 if not fivexx and not dropped and not leaks and alive else 1


if __name__ == "__main__":
    sys.exit(main())
