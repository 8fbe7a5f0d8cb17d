"""The composition root: one :class:`Runtime` per process builds every heavy object once.

Why: before, a running server held the graph store, the knowledge base, the passages and the
model twice (the web API and the question engine each loaded their own), and failures were cached
in module-level dicts so a transient error stuck until restart.  Here the web app, the CLI and the
benchmarks all ask one ``Runtime(config)`` for its parts; each part is built on first use under
one lock and kept, and a failure is raised to the caller and *not* kept (the next call retries).

Which store is used is decided here and nowhere else: the graph in the embedded on-disk Oxigraph
store, or in an external SPARQL 1.1 store (``config.sparql_endpoint``); passage vectors in FAISS
or in Milvus (``config.vector_store``).  ``warm_in_background()`` lets ``floorgraph serve`` start
listening at once and report ``"warming"`` on ``/healthz`` until the engine has answered a query.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable

from app.config import Config
from graph.errors import FloorgraphError

log = logging.getLogger(__name__)


def _limit_blas_threads(n: int) -> None:
    """Cap the BLAS pools (numpy's OpenBLAS, FAISS's) for this process: it now answers questions."""
    if n <= 0:
        return
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=n, user_api="blas")
    except Exception:  # noqa: BLE001 - a speed setting; answering works without it
        log.debug("could not limit BLAS threads", exc_info=True)


class Runtime:
    """Lazily built, process-wide parts of floorgraph; see the module docstring."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config.from_env()
        self._parts: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self.state = "cold"  # cold | warming | ok | error
        self.error: str | None = None
        self.warm_seconds: float | None = None

    # -- parts -------------------------------------------------------------------------------
    def _part(self, name: str, build: Callable[[], Any]) -> Any:
        """``build()`` once; one lock per part, so a request needing the graph store does not wait
        for a warm-up thread that is still building the engine."""
        part = self._parts.get(name)
        if part is None:
            with self._lock:
                lock = self._locks.setdefault(name, threading.Lock())
            with lock:
                part = self._parts.get(name)
                if part is None:
                    part = self._parts[name] = build()
        return part

    def built(self, name: str) -> bool:
        """Has the part ``name`` been built (without building it)?"""
        return name in self._parts

    def provide(self, name: str, part: Any) -> None:
        """Hand the runtime a part built elsewhere (tests inject a graph store this way)."""
        with self._lock:
            self._parts[name] = part

    def _hint(self) -> str:
        return f"run: floorgraph build --data-dir {self.config.data_dir}"

    @property
    def graph_store(self):
        """The graph: an external SPARQL 1.1 store when configured, else the embedded one."""
        def build():
            cfg = self.config
            if cfg.sparql_endpoint:
                from app.stores.graph import SparqlHttpStore

                from app.graphstore import GraphStore

                return SparqlHttpStore(cfg.sparql_endpoint, cfg.sparql_update_endpoint, cfg.sparql_dataset,
                                       limits=GraphStore.options_from_config(cfg)["limits"])
            from app.stores.graph import open_embedded

            return open_embedded(cfg.graph_file, cfg.oxigraph_dir, config=cfg)
        return self._part("graph_store", build)

    @property
    def knowledge(self):
        def build():
            from app.knowledge import Knowledge

            if not self.config.kb_file.is_file():
                raise FloorgraphError(f"no knowledge graph is built in {self.config.data_dir}; {self._hint()}")
            return Knowledge(self.config.data_dir)
        return self._part("knowledge", build)

    @property
    def browse_knowledge(self):
        """What the pages, entity lists and the network read: the build's knowledge base, or - with
        the graph in an external store - a snapshot of it re-read from that store every
        ``config.store_refresh_s`` seconds, so a change made in the store shows on the pages."""
        if not self.config.sparql_endpoint:
            return self.knowledge

        def build():
            from app.stores.knowledge_view import StoreKnowledgeView

            return StoreKnowledgeView(self.knowledge, self.graph_store, self.config.store_refresh_s)
        return self._part("knowledge_view", build).current()

    @property
    def embedder(self):
        """The sentence encoder; queries use its ONNX export (no torch) when the build made one."""
        def build():
            from index.embedder import Embedder

            return Embedder(self.config.model_path or None, onnx_dir=self.config.encoder_dir)
        return self._part("embedder", build)

    @property
    def vector_store(self):
        """Where passage vectors are searched: FAISS inside the passage index, or Milvus."""
        def build():
            from app.stores.vectors import open_vector_store

            return open_vector_store(self.config, self._passage_index_files())
        return self._part("vector_store", build)

    def _passage_index_files(self):
        def build():
            from index import PassageIndex

            cfg = self.config
            if not (cfg.index_dir / "manifest.json").is_file():
                raise FloorgraphError(f"the passage index is not built in {cfg.index_dir}; {self._hint()}")
            idx = PassageIndex.load(cfg.index_dir, self.embedder, rebuild_hint=self._hint(),
                                    ann_threshold=cfg.ann_threshold)
            idx.options.max_query_chars = cfg.max_question_chars
            return idx
        return self._part("passage_index_files", build)

    @property
    def passage_index(self):
        """The passage index (dense + BM25 + hybrid); dense search goes to the configured vector store."""
        def build():
            idx = self._passage_index_files()
            # the graph-aware search reads this runtime's knowledge base, not a second copy
            from app.qa.question import Lexicon
            from index.graph_context import GraphContext, english_reader

            if (self.config.data_dir / "kb.json").is_file():
                knowledge = self.knowledge
                lexicon = Lexicon(knowledge)
                idx.attach_graph(GraphContext.from_knowledge(knowledge, idx.passages, linker=lexicon.link,
                                                             reader=english_reader(lexicon)))
            if self.config.vector_store != "faiss":
                from app.stores.vectors import attach

                attach(idx, self.vector_store)
            return idx
        return self._part("passage_index", build)

    @property
    def units(self):
        def build():
            from app.qa.units import UnitIndex, passages_digest

            units = UnitIndex.load(self.config.qa_dir)
            if units.manifest.get("passages_sha256") != passages_digest(list(self.knowledge.passages.values())):
                raise FloorgraphError(f"the question-answering units in {self.config.qa_dir} were built from other "
                                      f"passages than the graph; {self._hint()}")
            return units
        return self._part("units", build)

    @property
    def engine(self):
        def build():
            from app.qa.engine import QuestionEngine

            if not self.config.sparql_endpoint and not self.config.graph_file.is_file():
                raise FloorgraphError(f"no graph in {self.config.data_dir}; {self._hint()}")
            from app.qa.intent import IntentIndex

            from app.stores.graph import GeneratedQueries

            intents = IntentIndex.load(self.config.qa_dir)
            engine = QuestionEngine(self.knowledge, GeneratedQueries(self.graph_store), self.units, self.embedder,
                                    intents)
            engine.max_chars = self.config.max_question_chars
            _limit_blas_threads(self.config.query_blas_threads)
            return engine
        return self._part("engine", build)

    # -- warming -----------------------------------------------------------------------------
    def preload_encoder(self) -> threading.Thread | None:
        """Load the ONNX query encoder on a thread: onnxruntime builds its session outside the GIL,
        so on a second core it overlaps the imports and the knowledge base load (~0.4 s saved of a
        cold ``ask``).  Nothing to do without an export (the PyTorch path loads on first encode)."""
        if not (self.config.encoder_dir / "manifest.json").is_file():
            return None
        embedder = self.embedder

        def load():
            try:
                embedder.onnx_encoder()
            except Exception:  # noqa: BLE001 - the first encode raises it again, to its caller
                log.debug("preloading the ONNX encoder failed", exc_info=True)

        thread = threading.Thread(target=load, daemon=True, name="floorgraph-encoder-load")
        thread.start()
        return thread

    def warm(self, raise_errors: bool = False) -> None:
        """Build the engine and run the encoder once (and start the SPARQL workers).  A failure is
        logged and shown on /healthz, or - ``raise_errors``, for a caller that decides what to do
        with a broken build (app/reload.py) - raised to the caller."""
        t0 = time.perf_counter()
        self.state, self.error = "warming", None
        try:
            self.preload_encoder()
            self.engine.embedder.encode(["warm-up"])
            if self.config.sparql_timeout_s and self.config.sparql_timeout_s > 0:
                self.graph_store.warm_up()
        except Exception as exc:  # noqa: BLE001 - reported on /healthz and by the parts themselves
            self.state, self.error = "error", f"{type(exc).__name__}: {exc}"
            if raise_errors:
                raise
            log.exception("warming the question engine failed")
            return
        self.warm_seconds = time.perf_counter() - t0
        self.state = "ok"

    def warm_in_background(self) -> threading.Thread:
        self.state = "warming"
        thread = threading.Thread(target=self.warm, daemon=True, name="floorgraph-warm-up")
        thread.start()
        return thread

    def health(self) -> dict:
        """``status``: "warming" while ``warm`` runs, "error" if it failed, else "ok"."""
        from graph.construction import counts

        out: dict[str, Any] = {"status": "ok" if self.state == "cold" else self.state}
        if self.error:
            out["message"] = self.error
        embedder = self._parts.get("embedder")
        if embedder is not None:
            out["encoder"] = embedder.backend
        out["constructed"] = counts()
        return out

    def close(self) -> None:
        for name in ("graph_store", "vector_store"):
            part = self._parts.get(name)
            if part is not None and hasattr(part, "close"):
                part.close()
