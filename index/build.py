"""The build pipeline's entry point: ``build_index(config, passages, progress)``.

A thin adapter so ``app.pipeline`` can hand over its Config; it only reads the attributes it is
given (``index_dir``, ``data_dir``, ``model_path``, ``ann_threshold``), never the environment, and
delegates to :func:`index.passage_index.build_and_save`, which reuses the embeddings of the
index already in ``index_dir`` so a rebuild only embeds new or changed passages.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from graph.model import Passage

from .passage_index import PassageIndex, build_and_save


def build_index(config: Any, passages: Sequence[Passage],
                progress: Callable[[str], None] | None = None, embedder: Any = None,
                vectors: tuple | None = None) -> PassageIndex:
    """``vectors``: (keys, matrix) computed for this build elsewhere (index/embed_process.py)."""
    idx = build_and_save(
        passages, config.index_dir, embedder=embedder, model_path=getattr(config, "model_path", None) or None,
        ann_threshold=getattr(config, "ann_threshold", 50_000),
        rebuild_hint=f"run: floorgraph build --data-dir {config.data_dir}", vectors=vectors,
    )
    if progress:
        s, m = idx.stats, idx.manifest
        progress(f"index: {m['count']} passages ({s['embedded']} embedded, {s['cached']} reused) "
                 f"-> {config.index_dir} [{m['index_kind']}, {s['build_s']:.1f} s]")
    return idx
