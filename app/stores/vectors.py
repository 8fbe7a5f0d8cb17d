"""The vector-store interface: where the dense half of passage search looks for neighbours.

``search(query_vectors, depth, allowed) -> (rows, scores)``: the ``depth`` passages (row numbers
of the passage index) nearest to the query by inner product (= cosine, vectors are normalised),
restricted to ``allowed`` rows when a filter is active.  The passage index keeps everything else
(passages, BM25, fusion, filters' row masks, evidence), so hybrid search, filters and evidence are
the same code whichever store answers.

* FAISS inside the passage index is the embedded default (no object here: the index searches its
  own ``dense.faiss``).  :class:`FaissVectorStore` exposes the same calls for benchmarks.
* :class:`MilvusVectorStore` - Milvus through ``pymilvus``: a Milvus cluster URI, or a Milvus Lite
  file (``milvus-lite``), which speaks the same client API.  The collection name carries a
  checksum of the passages and their vectors, so a rebuilt index gets a new collection and an
  unchanged one is reused.
"""
from __future__ import annotations

import time
from typing import Protocol

import numpy as np

from graph.errors import FloorgraphError


class VectorStore(Protocol):
    def search(self, query: np.ndarray, depth: int, allowed: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray]: ...

    def close(self) -> None: ...


class FaissVectorStore:
    """Exact (flat) or HNSW FAISS index over one matrix of normalised vectors."""

    def __init__(self, vectors: np.ndarray, kind: str = "flat", hnsw_m: int = 32, ef_search: int = 64):
        import faiss

        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        d = self.vectors.shape[1]
        if kind == "flat":
            self.index = faiss.IndexFlatIP(d)
        else:
            self.index = faiss.IndexHNSWFlat(d, hnsw_m, faiss.METRIC_INNER_PRODUCT)
            self.index.hnsw.efSearch = ef_search
        self.index.add(self.vectors)

    def search(self, query, depth, allowed=None):
        if allowed is not None:
            rows = np.flatnonzero(allowed)
            sims = self.vectors[rows] @ query[0]
            top = np.argsort(-sims, kind="stable")[:depth]
            return rows[top], sims[top]
        scores, ids = self.index.search(np.ascontiguousarray(query, dtype=np.float32), depth)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def close(self) -> None:
        pass


DEFAULT_KEEPALIVE_S = 300.0


def milvus_client(uri: str, keepalive_s: float = DEFAULT_KEEPALIVE_S):
    """A pymilvus client whose gRPC keepalive the server accepts.

    Why: pymilvus pings every 10 s, even on an idle channel (``keepalive_permit_without_calls``).
    A stock gRPC server - Milvus Lite's is one - allows a ping on an idle transport only every 2 h
    and at most every 5 min otherwise (``grpc.http2.min_recv_ping_interval_without_data_ms``),
    counts every earlier ping as a strike and, after two, closes the channel with GOAWAY
    "too_many_pings".  Reproduced here: one client idle for ~2 min got that GOAWAY, and a
    search racing it failed (a whole-suite run, where the process's one shared channel idles
    between tests).  Pinging only while a call is outstanding, and no more often than every
    ``keepalive_s`` (default 300 s, the stock minimum), gives the server nothing to strike;
    Milvus itself (which accepts pings every 5 s) is fine with it, and a dead peer is still
    noticed by the call's own failure (see :meth:`MilvusVectorStore._reconnect`).

    pymilvus shares one channel per address and token in a process, created by the first client:
    every client of floorgraph and its tests comes from here, so they all carry these options.
    """
    try:
        from pymilvus import MilvusClient
    except ImportError as exc:  # pragma: no cover - dependency of the project
        raise FloorgraphError(f"FLOORGRAPH_VECTOR_STORE=milvus needs pymilvus ({exc})") from None
    options = {"grpc.keepalive_time_ms": int(keepalive_s * 1000), "grpc.keepalive_permit_without_calls": False}
    return MilvusClient(uri, grpc_options=options)


class MilvusVectorStore:
    """Passage vectors in a Milvus collection (row number = primary key)."""

    def __init__(self, uri: str, content_sha256: str, prefix: str = "floorgraph_passages",
                 index_type: str = "FLAT", keepalive_s: float = DEFAULT_KEEPALIVE_S):
        from graph.construction import note

        note("vector_store")
        self.uri = uri
        self.index_type = index_type
        self.keepalive_s = keepalive_s
        self.client = milvus_client(uri, keepalive_s)
        self.collection = f"{prefix}_{content_sha256[:16]}"

    def sync(self, vectors: np.ndarray, batch: int = 5000) -> dict:
        """Make the collection hold exactly ``vectors`` (reused when it already does)."""
        t0 = time.perf_counter()
        n, d = vectors.shape
        if self.client.has_collection(self.collection):
            stats = self.client.get_collection_stats(self.collection)
            if int(stats.get("row_count", -1)) == n:
                self.client.load_collection(self.collection)
                return {"reused": True, "count": n, "seconds": time.perf_counter() - t0}
            self.client.drop_collection(self.collection)
        index_params = self.client.prepare_index_params()
        # FLAT: exact, so results equal FAISS's exact index (Milvus's AUTOINDEX is approximate);
        # a cluster serving millions of passages would declare HNSW or IVF_PQ here instead.
        index_params.add_index(field_name="vector", index_type=self.index_type, metric_type="IP")
        from pymilvus import DataType, MilvusClient

        schema = MilvusClient.create_schema(auto_id=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=int(d))
        self.client.create_collection(self.collection, schema=schema, index_params=index_params)
        for start in range(0, n, batch):
            part = vectors[start:start + batch]
            self.client.insert(self.collection, [{"id": start + i, "vector": v.tolist()} for i, v in enumerate(part)])
        self.client.flush(self.collection)
        self.client.load_collection(self.collection)
        return {"reused": False, "count": n, "seconds": time.perf_counter() - t0}

    def search(self, query, depth, allowed=None):
        kwargs = {}
        if allowed is not None:
            rows = np.flatnonzero(allowed)
            if not len(rows):
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
            kwargs["filter"] = f"id in {rows.tolist()}"
        data = [np.asarray(query[0], dtype=np.float32).tolist()]
        try:
            res = self._search(data, depth, kwargs)
        except Exception:  # noqa: BLE001 - a dropped channel; a real error repeats below and is raised
            self._reconnect()
            res = self._search(data, depth, kwargs)
        hits = res[0] if res else []
        rows = np.array([int(h["id"]) for h in hits], dtype=np.int64)
        scores = np.array([float(h["distance"]) for h in hits], dtype=np.float32)
        order = np.lexsort((rows, -scores))  # best first, ties by row: the same order as FAISS
        return rows[order], scores[order]

    def _search(self, data, depth, kwargs):
        return self.client.search(self.collection, data=data, limit=depth, search_params={"metric_type": "IP"},
                                  output_fields=[], **kwargs)

    def _reconnect(self) -> None:
        """A new client after a failed call.  Why: a channel can still drop (a Milvus restart, a
        proxy closing idle connections), and one search must not fail because of it; the
        keepalive settings of :func:`milvus_client` keep Milvus Lite itself from dropping it."""
        self.close()
        self.client = milvus_client(self.uri, self.keepalive_s)
        self.client.load_collection(self.collection)

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass


def open_vector_store(config, index) -> VectorStore | None:
    """The configured vector store over ``index``'s passages (``None``: FAISS inside the index)."""
    kind = (config.vector_store or "faiss").lower()
    if kind == "faiss":
        return None
    if kind != "milvus":
        raise FloorgraphError(f"unknown FLOORGRAPH_VECTOR_STORE {config.vector_store!r}; use faiss or milvus")
    store = MilvusVectorStore(config.milvus_uri or str(config.milvus_file), content_key(index),
                              keepalive_s=config.milvus_keepalive_s)
    store.sync(index.embeddings)
    return store


def content_key(index) -> str:
    """Names the collection after exactly what it holds: the passages *and* their vectors (the same
    passages embedded by another model must not reuse a collection)."""
    import hashlib

    h = hashlib.sha256(str(index.manifest.get("corpus_sha256", "")).encode())
    h.update(np.ascontiguousarray(index.embeddings, dtype=np.float32).tobytes())
    return h.hexdigest()


def attach(index, store: VectorStore | None) -> None:
    """Send ``index``'s dense candidate search to ``store``."""
    index.vectors = store
