"""Passage index: offline sentence embeddings in FAISS, BM25, and their fusion.

``from index import PassageIndex, build_and_save, Filters`` -- attributes are resolved lazily so that
importing the package costs nothing until an index is actually used (FAISS, bm25s and above all
torch are only imported on first use).
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "PassageIndex": "passage_index", "SearchHit": "passage_index", "SearchOptions": "passage_index",
    "build_and_save": "passage_index", "MODES": "passage_index", "build_index": "build",
    "Filters": "filters", "Embedder": "embedder", "tokenize": "lexical", "rrf": "hybrid",
    "read_passages": "store",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
