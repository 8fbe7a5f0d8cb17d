"""The floorgraph web service: ``create_app(config)`` builds the Flask application.

Blueprints register themselves here (SPARQL endpoint always; the other pages/APIs when their module
exists).  Errors leave as JSON for API clients and as the site's HTML error page for browsers
(never Flask's default page or a traceback); CORS follows ``config.cors_origins``
(comma-separated origins, or ``*``); every response carries :data:`CONTENT_SECURITY_POLICY`.
Static files are only the whitelisted, fingerprinted assets of :mod:`app.web.assets`.
"""
from __future__ import annotations

import importlib
import logging
from pathlib import Path

from flask import Flask, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from app.config import Config

WEB_DIR = Path(__file__).resolve().parent
APP_DIR = WEB_DIR.parent

# The pages use no inline script, inline handler or style attribute, so they run under this policy.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; "
    "base-uri 'self'; form-action 'self'; object-src 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}

# Optional blueprints written by other parts of the project: (module, attribute).
OPTIONAL_BLUEPRINTS = (
    ("app.web.assets", "bp"),
    ("app.web.pages", "bp"),
    ("app.web.browse", "bp"),
    ("app.web.api", "bp"),
    ("app.web.search", "bp"),
    ("app.web.graph", "bp"),
)

log = logging.getLogger(__name__)


def get_graphstore():
    """The app's :class:`app.graphstore.GraphStore`."""
    return current_app.extensions["floorgraph.graphstore"]


def error_response(status: int, message: str, error: str | None = None, **extra):
    from werkzeug.http import HTTP_STATUS_CODES

    body = {"error": error or HTTP_STATUS_CODES.get(status, "Error"), "status": status, "message": message}
    body.update(extra)
    resp = jsonify(body)
    resp.status_code = status
    return resp


def wants_html_error() -> bool:
    """A browser navigating to a page (not the JSON API, not a SPARQL client) gets HTML errors."""
    if request.path.startswith(("/api/", "/assets/")) or request.path.endswith((".json", ".csv")):
        return False
    accept = request.accept_mimetypes
    return bool(accept) and accept.best_match(["application/json", "text/html"]) == "text/html" \
        and accept["text/html"] > accept["application/json"]


def _parse_origins(value: str) -> tuple[str, ...]:
    return tuple(o.strip().rstrip("/") for o in (value or "").split(",") if o.strip())


def create_app(config: Config | None = None, graphstore=None, runtime=None) -> Flask:
    """Build the app over ``runtime`` (``app.runtime.Runtime``, one per process: every heavy part
    comes from it).  ``graphstore`` may be injected (tests); else the runtime opens the configured
    store (a missing graph gives an empty store; ``floorgraph serve`` builds it)."""
    from app.runtime import Runtime

    runtime = runtime or Runtime(config or Config.from_env())
    config = runtime.config
    app = Flask("app.web", static_folder=None, template_folder=str(WEB_DIR / "templates"))
    app.config["FLOORGRAPH"] = config
    app.json.sort_keys = False
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024  # SPARQL bodies are small

    if graphstore is not None:
        runtime.provide("graph_store", graphstore)
    graphstore = runtime.graph_store
    app.extensions["floorgraph.runtime"] = runtime
    app.extensions["floorgraph.graphstore"] = graphstore

    @app.get("/healthz")
    def healthz():
        """{"status": "warming" | "ok" | "error", "engine": "warming_up" | "ready" | "cold" |
        "unavailable", "triples", "encoder", "constructed": {part: count}}."""
        from app.web.api import warming_up

        health = runtime.health()
        engine = ("warming_up" if warming_up() else "ready" if runtime.built("engine")
                  else "unavailable" if health["status"] == "error" else "cold")
        resp = jsonify(health | {"engine": engine, "triples": len(graphstore)})
        resp.status_code = 503 if health["status"] == "error" else 200
        return resp

    # -- blueprints --------------------------------------------------------------------------
    from app.web.sparql import bp as sparql_bp

    app.register_blueprint(sparql_bp)
    for module_name, attr in OPTIONAL_BLUEPRINTS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue  # not written yet
            raise
        app.register_blueprint(getattr(module, attr))

    # -- errors: JSON for API clients, the site's HTML page for browsers -------------------------
    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if wants_html_error() and "pages" in app.blueprints:
            from flask import render_template

            resp = app.make_response((render_template(
                "error.html", status=exc.code or 500, title=exc.name,
                message=exc.description or exc.name), exc.code or 500))
        else:
            resp = error_response(exc.code or 500, exc.description or exc.name, exc.name)
        for key, value in exc.get_headers():  # keep headers such as Allow on a 405
            if key in ("Allow", "Retry-After", "WWW-Authenticate"):
                resp.headers[key] = value
        return resp

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return _http_error(exc)
        log.exception("unhandled error on %s %s", request.method, request.path)
        # the details stay in the server log: exception text can carry paths and internals
        return error_response(500, "internal error: the server could not answer this request "
                                   "(the details are in the server log)", "Internal Server Error")

    # -- security headers on every response -------------------------------------------------
    @app.after_request
    def _security_headers(resp):
        for key, value in SECURITY_HEADERS.items():
            resp.headers.setdefault(key, value)
        return resp

    # -- /sparql's plain requests skip Flask (same store call, same headers; see sparql_fast) ----
    from app.web.sparql_fast import SparqlFastPath

    app.wsgi_app = SparqlFastPath(app, app.wsgi_app, graphstore, config, SECURITY_HEADERS)

    # -- CORS -----------------------------------------------------------------------------------
    origins = _parse_origins(config.cors_origins)

    @app.after_request
    def _cors(resp):
        origin = request.headers.get("Origin")
        if not origins or not origin:
            return resp
        if "*" in origins:
            resp.headers["Access-Control-Allow-Origin"] = "*"
        elif origin.rstrip("/") in origins:
            resp.headers["Access-Control-Allow-Origin"] = origin
            resp.vary.add("Origin")
        else:
            return resp
        resp.headers["Access-Control-Expose-Headers"] = "X-Floorgraph-Truncated, X-Floorgraph-Row-Limit, X-Floorgraph-Elapsed"
        if request.method == "OPTIONS":
            resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            resp.headers["Access-Control-Allow-Headers"] = request.headers.get(
                "Access-Control-Request-Headers", "Content-Type, Accept")
            resp.headers["Access-Control-Max-Age"] = "600"
        return resp

    return app
