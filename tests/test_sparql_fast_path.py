"""The thin WSGI path for plain /sparql requests (app/web/sparql_fast.py) answers exactly what the
Flask endpoint answers - body, status, headers, refusals - and really is taken (the Flask view is
not called), while anything unusual still reaches Flask."""
from __future__ import annotations

import json

import pytest
import requests

from tests.test_sparql_endpoint import FUNDED_BY_NL

SKIP = {"Date", "X-Floorgraph-Elapsed", "Server"}
JSON_RESULTS = {"Accept": "application/sparql-results+json"}


@pytest.fixture
def flask_calls(live_server, monkeypatch):
    """How many requests reached the Flask /sparql view."""
    calls = []
    view = live_server.app.view_functions["sparql.endpoint"]

    def counted(*args, **kwargs):
        calls.append(1)
        return view(*args, **kwargs)

    monkeypatch.setitem(live_server.app.view_functions, "sparql.endpoint", counted)
    return calls


def _headers(resp) -> dict:
    return {k: v for k, v in resp.headers.items() if k not in SKIP}


def test_plain_requests_skip_flask_and_answer_as_it_does(live_server, flask_calls):
    fast = [requests.post(live_server.sparql, data={"query": FUNDED_BY_NL}, headers=JSON_RESULTS),
            requests.get(live_server.sparql, params={"query": FUNDED_BY_NL}, headers=JSON_RESULTS),
            requests.post(live_server.sparql, data=FUNDED_BY_NL.encode(),
                          headers=JSON_RESULTS | {"Content-Type": "application/sparql-query"})]
    assert flask_calls == []
    # format=json sends the same request through Flask (the fast path leaves parameters to it)
    slow = requests.post(live_server.sparql, data={"query": FUNDED_BY_NL, "format": "json"}, headers=JSON_RESULTS)
    assert flask_calls == [1]
    for resp in fast:
        assert resp.status_code == slow.status_code == 200
        assert resp.content == slow.content
        assert _headers(resp) == _headers(slow)
    labels = [b["label"]["value"] for b in fast[0].json()["results"]["bindings"]]
    assert labels == ["Ethiopia", "Jordan"]
    assert "default-src 'self'" in fast[0].headers["Content-Security-Policy"]


@pytest.mark.parametrize("query, status", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 403),
    ("SELECT * WHERE { ?s ?p }", 400),
])
def test_refusals_on_the_fast_path_equal_flasks(live_server, flask_calls, query, status):
    fast = requests.post(live_server.sparql, data={"query": query}, headers=JSON_RESULTS)
    assert flask_calls == []
    slow = requests.post(live_server.sparql, data={"query": query, "format": "json"}, headers=JSON_RESULTS)
    assert flask_calls == [1]
    assert fast.status_code == slow.status_code == status
    assert fast.json() == slow.json() and fast.json()["status"] == status
    assert _headers(fast) == _headers(slow)


@pytest.mark.parametrize("kwargs", [
    dict(method="GET", headers={"Accept": "text/html"}),  # the editor page
    dict(method="POST", headers={"Origin": "http://allowed.example"}),  # CORS
    dict(method="POST", data={"query": FUNDED_BY_NL, "default-graph-uri": "http://example.org/g"}),
    dict(method="POST", data={"query": " "}),  # the protocol's own error
    dict(method="POST", data={"update": "CLEAR ALL"}),
])
def test_anything_unusual_reaches_flask(live_server, flask_calls, kwargs):
    kwargs = dict(kwargs)
    method = kwargs.pop("method")
    if method == "GET":
        kwargs["params"] = {"query": FUNDED_BY_NL}
    else:
        kwargs.setdefault("data", {"query": FUNDED_BY_NL})
    resp = requests.request(method, live_server.sparql, **kwargs)
    assert flask_calls == [1]
    assert resp.status_code < 500
    if "Origin" in kwargs.get("headers", {}):
        assert resp.headers["Access-Control-Allow-Origin"] == "http://allowed.example"
    if kwargs.get("data", {}).get("update"):
        assert resp.status_code == 403 and "read-only" in json.loads(resp.content)["message"]


@pytest.mark.embedded_only  # only the embedded store proves a query cheap (runs_inline is never true otherwise)
def test_what_the_inline_decision_read_is_reused_only_for_the_same_url(live_server):
    """runs_inline leaves what it read (query, formats, base IRI) in the environ for the run; a
    middleware that rewrites the host between the decision and the app (proxy headers) must not
    get an answer computed for the old base IRI."""
    from werkzeug.test import EnvironBuilder

    app = live_server.app
    query = "SELECT ?x WHERE { BIND(<thing> AS ?x) }"

    def environ(host):
        return EnvironBuilder(path="/sparql", method="POST", data={"query": query}, headers=JSON_RESULTS,
                              base_url=f"http://{host}/").get_environ()

    def answer(env):
        out = []
        body = b"".join(app(env, lambda status, headers, exc_info=None: out.append(status)))
        assert out == ["200 OK"], (out, body[:200])
        return [b["x"]["value"].rsplit("/", 1)[0] for b in json.loads(body)["results"]["bindings"]]

    def decided_inline():
        """A worker proves the request cheap, then it runs in-process. On a loaded machine a run
        may exceed the 25 ms budget and send it back to the workers (app/sparql_cheap.py), so
        answer until it is proven again rather than a fixed number of times: for up to 60 seconds,
        since a CI run once spent 50 answers inside a burst of load (the app's warm-up beside it)."""
        import time

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            env = environ("decided.example")
            if app.wsgi_app.runs_inline(env):
                return env
            assert answer(env) == ["http://decided.example"]
            time.sleep(0.01)
        pytest.fail("never proven cheap in 60 seconds of answers")

    env = decided_inline()
    assert answer(env) == ["http://decided.example"]  # the decision's reading, reused
    env = decided_inline()
    env["HTTP_HOST"] = "rewritten.example"
    assert answer(env) == ["http://rewritten.example"]
