"""The graph-store interface and its two implementations.

Every reader of the graph (the question engine, ``/sparql``, the service description) talks to a
:class:`GraphStore`: ``query(sparql, timeout=None, row_limit=None, ...)`` returns an
:class:`app.graphstore.QueryResult` whose terms are pyoxigraph's RDF term values (picklable, and
serialised to SPARQL JSON/XML/CSV/TSV or RDF by the library, never by hand).  Iterating a result
gives one ``{variable: term or None}`` mapping per solution.

* :func:`open_embedded` - the default.  ``floorgraph build`` writes the graph once into an on-disk
  Oxigraph store (:func:`write_disk_store`); every reader, including each SPARQL worker process,
  opens it read-only (:func:`open_read_only`), so nothing re-parses N-Triples and the operating
  system's page cache holds one copy however many processes read it.
* :class:`SparqlHttpStore` - any SPARQL 1.1 server (Oxigraph server, Virtuoso, QLever, GraphDB,
  Fuseki, Neptune), chosen by ``FLOORGRAPH_SPARQL_ENDPOINT``.  ``floorgraph build --push``
  (:func:`push_graph`) loads each build into its own named graph over SPARQL Update
  (``FLOORGRAPH_SPARQL_UPDATE_ENDPOINT``) and then moves a pointer triple to it in one update, so
  readers switch from one complete build to the next atomically and never see a half-loaded graph.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from pathlib import Path
from typing import Iterable, Protocol, Sequence

import pyoxigraph as ox

from app.graphstore import (GraphStore as _PooledStore, GraphStoreError, QueryExecutionError, QueryResult,
                            QuerySyntaxError, QueryTimeout, check_read_only, query_form)
from graph.errors import FloorgraphError

STORE_MANIFEST = "floorgraph-store.json"
META_GRAPH = "urn:floorgraph:meta"
DATASET = "urn:floorgraph:dataset:"  # + name: the pointer's subject, one per deployment
POINTS_TO = "urn:floorgraph:pointsTo"
BUILD_CLASS = "urn:floorgraph:Build"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class GraphStore(Protocol):
    """What every reader of the graph needs; both implementations below provide it."""

    def query(self, sparql: str, timeout: float | None = None, row_limit: int | None = None,
              default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
              base_iri: str | None = None,
              formats: tuple[str | None, str | None] | None = None) -> QueryResult:
        """``formats`` (results format, graph format) asks for the result serialised in
        ``result.body``; a store may ignore it (``body`` None) and the caller serialises."""

    def __len__(self) -> int: ...

    def named_graphs(self) -> list[str]: ...

    def default_graph_size(self) -> int: ...

    def warm_up(self, timeout: float | None = 120.0) -> bool: ...

    def close(self) -> None: ...


class GeneratedQueries:
    """A graph store as the question engine sees it: every query is built by floorgraph's own code
    from templates and entity IRIs, so the embedded store may skip rdflib's inspection parse when
    the text cannot federate (see :func:`app.graphstore.execute`), the largest cost of a warm
    question.  Everything else passes through to the store unchanged."""

    def __init__(self, store):
        self.store = store

    def query(self, sparql: str, **kwargs) -> QueryResult:
        if isinstance(self.store, _PooledStore):
            kwargs.setdefault("inspect", False)
        return self.store.query(sparql, **kwargs)

    def __len__(self) -> int:
        return len(self.store)

    def __getattr__(self, name: str):
        return getattr(self.store, name)


class StoreUnavailable(GraphStoreError):
    """The external store cannot be reached or holds no floorgraph build."""

    status = 503


# ------------------------------------------------------------------------------------------------
#  Embedded: an on-disk Oxigraph store, written once, opened read-only
# ------------------------------------------------------------------------------------------------
def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def write_disk_store(graph_file: Path, directory: Path, ntriples: bytes | None = None) -> dict:
    """Bulk-load ``graph_file`` into a fresh on-disk store at ``directory`` (built aside, swapped in).

    ``ntriples``: the file's bytes when the caller already holds them (the build's artefacts
    process loads the store from the N-Triples text it shares with the build, before or while
    ``graph_file`` is written); the manifest records their sha256, which is the file's."""
    from index.store import atomic_write_text, staged_dir

    graph_file, directory = Path(graph_file), Path(directory)
    t0 = time.perf_counter()
    with staged_dir(directory) as tmp:
        store = ox.Store(str(tmp))
        if ntriples is None:
            store.bulk_load(path=str(graph_file), format=ox.RdfFormat.N_TRIPLES)
            digest = file_sha256(graph_file)
        else:
            store.bulk_load(input=ntriples, format=ox.RdfFormat.N_TRIPLES)
            digest = hashlib.sha256(ntriples).hexdigest()
        store.optimize()
        triples = len(store)
        del store  # closes the database before the directory is renamed
        manifest = {"graph_sha256": digest, "triples": triples,
                    "load_seconds": round(time.perf_counter() - t0, 3)}
        atomic_write_text(tmp / STORE_MANIFEST, json.dumps(manifest) + "\n")
    return manifest


def disk_store_is_current(graph_file: Path, directory: Path) -> bool:
    """True when ``directory`` holds a store written from this very ``graph_file``."""
    try:
        manifest = json.loads((Path(directory) / STORE_MANIFEST).read_text(encoding="utf-8"))
        return manifest.get("graph_sha256") == file_sha256(Path(graph_file))
    except (OSError, ValueError):
        return False


def open_read_only(directory: Path) -> ox.Store:
    """The on-disk store, read-only: any number of processes may hold it open at once."""
    return ox.Store.read_only(str(directory))


def open_embedded(graph_file: Path, store_dir: Path, config=None, workers: int | None = None) -> _PooledStore:
    """The embedded store: the on-disk store when it matches ``graph_file``, else ``graph_file``
    loaded in memory (an older data dir; ``floorgraph build`` writes the on-disk store).  ``config``
    sets the SPARQL workers' pool, queue, sandbox and limits."""
    options = _PooledStore.options_from_config(config, workers) if config is not None else \
        {"workers": workers or 2}
    if Path(store_dir).is_dir() and disk_store_is_current(graph_file, store_dir):
        return _PooledStore.open_disk(store_dir, **options)
    gs = _PooledStore(**options)
    if Path(graph_file).exists():
        gs.load(graph_file)
    return gs


# ------------------------------------------------------------------------------------------------
#  External: any SPARQL 1.1 server over HTTP
# ------------------------------------------------------------------------------------------------
def _term(b: dict):
    """One SPARQL-JSON binding -> a pyoxigraph term (Virtuoso still says "typed-literal")."""
    kind = b.get("type")
    if kind == "uri":
        return ox.NamedNode(b["value"])
    if kind == "bnode":
        label = "".join(c if c.isalnum() else "_" for c in b["value"]) or "b"
        return ox.BlankNode(label)
    if kind in ("literal", "typed-literal"):
        if b.get("xml:lang"):
            return ox.Literal(b["value"], language=b["xml:lang"])
        if b.get("datatype"):
            return ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"]))
        return ox.Literal(b["value"])
    if kind == "triple":
        v = b["value"]
        return ox.Triple(_term(v["subject"]), _term(v["predicate"]), _term(v["object"]))
    raise QueryExecutionError(f"the SPARQL store returned an unknown term type {kind!r}")


class SparqlHttpStore:
    """A remote SPARQL 1.1 store holding floorgraph builds as named graphs (see :func:`push_graph`).

    Queries see the current build as their default graph (``default-graph-uri``), unless the
    caller passes its own protocol dataset.  The pointer to the current build is re-read at most
    every ``pointer_ttl`` seconds, so a ``build --push`` elsewhere is picked up without a restart.
    """

    def __init__(self, endpoint: str, update_endpoint: str = "", dataset: str = "floorgraph",
                 default_timeout: float = 60.0, pointer_ttl: float = 2.0, limits=None):
        from app.graphstore import VerdictCache
        from app.sparql_guard import QueryLimits
        from graph.construction import note

        note("graph_store")
        self.endpoint = endpoint
        self.pointer = DATASET + dataset
        self.update_endpoint = update_endpoint
        self.default_timeout = default_timeout
        self.pointer_ttl = pointer_ttl
        self._local = threading.local()
        self._pointer: tuple[float, str | None] = (0.0, None)
        self._parser = ox.Store()  # always empty: used to parse queries, never to answer them
        # the embedded endpoint's protections hold whichever store is behind: size and nesting
        # limits before any parser, then SERVICE and foreign FROM refused on the parse tree
        self.limits = limits or QueryLimits()
        self._verdicts = VerdictCache()

    # -- HTTP ------------------------------------------------------------------------------------
    def _session(self):
        import requests

        s = getattr(self._local, "session", None)
        if s is None:
            s = self._local.session = requests.Session()
        return s

    def _post(self, url: str, data: dict, accept: str, timeout: float | None):
        import requests

        try:
            resp = self._session().post(url, data=data, headers={"Accept": accept},
                                        timeout=(5.0, timeout or self.default_timeout))
        except requests.Timeout:
            raise QueryTimeout(f"the SPARQL store did not answer within {timeout or self.default_timeout:g} s") from None
        except requests.RequestException as exc:
            raise StoreUnavailable(f"the SPARQL store at {url} cannot be reached ({type(exc).__name__})") from None
        if resp.status_code == 400:
            raise QuerySyntaxError(resp.text.strip()[:2000] or "the SPARQL store rejected the query")
        if resp.status_code >= 300:
            raise QueryExecutionError(f"the SPARQL store answered HTTP {resp.status_code}: {resp.text.strip()[:500]}")
        return resp

    def _select(self, sparql: str, default_graphs: Sequence[str] | None = None) -> list[dict]:
        data = {"query": sparql}
        if default_graphs:
            data["default-graph-uri"] = list(default_graphs)
        doc = self._post(self.endpoint, data, "application/sparql-results+json", None).json()
        return doc.get("results", {}).get("bindings", [])

    # -- the current build -----------------------------------------------------------------------
    def current_graph(self, refresh: bool = False) -> str:
        at, graph = self._pointer
        if refresh or graph is None or time.monotonic() - at > self.pointer_ttl:
            rows = self._select(f"SELECT ?g WHERE {{ GRAPH <{META_GRAPH}> {{ <{self.pointer}> <{POINTS_TO}> ?g }} }}")
            graph = rows[0]["g"]["value"] if rows else None
            self._pointer = (time.monotonic(), graph)
        if graph is None:
            raise StoreUnavailable(f"the SPARQL store at {self.endpoint} holds no floorgraph build for "
                                   f"<{self.pointer}>; run: floorgraph build --push")
        return graph

    def _parse(self, sparql: str, base_iri: str | None) -> None:
        """Parse here first, so a malformed query gets the same 400 message (Oxigraph's parser's)
        whichever store is behind, and only standard SPARQL 1.1 reaches it.  Parsing against an
        empty in-memory store evaluates nothing: results are lazy."""
        try:
            self._parser.query(sparql, base_iri=base_iri)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from None

    # -- the GraphStore interface ----------------------------------------------------------------
    def query(self, sparql: str, timeout: float | None = None, row_limit: int | None = None,
              default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
              base_iri: str | None = None, formats=None) -> QueryResult:
        from app.sparql_guard import QueryTooComplex, check_shape

        check_read_only(sparql)
        check_shape(sparql, self.limits)  # before any parser sees it
        try:
            self._verdicts.check(sparql, self.named_graphs())
        except QuerySyntaxError as exc:
            # Oxigraph's message is more precise, but its parser *runs* an ASK at once: only a text
            # with no "service" anywhere in it can never make it call out
            if not isinstance(exc, QueryTooComplex) and "service" not in sparql.lower():
                self._parse(sparql, base_iri)
            raise
        self._parse(sparql, base_iri)  # the guard passed: no SERVICE anywhere in the query
        t0 = time.perf_counter()
        data: dict = {"query": sparql}
        if default_graphs is None and named_graphs is None:
            data["default-graph-uri"] = [self.current_graph()]
        else:
            data["default-graph-uri"] = list(default_graphs or [])
            data["named-graph-uri"] = list(named_graphs or [])
        form = query_form(sparql)
        limit = row_limit if row_limit and row_limit > 0 else None
        if form in ("CONSTRUCT", "DESCRIBE"):
            resp = self._post(self.endpoint, data, "application/n-triples, text/turtle;q=0.9", timeout)
            fmt = ox.RdfFormat.N_TRIPLES if "n-triples" in resp.headers.get("Content-Type", "") \
                else ox.RdfFormat.TURTLE
            triples = [q.triple for q in ox.parse(resp.content, format=fmt)]
            out = QueryResult(kind="graph", triples=triples[:limit] if limit else triples,
                              truncated=bool(limit and len(triples) > limit))
        else:
            doc = self._post(self.endpoint, data, "application/sparql-results+json", timeout).json()
            if "boolean" in doc:
                out = QueryResult(kind="boolean", boolean=bool(doc["boolean"]))
            elif form == "ASK":  # Virtuoso 7 answers ASK as one row with one 0/1 binding
                values = [b["value"] for row in doc.get("results", {}).get("bindings", []) for b in row.values()]
                out = QueryResult(kind="boolean", boolean=bool(values) and values[0] in ("1", "true"))
            else:
                variables = list(doc.get("head", {}).get("vars", []))
                bindings = doc.get("results", {}).get("bindings", [])
                truncated = bool(limit and len(bindings) > limit)
                rows = [tuple(_term(b[v]) if v in b else None for v in variables)
                        for b in (bindings[:limit] if limit else bindings)]
                out = QueryResult(kind="solutions", variables=variables, rows=rows, truncated=truncated)
        out.row_limit = limit
        out.elapsed_s = time.perf_counter() - t0
        return out

    def __len__(self) -> int:
        try:
            rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", [self.current_graph()])
            return int(rows[0]["n"]["value"]) if rows else 0
        except GraphStoreError:
            return 0

    def named_graphs(self) -> list[str]:
        return []  # the current build is the default graph; other builds are not part of the dataset

    def default_graph_size(self) -> int:
        return len(self)

    def warm_up(self, timeout: float | None = 120.0) -> bool:
        try:
            self.current_graph(refresh=True)
            return True
        except GraphStoreError:
            return False

    def close(self) -> None:
        s = getattr(self._local, "session", None)
        if s is not None:
            s.close()


# ------------------------------------------------------------------------------------------------
#  build --push: one named graph per build, then an atomic switch
# ------------------------------------------------------------------------------------------------
def _chunks(lines: list[str], size: int) -> Iterable[list[str]]:
    """N-Triples lines in INSERT DATA-sized chunks.  A blank-node label is scoped to one request,
    so every line with a blank node goes into one chunk of its own, keeping those nodes whole."""
    with_bnodes = [l for l in lines if "_:" in l]
    plain = [l for l in lines if "_:" not in l]
    if with_bnodes:
        yield with_bnodes
    for i in range(0, len(plain), size):
        yield plain[i:i + size]


def push_graph(graph_file: Path, endpoint: str, update_endpoint: str, build_id: str, dataset: str = "floorgraph",
               chunk: int = 2000, keep: int = 2, progress=lambda s: None) -> str:
    """Load ``graph_file`` into the named graph of ``build_id``, verify it, switch readers to it in
    one update, and drop all but the ``keep`` newest builds.  Returns the build's graph IRI."""
    if not update_endpoint:
        raise FloorgraphError("build --push needs FLOORGRAPH_SPARQL_UPDATE_ENDPOINT (the store's update URL)")
    store = SparqlHttpStore(endpoint, update_endpoint, dataset)
    pointer = store.pointer
    graph = f"urn:floorgraph:build:{dataset}:{build_id}"

    def update(text: str) -> None:
        store._post(update_endpoint, {"update": text}, "*/*", 600)

    lines = [l for l in Path(graph_file).read_text(encoding="utf-8").splitlines() if l.strip()]
    t0 = time.perf_counter()
    update(f"DROP SILENT GRAPH <{graph}>")
    for part in _chunks(lines, chunk):
        update(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(part) + "\n} }")
    rows = store._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    got = int(rows[0]["n"]["value"]) if rows else 0
    expected = len(set(lines))
    if got != expected:
        raise FloorgraphError(f"the store holds {got} triples of build {build_id}, expected {expected}; "
                              "the current build is unchanged")
    progress(f"pushed {got} triples into <{graph}> in {time.perf_counter() - t0:.1f} s")
    # The switch: one update request (Oxigraph and Virtuoso each run a request as one transaction).
    update(f"""DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ <{pointer}> <{POINTS_TO}> ?old }} }} ;
INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{pointer}> <{POINTS_TO}> <{graph}> . <{graph}> <{RDF_TYPE}> <{BUILD_CLASS}> }} }}""")
    builds = sorted(g for g in (r["g"]["value"] for r in store._select(
        f"SELECT ?g WHERE {{ GRAPH <{META_GRAPH}> {{ ?g <{RDF_TYPE}> <{BUILD_CLASS}> }} }}"))
        if g.startswith(f"urn:floorgraph:build:{dataset}:"))
    stale = [g for g in builds if g != graph][: max(0, len(builds) - keep)]
    for g in stale:
        update(f"DROP SILENT GRAPH <{g}> ; DELETE DATA {{ GRAPH <{META_GRAPH}> {{ <{g}> <{RDF_TYPE}> <{BUILD_CLASS}> }} }}")
    store.close()
    return graph
