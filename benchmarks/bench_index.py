"""Benchmark the passage index: build cost, size on disk, query latency, and flat vs HNSW.

    .venv/bin/python benchmarks/bench_index.py [--data-dir DIR] [--synthetic 100000] [--queries 200]

Part 1 uses the bundled report's passages (``<data_dir>/passages.jsonl`` if the graph build has
written it, else the report split on blank lines) embedded with the real model.  Part 2 scales to
a synthetic corpus of ``--synthetic`` passages whose *texts* recombine real sentences and whose
*vectors* are random convex combinations of real sentence/passage embeddings plus noise (the
model embeds ~40 passages/s here, so embedding 100k texts is not an option); query vectors are
real embeddings of held-out sentences, so recall is measured on realistic geometry.
Every ratio is against the flat baseline measured in the same run.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.config import BUNDLED_REPORT, Config  # noqa: E402
from graph.model import Passage  # noqa: E402
from index import Embedder, PassageIndex, read_passages  # noqa: E402
from index import dense  # noqa: E402

DEV_QUESTIONS = next((p for p in (Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl", Path("/work/shared/eval/dev.jsonl")) if p.is_file()), Path("/work/shared/eval/dev.jsonl"))


def split_blank_lines(path: Path = BUNDLED_REPORT, min_words: int = 5) -> list[Passage]:
    """Throwaway passages: the report's blank-line-separated blocks (used until passages.jsonl exists)."""
    text = path.read_text(encoding="utf-8")
    out, pos = [], 0
    for block in re.split(r"\n\s*\n", text):
        start = text.find(block, pos)
        pos = start + len(block)
        block = block.strip()
        if len(block.split()) >= min_words:
            out.append(Passage(id=f"blk{len(out):04d}", section_id="report", section_path=[],
                               text=block, start=start, end=pos, source=path.stem))
    return out


def bundled_passages(data_dir: str | None) -> tuple[list[Passage], str]:
    cfg = Config.from_env(data_dir=data_dir)
    if cfg.passages_file.is_file():
        return read_passages(cfg.passages_file, "run: floorgraph build"), str(cfg.passages_file)
    return split_blank_lines(), f"{BUNDLED_REPORT.name} split on blank lines (no {cfg.passages_file})"


def sentences(passages: list[Passage]) -> list[str]:
    out = []
    for p in passages:
        out += [s.strip() for s in re.split(r"(?<=[.;!?])\s+", " ".join(p.text.split())) if len(s.split()) >= 6]
    return list(dict.fromkeys(out))


def pct(values: list[float]) -> tuple[float, float]:
    return float(np.percentile(values, 50)), float(np.percentile(values, 99))


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def mode_latencies(idx: PassageIndex, queries: list[str], k: int = 10) -> dict[str, dict[str, float]]:
    """p50/p99 of the whole call and of the call without the query embedding, per mode."""
    out = {}
    for mode in ("dense", "lexical", "hybrid"):
        idx.search(queries[0], k=k, mode=mode)  # warm-up
        total, no_embed = [], []
        for q in queries:
            idx.search(q, k=k, mode=mode)
            t = idx.last_timings
            total.append(t["total_ms"])
            no_embed.append(t["total_ms"] - t.get("embed_ms", 0.0))
        out[mode] = dict(zip(("p50", "p99"), pct(total))) | dict(zip(("p50_no_embed", "p99_no_embed"), pct(no_embed)))
    return out


def print_latencies(title: str, lat: dict[str, dict[str, float]]) -> None:
    print(f"\n  {title}: query latency, ms (k=10)   p50     p99   | without query embedding p50   p99")
    for mode, v in lat.items():
        print(f"    {mode:<8} {v['p50']:>32.2f} {v['p99']:>7.2f}   | {v['p50_no_embed']:>31.2f} {v['p99_no_embed']:>5.2f}")


def synthetic_vectors(base: np.ndarray, n: int, rng: np.random.Generator, noise: float = 0.015) -> np.ndarray:
    """Random convex combinations of 3 real embeddings + Gaussian noise, L2-normalised."""
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for lo in range(0, n, 20_000):
        m = min(20_000, n - lo)
        picks = rng.integers(0, len(base), size=(m, 3))
        w = rng.dirichlet([0.5, 0.5, 0.5], size=m).astype(np.float32)
        v = np.einsum("mk,mkd->md", w, base[picks]) + rng.normal(0, noise, (m, base.shape[1])).astype(np.float32)
        out[lo:lo + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def single_query_latency(index, queries: np.ndarray, k: int = 10, params=None) -> tuple[float, float, np.ndarray]:
    times, found = [], []
    with dense.single_thread():  # as PassageIndex runs a query
        index.search(queries[:1], k, params=params)
        for q in queries:
            t = time.perf_counter()
            _, ids = index.search(q[None, :], k, params=params)
            times.append((time.perf_counter() - t) * 1e3)
            found.append(ids[0])
    return (*pct(times), np.array(found))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--synthetic", type=int, default=100_000, help="synthetic corpus size (0 to skip)")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--json-out", help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(7)
    results: dict = {}
    t_start = time.perf_counter()

    # ---------------------------------------------------------------- part 1: bundled corpus
    passages, source = bundled_passages(args.data_dir)
    print(f"== bundled corpus: {len(passages)} passages from {source}")
    embedder = Embedder()
    t = time.perf_counter()
    embedder.encode(["warm up"])
    print(f"  model load (import torch + weights): {time.perf_counter() - t:.1f} s")
    idx = PassageIndex(embedder).index(passages)
    s = idx.stats
    words = sum(len(p.text.split()) for p in passages)
    print(f"  build: {s['build_s']:.1f} s total = embed {s['embed_s']:.1f} s + faiss {s['dense_s']*1e3:.1f} ms "
          f"+ bm25 {s['lexical_s']*1e3:.0f} ms  ({idx.manifest['index_kind']})")
    print(f"  embedding throughput: {s['embedded'] / s['embed_s']:.1f} passages/s "
          f"({s['embedded']} unique texts, mean {words / len(passages):.0f} words)")
    sents = sentences(passages)
    rng.shuffle(sents)
    dev = [json.loads(x)["question"] for x in DEV_QUESTIONS.read_text().splitlines() if x.strip()] \
        if DEV_QUESTIONS.is_file() else []
    queries = (dev + [" ".join(x.split()[:14]) for x in sents])[: args.queries]
    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        d = Path(tmp) / "index"
        t = time.perf_counter(); idx.save(d); t_save = time.perf_counter() - t
        t = time.perf_counter(); PassageIndex.load(d, embedder); t_load = time.perf_counter() - t
        print(f"  on disk: {dir_size(d) / 1e6:.2f} MB; save {t_save * 1e3:.0f} ms, load+verify {t_load * 1e3:.0f} ms")
        t = time.perf_counter(); idx2 = PassageIndex(embedder); idx2.load_cache(d); idx2.index(passages)
        print(f"  rebuild from cache: {time.perf_counter() - t:.2f} s, embedded {idx2.stats['embedded']}")
    lat = mode_latencies(idx, queries)
    print_latencies(f"{len(queries)} queries ({len(dev)} dev questions + sentence prefixes)", lat)
    results["bundled"] = {"passages": len(passages), "source": source, "stats": s, "latency_ms": lat,
                          "passages_per_s": s["embedded"] / s["embed_s"], "disk_mb_save_ms_load_ms": [t_save, t_load]}
    if not args.synthetic:
        return 0

    # ---------------------------------------------------------------- part 2: synthetic scale
    n = args.synthetic
    held_out = [" ".join(x.split()[:14]) for x in sents[: args.queries]]  # question-sized queries
    base_sents = sents[args.queries: args.queries + 1000]
    t = time.perf_counter()
    base = np.vstack([idx.embeddings, embedder.encode(base_sents)])
    query_vecs = embedder.encode(held_out)
    print(f"\n== synthetic corpus: {n:,} passages (texts = 3 recombined real sentences; vectors = random "
          f"convex combinations of {len(base)} real embeddings + noise, NOT model-embedded; queries = "
          f"real embeddings of {len(held_out)} held-out sentences)  [base embeddings {time.perf_counter() - t:.1f} s]")
    vecs = synthetic_vectors(base, n, rng)
    pool = sents[args.queries:]
    picks = rng.integers(0, len(pool), size=(n, 3))
    regions = ["Africa", "Americas", "Arab States", "Asia and the Pacific", "Europe and Central Asia"]
    syn = [Passage(id=f"syn{i:06d}", section_id="syn", section_path=["Synthetic", regions[i % 5]],
                   text=" ".join(pool[j] for j in picks[i]), start=0, end=0, region=regions[i % 5],
                   countries=[["KHM", "SEN", "JOR", "PER", "VNM", "ZMB"][i % 6]])
           for i in range(n)]

    t = time.perf_counter(); flat = dense.build(vecs, dense.FLAT); t_flat = time.perf_counter() - t
    big = PassageIndex(embedder, index_kind=dense.HNSW)  # explicit, so small --synthetic runs compare too
    big.index(syn, embeddings=vecs)
    hnsw, m = big._faiss, big.manifest
    print(f"  PassageIndex build: {big.stats['build_s']:.1f} s (kind={m['index_kind']}: HNSW M={m['hnsw_m']} build "
          f"{big.stats['dense_s'] - big.stats['ef_tune_s']:.1f} s + efSearch tuning {big.stats['ef_tune_s']:.1f} s, bm25 {big.stats['lexical_s']:.1f} s); tuned efSearch={m['ef_search']} "
          f"(recall@10 {m['tuned_recall_at_10']:.3f} on synthetic between-passage queries)")

    _, truth = flat.search(query_vecs, 10)
    f50, f99, _ = single_query_latency(flat, query_vecs)
    print(f"\n  flat vs HNSW on {n:,} x {vecs.shape[1]} (single queries on 1 thread, k=10, real query vectors)")
    print(f"    {'index':<22} {'build s':>8} {'p50 ms':>8} {'p99 ms':>8} {'recall@10':>10} {'build x':>8} {'p50 speed-up':>13}")
    print(f"    {'IndexFlatIP (exact)':<22} {t_flat:>8.2f} {f50:>8.2f} {f99:>8.2f} {1.0:>10.3f} {1.0:>8.1f} {1.0:>13.1f}")
    import faiss

    sweep = {}
    hnsw_build_s = big.stats["dense_s"] - big.stats["ef_tune_s"]
    for ef in sorted({16, 32, 64, 128, 256, int(m["ef_search"])}):
        h50, h99, found = single_query_latency(hnsw, query_vecs, params=faiss.SearchParametersHNSW(efSearch=ef))
        rec = dense.recall_at_k(found, truth)
        sweep[ef] = {"p50": h50, "p99": h99, "recall": rec}
        tag = " <- chosen" if ef == m["ef_search"] else ""
        print(f"    {'HNSW efSearch=' + str(ef):<22} {hnsw_build_s:>8.1f} {h50:>8.2f} {h99:>8.2f} {rec:>10.3f} "
              f"{hnsw_build_s / t_flat:>8.0f} {f50 / h50:>13.1f}{tag}")
    chosen = sweep[int(m["ef_search"])]
    print(f"  chosen efSearch={m['ef_search']}: recall@10 {chosen['recall']:.3f} (target >= 0.95) "
          f"{'OK' if chosen['recall'] >= 0.95 else 'BELOW TARGET'}")

    with tempfile.TemporaryDirectory(prefix="bench-index-big-") as tmp:
        d = Path(tmp) / "index"
        t = time.perf_counter(); big.save(d); t_save = time.perf_counter() - t
        sizes = {f.name: f.stat().st_size / 1e6 for f in d.iterdir() if f.is_file()}
        t = time.perf_counter(); big = PassageIndex.load(d, embedder); t_load = time.perf_counter() - t
        print(f"\n  on disk: {dir_size(d) / 1e6:.0f} MB (faiss {sizes['dense.faiss']:.0f} MB, embeddings cache "
              f"{sizes['embeddings.npy']:.0f} MB, passages {sizes['passages.jsonl']:.0f} MB); save {t_save:.1f} s, "
              f"load+verify {t_load:.1f} s")
    lat_big = mode_latencies(big, held_out)
    print_latencies(f"{n:,} passages, HNSW", lat_big)
    filt = []
    for q in held_out[:50]:
        big.search(q, k=10, mode="hybrid", filters={"country": "SEN", "region": "Africa"})
        filt.append(big.last_timings["total_ms"] - big.last_timings.get("embed_ms", 0))
    print(f"    hybrid + filter (country=SEN, region=Africa; {n // 30:,} rows allowed), without embedding: "
          f"p50 {pct(filt)[0]:.2f} ms")
    results["synthetic"] = {"n": n, "flat_build_s": t_flat, "flat_p50": f50, "flat_p99": f99,
                            "hnsw_build_s": hnsw_build_s, "ef_search": m["ef_search"], "sweep": sweep,
                            "latency_ms": lat_big, "disk_mb": sizes}
    print(f"\nbenchmark wall time: {time.perf_counter() - t_start:.0f} s")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2, default=float))
    return 0


if __name__ == "__main__":
    sys.exit(main())
