"""The floorgraph web service: ``create_app(config)`` builds the Flask application.

Blueprints register themselves here (SPARQL endpoint always; the other pages/APIs when their module
exists).  Every error leaves as JSON - never Flask's HTML error page - and CORS follows
``config.cors_origins`` (comma-separated origins, or ``*``).
"""
from __future__ import annotations

import importlib
import logging
from pathlib import Path

from flask import Flask, current_app, jsonify, request, send_from_directory
from werkzeug.exceptions import HTTPException, NotFound

from app.config import Config

WEB_DIR = Path(__file__).resolve().parent
APP_DIR = WEB_DIR.parent
STATIC_DIR = APP_DIR / "static"
VENDOR_DIR = STATIC_DIR / "node_modules"  # npm install in app/static; served as /static/vendor/

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


def create_app(config: Config | None = None, graphstore=None, runtime=None) -> Flask:
    """Build the app over ``runtime`` (``app.runtime.Runtime``, one per process: every heavy part
    comes from it).  ``graphstore`` may be injected (tests); else the runtime opens the configured
    store (a missing graph gives an empty store; ``floorgraph serve`` builds it)."""
    from app.runtime import Runtime

    runtime = runtime or Runtime(config or Config.from_env())
    config = runtime.config
    app = Flask(
        "app.web",
        static_folder=str(STATIC_DIR),
        static_url_path="/static",
        template_folder=str(WEB_DIR / "templates"),
    )
    app.config["FLOORGRAPH"] = config
    app.json.sort_keys = False
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024  # SPARQL bodies are small

    if graphstore is not None:
        runtime.provide("graph_store", graphstore)
    graphstore = runtime.graph_store
    app.extensions["floorgraph.runtime"] = runtime
    app.extensions["floorgraph.graphstore"] = graphstore

    # -- front-end libraries from npm, served locally (never a CDN) ---------------------------
    @app.get("/static/vendor/<path:filename>")
    def vendor(filename: str):
        if not VENDOR_DIR.is_dir():
            raise NotFound("front-end libraries are not installed: run `npm install` in app/static")
        return send_from_directory(VENDOR_DIR, filename)

    @app.get("/healthz")
    def healthz():
        """{"status": "warming" | "ok" | "error", "triples", "encoder", "constructed": {part: count}}."""
        health = runtime.health()
        resp = jsonify(health | {"triples": len(graphstore)})
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
        return error_response(500, f"internal error: {type(exc).__name__}: {exc}", "Internal Server Error")

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
