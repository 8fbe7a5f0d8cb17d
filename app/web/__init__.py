"""The floorgraph web service: ``create_app(config)`` builds the Flask application.

Blueprints register themselves here (SPARQL endpoint always; the other pages/APIs when their module
exists).  Every error leaves as JSON - never Flask's HTML error page - and CORS follows
``config.cors_origins`` (comma-separated origins, or ``*``).
"""
from __future__ import annotations

import importlib
import logging
import secrets
from pathlib import Path

from flask import Flask, current_app, g, jsonify, request, send_from_directory
from werkzeug.exceptions import HTTPException, NotFound

from app.config import Config

WEB_DIR = Path(__file__).resolve().parent
APP_DIR = WEB_DIR.parent
STATIC_DIR = APP_DIR / "static"
VENDOR_DIR = STATIC_DIR / "node_modules"  # npm install in app/static; served as /static/vendor/
# The built files of the npm packages the pages load - and nothing else of node_modules (no
# package manifests, sources or the rest of the dependency tree).  Add a file here to serve it.
VENDOR_ASSETS = frozenset({
    "@zazuko/yasgui/build/yasgui.min.js",
    "@zazuko/yasgui/build/yasgui.min.js.map",
    "@zazuko/yasgui/build/yasgui.min.css",
    "graphology/dist/graphology.umd.min.js",
    "sigma/dist/sigma.min.js",
})

# Content Security Policy: scripts only from this origin or carrying the per-request nonce (the
# pages' small inline bootstraps); no plugins, no framing, no foreign form targets or connections.
# Styles allow 'unsafe-inline' because YASGUI and sigma set element styles at run time.
# INLINE_HANDLER_HASHES: the one inline event handler the pages use (network.html's form).
INLINE_HANDLER_HASHES = ("'sha256-GZIcz60Uwd6wT3vaYke/atSr53TehbYAPepOa3d03Vw='",)  # "return false"
CSP = ("default-src 'self'; script-src 'self' 'nonce-{nonce}' 'unsafe-hashes' {hashes}; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
       "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def csp_nonce() -> str:
    """This request's CSP nonce (templates: ``<script nonce="{{ csp_nonce() }}">``)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce

# Optional blueprints written by other parts of the project: (module, attribute).
OPTIONAL_BLUEPRINTS = (
    ("app.web.pages", "bp"),
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


def _parse_origins(value: str) -> tuple[str, ...]:
    return tuple(o.strip().rstrip("/") for o in (value or "").split(",") if o.strip())


def create_app(config: Config | None = None, graphstore=None) -> Flask:
    """Build the app.  ``graphstore`` may be injected (tests); else it is loaded from
    ``config.graph_file`` (a missing file gives an empty store; ``floorgraph serve`` builds it)."""
    config = config or Config.from_env()
    app = Flask(
        "app.web",
        static_folder=None,  # app/static holds package.json and node_modules: served only via `vendor`
        template_folder=str(WEB_DIR / "templates"),
    )
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.config["FLOORGRAPH"] = config
    app.json.sort_keys = False
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024  # SPARQL bodies are small

    if graphstore is None:
        from app.graphstore import GraphStore

        graphstore = GraphStore.from_config(config)
    app.extensions["floorgraph.graphstore"] = graphstore

    # -- front-end libraries from npm, served locally (never a CDN) ---------------------------
    @app.get("/static/vendor/<path:filename>")
    def vendor(filename: str):
        if filename not in VENDOR_ASSETS:
            raise NotFound("no such front-end asset")
        if not VENDOR_DIR.is_dir():
            raise NotFound("front-end libraries are not installed: run `npm install` in app/static")
        return send_from_directory(VENDOR_DIR, filename)

    @app.get("/healthz")
    def healthz():
        return jsonify({"status": "ok", "triples": len(graphstore)})

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

    # -- JSON errors ----------------------------------------------------------------------------
    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
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
        resp.headers["Content-Security-Policy"] = CSP.format(nonce=csp_nonce(), hashes=" ".join(INLINE_HANDLER_HASHES))
        return resp

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
