"""Vectors of the generated question bank kept between builds, outside any data dir.

Why: the bank (app/qa/bank.py) is generated from the relation registry, not from the report, so
every build embeds the same few thousand questions again - about 11 CPU s, a tenth of a 10 MB
report's build.  A rebuild into the same data dir already reuses the previous build's vectors
(index/embed_process.previous_vectors); a build into a fresh data dir (a new checkout, CI, the
scale benchmark, ``--data-dir`` elsewhere) had none to reuse.  This file is that reuse for them.

Keys are :func:`index.embedder.text_key` (sha256 of the model's weights hash and the text), so a
changed model or a changed question never meets an old vector: it is embedded and the file
rewritten.  The vectors are the encoder's own, made by an earlier build (the same standing as the
previous data dir's vectors).  It is a cache, never a source of truth: anything unreadable is
ignored, and a failed write costs the next build its reuse only.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

import numpy as np

FILE_PREFIX = "question-vectors-"


def cache_file(directory: Path, model_sha: str) -> Path:
    """One file per model (its weights' hash), so builds with different models do not evict each other."""
    return Path(directory) / f"{FILE_PREFIX}{model_sha[:16]}.npz"


def load(directory: Path | None, model_sha: str) -> tuple[list[str], np.ndarray] | None:
    """(keys, vectors) saved by an earlier build with this model, or None."""
    if directory is None:
        return None
    try:
        with np.load(cache_file(directory, model_sha), allow_pickle=False) as z:
            keys, vecs = [str(k) for k in z["keys"]], z["vectors"]
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: nothing to reuse
        return None
    if vecs.ndim != 2 or len(keys) != len(vecs):
        return None
    return keys, vecs


def save(directory: Path | None, model_sha: str, keys: Sequence[str], vectors: np.ndarray) -> bool:
    """Write (keys, vectors) for the next build; written aside and renamed, so a reader never
    sees half a file.  False when it cannot be written (a read-only home: no reuse, no error)."""
    if directory is None or not len(keys):
        return False
    target = cache_file(directory, model_sha)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            np.savez(fh, keys=np.array(list(keys)), vectors=np.asarray(vectors, dtype=np.float32))
        os.replace(tmp, target)
        return True
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
