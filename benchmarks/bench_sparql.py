"""`/sparql` against `oxigraph serve-read-only` on the same on-disk store and queries, and against
rdflib in-process, in the same run.

    .venv/bin/python benchmarks/bench_sparql.py [--data-dir DIR] [--reps 40] [--rounds 1] [--server waitress|granian]
                                                [--baseline-tree DIR] [--queries NAME,...]

Both servers run as separate processes on loopback ports and are queried over HTTP with a
keep-alive session each, asking for SPARQL JSON, request by request in turns; rdflib runs the
query and serialises the JSON in this process (no HTTP: its figure is a lower bound).  The floor
lines time each HTTP server `serve` can run answering a constant, in turns with oxigraph's cheap
lookup.  Targets (issue 11): `/sparql` p50 <= 1.3x `oxigraph serve-read-only` p50 for every
query; >= 5x faster than rdflib on aggregates.

``--baseline-tree DIR`` (a checkout of another commit, e.g. ``git worktree add /tmp/base main``):
its ``serve`` runs too, on the same data, and takes its turn beside this tree's and Oxigraph
request by request, so a change is measured against the code before it in one run.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.ports import free_port  # noqa: E402  (after ROOT is importable)

ENV = os.environ | {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
P = ("PREFIX fg: <https://w3id.org/floorgraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
     "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ")
# name -> (query, is_aggregate)
QUERIES = {
    "cheap lookup": (P + "SELECT ?l WHERE { <https://w3id.org/floorgraph/id/country/JOR> skos:prefLabel ?l }", False),
    "all labels": (P + "SELECT ?s ?l WHERE { ?s skos:prefLabel ?l }", False),
    "1,000 rows": (P + "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 1000", False),
    "2-hop join": (P + "SELECT DISTINCT ?c ?l WHERE { ?c a fg:Country ; ?p ?o . ?o skos:prefLabel ?l } LIMIT 500", False),
    "COUNT": (P + "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", True),
    "GROUP BY type": (P + "SELECT ?t (COUNT(?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t ORDER BY DESC(?n)", True),
    "GROUP BY predicate": (P + "SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p", True),
}


def wait_up(url: str, proc: subprocess.Popen) -> None:
    import requests

    for _ in range(1200):
        if proc.poll() is not None:
            raise SystemExit(f"{url}: server exited ({proc.returncode})")
        try:
            if requests.get(url, params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"},
                            timeout=5).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or still starting its query workers
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not come up")


def wait_warm(base: str, timeout_s: float = 180.0) -> str:
    """Wait until `serve` has finished warming its question engine in the background (``/healthz``
    engine "ready"): measured earlier, the first queries share the server's CPU with that work."""
    import requests

    deadline = time.monotonic() + timeout_s
    engine = "?"
    while time.monotonic() < deadline:
        try:
            engine = requests.get(base + "/healthz", timeout=5).json().get("engine", "?")
        except (requests.RequestException, ValueError):
            pass
        if engine not in ("warming_up", "?"):
            return engine
        time.sleep(0.2)
    return engine


def _timed_post(session, url: str, query: str) -> float:
    t = time.perf_counter()
    r = session.post(url, data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    _ = r.content
    if r.status_code != 200:
        raise SystemExit(f"{url}: HTTP {r.status_code} {r.text[:300]}")
    return (time.perf_counter() - t) * 1e3


def p50_http(session, url: str, query: str, reps: int) -> float:
    return p50_pair([(session, url)], query, reps)[0]


def p50_pair(targets: list, query: str, reps: int) -> list[float]:
    """p50 per (session, url) target, the targets taking turns request by request (the order
    flipping every round), so a burst of load from other processes on this shared machine hits
    both sides alike instead of one whole series."""
    return [statistics.median(t) for t in times_in_turns(targets, query, reps)]


def times_in_turns(targets: list, query: str, reps: int) -> list[list[float]]:
    """Each target's request times (ms), taken in turns as :func:`p50_pair` describes; the i-th
    times of the targets were taken next to each other."""
    times: list[list[float]] = [[] for _ in targets]
    for i in range(reps + 3):
        order = list(range(len(targets)))
        if i % 2:
            order.reverse()
        for k in order:
            ms = _timed_post(targets[k][0], targets[k][1], query)
            if i >= 3:  # warm-up excluded
                times[k].append(ms)
    return times


FLOOR_APP = """
def app(environ, start_response):
    environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"), ("Content-Length", "2")])
    return [b"{}"]
"""


def start_floors(workdir: Path) -> dict[str, tuple[subprocess.Popen, str]]:
    """Each HTTP server `serve` can run, answering a constant (no Flask, no query): what any
    /sparql request costs at least under it."""
    (workdir / "floor_app.py").write_text(FLOOR_APP)
    floors = {}
    port = free_port()
    floors["waitress"] = (subprocess.Popen(
        [sys.executable, "-c", f"from waitress import serve; from floor_app import app; "
                               f"serve(app, host='127.0.0.1', port={port}, threads=8)"],
        cwd=workdir, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), f"http://127.0.0.1:{port}/sparql")
    port = free_port()
    floors["granian"] = (subprocess.Popen(
        [str(Path(sys.executable).parent / "granian"), "--interface", "wsgi", "--host", "127.0.0.1", "--port",
         str(port), "--blocking-threads", "8", "--no-ws", "--working-dir", str(workdir), "floor_app:app"],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), f"http://127.0.0.1:{port}/sparql")
    return floors


def start_serve(tree: Path, data_dir: Path, port: int, server: str | None) -> subprocess.Popen:
    """``floorgraph serve`` of the source tree ``tree`` (its own code imported: run from its root)."""
    return subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--data-dir", str(data_dir),
                             "--port", str(port), *(["--server", server] if server else [])],
                            cwd=tree, env=ENV | {"PYTHONPATH": str(tree)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its live children (serve's
    query workers): what a series of requests cost each server, whatever the load did to the
    clock; an exited child's share is lost (none exit in a healthy run).

    Read from each thread's ``/proc/PID/task/TID/schedstat`` (nanoseconds) where Linux offers it:
    the clock-tick counters psutil reads move in 10 ms steps, ~80 us a request over 120 requests,
    as much as the whole server's work on a cheap lookup."""
    import psutil

    total = 0.0
    try:
        proc = psutil.Process(pid)
        for p in [proc, *proc.children(recursive=True)]:
            ns = _threads_cpu_ns(p.pid)
            if ns is not None:
                total += ns / 1e9
                continue
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
    except psutil.Error:
        pass
    return total


def _threads_cpu_ns(pid: int) -> int | None:
    """Nanoseconds on a CPU of every live thread of ``pid`` (Linux schedstat), or None."""
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    total = 0
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):  # a thread that just ended
            continue
    return total


def p50_rdflib(graph, query: str, reps: int) -> float:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        graph.query(query).serialize(format="json")
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    import requests
    import rdflib

    from app.config import Config

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--reps", type=int, default=40)
    ap.add_argument("--rdflib-reps", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=1,
                    help="measure every query this many times over (the spread between rounds is printed)")
    ap.add_argument("--baseline-tree", type=Path, default=None,
                    help="another checkout whose `serve` is measured in the same turns (old against new)")
    ap.add_argument("--queries", default="", help="comma-separated query names (default: all)")
    ap.add_argument("--server", choices=("waitress", "granian"), default=None,
                    help="the HTTP server `floorgraph serve` runs (default: serve's own default)")
    args = ap.parse_args(argv)
    cfg = Config.from_env(data_dir=args.data_dir)
    if not cfg.oxigraph_dir.is_dir():
        raise SystemExit(f"no on-disk store in {cfg.oxigraph_dir}; run: floorgraph build --data-dir {cfg.data_dir}")
    queries = {n: QUERIES[n] for n in args.queries.split(",")} if args.queries else QUERIES
    fg_port, ox_port = free_port(), free_port()
    fg = start_serve(ROOT, cfg.data_dir, fg_port, args.server)
    base_port = free_port() if args.baseline_tree else None
    base = start_serve(args.baseline_tree.resolve(), cfg.data_dir, base_port, args.server) if base_port else None
    ox_bin = Path(sys.executable).parent / "oxigraph"
    ox = subprocess.Popen([str(ox_bin), "serve-read-only", "--location", str(cfg.oxigraph_dir),
                           "--bind", f"127.0.0.1:{ox_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tmp = tempfile.TemporaryDirectory(prefix="bench-sparql-")
    floors = start_floors(Path(tmp.name))
    fg_url, ox_url = f"http://127.0.0.1:{fg_port}/sparql", f"http://127.0.0.1:{ox_port}/query"
    try:
        wait_up(fg_url, fg)
        engine = wait_warm(f"http://127.0.0.1:{fg_port}")
        base_url = f"http://127.0.0.1:{base_port}/sparql" if base else None
        if base:
            wait_up(base_url, base)
            wait_warm(f"http://127.0.0.1:{base_port}")
        wait_up(ox_url, ox)
        for proc, url in floors.values():
            wait_up(url, proc)
        t = time.perf_counter()
        g = rdflib.Graph()
        g.parse(str(cfg.graph_file), format="nt")
        rdflib_load = time.perf_counter() - t
        s_fg, s_ox, s_base = requests.Session(), requests.Session(), requests.Session()
        print(f"graph: {len(g)} triples; rdflib load {rdflib_load:.1f} s; {args.reps} reps per query (HTTP), "
              f"{args.rdflib_reps} for rdflib; serve --server {args.server or 'default'}, "
              f"in-process budget {cfg.sparql_in_process_ms:g} ms (FLOORGRAPH_SPARQL_IN_PROCESS_MS); "
              f"engine {engine} before measuring; load average {os.getloadavg()[0]:.1f}")
        # rounds: every query measured once per round, so a burst of load spoils one round's figure,
        # not one query's; the ratio is of the p50s over all rounds, with each round's own range
        pooled: dict[str, tuple[list[float], ...]] = {name: ([], [], []) for name in queries}
        pids = [fg.pid, ox.pid] + ([base.pid] if base else [])
        cpu_us: dict[str, list[float]] = {name: [0.0] * len(pids) for name in queries}  # per request
        per_round: dict[str, list[float]] = {name: [] for name in queries}
        base_round: dict[str, list[float]] = {name: [] for name in queries}
        targets = [(s_fg, fg_url), (s_ox, ox_url)] + ([(s_base, base_url)] if base else [])
        loads = []
        for _ in range(max(1, args.rounds)):
            loads.append(os.getloadavg()[0])
            for name, (q, _aggregate) in queries.items():
                before = [tree_cpu_s(pid) for pid in pids]
                times = times_in_turns(targets, q, args.reps)
                for k, pid in enumerate(pids):
                    cpu_us[name][k] += (tree_cpu_s(pid) - before[k]) * 1e6 / ((args.reps + 3) * max(1, args.rounds))
                for k, t in enumerate(times):
                    pooled[name][k].extend(t)
                per_round[name].append(statistics.median(times[0]) / statistics.median(times[1]))
                if base:
                    base_round[name].append(statistics.median(times[2]) / statistics.median(times[1]))
        print(f"{args.rounds} round(s), load average {min(loads):.1f}-{max(loads):.1f} at their starts")
        print(f"{'query':20}{'/sparql':>10}{'oxigraph':>10}{'ratio':>8}{'rounds':>12}{'rdflib':>10}{'rdflib÷/sparql':>16}")
        worst, agg_speedups = 0.0, []
        for name, (q, aggregate) in queries.items():
            a, b = (statistics.median(t) for t in pooled[name][:2])
            c = p50_rdflib(g, q, args.rdflib_reps)
            worst = max(worst, a / b)
            if aggregate:
                agg_speedups.append(c / a)
            spread = f"{min(per_round[name]):.2f}-{max(per_round[name]):.2f}"
            print(f"{name:20}{a:10.2f}{b:10.2f}{a / b:8.2f}{spread:>12}{c:10.1f}{c / a:15.1f}x"
                  f"{'  (aggregate)' if aggregate else ''}")
        print(f"worst /sparql ÷ oxigraph p50 ratio: {worst:.2f}   target <= 1.3: {'met' if worst <= 1.3 else 'NOT met'}")
        if base:
            print(f"baseline tree {args.baseline_tree} in the same turns (its p50 ÷ oxigraph's):")
            for name in queries:
                a, b, c = (statistics.median(t) for t in pooled[name])
                spread = f"{min(base_round[name]):.2f}-{max(base_round[name]):.2f}"
                print(f"  {name:20}{c:10.2f}{b:10.2f}{c / b:8.2f}{spread:>12}   this tree {a / b:.2f}")
        print("server CPU per request (user + system, workers included; us): "
              + ", ".join(["/sparql", "oxigraph"] + (["baseline"] if base else [])))
        for name in queries:
            print(f"  {name:20}" + "".join(f"{us:10.0f}" for us in cpu_us[name]))
        names = list(floors)
        figures = p50_pair([(requests.Session(), floors[n][1]) for n in names] + [(s_ox, ox_url)],
                           QUERIES["cheap lookup"][0], args.reps)
        for n, f in zip(names, figures):
            print(f"floor: {n} answering a constant (no Flask, no query) p50 {f:.2f} ms = "
                  f"{f / figures[-1]:.2f}x oxigraph's cheap lookup ({figures[-1]:.2f} ms) in the same turns")
        if agg_speedups:
            print(f"aggregates: /sparql is {min(agg_speedups):.1f}x-{max(agg_speedups):.1f}x faster than rdflib   "
                  f"target >= 5x: {'met' if min(agg_speedups) >= 5 else 'NOT met'}")
    finally:
        for p in (fg, ox, *([base] if base else []), *(proc for proc, _ in floors.values())):
            p.terminate()
            p.wait(30)
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
