"""Property tests: whatever a client sends, the SPARQL endpoint and the API never answer 5xx.

Hypothesis draws hostile strings (any code point but lone surrogates, NUL and controls included),
SPARQL built from keyword soup with random nesting, sizes up to past the limits, and random IRIs
for the dataset parameters.  The only 5xx allowed is 503 *with* Retry-After (overload or a stopped
query - by design).  Example counts are small: the point is breadth per run, not depth in CI.
"""
from __future__ import annotations

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import LiveServer

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
TOKENS = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "SERVICE", "SILENT", "FROM", "NAMED", "GRAPH",
          "OPTIONAL", "UNION", "MINUS", "FILTER", "EXISTS", "NOT", "BIND", "VALUES", "LIMIT", "ORDER BY",
          "GROUP BY", "*", "?s", "?p", "?o", "<http://127.0.0.1:9/x>", "ex:a\\#x", "\\u0053ERVICE", "{", "}",
          "(", ")", ".", ";", ",", "||", "&&", "\"x\"", "'''y'''", "# c\n", "1", "PREFIX ex: <http://e/>",
          "INSERT DATA", "LOAD", "regex(?o, \"(a+)+\")", "COUNT(*)", "AS", "?n"]
SPARQLISH = st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join)


@st.composite
def nested_query(draw):
    depth = draw(st.integers(0, 3000))
    opener, closer = draw(st.sampled_from([("(", ")"), ("{", "}"), ("OPTIONAL { ?s ?p ?o ", "}"),
                                           ("FILTER EXISTS { ?s ?p ?o ", "}")]))
    inner = "1" if opener == "(" else "?s ?p ?o"
    body = opener * depth + inner + closer * draw(st.integers(0, depth))
    return f"SELECT * WHERE {{ ?s ?p ?o FILTER({body}) }}" if opener == "(" else f"SELECT * WHERE {{ {body} }}"


QUERIES = st.one_of(TEXT, SPARQLISH, nested_query(),
                    st.integers(0, 60_000).map(lambda n: "SELECT * WHERE { ?s ?p ?o FILTER(?o = \"" + "a" * n + "\") }"))
IRIS = st.one_of(TEXT, st.from_regex(r"\A[a-z]{1,8}:[^\s]{0,40}\Z"), st.just("http://x/%zz"), st.just(":"))
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


def _ok(r: requests.Response) -> bool:
    return r.status_code < 500 or (r.status_code == 503 and "Retry-After" in r.headers)


@SETTINGS
@given(query=QUERIES, how=st.sampled_from(["get", "form", "direct"]))
def test_sparql_never_5xx(live_server: LiveServer, query, how):
    if how == "get":
        r = requests.get(live_server.sparql, params={"query": query}, timeout=60)
    elif how == "form":
        r = requests.post(live_server.sparql, data={"query": query}, timeout=60)
    else:
        r = requests.post(live_server.sparql, data=query.encode("utf-8"), timeout=60,
                          headers={"Content-Type": "application/sparql-query"})
    assert _ok(r), (r.status_code, r.text[:300])


@SETTINGS
@given(default=st.lists(IRIS, max_size=3), named=st.lists(IRIS, max_size=3))
def test_sparql_dataset_iris_never_5xx(live_server: LiveServer, default, named):
    r = requests.get(live_server.sparql, timeout=60,
                     params={"query": "ASK { ?s ?p ?o }", "default-graph-uri": default, "named-graph-uri": named})
    assert _ok(r), (r.status_code, r.text[:300])


@settings(max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(q=st.one_of(TEXT, st.integers(0, 5000).map(lambda n: "Who funds " * n)),
       endpoint=st.sampled_from(["/api/ask", "/api/search", "/api/entities", "/"]),
       extra=st.dictionaries(st.sampled_from(["k", "mode", "limit", "type"]), TEXT, max_size=2))
def test_api_never_5xx(web_server: LiveServer, q, endpoint, extra):
    r = requests.get(web_server.url + endpoint, params={"q": q, **extra}, timeout=120)
    assert _ok(r), (endpoint, r.status_code, r.text[:300])


@settings(max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(path=TEXT)
def test_entity_paths_never_5xx(web_server: LiveServer, path):
    for prefix in ("/api/entity/", "/entity/", "/static/vendor/"):
        r = requests.get(web_server.url + prefix + requests.utils.quote(path, safe=""), timeout=60)
        assert _ok(r), (prefix, path, r.status_code, r.text[:300])
