"""The SPARQL 1.1 endpoint against a live server, with real clients: SPARQLWrapper, rdflib's
SPARQLStore and plain HTTP (requests, i.e. what curl does)."""
from __future__ import annotations

import csv
import io
import json
import threading
import time

import pytest
import requests
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.conftest import FILLER, TEST_ROW_LIMIT, TEST_TIMEOUT_S

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FG = "https://w3id.org/floorgraph/ontology#"
PREFIX = f"PREFIX fg: <{FG}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
FUNDED_BY_NL = PREFIX + """SELECT ?c ?label WHERE {
  ?c a fg:Country ; fg:fundedBy ?o ; skos:prefLabel ?label .
  ?o skos:prefLabel ?ol FILTER(CONTAINS(STR(?ol), "Netherlands")) } ORDER BY ?label"""
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def wrapper(server, fmt, query):
    sw = SPARQLWrapper(server.sparql)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


# -- SPARQLWrapper ----------------------------------------------------------------------------
def test_sparqlwrapper_select_json(live_server):
    res = wrapper(live_server, JSON, FUNDED_BY_NL).query().convert()
    assert res["head"]["vars"] == ["c", "label"]
    labels = [b["label"]["value"] for b in res["results"]["bindings"]]
    assert labels == ["Ethiopia", "Jordan"]
    assert res["results"]["bindings"][0]["label"]["xml:lang"] == "en"
    assert res["results"]["bindings"][0]["c"]["type"] == "uri"


def test_sparqlwrapper_select_xml(live_server):
    doc = wrapper(live_server, XML, FUNDED_BY_NL).query().convert()  # xml.dom.minidom document
    values = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert values == ["Ethiopia", "Jordan"]


def test_sparqlwrapper_select_csv(live_server):
    raw = wrapper(live_server, CSV, FUNDED_BY_NL).query().convert()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0] == ["c", "label"]
    assert [r[1] for r in rows[1:]] == ["Ethiopia", "Jordan"]


def test_sparqlwrapper_select_tsv(live_server):
    raw = wrapper(live_server, TSV, FUNDED_BY_NL).query().convert().decode("utf-8")
    lines = raw.strip().split("\n")
    assert lines[0] == "?c\t?label"
    assert lines[1].split("\t") == ["<https://w3id.org/floorgraph/id/country/ETH>", '"Ethiopia"@en']


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(live_server, fmt):
    yes = wrapper(live_server, fmt, PREFIX + "ASK { ?c fg:ratified ?i }").query().convert()
    no = wrapper(live_server, fmt, PREFIX + "ASK { ?c fg:ratified ?c }").query().convert()
    if fmt == JSON:
        assert yes["boolean"] is True and no["boolean"] is False
    else:
        assert yes.getElementsByTagName("boolean")[0].firstChild.data == "true"
        assert no.getElementsByTagName("boolean")[0].firstChild.data == "false"


CONSTRUCT = PREFIX + "CONSTRUCT { ?c fg:fundedBy ?o } WHERE { ?c fg:fundedBy ?o }"


def _check_funding_graph(g: Graph):
    assert len(g) == 3
    assert (URIRef("https://w3id.org/floorgraph/id/country/JOR"), URIRef(FG + "fundedBy"),
            URIRef("https://w3id.org/floorgraph/id/organization/netherlands")) in g


def test_sparqlwrapper_construct_turtle(live_server):
    res = wrapper(live_server, TURTLE, CONSTRUCT).query()
    assert res.info()["content-type"].startswith("text/turtle")
    _check_funding_graph(Graph().parse(data=res.convert(), format="turtle"))


def test_sparqlwrapper_construct_ntriples(live_server):
    sw = wrapper(live_server, N3, CONSTRUCT)
    sw.addCustomHttpHeader("Accept", "application/n-triples")
    sw.setOnlyConneg(True)
    res = sw.query()
    assert res.info()["content-type"].startswith("application/n-triples")
    _check_funding_graph(Graph().parse(data=res.convert(), format="nt"))


def test_sparqlwrapper_construct_jsonld(live_server):
    res = wrapper(live_server, JSONLD, CONSTRUCT).query()
    assert res.info()["content-type"].startswith("application/ld+json")
    _check_funding_graph(res.convert())  # SPARQLWrapper parses JSON-LD into an rdflib Graph


def test_sparqlwrapper_malformed_raises_with_parser_message(live_server):
    with pytest.raises(QueryBadFormed) as exc:
        wrapper(live_server, JSON, "SELECT * WHERE { ?s ?p ").query()
    assert "error at" in str(exc.value)


# -- rdflib SPARQLStore -------------------------------------------------------------------------
def test_rdflib_sparqlstore(live_server):
    g = Graph(store=SPARQLStore(query_endpoint=live_server.sparql))
    rows = list(g.query(FUNDED_BY_NL))
    assert [str(r.label) for r in rows] == ["Ethiopia", "Jordan"]
    assert rows[0].label == Literal("Ethiopia", lang="en")
    assert g.query(PREFIX + "ASK { ?c fg:memberOf ?i }").askAnswer is True
    constructed = g.query(CONSTRUCT).graph
    _check_funding_graph(constructed)


# -- plain HTTP (what curl does) ------------------------------------------------------------------
def test_service_description_on_plain_get(live_server):
    r = requests.get(live_server.sparql)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    svc = next(g.subjects(predicate=SD.endpoint))
    assert (svc, SD.endpoint, URIRef(live_server.sparql)) in g
    assert (svc, SD.supportedLanguage, SD.SPARQL11Query) in g
    formats = {str(f).rsplit("/", 1)[-1] for f in g.objects(svc, SD.resultFormat)}
    assert {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
            "Turtle", "N-Triples", "JSON-LD"} <= formats
    r = requests.get(live_server.sparql, headers={"Accept": "application/ld+json"})
    assert r.headers["Content-Type"].startswith("application/ld+json") and json.loads(r.text)


def test_yasgui_page_served_locally(live_server):
    r = requests.get(live_server.sparql, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    html = r.text
    import re

    assets = re.findall(r'(?:src|href)="(/assets/[0-9a-f]{12}/yasgui\.(?:js|css))"', html)
    assert len(assets) == 2, assets
    assert "cdn" not in html.lower() and 'src="http' not in html and not re.search(r'<link[^>]+href="http', html)
    assert "Countries funded by the Netherlands" in html and "C102 ratifications by year" in html
    for asset in assets:
        a = requests.get(f"{live_server.url}{asset}")
        if a.status_code == 404:
            pytest.skip("npm packages not installed in app/static")
        assert a.status_code == 200 and len(a.content) > 10_000


@pytest.mark.parametrize("fmt,ctype", [("json", "application/sparql-results+json"),
                                        ("xml", "application/sparql-results+xml"),
                                        ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_format_parameter_select(live_server, fmt, ctype):
    r = requests.get(live_server.sparql, params={"query": FUNDED_BY_NL, "format": fmt})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(ctype)
    assert "Ethiopia" in r.text


@pytest.mark.parametrize("fmt,ctype,rdflib_fmt", [("turtle", "text/turtle", "turtle"),
                                                   ("ntriples", "application/n-triples", "nt"),
                                                   ("jsonld", "application/ld+json", "json-ld")])
def test_format_parameter_construct(live_server, fmt, ctype, rdflib_fmt):
    r = requests.post(live_server.sparql, data={"query": CONSTRUCT, "format": fmt})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(ctype)
    _check_funding_graph(Graph().parse(data=r.text, format=rdflib_fmt))


def test_accept_q_values(live_server):
    r = requests.get(live_server.sparql, params={"query": FUNDED_BY_NL},
                     headers={"Accept": "application/sparql-results+json;q=0.5, text/csv;q=0.9, */*;q=0.1"})
    assert r.headers["Content-Type"].startswith("text/csv")
    r = requests.get(live_server.sparql, params={"query": CONSTRUCT},
                     headers={"Accept": "text/turtle;q=0.2, application/n-triples"})
    assert r.headers["Content-Type"].startswith("application/n-triples")
    r = requests.get(live_server.sparql, params={"query": FUNDED_BY_NL})  # */* -> JSON
    assert r.headers["Content-Type"].startswith("application/sparql-results+json")
    assert r.headers["Vary"] == "Accept"


def test_post_direct_and_form(live_server):
    q = PREFIX + "SELECT (COUNT(*) AS ?n) { ?c fg:ratified ?i }"
    direct = requests.post(live_server.sparql, data=q.encode(), headers={"Content-Type": "application/sparql-query"})
    form = requests.post(live_server.sparql, data={"query": q})
    for r in (direct, form):
        assert r.status_code == 200
        assert r.json()["results"]["bindings"][0]["n"]["value"] == "4"


def test_protocol_dataset_params(live_server):
    # the default graph holds the data; naming a (missing) graph as default empties it
    q = "ASK { ?s ?p ?o }"
    assert requests.get(live_server.sparql, params={"query": q}).json()["boolean"] is True
    r = requests.get(live_server.sparql, params={"query": q, "default-graph-uri": "http://example.org/none"})
    assert r.json()["boolean"] is False


def test_row_limit_truncates_and_says_so(live_server):
    q = "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o }"
    r = requests.get(live_server.sparql, params={"query": q})
    assert r.status_code == 200
    assert r.headers["X-Floorgraph-Truncated"] == "true"
    assert r.headers["X-Floorgraph-Row-Limit"] == str(TEST_ROW_LIMIT)
    body = r.json()
    assert len(body["results"]["bindings"]) == TEST_ROW_LIMIT
    assert body["floorgraph"]["truncated"] is True and "truncated" in body["floorgraph"]["note"]
    small = requests.get(live_server.sparql, params={"query": q + " LIMIT 5"})
    assert small.headers["X-Floorgraph-Truncated"] == "false" and "floorgraph" not in small.json()


def test_malformed_query_400_with_parser_message(live_server):
    r = requests.get(live_server.sparql, params={"query": "SELECT * WHERE { ?s ?p "})
    assert r.status_code == 400
    assert r.headers["Content-Type"].startswith("application/json")
    assert "error at 1:" in r.json()["message"]


@pytest.mark.parametrize("kind,kwargs", [
    ("direct", dict(data=b"INSERT DATA { <http://a> <http://b> <http://c> }",
                    headers={"Content-Type": "application/sparql-update"})),
    ("form", dict(data={"update": "CLEAR ALL"})),
    ("query-param", dict(data={"query": "INSERT DATA { <http://a> <http://b> <http://c> }"})),
    ("load", dict(data={"query": "LOAD <http://example.org/data.ttl>"})),
])
def test_update_refused(live_server, kind, kwargs):
    before = requests.get(live_server.sparql, params={"query": "SELECT (COUNT(*) AS ?n) {?s ?p ?o}"}).json()
    r = requests.post(live_server.sparql, **kwargs)
    assert 400 <= r.status_code < 500
    assert "read-only" in r.json()["message"]
    after = requests.get(live_server.sparql, params={"query": "SELECT (COUNT(*) AS ?n) {?s ?p ?o}"}).json()
    assert before == after


def test_update_refused_via_sparqlwrapper(live_server):
    from urllib.error import HTTPError

    sw = SPARQLWrapper(live_server.sparql)
    sw.setMethod("POST")
    sw.setQuery("INSERT DATA { <http://a> <http://b> <http://c> }")
    with pytest.raises(HTTPError) as exc:
        sw.query()
    assert exc.value.code == 403


def test_service_refused(live_server):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    r = requests.get(live_server.sparql, params={"query": q})
    assert r.status_code == 403 and "SERVICE" in r.json()["message"]
    # the word inside an IRI or a comment is not a SERVICE clause
    ok = requests.get(live_server.sparql, params={"query": "ASK { ?s <http://x/SERVICE> ?o } # SERVICE"})
    assert ok.status_code == 200


@pytest.mark.parametrize("method,kwargs", [
    ("get", dict(params={"query": "ASK {}", "update": "CLEAR ALL"})),
    ("post", dict(data={"query": "ASK {}", "update": "CLEAR ALL"})),
    ("post", dict(data={"default-graph-uri": "http://example.org/g"})),
    ("get", dict(params=[("query", "ASK {}"), ("query", "ASK {}")])),
])
def test_bad_requests_400(live_server, method, kwargs):
    r = getattr(requests, method)(live_server.sparql, **kwargs)
    assert r.status_code == 400, r.text
    assert r.json()["message"]


def test_wrong_media_type_and_method(live_server):
    r = requests.post(live_server.sparql, data=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415 and r.json()["error"]
    r = requests.put(live_server.sparql, params={"query": "ASK {}"})
    assert r.status_code == 405 and r.headers["Content-Type"].startswith("application/json")


@pytest.mark.embedded_only
def test_timeout_stops_runaway_query_while_others_answer(live_server):
    assert FILLER ** 5 > 10**9  # the cross product cannot finish within the limit
    result: dict = {}

    def runaway():
        t0 = time.monotonic()
        r = requests.get(live_server.sparql, params={"query": PATHOLOGICAL}, timeout=60)
        result["status"], result["elapsed"], result["body"] = r.status_code, time.monotonic() - t0, r.json()

    th = threading.Thread(target=runaway)
    th.start()
    time.sleep(0.3)  # the runaway query is now running in a worker
    t0 = time.monotonic()
    r = requests.get(live_server.sparql, params={"query": FUNDED_BY_NL}, timeout=10)
    simple_elapsed = time.monotonic() - t0
    th.join(30)
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 2
    assert simple_elapsed < 1.0, simple_elapsed
    assert result["status"] == 503
    assert "time limit" in result["body"]["message"]
    assert TEST_TIMEOUT_S <= result["elapsed"] < TEST_TIMEOUT_S + 3
    # the server recovers: the killed worker is replaced
    time.sleep(1.0)
    for _ in range(3):
        assert requests.get(live_server.sparql, params={"query": "ASK {}"}).json()["boolean"] is True


def test_cors(live_server):
    r = requests.get(live_server.sparql, params={"query": "ASK {}"}, headers={"Origin": "http://allowed.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "http://allowed.example"
    pre = requests.options(live_server.sparql, headers={"Origin": "http://allowed.example",
                                                        "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 200 and "POST" in pre.headers["Access-Control-Allow-Methods"]
    other = requests.get(live_server.sparql, params={"query": "ASK {}"}, headers={"Origin": "http://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_example_queries_run(live_server):
    from app.web.sparql import EXAMPLE_QUERIES

    expected = {"Countries funded by the Netherlands": 2, "C102 ratifications by year": 3,
                "Organisations per initiative": 1}
    assert len(EXAMPLE_QUERIES) >= 12 and len({ex["topic"] for ex in EXAMPLE_QUERIES}) >= 4
    for ex in EXAMPLE_QUERIES:
        assert ex["explanation"], ex["name"]
        r = requests.post(live_server.sparql, data={"query": ex["query"]}, headers={"Accept": "application/json"})
        assert r.status_code == 200, (ex["name"], r.text)
        if ex["name"] in expected:
            assert len(r.json()["results"]["bindings"]) == expected[ex["name"]], ex["name"]
    by_name = {ex["name"]: ex for ex in EXAMPLE_QUERIES}
    c102 = requests.post(live_server.sparql, data={"query": by_name["C102 ratifications by year"]["query"]}).json()
    by_year = {b["year"]["value"]: int(b["ratifications"]["value"]) for b in c102["results"]["bindings"]}
    assert by_year == {"1962": 1, "2014": 1, "2022": 2}


def test_no_html_errors(live_server):
    r = requests.get(live_server.url + "/definitely/not/here")
    assert r.status_code == 404 and r.headers["Content-Type"].startswith("application/json")
