"""The whole build, graph then index, driven by a Config (the one place the CLI and server share)."""
from __future__ import annotations

import sys
import time
from typing import Callable

from app.config import Config


def stderr_progress(msg: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def build(config: Config, progress: Callable[[str], None] = stderr_progress, with_index: bool = True,
          bar: bool = False) -> dict:
    """Parse and extract every source, write the graph artefacts, then (re)build the passage index.

    Everything is written into a staging directory that replaces ``config.data_dir`` in one step
    at the end (app/builddir.py): a build that fails or is killed leaves the previous data dir as
    it was, and readers never see the new graph beside the old index.
    """
    from dataclasses import replace

    from app import builddir
    from graph.build import build_in_memory

    # bad input fails here, before anything is written
    b = build_in_memory(config.sources, progress, max_source_mb=config.max_source_mb, bar=bar)
    with builddir.staging(config.data_dir) as stage:
        manifest = _write_all(b, replace(config, data_dir=stage), progress, with_index)
        progress("sealing the build (size and checksum of every file)")
        manifest = builddir.seal(stage)
        builddir.swap_in(stage, config.data_dir)
    progress(f"build complete: {config.data_dir}")
    return manifest


def _write_all(b, config: Config, progress: Callable[[str], None], with_index: bool) -> dict:
    from graph.build import write_artefacts

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
    return manifest
