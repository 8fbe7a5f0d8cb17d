"""A small, read-only storage interface over Oxigraph (pyoxigraph), used by the web service.

``GraphStore`` holds the knowledge graph in an in-memory ``pyoxigraph.Store`` and answers SPARQL
queries.  Two execution paths:

* ``query(sparql)`` with no timeout runs in this process (internal callers, small queries);
* ``query(sparql, timeout=...)`` runs in a pool of worker *processes*, each holding its own copy of
  the store.  pyoxigraph has no per-query timeout and a running query cannot be interrupted from
  Python, so the only thing that reliably stops a runaway query is killing the process executing
  it: when the deadline passes the worker is killed, a fresh one is started in the background and
  the caller gets :class:`QueryTimeout`.  The other workers keep answering meanwhile.

Results come back as :class:`QueryResult` (pyoxigraph terms, picklable) with the row limit already
applied; the ``serialize_*`` helpers turn them into SPARQL JSON / XML / CSV / TSV or Turtle /
N-Triples / JSON-LD / RDF/XML bytes.  rdflib is not used anywhere on this path.
"""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import queue
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _xml_quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# name -> (media type, kind) ; kind is "results" (SELECT/ASK) or "graph" (CONSTRUCT/DESCRIBE)
RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_OX_GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

_FALLBACK_PREFIXES = {
    "fg": "https://w3id.org/floorgraph/ontology#",
    "id": "https://w3id.org/floorgraph/id/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def turtle_prefixes() -> dict[str, str]:
    """Prefixes for Turtle output: the project vocabulary's (graph/vocab.py) when importable."""
    global _PREFIX_CACHE
    if _PREFIX_CACHE is None:
        try:
            from graph.vocab import PREFIXES  # imports rdflib once, not per query

            _PREFIX_CACHE = {k: str(v) for k, v in PREFIXES.items()}
        except Exception:  # pragma: no cover - vocab is part of the repo
            _PREFIX_CACHE = dict(_FALLBACK_PREFIXES)
    return _PREFIX_CACHE


_PREFIX_CACHE: dict[str, str] | None = None


# ------------------------------------------------------------------------------------------------
#  Errors
# ------------------------------------------------------------------------------------------------
class GraphStoreError(Exception):
    """Base class; ``status`` is the HTTP status the web layer should answer with."""

    status = 500


class QuerySyntaxError(GraphStoreError):
    """The query does not parse; the message is the parser's."""

    status = 400


class QueryRefused(GraphStoreError):
    """The query is valid SPARQL but this read-only endpoint will not run it (update, SERVICE)."""

    status = 403


class QueryTimeout(GraphStoreError):
    """The query ran past its time limit and its worker was stopped."""

    status = 503


class QueryExecutionError(GraphStoreError):
    status = 500


# ------------------------------------------------------------------------------------------------
#  Results
# ------------------------------------------------------------------------------------------------
@dataclass
class QueryResult:
    kind: str  # "solutions" (SELECT) | "boolean" (ASK) | "graph" (CONSTRUCT / DESCRIBE)
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # pyoxigraph terms or None (unbound)
    boolean: bool | None = None
    triples: list = field(default_factory=list)  # pyoxigraph Triples
    truncated: bool = False
    row_limit: int | None = None
    elapsed_s: float = 0.0

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)

    def __iter__(self):
        """One ``{variable: term or None}`` mapping per solution (what the question engine reads)."""
        for row in self.rows:
            yield dict(zip(self.variables, row))

    def dicts(self) -> list[dict]:
        """SELECT rows as {variable: term} dicts (unbound variables left out)."""
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]


# ------------------------------------------------------------------------------------------------
#  Query inspection: refuse updates and federation before anything runs
# ------------------------------------------------------------------------------------------------
_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\r\n]*)
    | (?P<iri><[^<>"{}|^`\\\s]*>)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                 |"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')
    | (?P<var>[?$]\w+)
    | (?P<pname>[\w.\-]*:[\w.:%\-]*)
    | (?P<word>[A-Za-z_]\w*)
    | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)
QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def keywords(sparql: str) -> list[str]:
    """The bare keywords of a SPARQL string, upper-cased (IRIs, strings, comments, names skipped)."""
    return [m.group("word").upper() for m in _TOKEN.finditer(sparql) if m.lastgroup == "word"]


def query_form(sparql: str) -> str | None:
    """'SELECT' / 'ASK' / 'CONSTRUCT' / 'DESCRIBE', or an update keyword such as 'INSERT', or None."""
    for kw in keywords(sparql):
        if kw in QUERY_FORMS or kw in UPDATE_KEYWORDS:
            return kw
    return None


def check_read_only(sparql: str) -> None:
    """Raise :class:`QueryRefused` for SPARQL Update requests and SERVICE federation."""
    kws = keywords(sparql)
    form = next((k for k in kws if k in QUERY_FORMS or k in UPDATE_KEYWORDS), None)
    if form in UPDATE_KEYWORDS:
        raise QueryRefused(
            f"SPARQL Update ({form}) is refused: this endpoint is read-only by design."
        )
    if "SERVICE" in kws:
        raise QueryRefused("SERVICE (federated query) is refused: this endpoint does not call other endpoints.")


# ------------------------------------------------------------------------------------------------
#  Execution (shared by the in-process path and the workers)
# ------------------------------------------------------------------------------------------------
Source = tuple[str, str | None]  # (file path, target graph IRI or None for the default graph)


def _rdf_format(path: str) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_extension(Path(path).suffix.lstrip(".") or "nt")
    return fmt or ox.RdfFormat.N_TRIPLES


def _load_into(store: ox.Store, path: str, graph: str | None) -> None:
    fmt = _rdf_format(path)
    kwargs = {}
    if graph is not None and not fmt.supports_datasets:
        kwargs["to_graph"] = ox.NamedNode(graph)
    store.bulk_load(path=str(path), format=fmt, **kwargs)


def _as_graph_names(uris: Sequence[str] | None):
    if uris is None:
        return None
    return [ox.NamedNode(u) for u in uris]


def execute(
    store: ox.Store,
    sparql: str,
    row_limit: int | None = None,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    base_iri: str | None = None,
) -> QueryResult:
    """Run one read-only query on ``store`` and materialise at most ``row_limit`` rows/triples.

    Protocol dataset semantics (SPARQL 1.1 Protocol 2.1.4): when either ``default_graphs`` or
    ``named_graphs`` is given, it *replaces* the query's FROM / FROM NAMED dataset entirely, so the
    side that was not given is empty.
    """
    check_read_only(sparql)
    kwargs = {}
    if default_graphs is not None or named_graphs is not None:
        kwargs["default_graph"] = _as_graph_names(default_graphs or [])
        kwargs["named_graphs"] = _as_graph_names(named_graphs or [])
    t0 = time.perf_counter()
    try:
        res = store.query(sparql, base_iri=base_iri, **kwargs)
    except SyntaxError as exc:
        raise QuerySyntaxError(str(exc)) from None
    out: QueryResult
    limit = row_limit if row_limit and row_limit > 0 else None
    try:
        if isinstance(res, ox.QueryBoolean):
            out = QueryResult(kind="boolean", boolean=bool(res))
        elif isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            rows: list[tuple] = []
            truncated = False
            for sol in res:
                if limit is not None and len(rows) >= limit:
                    truncated = True
                    break
                rows.append(tuple(sol[i] for i in range(len(variables))))
            out = QueryResult(kind="solutions", variables=variables, rows=rows, truncated=truncated)
        else:
            triples = []
            truncated = False
            for t in res:
                if limit is not None and len(triples) >= limit:
                    truncated = True
                    break
                triples.append(t)
            out = QueryResult(kind="graph", triples=triples, truncated=truncated)
    except OSError as exc:
        raise QueryExecutionError(f"query evaluation failed: {exc}") from None
    except SyntaxError as exc:  # some errors surface lazily
        raise QuerySyntaxError(str(exc)) from None
    out.row_limit = limit
    out.elapsed_s = time.perf_counter() - t0
    return out


def open_sources(sources: list[Source]) -> ox.Store:
    """The store a reader needs: an on-disk store directory is opened read-only (shared by every
    process, nothing re-parsed); RDF files are bulk-loaded into memory."""
    if len(sources) == 1 and Path(sources[0][0]).is_dir():
        return ox.Store.read_only(sources[0][0])
    store = ox.Store()
    for path, graph in sources:
        _load_into(store, path, graph)
    return store


def _worker_main(conn, sources: list[Source]) -> None:  # runs in a child process
    try:
        store = open_sources(sources)
        conn.send(("ready", len(store)))
    except Exception as exc:  # report and die: the pool logs it
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if msg is None:
            return
        try:
            conn.send(("ok", execute(store, **msg)))
        except GraphStoreError as exc:
            conn.send(("error", (type(exc).__name__, str(exc))))
        except Exception as exc:  # noqa: BLE001 - anything else is an execution error
            conn.send(("error", ("QueryExecutionError", f"{type(exc).__name__}: {exc}")))


_ERRORS = {c.__name__: c for c in (QuerySyntaxError, QueryRefused, QueryTimeout, QueryExecutionError)}


class _Worker:
    def __init__(self, ctx, sources: list[Source]):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, sources), daemon=True,
                                name="floorgraph-sparql-worker")
        self.proc.start()
        child.close()

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            try:
                self.conn.close()
            except OSError:
                pass


class WorkerPool:
    """A fixed number of killable query worker processes, each with its own copy of the graph."""

    def __init__(self, sources: list[Source], size: int = 2, start_timeout: float = 120.0):
        self.sources = list(sources)
        self.size = max(1, int(size))
        self.start_timeout = start_timeout
        self._ctx = multiprocessing.get_context("spawn")  # safe from a multi-threaded server
        self._idle: "queue.Queue[_Worker]" = queue.Queue()
        self._ready = threading.Event()
        self._started = 0
        self._lock = threading.Lock()
        self._closed = False
        self._all: set[_Worker] = set()
        self.last_error: str | None = None
        threading.Thread(target=self._start_initial, daemon=True, name="sparql-pool-start").start()

    # -- lifecycle --------------------------------------------------------------------------
    def _spawn(self) -> _Worker | None:
        w = _Worker(self._ctx, self.sources)
        with self._lock:
            self._all.add(w)
        if w.conn.poll(self.start_timeout):
            try:
                status, info = w.conn.recv()
            except (EOFError, OSError) as exc:
                status, info = "failed", str(exc)
            if status == "ready" and not self._closed:
                return w
            self.last_error = str(info)
        else:
            self.last_error = f"worker did not load the graph within {self.start_timeout}s"
        self._discard(w)
        return None

    def _start_initial(self) -> None:
        threads = [threading.Thread(target=self._add_one) for _ in range(self.size)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self._ready.set()

    def _add_one(self) -> None:
        w = self._spawn()
        if w is not None:
            self._idle.put(w)

    def _discard(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()

    def _replace(self, w: _Worker) -> None:
        """Kill ``w`` and start its successor, off the request thread."""
        def work():
            self._discard(w)
            if not self._closed:
                self._add_one()
        threading.Thread(target=work, daemon=True, name="sparql-pool-replace").start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout) and self._idle.qsize() > 0

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()

    # -- queries ----------------------------------------------------------------------------
    def run(self, msg: dict, timeout: float) -> QueryResult:
        if not self._ready.wait(self.start_timeout):
            raise QueryExecutionError("the query workers are still starting")
        deadline = time.monotonic() + timeout
        with self._lock:
            alive = len(self._all)
        if alive == 0 and self._idle.empty():
            if not self._closed:
                threading.Thread(target=self._add_one, daemon=True).start()  # try again next time
            raise QueryExecutionError(f"no query worker is running: {self.last_error or 'unknown error'}")
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"all {self.size} query workers stayed busy for the {timeout:g} s time limit; try again later"
            ) from None
        try:
            w.conn.send(msg)
            if not w.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(w)
                w = None
                raise QueryTimeout(
                    f"query stopped: it ran longer than the {timeout:g} s time limit "
                    "(its worker process was killed; the server keeps answering other queries)"
                )
            status, payload = w.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            if w is not None:
                self._replace(w)
                w = None
            raise QueryExecutionError(f"query worker died: {exc}") from None
        finally:
            if w is not None and not self._closed:
                self._idle.put(w)
        if status == "ok":
            return payload
        name, message = payload
        raise _ERRORS.get(name, QueryExecutionError)(message)


# ------------------------------------------------------------------------------------------------
#  The store
# ------------------------------------------------------------------------------------------------
class GraphStore:
    """The read-only knowledge graph.  ``GraphStore.from_config(config)`` loads ``graph_file``."""

    def __init__(self, workers: int = 2):
        from graph.construction import note

        note("graph_store")
        self.store = ox.Store()
        self.sources: list[Source] = []
        self.workers = workers
        self._pool: WorkerPool | None = None
        self._pool_lock = threading.Lock()

    @classmethod
    def from_config(cls, config, workers: int | None = None) -> "GraphStore":
        if workers is None:
            workers = int(getattr(config, "sparql_workers", 0) or os.environ.get("FLOORGRAPH_SPARQL_WORKERS", 2))
        gs = cls(workers=workers)
        path = Path(config.graph_file)
        if path.exists():
            gs.load(path)
        return gs

    @classmethod
    def open_disk(cls, directory: str | os.PathLike, workers: int = 2) -> "GraphStore":
        """An on-disk Oxigraph store (written by ``floorgraph build``), read-only here and in the workers."""
        gs = cls(workers=workers)
        gs.sources = [(str(Path(directory).resolve()), None)]
        gs.store = open_sources(gs.sources)
        return gs

    def load(self, path: str | os.PathLike, graph: str | None = None) -> int:
        """Load an RDF file (format from its extension; N-Triples by default) into the default graph,
        or into the named graph ``graph``.  Returns the store size afterwards."""
        path = str(Path(path).resolve())
        _load_into(self.store, path, graph)
        self.sources.append((path, graph))
        if self._pool is not None:  # workers hold stale copies
            self._pool.close()
            self._pool = None
        return len(self.store)

    def __len__(self) -> int:
        return len(self.store)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def default_graph_size(self) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    # -- worker pool -------------------------------------------------------------------------
    def pool(self) -> WorkerPool:
        with self._pool_lock:
            if self._pool is None:
                self._pool = WorkerPool(self.sources, size=self.workers)
            return self._pool

    def warm_up(self, timeout: float | None = 120.0) -> bool:
        """Start the query workers now and wait until they hold the graph."""
        return self.pool().wait_ready(timeout)

    def close(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None

    def query(
        self,
        sparql: str,
        timeout: float | None = None,
        row_limit: int | None = None,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a read-only SPARQL query.

        ``timeout`` (seconds): run in a killable worker process and raise :class:`QueryTimeout`
        when it bites; ``None`` or 0 runs in-process without a limit.  ``row_limit`` caps the rows
        (SELECT) or triples (CONSTRUCT/DESCRIBE) and sets ``result.truncated``.
        """
        check_read_only(sparql)  # fail fast, before using a worker
        msg = dict(sparql=sparql, row_limit=row_limit, default_graphs=default_graphs,
                   named_graphs=named_graphs, base_iri=base_iri)
        if timeout and timeout > 0:
            return self.pool().run(msg, timeout)
        return execute(self.store, **msg)


# ------------------------------------------------------------------------------------------------
#  Serialisation
# ------------------------------------------------------------------------------------------------
def _term_json(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(t.subject),
                                            "predicate": _term_json(t.predicate),
                                            "object": _term_json(t.object)}}
    raise TypeError(f"not an RDF term: {t!r}")


def _term_xml(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{_xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{_xml_escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={_xml_quoteattr(t.language)}>{_xml_escape(t.value)}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={_xml_quoteattr(t.datatype.value)}>{_xml_escape(t.value)}</literal>"
        return f"<literal>{_xml_escape(t.value)}</literal>"
    if isinstance(t, ox.Triple):
        return (f"<triple><subject>{_term_xml(t.subject)}</subject><predicate>{_term_xml(t.predicate)}"
                f"</predicate><object>{_term_xml(t.object)}</object></triple>")
    raise TypeError(f"not an RDF term: {t!r}")


def _term_csv(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return t.value
    return str(t)


def truncation_note(result: QueryResult) -> str:
    return (f"Results truncated to the first {result.row_limit} "
            f"{'triples' if result.kind == 'graph' else 'rows'} (server row limit); "
            "add LIMIT/OFFSET to page through the rest.")


def serialize_results(result: QueryResult, fmt: str) -> bytes:
    """SELECT / ASK results as 'json' | 'xml' | 'csv' | 'tsv'."""
    if result.kind == "graph":
        raise ValueError("CONSTRUCT/DESCRIBE results are graphs: use serialize_graph")
    if fmt == "json":
        if result.kind == "boolean":
            doc: dict = {"head": {}, "boolean": bool(result.boolean)}
        else:
            doc = {"head": {"vars": result.variables},
                   "results": {"bindings": [
                       {v: _term_json(t) for v, t in zip(result.variables, row) if t is not None}
                       for row in result.rows]}}
        if result.truncated:
            doc["floorgraph"] = {"truncated": True, "rowLimit": result.row_limit,
                                 "note": truncation_note(result)}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
               '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n']
        if result.truncated:
            out.insert(1, f"<!-- {truncation_note(result)} -->\n")
        if result.kind == "boolean":
            out.append(f"<head/>\n<boolean>{'true' if result.boolean else 'false'}</boolean>\n")
        else:
            out.append("<head>")
            out += [f"<variable name={_xml_quoteattr(v)}/>" for v in result.variables]
            out.append("</head>\n<results>\n")
            for row in result.rows:
                out.append("<result>")
                for v, t in zip(result.variables, row):
                    if t is not None:
                        out.append(f"<binding name={_xml_quoteattr(v)}>{_term_xml(t)}</binding>")
                out.append("</result>\n")
            out.append("</results>\n")
        out.append("</sparql>\n")
        return "".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        if result.kind == "boolean":
            w.writerow(["_askResult"])
            w.writerow(["true" if result.boolean else "false"])
        else:
            w.writerow(result.variables)
            for row in result.rows:
                w.writerow([_term_csv(t) for t in row])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        if result.kind == "boolean":
            return f"?_askResult\n{'true' if result.boolean else 'false'}\n".encode("utf-8")
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown results format {fmt!r}")


def serialize_graph(triples: Iterable, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Triples as 'turtle' | 'ntriples' | 'jsonld' | 'rdfxml' (all by pyoxigraph)."""
    if fmt not in _OX_GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}")
    ox_fmt = _OX_GRAPH_FORMATS[fmt]
    if fmt in ("turtle", "rdfxml"):
        return ox.serialize(triples, format=ox_fmt, prefixes=prefixes if prefixes is not None else turtle_prefixes())
    return ox.serialize(triples, format=ox_fmt)


def serialize(result: QueryResult, fmt: str) -> bytes:
    if result.kind == "graph":
        return serialize_graph(result.triples, fmt)
    return serialize_results(result, fmt)
