"""The whole build, graph then index, driven by a Config (the one place the CLI and server share)."""
from __future__ import annotations

import sys
import time
from typing import Callable

from app.config import Config


def stderr_progress(msg: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def build(config: Config, progress: Callable[[str], None] = stderr_progress, with_index: bool = True) -> dict:
    """Parse and extract every source, write the graph artefacts, then (re)build the passage index."""
    from graph.build import build_in_memory, write_artefacts

    b = build_in_memory(config.sources, progress)
    manifest = write_artefacts(b, config.data_dir, progress)
    if with_index:
        try:
            from index.build import build_index
        except ImportError:  # index package not present in this checkout
            return manifest
        progress("embedding passages and building the index")
        idx = build_index(config, b.passages, progress)
        from app.qa.units import build_units

        progress("embedding sentence units for question answering")
        units = build_units(b.passages, idx.embedder, idx.cache, config.data_dir / "qa")
        progress(f"qa units: {len(units.units)} sentences and clauses")
        from app.qa.intent import IntentIndex

        intents = IntentIndex.build(idx.embedder, idx.cache, config.data_dir / "qa")
        progress(f"question bank: {len(intents.rows)} generated questions embedded for intent matching")
    return manifest
