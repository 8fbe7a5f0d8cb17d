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
    from graph import long_lived
    from graph.build import build_in_memory

    # The encoder export and the embeddings need only the parsed texts: a second process makes
    # them while this one extracts (index/embed_process.py)
    embedding = None
    if with_index:
        from index.embed_process import EmbedInBackground

        embedding = EmbedInBackground.start(config.model_path or None, config.data_dir,
                                            vector_cache=config.vector_cache_dir or None)
    parsed: dict = {}

    def hand_over(docs) -> None:
        if embedding is None:
            return
        from app.qa.units import make_units
        from index.embed_process import texts_of

        passages = [p for d in docs for p in d.passages]
        parsed["units"] = make_units(passages)
        embedding.send(texts_of(passages, parsed["units"]))
        progress("exporting the encoder and embedding passages, units and the question bank "
                 "(in a second process)")

    try:
        # the graph and everything extracted live until the build ends: once built, the collector
        # stops rescanning them while the files and the index are written (graph/long_lived.py)
        with long_lived.stages() as built:
            # bad input fails here, before anything is written
            b = build_in_memory(config.sources, progress, max_source_mb=config.max_source_mb, bar=bar,
                                on_parsed=hand_over)
            built()
            with builddir.staging(config.data_dir) as stage:
                manifest = _write_all(b, replace(config, data_dir=stage), progress, with_index, embedding,
                                      parsed.get("units"))
                progress("sealing the build (size and checksum of every file)")
                manifest = builddir.seal(stage)
                builddir.swap_in(stage, config.data_dir)
    finally:
        if embedding is not None:
            embedding.stop()
    progress(f"build complete: {config.data_dir}")
    return manifest


def _write_all(b, config: Config, progress: Callable[[str], None], with_index: bool,
               embedding=None, units=None) -> dict:
    import json

    from graph.artefacts_process import JOBS, InBackground, oxigraph_store_job
    from graph.build import add_artefacts, write_artefacts

    # SHACL, the counts, the Turtle/JSON-LD views and the on-disk store only read the finished
    # graph: a second process makes them while this one writes the other files
    # (graph/artefacts_process.py)
    # N-Triples first, here: the child forked next inherits the text instead of making it again
    # (about 5 CPU s of a 10 MB report's build saved; graph.nt is written from the same text)
    progress("serialising the graph (N-Triples)")
    t_nt = time.perf_counter()
    b.ntriples()
    b.steps["write.ntriples_text"] = time.perf_counter() - t_nt
    # The on-disk store loads in the child too, unless this process has already used Oxigraph (a
    # test run, a server rebuilding): Oxigraph's native thread pool does not survive fork, and a
    # child whose bulk load waits on it hangs for ever.  Loaded here then, as before.
    store_in_child = "pyoxigraph" not in sys.modules
    progress("validating with SHACL, counting, writing Turtle/JSON-LD"
             + (" and loading the on-disk store" if store_in_child else "") + " (in a second process)")
    from app.stores.graph import STORE_MANIFEST, write_disk_store

    background = InBackground.start(b, jobs=JOBS + ((
        ("oxigraph_store", oxigraph_store_job(config.graph_file, config.oxigraph_dir)),) if store_in_child else ()))
    try:
        write_artefacts(b, config.data_dir, progress, with_stats=False, with_views=False)
        steps: dict[str, float] = {}
        clock = [time.perf_counter()]

        def step(name: str) -> None:
            now = time.perf_counter()
            steps[name], clock[0] = now - clock[0], now

        if not store_in_child:
            write_disk_store(config.graph_file, config.oxigraph_dir)
            step("write.disk_store")
        files = background.result()
        step("write.background_wait")
        steps |= {f"write.{name}": s for name, s in background.cpu_s.items()}
        disk = json.loads((config.oxigraph_dir / STORE_MANIFEST).read_text(encoding="utf-8"))
        progress(f"on-disk graph store: {disk['triples']} triples -> {config.oxigraph_dir} "
                 f"[{disk['load_seconds']:.1f} s]")
        progress(f"SHACL, counts, Turtle, JSON-LD{' and the store' if store_in_child else ''} made in {background.ran_in} "
                 f"({sum(background.cpu_s.values()):.1f} CPU s; {background.waited_s:.1f} s waited for)")
        add_artefacts(config.data_dir, files)
    finally:
        background.stop()
    if with_index:
        try:
            from index.build import build_index
        except ImportError:  # index package not present in this checkout
            return _record_steps(config, steps)
        got = embedding.result() if embedding is not None else None
        step("index.embed_wait")
        if got is not None:
            embedder = install_encoder(config, got, progress)
            steps |= {f"index.child.{name}": s for name, s in got.cpu_s.items()}
            progress(f"encoder export and embeddings made in a second process "
                     f"({sum(got.cpu_s.values()):.1f} CPU s; {embedding.waited_s:.1f} s waited for)")
        else:
            if embedding is not None and embedding.error:
                progress(f"the embedding process failed ({embedding.error}); embedding here")
            # The ONNX export first: it then encodes the passages, units and question bank too, on
            # every core and in batches of similar length (a quarter less CPU than PyTorch here,
            # vectors within cosine 1e-6 of it, checked on a sample of the passages by the export).
            from index.embed_process import check_sample

            embedder = build_embedder(config, check_sample([p.text for p in b.passages]), progress)
        step("index.encoder_export")
        progress("embedding passages and building the index")
        idx = build_index(config, b.passages, progress, embedder=embedder,
                          vectors=(got.keys, got.vectors) if got is not None else None)
        step("index.passages")
        from app.qa.units import build_units

        progress("embedding sentence units for question answering")
        units = build_units(b.passages, idx.embedder, idx.cache, config.qa_dir, units=units)
        step("index.qa_units")
        progress(f"qa units: {len(units)} sentences and clauses")
        from app.qa.intent import IntentIndex

        intents = IntentIndex.build(idx.embedder, idx.cache, config.qa_dir)
        step("index.intents")
        progress(f"question bank: {len(intents.rows)} generated questions embedded for intent matching")
    return _record_steps(config, steps)


def _record_steps(config: Config, steps: dict[str, float]) -> dict:
    """Add the store and index steps' seconds to build.json's ``steps_s`` (sealed afterwards)."""
    import json

    path = config.build_manifest
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest.setdefault("steps_s", {}).update({k: round(v, 3) for k, v in steps.items()})
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def install_encoder(config: Config, got, progress: Callable[[str], None]):
    """Write the encoder the embedding process exported into the build's data dir; the build's
    embedder on it (all cores, for whatever is left to embed)."""
    import os

    from index.embedder import Embedder
    from index.store import staged_dir

    with staged_dir(config.encoder_dir) as tmp:
        for name, data in got.encoder_files.items():
            (tmp / name).write_bytes(data)
    m = got.manifest
    progress(f"query encoder: ONNX fp32 -> {config.encoder_dir} (min cosine to PyTorch "
             f"{m.get('min_cosine', 1.0):.5f} on {m.get('checked_texts', 0)} texts, {m['export_seconds']:.1f} s)")
    return Embedder(config.model_path or None, onnx_dir=config.encoder_dir, onnx_threads=os.cpu_count() or 1)


def build_embedder(config: Config, check_texts, progress: Callable[[str], None]):
    """The encoder the build embeds with: the ONNX export of the model (exported here, all cores)
    when it reproduces PyTorch's vectors, else PyTorch."""
    import os

    from index.embedder import Embedder

    torch_embedder = Embedder(config.model_path or None)
    if not export_encoder(config, torch_embedder, check_texts, progress):
        return torch_embedder
    return Embedder(config.model_path or None, onnx_dir=config.encoder_dir, onnx_threads=os.cpu_count() or 1)


def export_encoder(config: Config, embedder, check_texts, progress: Callable[[str], None]) -> bool:
    """Export the query encoder to ONNX so queries run without torch; a model the export cannot
    reproduce (not mean pooling, or vectors off PyTorch's) keeps the PyTorch encoder, with a note."""
    from index.onnx_encoder import EncoderUnavailable, export

    try:
        m = export(embedder.path, config.encoder_dir, embedder.weights_sha256, check_texts)
        progress(f"query encoder: ONNX fp32 -> {config.encoder_dir} (min cosine to PyTorch "
                 f"{m.get('min_cosine', 1.0):.5f} on {m.get('checked_texts', 0)} texts, {m['export_seconds']:.1f} s)")
        return True
    except EncoderUnavailable as exc:
        import shutil

        shutil.rmtree(config.encoder_dir, ignore_errors=True)
        progress(f"query encoder: staying on PyTorch ({exc})")
        return False


def push(config: Config, progress: Callable[[str], None] = stderr_progress) -> str:
    """Load the built graph into the external SPARQL store as a new named graph, then switch the
    deployment's pointer to it in one update (readers never see a half-loaded build)."""
    from app.stores.graph import file_sha256, push_graph
    from graph.errors import FloorgraphError

    if not config.sparql_endpoint:
        raise FloorgraphError("--push needs FLOORGRAPH_SPARQL_ENDPOINT (the store's query URL) and "
                              "FLOORGRAPH_SPARQL_UPDATE_ENDPOINT (its update URL)")
    if not config.graph_file.is_file():
        raise FloorgraphError(f"no graph to push in {config.data_dir}; run: floorgraph build --data-dir {config.data_dir}")
    build_id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + file_sha256(config.graph_file)[:12]
    graph = push_graph(config.graph_file, config.sparql_endpoint, config.sparql_update_endpoint, build_id,
                       config.sparql_dataset, progress=progress)
    progress(f"the store's current build for dataset {config.sparql_dataset!r} is now <{graph}>")
    return graph
