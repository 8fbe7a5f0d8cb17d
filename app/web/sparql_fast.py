"""A thin WSGI path for the SPARQL protocol's common request, in front of Flask.

Why: measured per request on a cheap lookup (``benchmarks/bench_sparql.py``), Oxigraph answers in
~0.05 ms and the hand-off to a query worker takes ~0.2 ms, but Flask's request and response
objects, routing, form parsing and after-request hooks cost ~0.35 ms more: as much as
``oxigraph serve-read-only`` spends on the whole request.  This middleware answers the plain case
(one ``query`` by GET ``?query=``, a POST form holding only ``query``, or a POST
``application/sparql-query`` body; a non-HTML ``Accept``; no ``Origin``) straight from the WSGI
environ, and hands *everything else* to the Flask endpoint unchanged (the editor page, graph IRIs,
``format=``, CORS, updates, errors of the protocol itself).

Every safeguard still applies, because the query goes through the same
:meth:`app.graphstore.GraphStore.query` as the Flask endpoint: read-only and size/nesting checks
before any parser, the parsed-algebra SERVICE/FROM check, admission control, the worker's
time and memory limits.  Responses carry the same headers (security headers, ``Vary``,
``X-Floorgraph-*``) and the same JSON errors.
"""
from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import parse_qsl

from app.graphstore import GraphStoreError, serialize

PATHS = ("/sparql", "/sparql/")
FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
OK_CHARSETS = ("utf-8", "utf8", "us-ascii", "ascii")
INLINE_KEY = "floorgraph.inline"  # environ flag: this request runs on the server's event loop
DECIDED_KEY = "floorgraph.plain"  # environ: what runs_inline read of this request (no client sets it)


@lru_cache(maxsize=256)
def _base_url(scheme: str, host: str, server_name: str, server_port: str, script: str, path: str) -> str:
    """``request.base_url`` as Flask computes it (werkzeug's own function, cached: a server sees
    few distinct hosts and paths)."""
    from werkzeug.wsgi import get_current_url

    environ = {"wsgi.url_scheme": scheme, "SERVER_NAME": server_name, "SERVER_PORT": server_port,
               "SCRIPT_NAME": script, "PATH_INFO": path}
    if host:
        environ["HTTP_HOST"] = host
    return get_current_url(environ, strip_querystring=True)


@lru_cache(maxsize=64)
def _content_type(value: str) -> tuple[str, bool] | None:
    """(mimetype, charset acceptable) of a Content-Type header."""
    parts = [p.strip() for p in value.split(";")]
    mimetype = parts[0].lower()
    for param in parts[1:]:
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset" and val.strip().strip('"').lower().replace("_", "-") not in OK_CHARSETS:
            return mimetype, False
    return mimetype, True


def _only_query(pairs: list[tuple[str, str]]) -> str | None:
    """The query when ``pairs`` hold exactly one ``query`` and nothing else."""
    if len(pairs) != 1 or pairs[0][0] != "query":
        return None
    return pairs[0][1]


def _url_inputs(environ) -> tuple:
    """What the request's base IRI and the plain-case test read of ``environ`` besides the body
    (a proxy-headers middleware may rewrite host and scheme between deciding and answering)."""
    return (environ.get("wsgi.url_scheme"), environ.get("HTTP_HOST"), environ.get("SERVER_NAME"),
            environ.get("SERVER_PORT"), environ.get("SCRIPT_NAME"), environ.get("PATH_INFO"),
            environ.get("HTTP_ACCEPT"), environ.get("HTTP_ORIGIN"))


CACHED_FORM_CHARS = 16_384  # longer query strings and bodies are decoded afresh each time


def _form_query(encoded: str) -> str | None:
    """The query of a form-encoded ``query=...`` string (a GET's query string or a POST body), or
    None; raises ValueError on bad percent-encoding.

    Why cached: urllib's percent-decoding costs ~30 us for a 200-character query, half what
    Oxigraph takes to answer a lookup, and clients send the same few query strings again and
    again.  A pure function of the text: caching it changes nothing but the time (a text that
    fails to decode raises every time; long texts are not kept)."""
    if len(encoded) > CACHED_FORM_CHARS:
        return _decode_form(encoded)
    return _decode_form_cached(encoded)


def _decode_form(encoded: str) -> str | None:
    return _only_query(parse_qsl(encoded, keep_blank_values=True, errors="strict"))


_decode_form_cached = lru_cache(maxsize=256)(_decode_form)


class SparqlFastPath:
    """WSGI middleware: the plain SPARQL query request without Flask (see the module docstring)."""

    def __init__(self, flask_app, wsgi_app, graphstore, config, headers: dict[str, str]):
        self.flask_app = flask_app
        self.next = wsgi_app
        self.graphstore = graphstore
        self.config = config
        self.headers = list(headers.items())
        self.max_body = int(flask_app.config.get("MAX_CONTENT_LENGTH") or 2 * 1024 * 1024)

    def __call__(self, environ, start_response):
        decided = environ.get(DECIDED_KEY)
        if decided is not None and decided[0] == _url_inputs(environ):  # read once already, when deciding
            return self._answer(environ, start_response, decided[1], decided[2])
        if environ.get("PATH_INFO") not in PATHS or "HTTP_ORIGIN" in environ:
            return self.next(environ, start_response)
        query = self._plain_query(environ)
        if query is None:
            return self.next(environ, start_response)
        return self._answer(environ, start_response, query)

    # -- is this the plain case? -----------------------------------------------------------------
    def _plain_query(self, environ) -> str | None:
        """The query of a plain request, or None (then Flask answers; the body, if read, is put back)."""
        from app.web.sparql import _accept_prefers_html

        if _accept_prefers_html(environ.get("HTTP_ACCEPT", "")):
            return None
        method = environ.get("REQUEST_METHOD")
        qs = environ.get("QUERY_STRING", "")
        try:
            if method == "GET":
                return _form_query(qs) if qs else None
            if method != "POST" or qs:
                return None
            ctype = _content_type(environ.get("CONTENT_TYPE", ""))
            if ctype is None or not ctype[1] or ctype[0] not in (FORM, QUERY_BODY):
                return None
            length = int(environ.get("CONTENT_LENGTH") or 0)
            if length <= 0 or length > self.max_body:
                return None
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)  # Flask can still read it if we pass
            if ctype[0] == QUERY_BODY:
                return body.decode("utf-8")
            return _form_query(body.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            return None

    # -- may a server answer it on its event loop? ------------------------------------------------
    def runs_inline(self, environ) -> bool:
        """True when this request is the plain case and the very same request last ran in-process
        within ``config.sparql_inline_ms`` (:meth:`app.graphstore.GraphStore.proven_cheap`): then
        a server may run it on its event loop instead of handing it to a request thread
        (app/web/waitress_server.py).  Reads nothing it does not put back; runs no query."""
        if environ.get("PATH_INFO") not in PATHS or "HTTP_ORIGIN" in environ:
            return False
        # a long text is never one whose decoding is remembered: deciding would cost the event loop
        # a decode (a 1.5 MB hostile body: milliseconds) for a request that cannot be cheap anyway
        if len(environ.get("QUERY_STRING", "")) > CACHED_FORM_CHARS or \
                int(environ.get("CONTENT_LENGTH") or 0) > CACHED_FORM_CHARS:
            return False
        if not self._may_prove():
            return False
        query = self._plain_query(environ)
        if not query or not query.strip():
            return False
        formats_and_base = self._formats_and_base(environ)
        inline = self._proven_inline(query, formats_and_base)
        if inline:  # the run reuses what was read here, unless a middleware changed the URL meanwhile
            environ[DECIDED_KEY] = (_url_inputs(environ), query, formats_and_base)
        return inline

    def _may_prove(self) -> bool:
        """Inline runs are on, and the store can prove a query cheap (an external one cannot)."""
        within = float(getattr(self.config, "sparql_inline_ms", 0) or 0)
        return within > 0 and getattr(self.graphstore, "proven_cheap", None) is not None

    def _proven_inline(self, query: str, formats_and_base: tuple) -> bool:
        cfg = self.config
        formats, base = formats_and_base
        return self._may_prove() and self.graphstore.proven_cheap(
            query, float(cfg.sparql_inline_ms), timeout=cfg.sparql_timeout_s, row_limit=cfg.sparql_row_limit,
            base_iri=base, formats=formats)

    def answer_repeated(self, environ) -> tuple[str, list, bytes] | None:
        """:meth:`answer_decided` for an environ :meth:`runs_inline` admitted earlier, kept by a
        server for a request with the very same bytes (app/web/waitress_repeats.py): the proof
        that it may run on the event loop is checked again (nothing of the request is re-read),
        then it is answered as :meth:`answer_decided` does; None: declined."""
        decided = environ.get(DECIDED_KEY)
        if decided is None or not self._proven_inline(decided[1], decided[2]):
            return None
        return self.answer_decided(environ)

    # -- the answer ------------------------------------------------------------------------------
    @staticmethod
    def _formats_and_base(environ) -> tuple[tuple, str]:
        from app.web.sparql import negotiate

        accept = environ.get("HTTP_ACCEPT", "")
        formats = (negotiate(accept, (), False), negotiate(accept, (), True))
        base = _base_url(environ.get("wsgi.url_scheme", "http"), environ.get("HTTP_HOST", ""),
                         environ.get("SERVER_NAME", ""), str(environ.get("SERVER_PORT", "")),
                         environ.get("SCRIPT_NAME", ""), environ.get("PATH_INFO", ""))
        return formats, base

    def _answer(self, environ, start_response, query: str, formats_and_base: tuple | None = None):
        if not query.strip():
            return self.next(environ, start_response)  # "missing 'query'": Flask's error page/JSON
        try:
            status, headers, body = self._parts(environ, query, formats_and_base or self._formats_and_base(environ),
                                                in_process_only=bool(environ.get(INLINE_KEY)))
        except GraphStoreError as exc:
            return self._error(environ, start_response, exc)
        start_response(status, headers)
        return [body]

    def answer_decided(self, environ) -> tuple[str, list, bytes] | None:
        """(status, headers, body) of a request :meth:`runs_inline` admitted, for a server to send
        from its event loop without calling the WSGI app (app/web/waitress_server.py); None when
        the WSGI path must answer it instead (an error, or a URL changed since deciding).

        The same store call with the same checks as through WSGI, run ``in_process_only``."""
        decided = environ.get(DECIDED_KEY)
        if decided is None or decided[0] != _url_inputs(environ):
            return None
        try:
            return self._parts(environ, decided[1], decided[2], in_process_only=True)
        except GraphStoreError:  # answered (again) through WSGI, which builds the error response
            return None

    def _parts(self, environ, query: str, formats_and_base: tuple, in_process_only: bool) -> tuple[str, list, bytes]:
        """Status, headers and body of a plain query's answer; raises GraphStoreError."""
        from app.web.sparql import _media_type

        formats, base = formats_and_base
        cfg = self.config
        # on a server's event loop the query must not wait on a worker; only the embedded store
        # proves queries cheap, so only it is asked that (an external store never runs inline)
        inline = {"in_process_only": True} if in_process_only else {}
        result = self.graphstore.query(query, timeout=cfg.sparql_timeout_s, row_limit=cfg.sparql_row_limit,
                                       base_iri=base, formats=formats, **inline)
        fmt = formats[1] if result.kind == "graph" else formats[0]
        body = result.body if result.body is not None and result.format == fmt else serialize(result, fmt)
        headers = [("Content-Type", _media_type(fmt, result.kind)), ("Content-Length", str(len(body))),
                   ("Vary", "Accept"),
                   ("X-Floorgraph-Truncated", "true" if result.truncated else "false")]
        if result.row_limit:
            headers.append(("X-Floorgraph-Row-Limit", str(result.row_limit)))
        headers.append(("X-Floorgraph-Elapsed", f"{result.elapsed_s:.4f}"))
        return "200 OK", headers + self.headers, body if environ.get("REQUEST_METHOD") != "HEAD" else b""

    def _error(self, environ, start_response, exc: GraphStoreError):
        """The Flask endpoint's JSON error for ``exc``, built by Flask (errors are not the hot path)."""
        from app.web.sparql import endpoint_error

        with self.flask_app.request_context(environ):
            resp = endpoint_error(exc)
            for key, value in self.headers:
                resp.headers.setdefault(key, value)
            return resp(environ, start_response)
