"""Web hardening (issue 10, D11/D12): security headers on every route, only the built front-end
files served, no server paths or exception text in responses, idle connections lock no one out."""
from __future__ import annotations

import re
import threading

import pytest
import requests

from tests.conftest import LiveServer
from tests.support.slowloris import (assert_idle_sockets_do_not_lock_out_healthz,
                                     assert_slow_bodies_do_not_lock_out_healthz)

ROUTES = [
    ("GET", "/", None), ("GET", "/?q=pension", None), ("GET", "/network", None),
    ("GET", "/entity/country/JOR", None), ("GET", "/sparql", {"Accept": "text/html"}),
    ("GET", "/sparql", {"Accept": "text/turtle"}), ("GET", "/sparql?query=ASK%7B%7D", None),
    ("GET", "/sparql?query=nonsense", None), ("POST", "/sparql", {"Content-Type": "text/plain"}),
    ("GET", "/api/ask?q=Who+funds+Jordan%3F", None), ("GET", "/api/ask", None),
    ("GET", "/api/search?q=pension", None), ("GET", "/api/entities?q=Jordan", None),
    ("GET", "/api/entity/country/JOR", None), ("GET", "/api/network", None),
    ("GET", "/api/openapi.json", None), ("GET", "/healthz", None), ("GET", "/no/such/page", None),
    ("DELETE", "/api/ask", None), ("GET", "/static/vendor/sigma/dist/sigma.min.js", None),
    ("GET", "/static/web/app.css", None),
]


def _check_headers(r: requests.Response) -> None:
    h = r.headers
    csp = h.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp and "default-src 'self'" in csp
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src and "*" not in script_src
    assert h.get("X-Content-Type-Options") == "nosniff"
    assert h.get("Referrer-Policy") == "no-referrer"
    assert h.get("X-Frame-Options") == "DENY"


@pytest.mark.parametrize("method,path,headers", ROUTES)
def test_security_headers_on_every_route(web_server: LiveServer, method, path, headers):
    r = requests.request(method, web_server.url + path, headers=headers or {}, timeout=60)
    assert r.status_code < 500, (path, r.status_code, r.text[:300])
    _check_headers(r)


def test_pages_carry_no_inline_script_the_policy_would_have_to_allow(web_server: LiveServer):
    """The CSP allows scripts from this origin only; a page that needed an inline script would
    break under it, so none may carry one (JSON-LD data blocks are not executed)."""
    for path in ("/", "/?q=pension", "/network", "/sparql", "/entity/country/JOR"):
        r = requests.get(web_server.url + path, headers={"Accept": "text/html"}, timeout=30)
        inline = [attrs for attrs in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", r.text)
                  if "application/ld+json" not in attrs]
        assert not inline, (path, inline)
        assert not re.search(r"\son[a-z]+\s*=", r.text), path  # no inline event handlers


@pytest.mark.parametrize("path", [
    "/static/package.json", "/static/package-lock.json", "/static/node_modules/sigma/package.json",
    "/static/vendor/sigma/package.json", "/static/vendor/sigma/src/index.ts",
    "/static/vendor/../package.json", "/static/vendor/%2e%2e/package.json",
    "/static/vendor/@zazuko/yasgui/package.json", "/static/vendor/dompurify/dist/purify.js",
])
def test_only_the_built_front_end_files_are_served(web_server: LiveServer, path):
    r = requests.get(web_server.url + path, timeout=10)
    assert r.status_code == 404, (path, r.status_code)
    assert '"dependencies"' not in r.text


def test_no_server_paths_in_responses(web_server: LiveServer, live_server: LiveServer):
    roots = {str(web_server.config.data_dir), str(live_server.config.data_dir), "/work/", "/tmp/"}
    # live_server has only graph.nt: the API answers 503 "not built" - without naming the path
    for srv, path in [(live_server, "/api/ask?q=Who+funds+Jordan%3F"), (live_server, "/api/entities"),
                      (live_server, "/api/network?format=gexf"), (live_server, "/api/search?q=x&mode=dense"),
                      (web_server, "/api/openapi.json"), (web_server, "/sparql?query=%3F")]:
        r = requests.get(srv.url + path, timeout=60)
        assert not any(root in r.text for root in roots), (path, r.text[:300])


def test_unexpected_errors_hide_the_exception_text(web_server: LiveServer):
    app = web_server.app
    with app.test_request_context("/"):
        handler = app.error_handler_spec[None][None][Exception]
        resp = handler(RuntimeError("secret /etc/shadow detail"))
    assert resp.status_code == 500
    assert "secret" not in resp.get_data(as_text=True) and "RuntimeError" not in resp.get_data(as_text=True)


def test_slow_clients_do_not_lock_out_healthz(live_server_factory, live_config):
    """The server `serve` runs (app/web/waitress_server.py with waitress_options): 100 idle
    sockets, some having sent half a request, then 20 requests stalled half-way through their
    bodies (slowloris): /healthz still answers within a second each time."""
    from app.commands.serve import waitress_options
    from app.web import create_app
    from app.web.waitress_server import answer_inline_of, create_floorgraph_server, runs_inline_of

    app = create_app(live_config)
    server = create_floorgraph_server(app, runs_inline=runs_inline_of(app),
                                      answer_inline=answer_inline_of(app), host="127.0.0.1", port=0,
                                      **waitress_options(live_config))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    port = server.effective_port
    try:
        assert_idle_sockets_do_not_lock_out_healthz(port)
        assert_slow_bodies_do_not_lock_out_healthz(port)
    finally:
        server.close()
        app.extensions["floorgraph.graphstore"].close()
        thread.join(5)
