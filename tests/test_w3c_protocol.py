"""W3C SPARQL 1.1 Protocol tests (manifest in /work/shared/w3c/sparql11-protocol or
$FLOORGRAPH_W3C_PROTOCOL_DIR) against a live floorgraph endpoint.

The manifest is parsed with rdflib; each mf:ProtocolTest's ht:Requests are sent as written (paths
``/sparql/...`` are re-rooted at the endpoint).  A separate app instance serves the tests' data:
every ut:graphData file is loaded as the named graph its rdfs:label names.  The endpoint is
read-only, so the tests whose update must *succeed* are reported as "refused by design" and
asserted to be refused with a 4xx; every other test (query side and the bad-request tests) must pass.
"""
from __future__ import annotations

import json
import os
import xml.dom.minidom
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

# The manifest travels in shared/ beside the checkout (CI clones elsewhere with a copy beside it).
_CANDIDATES = [Path(__file__).resolve().parents[2] / "shared" / "w3c" / "sparql11-protocol",
               Path("/work/shared/w3c/sparql11-protocol")]
W3C_DIR = Path(os.environ.get("FLOORGRAPH_W3C_PROTOCOL_DIR")
               or next((c for c in _CANDIDATES if (c / "manifest.ttl").exists()), _CANDIDATES[0]))
MANIFEST = W3C_DIR / "manifest.ttl"

pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason=f"W3C manifest not found at {MANIFEST}")


@dataclass
class Req:
    method: str
    path: str
    headers: dict
    body: bytes | None
    statuses: set  # {"2xx", "3xx", "4xx", ...}
    fmt: str | None
    boolean: bool | None


@dataclass
class ProtocolTest:
    name: str
    label: str
    requests: list
    graph_data: list = field(default_factory=list)  # (file, graph IRI)

    @property
    def is_update(self) -> bool:
        """An update the test expects to *succeed* (needs a writable endpoint)."""
        first = self.requests[0]
        is_upd = (first.headers.get("content-type", "").startswith("application/sparql-update")
                  or (first.body or b"").startswith(b"update="))
        return is_upd and bool(first.statuses & {"2xx", "3xx"})


def load_manifest() -> list[ProtocolTest]:
    g = Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    entries = list(Collection(g, g.value(manifest, MF.entries)))
    tests = []
    for entry in entries:
        if (entry, RDF.type, MF.ProtocolTest) not in g:
            continue
        action = g.value(entry, MF.action)
        reqs = []
        for r in Collection(g, g.value(action, HT.requests)):
            headers = {}
            hl = g.value(r, HT.headers)
            if hl is not None:
                for h in Collection(g, hl):
                    headers[str(g.value(h, HT.fieldName)).lower()] = str(g.value(h, HT.fieldValue))
            body = None
            b = g.value(r, HT.body)
            if b is not None:
                enc = str(g.value(b, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(b, CNT.chars)).encode(enc)
            resp = g.value(r, HT.resp)
            statuses = {str(s).rsplit("StatusCode", 1)[-1] for s in g.objects(resp, MF.expectedStatus)}
            fmt = g.value(resp, MF.expectedFormat)
            boolean = g.value(resp, MF.expectedBoolean)
            reqs.append(Req(method=str(g.value(r, HT.methodName)), path=str(g.value(r, HT.absolutePath)),
                            headers=headers, body=body, statuses=statuses,
                            fmt=str(fmt) if fmt is not None else None,
                            boolean=boolean.toPython() if boolean is not None else None))
        data = []
        for gd in g.objects(entry, UT.graphData):
            data.append((Path(str(g.value(gd, UT.graph)).replace("file://", "")), str(g.value(gd, RDFS.label))))
        tests.append(ProtocolTest(name=str(entry).rsplit("#", 1)[-1], label=str(g.value(entry, MF.name)),
                                  requests=reqs, graph_data=data))
    return tests


TESTS = load_manifest() if MANIFEST.exists() else []


def _status_class(code: int) -> str:
    return f"{code // 100}xx"


def check_response(req: Req, resp: requests.Response) -> str | None:
    """None if the response meets the request's expectations, else why not."""
    if _status_class(resp.status_code) not in req.statuses:
        return f"status {resp.status_code}, expected {sorted(req.statuses)}: {resp.text[:200]}"
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
    if req.fmt == "boolean":
        if ctype in ("application/sparql-results+json", "application/json"):
            value = json.loads(resp.text).get("boolean")
        elif ctype in ("application/sparql-results+xml", "application/xml", "text/xml"):
            nodes = xml.dom.minidom.parseString(resp.content).getElementsByTagName("boolean")
            value = {"true": True, "false": False}.get(nodes[0].firstChild.data.strip()) if nodes else None
        else:
            return f"boolean result in unexpected media type {ctype!r}"
        if value is None:
            return "no boolean in the response"
        if req.boolean is not None and value != req.boolean:
            return f"boolean {value}, expected {req.boolean}"
    elif req.fmt == "tabular":
        if ctype not in ("application/sparql-results+json", "application/sparql-results+xml",
                         "text/csv", "text/tab-separated-values"):
            return f"tabular result in unexpected media type {ctype!r}"
    elif req.fmt == "RDF":
        rdflib_fmt = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt",
                      "text/plain": "nt"}.get(ctype)
        if rdflib_fmt is None:
            return f"RDF result in unexpected media type {ctype!r} (expected RDF/XML, Turtle, N-Triples)"
        Graph().parse(data=resp.content, format=rdflib_fmt)
    return None


def send(server, req: Req) -> requests.Response:
    assert req.path.startswith("/sparql/")
    url = server.sparql + req.path[len("/sparql"):]  # "/sparql/?x" -> endpoint + "/?x"
    return requests.request(req.method, url, data=req.body, headers=req.headers, timeout=30)


@pytest.fixture(scope="module")
def w3c_server(live_server_factory, tmp_path_factory):
    from app.config import Config
    from app.graphstore import GraphStore

    data_dir = tmp_path_factory.mktemp("w3c-data")
    store = GraphStore(workers=2)
    seen = set()
    for t in TESTS:
        for path, graph in t.graph_data:
            if (path.name, graph) not in seen:
                seen.add((path.name, graph))
                store.load(W3C_DIR / path.name, graph=graph)
    config = Config.from_env(data_dir=data_dir, sparql_timeout_s=10.0, sparql_row_limit=10000)
    return live_server_factory(config, graphstore=store)


@pytest.fixture(scope="module")
def outcomes(w3c_server) -> dict:
    results = {}
    for t in TESTS:
        if t.is_update:
            resp = send(w3c_server, t.requests[0])
            if 400 <= resp.status_code < 500:
                results[t.name] = ("refused", f"{resp.status_code}: {resp.text.strip()[:120]}")
            else:
                results[t.name] = ("failed", f"update not refused: {resp.status_code}")
            continue
        why = None
        for req in t.requests:
            try:
                why = check_response(req, send(w3c_server, req))
            except Exception as exc:  # noqa: BLE001 - report, don't crash the run
                why = f"{type(exc).__name__}: {exc}"
            if why:
                break
        results[t.name] = ("failed", why) if why else ("passed", "")
    return results


def test_manifest_has_34_protocol_tests():
    assert len(TESTS) == 34


@pytest.mark.parametrize("name", [t.name for t in TESTS])
def test_protocol_entry(outcomes, name):
    outcome, detail = outcomes[name]
    assert outcome in ("passed", "refused"), f"{name}: {detail}"


def test_w3c_protocol_summary(outcomes, capsys):
    counts = {k: sum(1 for o, _ in outcomes.values() if o == k) for k in ("passed", "failed", "refused")}
    with capsys.disabled():
        print(f"\nW3C SPARQL 1.1 Protocol: passed={counts['passed']} failed={counts['failed']} "
              f"refused={counts['refused']} (refused by design: read-only endpoint)")
        for name, (o, d) in outcomes.items():
            if o != "passed":
                print(f"  {o:8} {name}: {d}")
    assert counts["failed"] == 0
    assert counts["passed"] + counts["refused"] == len(TESTS)
