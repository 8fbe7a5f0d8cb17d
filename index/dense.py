"""FAISS vector indexes over normalised embeddings (inner product == cosine).

Exact ``IndexFlatIP`` is the default: at report scale (thousands of passages) a brute-force scan
takes well under a millisecond and is never wrong.  Past a size threshold the index switches to
HNSW, and ``efSearch`` is *measured* on the data being indexed (recall@10 against the exact
answer) rather than assumed, because recall depends on how clustered the vectors are.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import faiss
import numpy as np

FLAT, HNSW = "flat", "hnsw"
EF_CANDIDATES = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512)


@dataclass(frozen=True)
class HnswParams:
    m: int = 32
    ef_construction: int = 64
    target_recall: float = 0.97  # margin above the 0.95 requirement: tuning queries are a sample
    tune_queries: int = 300


def choose_kind(n: int, ann_threshold: int, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in (FLAT, HNSW):
            raise ValueError(f"index kind must be {FLAT!r} or {HNSW!r}, not {explicit!r}")
        return explicit
    return HNSW if n >= ann_threshold else FLAT


def build(vectors: np.ndarray, kind: str = FLAT, params: HnswParams = HnswParams()) -> faiss.Index:
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    dim = vectors.shape[1]
    if kind == FLAT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, params.m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = params.ef_construction
    index.add(vectors)
    return index


def search(index: faiss.Index, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, row ids), each (n_queries, k'); k' = min(k, ntotal); ids are -1 where none."""
    k = max(1, min(k, index.ntotal))
    return index.search(np.ascontiguousarray(queries, dtype=np.float32), k)


def recall_at_k(found: np.ndarray, truth: np.ndarray) -> float:
    """Mean fraction of the exact top-k found by the approximate search."""
    k = truth.shape[1]
    hits = sum(len(set(f[f >= 0].tolist()) & set(t.tolist())) for f, t in zip(found, truth))
    return hits / (len(truth) * k)


def tuning_queries(vectors: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """Query-like vectors: normalised mixes of two corpus vectors plus noise.

    Corpus vectors themselves would be found trivially (they are their own nearest neighbour);
    real questions fall *between* passages, which is what these imitate.
    """
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, len(vectors), size=(2, n))
    w = rng.uniform(0.3, 0.7, size=(n, 1)).astype(np.float32)
    q = w * vectors[a] + (1 - w) * vectors[b]
    q += rng.normal(0, 0.02, size=q.shape).astype(np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    return q.astype(np.float32)


def tune_ef_search(index: faiss.Index, vectors: np.ndarray, k: int = 10,
                   params: HnswParams = HnswParams()) -> tuple[int, float]:
    """Smallest efSearch whose recall@k against exact search reaches the target; returns (ef, recall)."""
    queries = tuning_queries(vectors, params.tune_queries)
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(np.ascontiguousarray(vectors, dtype=np.float32))
    _, truth = exact.search(queries, k)
    recall = 0.0
    for ef in EF_CANDIDATES:
        index.hnsw.efSearch = ef
        _, found = index.search(queries, k)
        recall = recall_at_k(found, truth)
        if recall >= params.target_recall:
            return ef, recall
    return EF_CANDIDATES[-1], recall


def set_ef_search(index: faiss.Index, ef: int | None) -> None:
    if ef and hasattr(index, "hnsw"):
        index.hnsw.efSearch = int(ef)


@contextmanager
def single_thread() -> Iterator[None]:
    """Run one query's search on the calling thread only.

    faiss-cpu and torch each bundle their own libgomp; on a 2-core machine the idle workers of
    one runtime spin while the other works, and a single query alternating between the two
    (embed, then search) was measured ~10x slower.  One vector gains nothing from threads anyway.
    """
    previous = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(previous)


def write(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def read(path: Path) -> faiss.Index:
    return faiss.read_index(str(path))
