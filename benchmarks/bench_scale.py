"""Scale simulation: a synthetic library built from the report, to say when embedded stops being enough.

    .venv/bin/python benchmarks/bench_scale.py [--data-dir DIR] [--vector-sizes 10000,100000,1000000]
        [--triple-copies 1,10,100,1000] [--stores embedded,oxigraph-server,virtuoso] [--skip-vectors|--skip-triples]

Vectors: synthetic passage vectors drawn between pairs of the report's real passage and sentence
embeddings (random mix, noise of norm ~0.5, normalised): structured like text, not uniform noise,
and not tight blobs either.
At each size: exact FAISS (flat) against an approximate IVF index with 8-bit scalar quantisation
(``IVF{nlist},SQ8``; ``nprobe`` tuned on half the queries to recall@10 >= 0.97 against flat, measured
on the other half): build time, query p50/p99 (one thread, k=10), recall@10, index memory.

Triples: N renamed copies of the report's graph (every entity IRI moved under ``.../id/c{k}/``).
At each size: load time and p50 of a 2-hop question query ("who funds work in the region of
country X?", X in a random copy each time) on the embedded on-disk Oxigraph store (in process),
`oxigraph serve-read-only` over the same store files (HTTP), and Virtuoso (its bulk loader; HTTP).
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ID = "https://w3id.org/floorgraph/id/"
FG = "https://w3id.org/floorgraph/ontology#"


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


# ------------------------------------------------------------------------------------------------
#  Vectors
# ------------------------------------------------------------------------------------------------
def synthetic_vectors(centres: np.ndarray, n: int, rng: np.random.Generator, noise: float = 0.5) -> np.ndarray:
    """Points on the segments between two random real embeddings, plus noise: a continuum between
    topics rather than tight blobs (blobs made the approximate index look better than it is)."""
    d = centres.shape[1]
    out = np.empty((n, d), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        a = rng.random((m, 1), dtype=np.float32)
        x = (a * centres[rng.integers(0, len(centres), m)] + (1 - a) * centres[rng.integers(0, len(centres), m)]
             + rng.normal(0, noise / np.sqrt(d), (m, d)).astype(np.float32))
        out[start:start + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def timed_queries(index, queries: np.ndarray, k: int = 10) -> tuple[np.ndarray, list[float]]:
    ids, times = [], []
    for q in queries:
        t = time.perf_counter()
        _, i = index.search(q[None, :], k)
        times.append((time.perf_counter() - t) * 1e3)
        ids.append(i[0])
    return np.array(ids), times


def recall_at_k(got: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(g) & set(t)) / len(t) for g, t in zip(got, truth)]))


def bench_vectors(centres: np.ndarray, sizes: list[int], n_queries: int, target: float = 0.97) -> list[dict]:
    import faiss

    rng = np.random.default_rng(7)
    rows = []
    for n in sizes:
        faiss.omp_set_num_threads(os.cpu_count() or 2)
        xb = synthetic_vectors(centres, n, rng)
        xq = synthetic_vectors(centres, n_queries, rng)
        d = xb.shape[1]
        t = time.perf_counter()
        flat = faiss.IndexFlatIP(d)
        flat.add(xb)
        flat_build = time.perf_counter() - t
        _, truth = flat.search(xq, 10)  # ground truth, batched
        faiss.omp_set_num_threads(1)
        _, flat_times = timed_queries(flat, xq[:50])
        faiss.omp_set_num_threads(os.cpu_count() or 2)
        nlist = max(16, int(round(np.sqrt(n))))
        t = time.perf_counter()
        ivf = faiss.index_factory(d, f"IVF{nlist},SQ8", faiss.METRIC_INNER_PRODUCT)
        train = xb[rng.choice(n, min(n, max(40 * nlist, 20_000)), replace=False)]
        ivf.train(train)
        ivf.add(xb)
        ivf_build = time.perf_counter() - t
        faiss.omp_set_num_threads(1)
        half = n_queries // 2
        chosen = None
        for nprobe in (1, 2, 4, 8, 16, 32, 64, 128, 256):
            ivf.nprobe = nprobe
            got, _ = timed_queries(ivf, xq[:half])
            if recall_at_k(got, truth[:half]) >= target:
                chosen = nprobe
                break
        ivf.nprobe = chosen or 256
        got, times = timed_queries(ivf, xq[half:])
        rows.append({
            "n": n, "flat_build_s": flat_build, "flat_p50_ms": statistics.median(flat_times),
            "flat_mb": n * d * 4 / 2**20, "ann": f"IVF{nlist},SQ8", "nprobe": ivf.nprobe,
            "ann_build_s": ivf_build, "ann_p50_ms": statistics.median(times), "ann_p99_ms": pct(times, 0.99),
            "recall10": recall_at_k(got, truth[half:]),
            "ann_mb": faiss.serialize_index(ivf).nbytes / 2**20,
        })
        r = rows[-1]
        print(f"  {n:>9,} vectors: flat build {r['flat_build_s']:.1f} s p50 {r['flat_p50_ms']:.2f} ms "
              f"{r['flat_mb']:.0f} MB | {r['ann']} nprobe {r['nprobe']} build {r['ann_build_s']:.1f} s "
              f"p50 {r['ann_p50_ms']:.2f} ms p99 {r['ann_p99_ms']:.2f} ms recall@10 {r['recall10']:.3f} "
              f"{r['ann_mb']:.0f} MB", flush=True)
        del xb, flat, ivf
    return rows


# ------------------------------------------------------------------------------------------------
#  Triples
# ------------------------------------------------------------------------------------------------
def write_copies(graph_file: Path, copies: int, out: Path) -> int:
    text = graph_file.read_text(encoding="utf-8")
    lines = 0
    with open(out, "w", encoding="utf-8") as fh:
        for k in range(copies):
            chunk = text.replace(ID, f"{ID}c{k}/")
            fh.write(chunk)
            lines += chunk.count("\n")
    return lines


def two_hop_query(country_path: str, copy: int, graph: str | None = None) -> str:
    c = f"<{ID}c{copy}/{country_path}>"
    return (f"PREFIX fg: <{FG}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            f"SELECT DISTINCT ?org ?label WHERE {{ {c} fg:inRegion ?region . "
            f"?country fg:inRegion ?region ; fg:fundedBy ?org . ?org skos:prefLabel ?label }}")


def pick_country(graph_file: Path) -> str:
    """A country with a region and a funder, read from the graph (no fact typed in here)."""
    import pyoxigraph as ox

    st = ox.Store()
    st.bulk_load(path=str(graph_file), format=ox.RdfFormat.N_TRIPLES)
    rows = list(st.query(f"SELECT ?c WHERE {{ ?c <{FG}inRegion> ?r . ?d <{FG}inRegion> ?r ; <{FG}fundedBy> ?o }} "
                         "ORDER BY ?c LIMIT 1"))
    return rows[0]["c"].value[len(ID):]


def http_p50(url: str, queries: list[str], graph: str | None = None) -> tuple[float, int]:
    import requests

    s = requests.Session()
    times, n = [], 0
    for i, q in enumerate(queries):
        data = {"query": q}
        if graph:
            data["default-graph-uri"] = graph
        t = time.perf_counter()
        r = s.post(url, data=data, headers={"Accept": "application/sparql-results+json"}, timeout=600)
        r.raise_for_status()
        n = len(r.json()["results"]["bindings"])
        if i:  # first one warms up
            times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times), n


def bench_triples(graph_file: Path, copies_list: list[int], stores: list[str], reps: int, work: Path) -> list[dict]:
    import pyoxigraph as ox

    from tests.support.sparql_servers import isql, start_oxigraph, start_virtuoso

    country = pick_country(graph_file)
    rows = []
    rng = random.Random(3)
    for copies in copies_list:
        nt = work / f"library-{copies}.nt"
        t = time.perf_counter()
        n_lines = write_copies(graph_file, copies, nt)
        gen_s = time.perf_counter() - t
        queries = [two_hop_query(country, rng.randrange(copies)) for _ in range(reps + 1)]
        row = {"copies": copies, "triples": n_lines, "gen_s": gen_s}
        store_dir = work / f"ox-{copies}"
        if {"embedded", "oxigraph-server"} & set(stores):
            t = time.perf_counter()
            st = ox.Store(str(store_dir))
            st.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
            st.optimize()
            row["triples"] = len(st)
            del st
            row["oxigraph_load_s"] = time.perf_counter() - t
        if "embedded" in stores:
            st = ox.Store.read_only(str(store_dir))
            times = []
            for i, q in enumerate(queries):
                t = time.perf_counter()
                res = [tuple(s) for s in st.query(q)]
                if i:
                    times.append((time.perf_counter() - t) * 1e3)
            row["embedded_p50_ms"], row["answers"] = statistics.median(times), len(res)
            del st
        if "oxigraph-server" in stores:
            srv_dir = work / f"oxsrv-{copies}"
            srv_dir.mkdir(exist_ok=True)
            os.symlink(store_dir, srv_dir / "db")
            srv = start_oxigraph(srv_dir, read_only=True)
            try:
                row["oxigraph_server_p50_ms"], _ = http_p50(srv.query_url, queries)
            finally:
                srv.stop()
        if "virtuoso" in stores:
            vdir = work / f"virtuoso-{copies}"
            buffers = max(20_000, min(400_000, n_lines // 20))
            srv = start_virtuoso(vdir, buffers=buffers)
            try:
                os.link(nt, vdir / "data.nt")  # Virtuoso reads only from its DirsAllowed
                graph = "urn:floorgraph:bench"
                t = time.perf_counter()
                isql(srv, f"ld_dir('{vdir}', 'data.nt', '{graph}'); rdf_loader_run(); checkpoint;")
                row["virtuoso_load_s"] = time.perf_counter() - t
                row["virtuoso_p50_ms"], n_v = http_p50(srv.query_url, queries, graph)
                row["virtuoso_answers"] = n_v
            finally:
                srv.stop()
                shutil.rmtree(vdir, ignore_errors=True)
        rows.append(row)
        print("  " + "  ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()),
              flush=True)
        nt.unlink(missing_ok=True)
        shutil.rmtree(store_dir, ignore_errors=True)
        shutil.rmtree(work / f"oxsrv-{copies}", ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    from app.config import Config

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--vector-sizes", default="10000,100000,1000000")
    ap.add_argument("--queries", type=int, default=400, help="vector queries (half tune nprobe, half measure)")
    ap.add_argument("--triple-copies", default="1,10,100,1000")
    ap.add_argument("--stores", default="embedded,oxigraph-server,virtuoso")
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--skip-vectors", action="store_true")
    ap.add_argument("--skip-triples", action="store_true")
    ap.add_argument("--work-dir", help="scratch space (default: a temp dir, removed afterwards)")
    args = ap.parse_args(argv)
    cfg = Config.from_env(data_dir=args.data_dir)
    t0 = time.perf_counter()
    if not args.skip_vectors:
        centres = np.concatenate([np.load(cfg.index_dir / "embeddings.npy"), np.load(cfg.qa_dir / "units.npy")])
        print(f"vectors ({len(centres)} real embeddings as cluster centres):")
        bench_vectors(centres, [int(x) for x in args.vector_sizes.split(",") if x], args.queries)
    if not args.skip_triples:
        work = Path(args.work_dir) if args.work_dir else Path(tempfile.mkdtemp(prefix="floorgraph-scale-"))
        work.mkdir(parents=True, exist_ok=True)
        print(f"triples (2-hop question query, {args.reps} reps; copies of {cfg.graph_file.name}):")
        try:
            bench_triples(cfg.graph_file, [int(x) for x in args.triple_copies.split(",") if x],
                          [s for s in args.stores.split(",") if s], args.reps, work)
        finally:
            if not args.work_dir:
                shutil.rmtree(work, ignore_errors=True)
    print(f"total {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
