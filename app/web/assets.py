"""Static assets: only the built files the pages use, fingerprinted, compressed and cached for a year.

Why a whitelist instead of serving ``app/static/node_modules`` (or ``app/static``) as a folder: a
folder route also serves ``package.json``, lock files, sources and every transitive dependency, and
cannot give long cache lifetimes safely.  Here every asset has a public name, its URL carries a
digest of its content (``/assets/<digest>/<name>``), so a changed file gets a new URL and the old
one may be cached ``immutable``; responses are gzip- (or brotli-, when the ``brotli`` module is
installed) compressed once and kept in memory.

Adding a front-end library: ``npm install`` it in ``app/static`` and add its built file to
:data:`VENDOR_ASSETS`; own scripts and styles in ``app/web/static/`` are picked up by name.
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Response, abort, request, url_for

WEB_STATIC = Path(__file__).resolve().parent / "static"
NODE_MODULES = Path(__file__).resolve().parent.parent / "static" / "node_modules"

# public name -> file under app/static/node_modules (the built, minified distribution only)
VENDOR_ASSETS: dict[str, str] = {
    "graphology.js": "graphology/dist/graphology.umd.min.js",
    "sigma.js": "sigma/dist/sigma.min.js",
    "yasgui.js": "@zazuko/yasgui/build/yasgui.min.js",
    "yasgui.css": "@zazuko/yasgui/build/yasgui.min.css",
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "topojson-client.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "d3.js": "d3/dist/d3.min.js",
    "plot.js": "@observablehq/plot/dist/plot.umd.min.js",
}
OWN_SUFFIXES = (".js", ".css", ".svg", ".ico", ".png")
MAX_AGE = 365 * 24 * 3600
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")

try:  # optional: brotli is smaller, gzip is always there
    import brotli  # type: ignore
except ImportError:  # pragma: no cover - depends on the installation
    brotli = None

bp = Blueprint("assets", __name__)


@dataclass(frozen=True)
class Asset:
    name: str
    path: Path
    digest: str
    mimetype: str
    body: bytes
    gzip: bytes | None
    br: bytes | None


_CACHE: dict[str, tuple[float, Asset]] = {}
_LOCK = threading.Lock()


def asset_path(name: str) -> Path | None:
    """The file behind a public asset name, or None when the name is not whitelisted."""
    if name in VENDOR_ASSETS:
        return NODE_MODULES / VENDOR_ASSETS[name]
    if "/" in name or "\\" in name or name.startswith(".") or not name.endswith(OWN_SUFFIXES):
        return None
    p = WEB_STATIC / name
    return p if p.is_file() else None


def load(name: str) -> Asset | None:
    """The asset, read and compressed once (re-read when the file changes on disk)."""
    path = asset_path(name)
    if path is None or not path.is_file():
        return None
    mtime = path.stat().st_mtime
    with _LOCK:
        hit = _CACHE.get(name)
        if hit and hit[0] == mtime:
            return hit[1]
    body = path.read_bytes()
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if name.endswith(".js"):
        mimetype = "text/javascript"
    compress = mimetype.startswith(COMPRESSIBLE) and len(body) > 512
    asset = Asset(name=name, path=path, digest=hashlib.sha256(body).hexdigest()[:12], mimetype=mimetype,
                  body=body, gzip=gzip.compress(body, 9, mtime=0) if compress else None,
                  br=brotli.compress(body) if (compress and brotli) else None)
    with _LOCK:
        _CACHE[name] = (mtime, asset)
    return asset


def asset_url(name: str) -> str:
    """The fingerprinted URL of a whitelisted asset (for templates: ``{{ asset('sigma.js') }}``)."""
    a = load(name)
    return url_for("assets.serve", digest=a.digest if a else "missing", name=name)


def _accepts(encoding: str) -> bool:
    return encoding in request.accept_encodings and request.accept_encodings[encoding] > 0


@bp.get("/assets/<digest>/<name>")
def serve(digest: str, name: str):
    a = load(name)
    if a is None:
        abort(404, description=f"no asset named {name!r}")
    body, encoding = a.body, None
    if a.br is not None and _accepts("br"):
        body, encoding = a.br, "br"
    elif a.gzip is not None and _accepts("gzip"):
        body, encoding = a.gzip, "gzip"
    resp = Response(body, mimetype=a.mimetype)
    if a.mimetype.startswith(("text/", "application/json")):
        resp.charset = "utf-8"
    if encoding:
        resp.headers["Content-Encoding"] = encoding
    resp.vary.add("Accept-Encoding")
    resp.set_etag(a.digest + (f"-{encoding}" if encoding else ""))
    if digest == a.digest:
        resp.headers["Cache-Control"] = f"public, max-age={MAX_AGE}, immutable"
    else:  # an old or hand-made URL: serve the current file, but do not let it stick
        resp.headers["Cache-Control"] = "no-cache"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp.make_conditional(request)


@bp.app_context_processor
def _asset_helper():
    return {"asset": asset_url}


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico whatever the page says; answer with the SVG icon."""
    a = load("favicon.svg")
    if a is None:
        abort(404)
    resp = Response(a.body, mimetype="image/svg+xml")
    resp.headers["Cache-Control"] = "public, max-age=86400"
    return resp
