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
import logging
import multiprocessing
import os
import queue
import re
import threading
import time
from contextlib import contextmanager
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _xml_quoteattr

import pyoxigraph as ox

log = logging.getLogger(__name__)

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


class QueryMemoryError(GraphStoreError):
    """The query needed more memory than a worker may use; its worker was replaced."""

    status = 503


class QueryWorkerLost(GraphStoreError):
    """The worker running the query died for a reason other than memory; it was replaced."""

    status = 503


class QueryOverloaded(GraphStoreError):
    """Every worker is busy and the queue is full: come back after ``retry_after`` seconds."""

    status = 503

    def __init__(self, message: str, retry_after: int = 2):
        super().__init__(message)
        self.retry_after = retry_after

    def __reduce__(self):  # picklable with its extra argument
        return (type(self), (str(self), self.retry_after))


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
    # Set when the caller asked for bytes (``formats``): the result already serialised, in ``format``,
    # by the process that ran the query, so no rows cross the process boundary or get re-encoded.
    body: bytes | None = None
    format: str | None = None

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
    known_graphs: Sequence[str] | None = None,
    offline: bool = False,
    formats: tuple[str | None, str | None] | None = None,
    verdicts: "VerdictCache | None" = None,
    inspect: bool = True,
) -> QueryResult:
    """Run one read-only query on ``store`` and materialise at most ``row_limit`` rows/triples.

    The query is first parsed and inspected (:func:`app.sparql_guard.check_query`: no SERVICE, no
    FROM of a graph the store does not hold).  ``known_graphs`` are the store's named graphs (the
    workers compute them once).  ``offline``: this process has no network (a sandboxed worker), so a
    query rdflib rejects may be handed to the store's own parser, on an empty store, only to report
    *its* (more precise) syntax error.

    Protocol dataset semantics (SPARQL 1.1 Protocol 2.1.4): when either ``default_graphs`` or
    ``named_graphs`` is given, it *replaces* the query's FROM / FROM NAMED dataset entirely, so the
    side that was not given is empty.

    ``formats`` = (format for SELECT/ASK, format for CONSTRUCT/DESCRIBE), names as in
    :data:`RESULT_FORMATS` / :data:`GRAPH_FORMATS`: the result comes back serialised in
    ``result.body`` (see :func:`_serialise_natively`).  ``verdicts`` remembers the guard's verdict
    per query string, so a repeated query is not parsed by rdflib again.

    ``inspect=False`` (the question engine's own, generated queries): the parse is skipped when the
    text cannot hold federation or a dataset clause at all (:func:`app.sparql_guard.may_federate`);
    rdflib's parser costs more than the query itself (~10-40 ms against ~1 ms).
    """
    screen(store, sparql, known_graphs, offline, verdicts, inspect)
    return _evaluate(store, sparql, row_limit, default_graphs, named_graphs, base_iri, formats)


def screen(store: ox.Store, sparql: str, known_graphs: Sequence[str] | None = None, offline: bool = False,
           verdicts: "VerdictCache | None" = None, inspect: bool = True) -> None:
    """The checks :func:`execute` runs before evaluating a query (read-only; for a query that may
    federate or name graphs, the parsed-algebra SERVICE/FROM check): raises what they refuse.
    Also run before a kept answer is sent again (app/sparql_answers.py), so nothing skips them."""
    from app.sparql_guard import may_federate

    if not inspect and not may_federate(sparql):
        check_read_only(sparql)
    else:
        if known_graphs is None:
            known_graphs = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
        if verdicts is not None:
            verdicts.check(sparql, known_graphs, offline)
        else:
            guard(sparql, known_graphs, offline)


def _evaluate(store: ox.Store, sparql: str, row_limit: int | None, default_graphs, named_graphs,
              base_iri: str | None, formats) -> QueryResult:
    """The query run and its result materialised (see :func:`execute`).

    A function of its own because pyoxigraph's result objects must be dropped on the thread that
    made them: rdflib's parser (the guard, above) leaves reference cycles that keep its callers'
    frames alive until the garbage collector - on whatever thread it runs - frees them, and this
    frame, created after the guard returned, is not among them."""
    kwargs = {}
    if default_graphs is not None or named_graphs is not None:
        kwargs["default_graph"] = _as_graph_names(default_graphs or [])
        kwargs["named_graphs"] = _as_graph_names(named_graphs or [])
    t0 = time.perf_counter()
    try:
        res = store.query(sparql, base_iri=base_iri, **kwargs)
    except SyntaxError as exc:
        raise QuerySyntaxError(str(exc)) from None
    except ValueError as exc:  # e.g. an invalid graph IRI
        raise QuerySyntaxError(str(exc)) from None
    out: QueryResult
    limit = row_limit if row_limit and row_limit > 0 else None
    if formats is not None and formats[0] is not None and isinstance(res, (ox.QuerySolutions, ox.QueryBoolean)):
        native = _serialise_natively(res, formats[0], limit)
        if native is not None:
            native.row_limit = limit
            native.elapsed_s = time.perf_counter() - t0
            return native
        # over the row limit (or too big to buffer): run it again and materialise the first rows
        res = store.query(sparql, base_iri=base_iri, **kwargs)
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
    if formats is not None:  # the rows are few enough to have been materialised; encode them here
        fmt = formats[1] if out.kind == "graph" else formats[0]
        if fmt is not None:
            out.body, out.format = serialize(out, fmt), fmt
            out.rows, out.triples = [], []
    return out


def prechecked(sparql: str, limits) -> None:
    """:func:`check_read_only` then :func:`app.sparql_guard.check_shape` (size and nesting, before
    any parser sees the text), the pass remembered per query string.

    Why: both scan the text with Python regexes, ~40 us a request - as much as Oxigraph takes to
    answer a lookup - and an endpoint sees the same query strings again and again.  Both are pure
    functions of the text and the limits, so remembering a pass changes no answer; a refusal is
    not remembered (it raises every time, as before), and a text over the size limit is never
    kept (the cache holds at most 512 texts of at most ``limits.max_chars`` characters)."""
    if len(sparql) <= limits.max_chars:
        _prechecked_cached(sparql, limits)
    else:
        _precheck(sparql, limits)


def _precheck(sparql: str, limits) -> None:
    from app.sparql_guard import check_shape

    check_read_only(sparql)  # fail fast, before using a worker
    check_shape(sparql, limits)


@lru_cache(maxsize=512)
def _prechecked_cached(sparql: str, limits) -> None:
    _precheck(sparql, limits)  # an exception is not cached: a refused text is checked again


def guard(sparql: str, known_graphs: Sequence[str], offline: bool = False) -> None:
    """Everything a query must pass before it runs (:func:`check_read_only`, then
    :func:`app.sparql_guard.check_query`).  ``offline``: this process has no network (a sandboxed
    worker), so a query rdflib rejects is handed to the store's own parser, on an empty store, only
    to report *its* (more precise) syntax error."""
    from app.sparql_guard import QueryTooComplex as QueryTooComplexBase
    from app.sparql_guard import check_query

    check_read_only(sparql)
    try:
        check_query(sparql, known_graphs)
    except QuerySyntaxError as exc:
        if offline and not isinstance(exc, QueryTooComplexBase):
            _raise_store_syntax_error(sparql)
        raise


class VerdictCache:
    """The guard's verdict (pass, or the error it raised) for the last ``size`` query strings.

    Why: rdflib's parser costs 4-20 ms a query, more than Oxigraph takes to answer most of them, and
    a SPARQL endpoint sees the same query strings again and again (a page's queries, a client's
    polling).  The verdict depends only on the text, the store's named graphs and ``offline``, which
    are part of the key, so caching it changes no answer.  One cache per process (each worker has its own).
    """

    def __init__(self, size: int = 512):
        from collections import OrderedDict

        self.size = size
        self._verdicts: "OrderedDict[tuple, tuple[type, str] | None]" = OrderedDict()
        self._lock = threading.Lock()

    def check(self, sparql: str, known_graphs: Sequence[str], offline: bool = False) -> None:
        key = (sparql, tuple(known_graphs), offline)
        with self._lock:
            hit = self._verdicts.get(key, self)
            if hit is not self:
                self._verdicts.move_to_end(key)
        if hit is self:
            try:
                guard(sparql, known_graphs, offline)
                hit = None
            except GraphStoreError as exc:
                hit = (type(exc), str(exc))
            with self._lock:
                self._verdicts[key] = hit
                while len(self._verdicts) > self.size:
                    self._verdicts.popitem(last=False)
        if hit is not None:
            raise hit[0](hit[1])


_OX_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


class _ResultTooBig(Exception):
    """Raised by :class:`_CappedBuffer` to stop a serialisation that outgrew its budget."""


class _CappedBuffer:
    """A write-only byte buffer that refuses to grow past ``cap`` bytes, so serialising a huge
    result stops early instead of filling the worker's memory."""

    def __init__(self, cap: int):
        self.cap, self.size, self.parts = cap, 0, []

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise _ResultTooBig
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _rows_at_most(body: bytes, fmt: str) -> int:
    """An upper bound on the solutions in a serialised SELECT result, read off the bytes.

    JSON: every binding object opens with ``[{`` or ``,{`` (a term object follows a ``:``);
    XML: ``<result>`` cannot occur in text (``<`` is escaped);  TSV and CSV: one line per row at
    least (TSV escapes newlines; a quoted CSV newline only over-counts).  Over-counting only costs a
    second, row-by-row pass."""
    if fmt == "json":
        return body.count(b"[{") + body.count(b",{")
    if fmt == "xml":
        return body.count(b"<result>") + body.count(b"<result/>")
    return body.count(b"\n")


def _serialise_natively(res, results_fmt: str, limit: int | None) -> QueryResult | None:
    """SELECT/ASK results serialised by Oxigraph's own writer, straight from the query's iterator
    (as fast as iterating the solutions in Python, and no term objects are built).

    Returns None when the row-by-row path is needed instead: the result has more than ``limit``
    rows (that path truncates and adds the note), or outgrew the byte budget while being written."""
    if isinstance(res, ox.QueryBoolean):
        return QueryResult(kind="boolean", boolean=bool(res), format=results_fmt,
                           body=res.serialize(format=_OX_RESULT_FORMATS[results_fmt]))
    variables = [v.value for v in res.variables]
    buf = _CappedBuffer(max(1 << 20, (limit or 0) * 1024) if limit else 256 << 20)
    try:
        res.serialize(buf, format=_OX_RESULT_FORMATS[results_fmt])
    except _ResultTooBig:
        return None
    except OSError as exc:
        if isinstance(exc.__cause__, _ResultTooBig) or "_ResultTooBig" in str(exc):
            return None
        raise QueryExecutionError(f"query evaluation failed: {exc}") from None
    except SyntaxError as exc:  # some errors surface lazily
        raise QuerySyntaxError(str(exc)) from None
    body = buf.getvalue()
    if limit is not None and _rows_at_most(body, results_fmt) > limit:
        return None
    return QueryResult(kind="solutions", variables=variables, body=body, format=results_fmt)


def open_sources(sources: list[Source]) -> ox.Store:
    """The store a reader needs: an on-disk store directory is opened read-only (shared by every
    process, nothing re-parsed); RDF files are bulk-loaded into memory."""
    if len(sources) == 1 and Path(sources[0][0]).is_dir():
        return ox.Store.read_only(sources[0][0])
    store = ox.Store()
    for path, graph in sources:
        _load_into(store, path, graph)
    return store


def _raise_store_syntax_error(sparql: str) -> None:
    """Raise Oxigraph's own syntax error for ``sparql``, if it has one (run on an empty store)."""
    try:
        res = ox.Store().query(sparql)
        if isinstance(res, (ox.QuerySolutions, ox.QueryTriples)):
            next(iter(res), None)
    except SyntaxError as exc:
        raise QuerySyntaxError(str(exc)) from None
    except Exception:  # noqa: BLE001 - only its syntax verdict matters here
        pass


@dataclass(frozen=True)
class WorkerOptions:
    """How a query worker sandboxes itself (see app/sparql_guard.py)."""

    memory_mb: int = 384  # address space one query may add (RLIMIT_AS); 0 = unlimited
    niceness: int = 10  # below the web threads, so pages and /api/ask keep their CPU
    isolate_network: bool = True


def _worker_main(conn, sources: list[Source], options: WorkerOptions, log_path: str) -> None:  # child
    """Sandbox, load, then answer queries until told to stop.

    stderr goes to ``log_path`` so the server can tell *why* a worker died (Rust prints "memory
    allocation of N bytes failed" before aborting when RLIMIT_AS bites).
    """
    try:
        fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 2)
        os.close(fd)
    except OSError:
        pass
    from app import sparql_guard

    try:
        isolated = sparql_guard.isolate_network() if options.isolate_network else False
        if options.niceness:
            try:
                os.nice(options.niceness)
            except OSError:
                pass
        store = open_sources(sources)
        known = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
        sparql_guard.check_query("ASK { ?s ?p ?o }", known)  # import and warm the parser now
        limit = sparql_guard.limit_memory(options.memory_mb * 1024 * 1024)
        conn.send(("ready", {"triples": len(store), "network_isolated": isolated, "memory_limit": limit}))
    except Exception as exc:  # report and die: the pool logs it
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    verdicts = VerdictCache()
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if msg is None:
            return
        try:
            reply = ("ok", execute(store, known_graphs=known, offline=isolated, verdicts=verdicts, **msg))
        except GraphStoreError as exc:
            reply = ("error", (type(exc).__name__, str(exc)))
        except MemoryError:
            reply = ("error", ("QueryMemoryError", MEMORY_MESSAGE))
        except RecursionError:
            reply = ("error", ("QuerySyntaxError", "query nested too deeply to evaluate"))
        except Exception as exc:  # noqa: BLE001 - anything else is an execution error
            reply = ("error", ("QueryExecutionError", f"{type(exc).__name__}: {exc}"))
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("error", ("QueryMemoryError", MEMORY_MESSAGE)))


MEMORY_MESSAGE = ("query used too much memory: it was stopped (its worker process was replaced; "
                  "the server keeps answering other queries). Add LIMIT, or narrow the patterns")

_ERRORS = {c.__name__: c for c in (QuerySyntaxError, QueryRefused, QueryTimeout, QueryExecutionError,
                                   QueryMemoryError, QueryOverloaded, QueryWorkerLost)}


class _Worker:
    def __init__(self, ctx, sources: list[Source], options: WorkerOptions):
        import tempfile

        # the server keeps this fd; the file is unlinked once the worker has opened it (ready), so
        # nothing is left in /tmp however the server ends
        self._log_fd, self.log_path = tempfile.mkstemp(prefix="floorgraph-sparql-worker-", suffix=".log")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, sources, options, self.log_path),
                                daemon=True, name="floorgraph-sparql-worker")
        self.proc.start()
        child.close()

    def unlink_log(self) -> None:
        try:
            os.unlink(self.log_path)
        except OSError:
            pass

    def stderr_tail(self, size: int = 4096) -> str:
        try:
            end = os.fstat(self._log_fd).st_size
            return os.pread(self._log_fd, size, max(0, end - size)).decode("utf-8", "replace")
        except OSError:
            return ""

    def death_error(self) -> GraphStoreError:
        """What to tell the client when this worker died mid-query (call after kill())."""
        tail = self.stderr_tail()
        if "memory allocation" in tail or "MemoryError" in tail or "out of memory" in tail.lower():
            return QueryMemoryError(MEMORY_MESSAGE)
        if "overflowed its stack" in tail:
            return QuerySyntaxError("query nested too deeply to evaluate")
        code = self.proc.exitcode
        if code is not None and code < 0 and -code in (6, 9):  # abort / killed: almost always memory
            return QueryMemoryError(MEMORY_MESSAGE)
        return QueryWorkerLost("the query stopped its worker process; the query was not answered "
                               "(the worker was replaced)")

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            try:
                self.conn.close()
            except OSError:
                pass

    def remove_log(self) -> None:
        self.unlink_log()
        try:
            os.close(self._log_fd)
        except OSError:
            pass


class WorkerPool:
    """A fixed number of killable, sandboxed query worker processes, each with its own copy of the graph.

    Admission control: at most ``size`` queries run and at most ``queue`` more wait (up to
    ``queue_wait_s``) for a worker; anything beyond is refused at once with :class:`QueryOverloaded`
    (HTTP 503 + Retry-After).  The server's request threads therefore never all wait on SPARQL.

    The pool never holds more than ``size`` workers: a replacement is counted as *pending* from the
    moment its predecessor is dropped, so no request ever sees an empty pool during a restart and no
    extra worker is started on top of a pending one.
    """

    def __init__(self, sources: list[Source], size: int = 2, start_timeout: float = 120.0,
                 queue_size: int = 2, queue_wait_s: float = 5.0, options: WorkerOptions = WorkerOptions()):
        self.sources = list(sources)
        self.size = max(1, int(size))
        self.start_timeout = start_timeout
        self.queue_size = max(0, int(queue_size))
        self.queue_wait_s = queue_wait_s
        self.options = options
        self._ctx = multiprocessing.get_context("spawn")  # safe from a multi-threaded server
        self._idle: "queue.Queue[_Worker]" = queue.Queue()
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._closed = False
        self._all: set[_Worker] = set()
        self._pending = 0
        self._admission = threading.BoundedSemaphore(self.size + self.queue_size)
        self.last_error: str | None = None
        self.network_isolated: bool | None = None
        self.restarts = 0
        with self._lock:
            self._pending = self.size
        threading.Thread(target=self._start_initial, daemon=True, name="sparql-pool-start").start()

    # -- lifecycle --------------------------------------------------------------------------
    def _spawn(self) -> _Worker | None:
        """Start one worker and wait for it to load the graph (called with a pending slot held)."""
        w = _Worker(self._ctx, self.sources, self.options)
        if w.conn.poll(self.start_timeout):
            try:
                status, info = w.conn.recv()
            except (EOFError, OSError) as exc:
                status, info = "failed", str(exc)
            w.unlink_log()  # the worker opened it first thing; its fd and ours keep the file
            if status == "ready" and not self._closed:
                if self.network_isolated is None or not info.get("network_isolated"):
                    self.network_isolated = bool(info.get("network_isolated"))
                    if not self.network_isolated and self.options.isolate_network:
                        log.warning("SPARQL workers run WITH network access (the OS refused a network "
                                    "namespace); SERVICE is refused by the query check alone")
                return w
            self.last_error = str(info)
        else:
            self.last_error = f"worker did not load the graph within {self.start_timeout}s"
        w.kill()
        w.remove_log()
        return None

    def _fill_slot(self) -> None:
        """Turn one pending slot into a running worker (or give the slot back on failure)."""
        w = self._spawn()
        with self._lock:
            self._pending -= 1
            if w is not None:
                if self._closed:
                    w.kill()
                    w.remove_log()
                    return
                self._all.add(w)
        if w is not None:
            self._idle.put(w)

    def _start_initial(self) -> None:
        threads = [threading.Thread(target=self._fill_slot) for _ in range(self.size)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self._ready.set()

    def _top_up(self) -> None:
        """Start workers for any slot that is neither running nor pending (after failed spawns)."""
        with self._lock:
            missing = 0 if self._closed else self.size - len(self._all) - self._pending
            self._pending += max(0, missing)
        for _ in range(max(0, missing)):
            threading.Thread(target=self._fill_slot, daemon=True, name="sparql-pool-topup").start()

    def _replace(self, w: _Worker) -> GraphStoreError | None:
        """Kill ``w`` (now) and start its successor (in the background).  Returns why it died
        when it was not us who stopped it."""
        with self._lock:
            self._all.discard(w)
            self._pending += 0 if self._closed else 1
        died_by_itself = w.proc.exitcode is not None
        w.kill()
        why = w.death_error() if died_by_itself else None
        w.remove_log()
        self.restarts += 1
        if not self._closed:
            threading.Thread(target=self._fill_slot, daemon=True, name="sparql-pool-replace").start()
        return why

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout) and self._idle.qsize() > 0

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.proc.pid for w in self._all)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
            w.remove_log()

    # -- queries ----------------------------------------------------------------------------
    @contextmanager
    def admitted(self, timeout: float):
        """Hold one of the ``size + queue`` admission slots, or refuse at once (503)."""
        if not self._admission.acquire(blocking=False):
            raise QueryOverloaded(
                f"the SPARQL service is at capacity ({self.size} queries running, {self.queue_size} "
                "waiting); try again shortly", retry_after=max(1, int(round(min(timeout, 5)))))
        try:
            yield
        finally:
            self._admission.release()

    def run(self, msg: dict, timeout: float) -> QueryResult:
        with self.admitted(timeout):
            return self._run_admitted(msg, timeout)

    def _run_admitted(self, msg: dict, timeout: float) -> QueryResult:
        if not self._ready.wait(self.start_timeout):
            raise QueryOverloaded("the query workers are still starting; try again shortly", retry_after=5)
        with self._lock:
            empty = not self._all and not self._pending
        if empty:  # every spawn failed: try again, tell this client to come back
            self._top_up()
            raise QueryOverloaded(f"the query workers are restarting ({self.last_error or 'no detail'}); "
                                  "try again shortly", retry_after=5)
        try:
            w = self._idle.get(timeout=min(timeout, self.queue_wait_s) if self.queue_wait_s else timeout)
        except queue.Empty:
            raise QueryOverloaded(
                f"all {self.size} query workers stayed busy; try again shortly", retry_after=2) from None
        deadline = time.monotonic() + timeout
        try:
            w.conn.send(msg)
            if not w.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(w)
                w = None
                raise QueryTimeout(
                    f"query stopped: it ran longer than the {timeout:g} s time limit "
                    "(its worker process was stopped; the server keeps answering other queries)"
                )
            status, payload = w.conn.recv()
        except (EOFError, OSError) as exc:
            if w is None:
                raise QueryWorkerLost(f"query worker lost: {exc}") from None
            w.proc.join(1)
            why = self._replace(w)
            w = None
            raise why or QueryWorkerLost("the query worker stopped; the query was not answered") from None
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
def _cheap_policy(config):
    """The in-process budget (app/sparql_cheap.py) as ``config`` sets it."""
    from app.sparql_cheap import CheapPolicy

    return CheapPolicy(max_ms=float(getattr(config, "sparql_in_process_ms", CheapPolicy.max_ms)),
                       max_kb=int(getattr(config, "sparql_in_process_kb", CheapPolicy.max_kb)))


def _answer_policy(config):
    """The kept-answers bound (app/sparql_answers.py) as ``config`` sets it."""
    from app.sparql_answers import AnswerPolicy

    mb = float(getattr(config, "sparql_answer_cache_mb", AnswerPolicy.max_bytes / 2**20))
    return AnswerPolicy(max_bytes=int(mb * 2**20),
                        max_entry_bytes=int(getattr(config, "sparql_in_process_kb", 1024)) * 1024)


class GraphStore:
    """The read-only knowledge graph.  ``GraphStore.from_config(config)`` loads ``graph_file``."""

    def __init__(self, workers: int = 2, queue_size: int = 2, queue_wait_s: float = 5.0,
                 worker_options: WorkerOptions | None = None, limits=None, cheap=None, answers=None):
        from app.sparql_answers import AnswerCache, AnswerPolicy
        from app.sparql_cheap import CheapPolicy, ProvenCheap
        from app.sparql_guard import QueryLimits
        from graph.construction import note

        note("graph_store")
        self.store = ox.Store()
        self.sources: list[Source] = []
        self.workers = workers
        self.queue_size = queue_size
        self.queue_wait_s = queue_wait_s
        self.worker_options = worker_options or WorkerOptions()
        self.limits = limits or QueryLimits()
        self._pool: WorkerPool | None = None
        self._pool_lock = threading.Lock()
        self._verdicts = VerdictCache()  # for the in-process path; each worker keeps its own
        self._cheap = ProvenCheap(cheap or CheapPolicy())  # requests a worker proved cheap (app/sparql_cheap.py)
        self._answers = AnswerCache(answers or AnswerPolicy())  # their serialised answers (app/sparql_answers.py)
        self._known_graphs: list[str] | None = None

    @staticmethod
    def options_from_config(config, workers: int | None = None) -> dict:
        """Pool size, queue, per-worker sandbox and query limits, as ``config`` sets them."""
        from app.sparql_guard import QueryLimits

        if workers is None:
            workers = int(getattr(config, "sparql_workers", 0) or os.environ.get("FLOORGRAPH_SPARQL_WORKERS", 2))
        return dict(
            workers=workers,
            queue_size=getattr(config, "sparql_queue", 2),
            queue_wait_s=getattr(config, "sparql_queue_wait_s", 5.0),
            worker_options=WorkerOptions(memory_mb=getattr(config, "sparql_worker_memory_mb", 384)),
            cheap=_cheap_policy(config),
            answers=_answer_policy(config),
            limits=QueryLimits(
                max_chars=getattr(config, "sparql_max_query_chars", QueryLimits.max_chars),
                max_depth=getattr(config, "sparql_max_depth", QueryLimits.max_depth),
                max_operators=getattr(config, "sparql_max_operators", QueryLimits.max_operators)),
        )

    @classmethod
    def from_config(cls, config, workers: int | None = None) -> "GraphStore":
        gs = cls(**cls.options_from_config(config, workers))
        path = Path(config.graph_file)
        if path.exists():
            gs.load(path)
        return gs

    @classmethod
    def open_disk(cls, directory: str | os.PathLike, **options) -> "GraphStore":
        """An on-disk Oxigraph store (written by ``floorgraph build``), read-only here and in the workers."""
        gs = cls(**options)
        gs.sources = [(str(Path(directory).resolve()), None)]
        gs.store = open_sources(gs.sources)
        return gs

    def load(self, path: str | os.PathLike, graph: str | None = None) -> int:
        """Load an RDF file (format from its extension; N-Triples by default) into the default graph,
        or into the named graph ``graph``.  Returns the store size afterwards."""
        path = str(Path(path).resolve())
        _load_into(self.store, path, graph)
        self.sources.append((path, graph))
        self._cheap.clear()  # other data: nothing is proven cheap any more, no kept answer holds
        self._answers.clear()
        self._known_graphs = None
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
                self._pool = WorkerPool(self.sources, size=self.workers, queue_size=self.queue_size,
                                        queue_wait_s=self.queue_wait_s, options=self.worker_options)
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
        formats: tuple[str | None, str | None] | None = None,
        inspect: bool = True,
        in_process_only: bool = False,
    ) -> QueryResult:
        """Run a read-only SPARQL query.

        ``timeout`` (seconds): run in a killable worker process and raise :class:`QueryTimeout`
        when it bites; ``None`` or 0 runs in-process without a limit.  ``row_limit`` caps the rows
        (SELECT) or triples (CONSTRUCT/DESCRIBE) and sets ``result.truncated``.  ``formats``
        (results format, graph format): return the result already serialised in ``result.body``
        - done where the query ran, so a worker sends back bytes, not pickled terms.
        ``inspect=False``: a query generated by floorgraph's own code (see :func:`execute`).
        ``in_process_only``: the caller must not wait on a worker (a server's event loop, see
        :meth:`proven_cheap`): a request not proven cheap gets :class:`QueryOverloaded` instead.
        """
        prechecked(sparql, self.limits)  # read-only, size and nesting: before any parser or worker
        msg = dict(sparql=sparql, row_limit=row_limit, default_graphs=default_graphs,
                   named_graphs=named_graphs, base_iri=base_iri, formats=formats, inspect=inspect)
        if not (timeout and timeout > 0):
            return execute(self.store, verdicts=self._verdicts, **msg)
        if not self._cheap.enabled:
            return self.pool().run(msg, timeout)
        from app.sparql_cheap import request_key

        key = request_key(msg)
        if self._cheap.proven(key):  # a worker answered this very request within budget
            with self.pool().admitted(timeout):
                kept = self._kept_answer(key, msg)
                if kept is not None:  # not recorded: what proved it cheap is its last evaluation's time
                    return kept
                result = execute(self.store, verdicts=self._verdicts, known_graphs=self._known(), **msg)
                self._answers.put(key, result)
        elif in_process_only:  # no longer proven (demoted meanwhile): never block the caller on a worker
            raise QueryOverloaded("this query is being re-checked; try again", retry_after=1)
        else:
            result = self.pool().run(msg, timeout)
        if not self._cheap.record(key, result):
            self._answers.forget(key)  # demoted: its next run is a worker's, and its answer is not kept
        return result

    def _kept_answer(self, key: tuple, msg: dict) -> QueryResult | None:
        """The serialised answer kept from this proven-cheap request's last in-process run
        (app/sparql_answers.py), after the checks a run would pass; None: run it."""
        if not self._answers.enabled:
            return None
        t0 = time.perf_counter()
        screen(self.store, msg["sparql"], self._known(), verdicts=self._verdicts, inspect=msg["inspect"])
        kept = self._answers.get(key)
        if kept is not None:
            kept.elapsed_s = time.perf_counter() - t0
        return kept

    def proven_cheap(self, sparql: str, within_ms: float, timeout: float | None = None,
                     row_limit: int | None = None, base_iri: str | None = None,
                     formats: tuple[str | None, str | None] | None = None) -> bool:
        """Would :meth:`query` with these arguments run in-process, its last run having taken at
        most ``within_ms``?  Nothing is parsed or run: a look-up of what earlier runs proved
        (app/sparql_cheap.py).  A server uses it to answer such a request on its event loop."""
        if not (timeout and timeout > 0) or not self._cheap.enabled or within_ms <= 0:
            return False
        from app.sparql_cheap import request_key

        msg = dict(sparql=sparql, row_limit=row_limit, default_graphs=None, named_graphs=None,
                   base_iri=base_iri, formats=formats, inspect=True)
        return self._cheap.proven(request_key(msg), within_ms=within_ms)

    def _known(self) -> list[str]:
        if self._known_graphs is None:
            self._known_graphs = [g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)]
        return self._known_graphs


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
