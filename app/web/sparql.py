"""The read-only SPARQL 1.1 Protocol endpoint at ``/sparql``.

* query via GET ``?query=``, POST ``application/x-www-form-urlencoded`` (``query=``) or POST
  ``application/sparql-query``; ``default-graph-uri`` / ``named-graph-uri`` replace the query's
  dataset (SPARQL 1.1 Protocol 2.1.4);
* results chosen by ``Accept`` (with q-values) or by a ``format`` parameter (``output`` and
  ``results`` are accepted as aliases, as SPARQLWrapper sends them): SELECT/ASK as SPARQL JSON,
  XML, CSV, TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD, RDF/XML;
* GET with no query: the YASGUI editor for browsers (``Accept: text/html``), else a SPARQL Service
  Description;
* read-only: SPARQL Update (any form), LOAD and SERVICE are refused with 403 and a reason;
* ``config.sparql_timeout_s`` stops runaway queries (503), ``config.sparql_row_limit`` truncates
  (``X-Floorgraph-Truncated: true`` and, in JSON, a ``floorgraph.note``).
"""
from __future__ import annotations

from functools import lru_cache

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header
from werkzeug.exceptions import HTTPException

from app.graphstore import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    GraphStoreError,
    QueryRefused,
    serialize,
    serialize_graph,
)

bp = Blueprint("sparql", __name__)

ENDPOINT_PATH = "/sparql"

# Accept media type -> format name, in server preference order (first = default).
RESULTS_OFFERS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_OFFERS = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/ld+json": "jsonld",
    "application/x-json+ld": "jsonld",
    "application/rdf+xml": "rdfxml",
    "text/n3": "turtle",  # Turtle is valid N3
    "text/rdf+n3": "turtle",
    "application/n3": "turtle",
    "text/plain": "ntriples",
    "application/json": "jsonld",
    "application/xml": "rdfxml",
}
# `format=` values -> (format for SELECT/ASK, format for CONSTRUCT/DESCRIBE); None: not applicable.
FORMAT_PARAM = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "n3": (None, "turtle"),
    "ntriples": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
    "nt": (None, "ntriples"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "rdfxml": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    "rdf": (None, "rdfxml"),
}
for _mt, _f in RESULTS_OFFERS.items():
    FORMAT_PARAM.setdefault(_mt, (_f, None))
for _mt, _f in GRAPH_OFFERS.items():
    r, _ = FORMAT_PARAM.get(_mt, (None, None))
    FORMAT_PARAM[_mt] = (r, _f)

TEXT_TYPES = {"text/csv", "text/tab-separated-values", "text/turtle", "application/n-triples"}

from app.web.sparql_examples import EXAMPLES, grouped  # noqa: E402

EXAMPLE_QUERIES = [ex.as_dict() for ex in EXAMPLES]  # name, topic, explanation, query


class ProtocolError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str, error: str | None = None):
    from app.web import error_response

    return error_response(status, message, error)


def _config():
    return current_app.config["FLOORGRAPH"]


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise ProtocolError(400, f"more than one '{name}' parameter: send exactly one")
    return values[0] if values else None


def _check_charset() -> None:
    charset = request.mimetype_params.get("charset")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii"):
        raise ProtocolError(415, f"unsupported charset {charset!r}: SPARQL requests must be UTF-8")


def _read_operation() -> tuple[str, list[str], list[str]]:
    """Parse the protocol request into (query, default_graph_uris, named_graph_uris)."""
    args = request.args
    defaults = args.getlist("default-graph-uri")
    named = args.getlist("named-graph-uri")
    updates: list[str] = args.getlist("update")
    if request.method == "GET":
        queries = args.getlist("query")
    else:
        mimetype = request.mimetype
        if mimetype == "application/x-www-form-urlencoded":
            _check_charset()
            form = request.form
            queries = args.getlist("query") + form.getlist("query")
            updates = updates + form.getlist("update")
            defaults += form.getlist("default-graph-uri")
            named += form.getlist("named-graph-uri")
        elif mimetype == "application/sparql-query":
            _check_charset()
            if "query" in args:
                raise ProtocolError(400, "query given both in the URL and as the request body")
            try:
                queries = [request.get_data(cache=False).decode("utf-8")]
            except UnicodeDecodeError as exc:
                raise ProtocolError(400, f"the request body is not valid UTF-8: {exc}") from None
        elif mimetype == "application/sparql-update":
            raise QueryRefused("SPARQL Update is refused: this endpoint is read-only by design.")
        elif not mimetype:
            raise ProtocolError(415, "POST needs a Content-Type: application/x-www-form-urlencoded "
                                     "(query=...) or application/sparql-query")
        else:
            raise ProtocolError(415, f"unsupported Content-Type {mimetype!r}: use "
                                     "application/x-www-form-urlencoded or application/sparql-query")
    if updates and queries:
        raise ProtocolError(400, "a request carries either 'query' or 'update', not both")
    if updates:
        if request.method == "GET":
            raise ProtocolError(400, "SPARQL Update is never sent by GET (and this endpoint is read-only)")
        if len(updates) > 1:
            raise ProtocolError(400, "more than one 'update' parameter (and this endpoint is read-only)")
        raise QueryRefused("SPARQL Update is refused: this endpoint is read-only by design.")
    query = _single(queries, "query")
    if query is None or not query.strip():
        raise ProtocolError(400, "missing 'query' parameter")
    for uri in defaults + named:
        _check_graph_iri(uri)
    return query, defaults, named


def _check_graph_iri(uri: str) -> None:
    """default-graph-uri / named-graph-uri must be absolute IRIs (RFC 3987), checked by the store's
    own IRI parser so that whatever passes here is accepted there."""
    import pyoxigraph as ox

    shown = uri if len(uri) <= 200 else uri[:200] + "..."
    if not uri or any(ord(c) < 0x20 or c in ' <>"{}|\\^`' for c in uri):
        raise ProtocolError(400, f"invalid graph IRI {shown!r}: expected an absolute IRI such as <http://example.org/g>")
    try:
        ox.NamedNode(uri)
    except ValueError as exc:
        raise ProtocolError(400, f"invalid graph IRI {shown!r}: {exc}") from None


def _format_param() -> list[str]:
    values: list[str] = []
    for name in ("format", "output", "results"):
        values += request.values.getlist(name) if request.mimetype == "application/x-www-form-urlencoded" \
            else request.args.getlist(name)
    return [v.strip().lower() for v in values if v.strip()]


def choose_format(kind: str) -> str:
    """The output format for a result of ``kind`` ('solutions' | 'boolean' | 'graph')."""
    return negotiate(request.headers.get("Accept", ""), tuple(_format_param()), kind == "graph")


@lru_cache(maxsize=512)
def negotiate(accept_header: str, params: tuple[str, ...], is_graph: bool) -> str:
    """The output format for this Accept header and ``format`` parameters.  A pure function of the
    request's text, cached: clients send the same few headers, and matching q-values against every
    offer cost more than answering a cheap query."""
    if params:
        known = [FORMAT_PARAM[p] for p in params if p in FORMAT_PARAM]
        if not known:
            raise ProtocolError(400, f"unknown format {params[0]!r}; use one of "
                                     "json, xml, csv, tsv, turtle, ntriples, jsonld")
        for results_fmt, graph_fmt in known:
            chosen = graph_fmt if is_graph else results_fmt
            if chosen:
                return chosen
        # known but not applicable to this result (e.g. format=turtle on a SELECT): use Accept
    offers = GRAPH_OFFERS if is_graph else RESULTS_OFFERS
    accept: MIMEAccept = parse_accept_header(accept_header, MIMEAccept)
    best = accept.best_match(list(offers)) if accept else None
    if best is None:
        return "turtle" if is_graph else "json"
    return offers[best]


def _formats_wanted() -> tuple[str, str] | None:
    """(format for SELECT/ASK, format for CONSTRUCT/DESCRIBE), decided before the query runs so the
    process running it can serialise the result itself; None when the request's format is invalid
    (that error is reported after the query, as the protocol tests expect)."""
    try:
        return choose_format("solutions"), choose_format("graph")
    except ProtocolError:
        return None


def _media_type(fmt: str, kind: str) -> str:
    mt = GRAPH_FORMATS[fmt] if kind == "graph" else RESULT_FORMATS[fmt]
    if mt.startswith("text/") or mt.endswith("+json") or mt.endswith("+xml") or mt == "application/n-triples":
        return f"{mt}; charset=utf-8"
    return mt


def wants_html() -> bool:
    return _accept_prefers_html(request.headers.get("Accept", ""))


@lru_cache(maxsize=512)
def _accept_prefers_html(accept_header: str) -> bool:
    accept = parse_accept_header(accept_header, MIMEAccept)
    if not accept or "text/html" not in accept.values():
        return False
    best = accept.best_match(list(GRAPH_OFFERS) + ["text/html"])
    return best == "text/html"


def service_description_turtle(endpoint: str) -> str:
    gs = current_app.extensions["floorgraph.graphstore"]
    named = "".join(
        f"""
        sd:namedGraph [ a sd:NamedGraph ; sd:name <{g}> ] ;""" for g in gs.named_graphs()[:1000]
    )
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{endpoint}#service> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    dcterms:title "floorgraph SPARQL endpoint (read-only)" ;
    dcterms:description "Knowledge graph of the ILO report 'Building social protection floors for all - Annual Report 2024'. SPARQL 1.1 Query only: updates, LOAD and SERVICE are refused. Time limit {_config().sparql_timeout_s:g} s, row limit {_config().sparql_row_limit}." ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:EmptyGraphs ;
    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,
        formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV,
        formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; void:triples {gs.default_graph_size()} ] ;{named}
    ] .
"""


def _service_description():
    import pyoxigraph as ox

    endpoint = request.base_url
    ttl = service_description_turtle(endpoint)
    fmt = choose_format("graph")
    if fmt == "turtle":
        body = ttl.encode("utf-8")
    else:
        body = serialize_graph(ox.parse(ttl, format=ox.RdfFormat.TURTLE), fmt, prefixes={})
    resp = Response(body, status=200, content_type=_media_type(fmt, "graph"))
    resp.vary.add("Accept")
    return resp


@bp.route(ENDPOINT_PATH, methods=["GET", "POST"])
@bp.route(ENDPOINT_PATH + "/", methods=["GET", "POST"])
def endpoint():
    cfg = _config()
    try:
        if request.method == "GET" and not any(k in request.args for k in ("query", "update")):
            for uri in request.args.getlist("default-graph-uri") + request.args.getlist("named-graph-uri"):
                _check_graph_iri(uri)
            if wants_html():
                return _editor_page()
            return _service_description()
        query, defaults, named = _read_operation()
        gs = current_app.extensions["floorgraph.graphstore"]
        html_table = wants_html() and not _format_param()  # a browser's form: the results as an HTML table
        formats = None if html_table else _formats_wanted()
        result = gs.query(
            query,
            timeout=cfg.sparql_timeout_s,
            row_limit=cfg.sparql_row_limit,
            default_graphs=defaults if (defaults or named) else None,
            named_graphs=named if (defaults or named) else None,
            base_iri=request.base_url,
            formats=formats,
        )
        if html_table:
            return _editor_page(query=query, result=result)
        fmt = (formats[1] if result.kind == "graph" else formats[0]) if formats else choose_format(result.kind)
        body = result.body if result.body is not None and result.format == fmt else serialize(result, fmt)
    except ProtocolError as exc:
        if wants_html() and exc.status == 400 and request.method in ("GET", "POST"):
            return _editor_page(query=_submitted_query(), error=exc.message, status=400)
        return _error(exc.status, exc.message)
    except GraphStoreError as exc:
        if exc.status < 500 or exc.status == 503:
            if wants_html() and not _format_param():
                name = ERROR_NAMES.get(exc.status)
                return _editor_page(query=_submitted_query(), error=f"{name or 'Error'}: {exc}", status=exc.status)
        return endpoint_error(exc)
    except HTTPException:
        raise
    resp = Response(body, status=200, content_type=_media_type(fmt, result.kind))
    resp.vary.add("Accept")
    resp.headers["X-Floorgraph-Truncated"] = "true" if result.truncated else "false"
    if result.row_limit:
        resp.headers["X-Floorgraph-Row-Limit"] = str(result.row_limit)
    resp.headers["X-Floorgraph-Elapsed"] = f"{result.elapsed_s:.4f}"
    return resp


ERROR_NAMES = {400: "Malformed query", 403: "Refused", 503: "Service Unavailable"}


def endpoint_error(exc: GraphStoreError):
    """The JSON error response for a query the store refused or could not answer (also used by
    :mod:`app.web.sparql_fast`): its message for 4xx and 503 (+ Retry-After), a generic 500 otherwise."""
    if exc.status >= 500 and exc.status != 503:
        current_app.logger.error("SPARQL query failed: %s", exc)
        return _error(500, "the query could not be evaluated", "Internal Server Error")
    resp = _error(exc.status, str(exc), ERROR_NAMES.get(exc.status))
    if exc.status == 503:
        resp.headers["Retry-After"] = str(getattr(exc, "retry_after", 2))
    return resp


# ------------------------------------------------------------------------------------------------
#  The HTML page: the editor (YASGUI when JavaScript runs) over a plain form that always works
# ------------------------------------------------------------------------------------------------
def _submitted_query() -> str:
    return (request.values.get("query") or "") if request.mimetype != "application/sparql-query" \
        else request.get_data(as_text=True)


def _editor_page(query: str | None = None, result=None, error: str | None = None, status: int = 200):
    from app.web.sparql_html import result_table

    table = result_table(result) if result is not None else None
    return render_template("sparql.html", endpoint=request.base_url, examples=EXAMPLE_QUERIES,
                           groups=grouped(), config=_config(), query=query or EXAMPLES[0].query,
                           submitted=query is not None, table=table, error=error), status
