"""The storage seams, exercised against the real thing: the on-disk Oxigraph store the build writes,
`oxigraph serve` and Virtuoso as external SPARQL 1.1 stores (started here on free ports), and
Milvus Lite as the external vector store."""
from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import small_graph_triples, write_ntriples

QUESTIONS = ("Who funds the work in Jordan?", "Which countries ratified Convention No. 102?",
             "How many countries are pathfinders?",
             "What did the programme achieve on unemployment insurance?")


# -- embedded: the on-disk store --------------------------------------------------------------------
def test_build_writes_disk_store_that_readers_and_workers_open_read_only(built_data_dir, tmp_path):
    from app.config import Config
    from app.runtime import Runtime

    cfg = Config.from_env(data_dir=built_data_dir, sparql_endpoint="")
    assert (cfg.oxigraph_dir / "floorgraph-store.json").is_file()
    gs = Runtime(cfg).graph_store
    assert gs.sources == [(str(cfg.oxigraph_dir.resolve()), None)]  # opened, not re-loaded from graph.nt
    n = len(gs)
    assert n > 5000
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    try:
        # the in-process path and a worker process (timeout) both read the same on-disk store
        assert int(next(iter(gs.query(q)))["n"].value) == n
        assert int(gs.query(q, timeout=30).rows[0][0].value) == n
    finally:
        gs.close()
    # a data dir whose graph.nt no longer matches the on-disk store falls back to loading graph.nt
    other = tmp_path / "data"
    other.mkdir()
    shutil.copytree(cfg.oxigraph_dir, other / "oxigraph")
    write_ntriples(other / "graph.nt", small_graph_triples())
    stale = Runtime(Config.from_env(data_dir=other, sparql_endpoint="")).graph_store
    assert len(stale) == len(small_graph_triples()) and not Path(stale.sources[0][0]).is_dir()


# -- external SPARQL stores ---------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["oxigraph-server", "virtuoso"])
def sparql_server(request, tmp_path_factory):
    from tests.support.sparql_servers import start_oxigraph, start_virtuoso

    start = start_oxigraph if request.param == "oxigraph-server" else start_virtuoso
    server = start(tmp_path_factory.mktemp(request.param))
    yield server
    server.stop()


def _count(store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value)


def test_push_switches_builds_atomically(sparql_server, built_data_dir, tmp_path):
    """Readers see build A, then build B, never a half-loaded B; only the newest builds are kept."""
    from app.stores.graph import SparqlHttpStore, push_graph

    small = write_ntriples(tmp_path / "small.nt", small_graph_triples())
    big = Path(built_data_dir) / "graph.nt"
    q, u = sparql_server.query_url, sparql_server.update_url
    push_graph(small, q, u, "0001", dataset="atomic")
    reader = SparqlHttpStore(q, u, dataset="atomic", pointer_ttl=0)
    n_small = _count(reader)
    assert n_small == len(small_graph_triples())
    seen, stop = set(), threading.Event()

    def read():
        while not stop.is_set():
            seen.add(_count(reader))

    t = threading.Thread(target=read)
    t.start()
    try:
        push_graph(big, q, u, "0002", dataset="atomic", chunk=500)
    finally:
        stop.set()
        t.join(30)
    n_big = _count(reader)
    assert n_big == len({l for l in big.read_text(encoding="utf-8").splitlines() if l.strip()})
    assert seen <= {n_small, n_big} and n_small in seen, seen
    push_graph(small, q, u, "0003", dataset="atomic")
    assert _count(reader) == n_small
    graphs = {r["g"]["value"] for r in reader._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    builds = sorted(g for g in graphs if g.startswith("urn:floorgraph:build:atomic:"))
    assert builds == ["urn:floorgraph:build:atomic:0002", "urn:floorgraph:build:atomic:0003"]


def test_engine_and_sparql_endpoint_agree_over_external_store(sparql_server, built_data_dir):
    """The question engine, /sparql and the entity pages give the same answers over the external
    store as over the embedded one."""
    from app.config import Config
    from app.pipeline import push
    from app.runtime import Runtime
    from app.web import create_app

    local = Config.from_env(data_dir=built_data_dir, sparql_endpoint="", sparql_timeout_s=0)
    remote = Config.from_env(data_dir=built_data_dir, sparql_endpoint=sparql_server.query_url,
                             sparql_update_endpoint=sparql_server.update_url, sparql_dataset="engine",
                             sparql_timeout_s=0)
    push(remote, progress=lambda s: None)
    a, b = Runtime(local), Runtime(remote)
    assert type(b.graph_store).__name__ == "SparqlHttpStore"
    for q in QUESTIONS:
        ra, rb = a.engine.ask(q), b.engine.ask(q)
        assert [x["label"] for x in ra["answers"]] == [x["label"] for x in rb["answers"]], q
        assert ra["sparql"] == rb["sparql"]
    client = create_app(runtime=b).test_client()
    query = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
             "SELECT ?c ?l WHERE { ?c a <https://w3id.org/floorgraph/ontology#Country> ; skos:prefLabel ?l } ORDER BY ?l")
    got = client.get("/sparql", query_string={"query": query},
                     headers={"Accept": "application/sparql-results+json"}).get_json()
    want = create_app(runtime=a).test_client().get(
        "/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"}).get_json()
    assert got["results"]["bindings"] == want["results"]["bindings"] and len(want["results"]["bindings"]) > 20
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p "})
    assert r.status_code == 400 and "error at 1:" in r.get_json()["message"]
    r = client.get("/sparql", query_string={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5"},
                   headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and len(r.data.decode().strip().splitlines()) == 5
    assert client.get("/entity/country/JOR").status_code == 200
    assert client.get("/healthz").get_json()["triples"] == len(a.graph_store)


def test_pages_and_network_read_the_external_store(sparql_server, built_data_dir):
    """With the graph in an external store, a relation added and a label changed *in that store*
    show on the entity page, the entity list and the network (page and JSON) - they are read from
    the store, not from the build's kb.json - and a relation removed there disappears."""
    from app.config import Config
    from app.knowledge import entity_path
    from app.pipeline import push
    from app.runtime import Runtime
    from app.stores.graph import SparqlHttpStore
    from app.web import create_app
    from graph.rdf import entity_uri
    from graph.relations import REGISTRY
    from markupsafe import escape

    cfg = Config.from_env(data_dir=built_data_dir, sparql_endpoint=sparql_server.query_url,
                          sparql_update_endpoint=sparql_server.update_url, sparql_dataset="pages",
                          sparql_timeout_s=0, store_refresh_s=0)
    push(cfg, progress=lambda s: None)
    rt = Runtime(cfg)
    build = rt.knowledge
    view = rt.browse_knowledge
    # unchanged store: the pages see exactly what the build wrote
    assert view.entities.keys() == build.entities.keys()
    assert {(f["subject"], f["predicate"], f["object"]) for f in view.facts} == \
        {(f["subject"], f["predicate"], f["object"]) for f in build.facts}
    assert view.network == build.network
    # a network relation between two entities the build never linked (chosen from the build, not typed in)
    rel = next(r for r in REGISTRY if r.edge and r.domain and r.range)
    linked = {(f["subject"], f["object"]) for f in build.facts}
    plain = lambda e: str(escape(e["label"])) == e["label"]  # noqa: E731 - found verbatim in the HTML
    subject = next(e for e in build.of_type(rel.domain[0]) if build.facts_about(e["id"]) and plain(e))
    obj = next(e for e in build.of_type(rel.range[0]) if e["id"] != subject["id"] and plain(e) and
               (subject["id"], e["id"]) not in linked and (e["id"], subject["id"]) not in linked)
    client = create_app(runtime=rt).test_client()
    page = client.get("/entity/" + entity_path(subject["id"])).get_data(as_text=True)
    assert "/entity/" + entity_path(obj["id"]) not in page

    graph = SparqlHttpStore(cfg.sparql_endpoint, cfg.sparql_update_endpoint, dataset="pages").current_graph()
    s_iri, o_iri = entity_uri(subject["id"]), entity_uri(obj["id"])
    new_label = subject["label"] + " (renamed in the store)"
    skos = "http://www.w3.org/2004/02/skos/core#prefLabel"

    def update(text: str) -> None:
        import requests

        r = requests.post(cfg.sparql_update_endpoint, data={"update": text}, timeout=30)
        assert r.status_code < 300, r.text

    update(f'INSERT DATA {{ GRAPH <{graph}> {{ <{s_iri}> <{rel.iri}> <{o_iri}> }} }}')
    update(f'DELETE {{ GRAPH <{graph}> {{ <{s_iri}> <{skos}> ?l }} }} INSERT {{ GRAPH <{graph}> '
           f'{{ <{s_iri}> <{skos}> {json.dumps(new_label)} }} }} WHERE {{ GRAPH <{graph}> {{ <{s_iri}> <{skos}> ?l }} }}')

    r = client.get("/entity/" + entity_path(subject["id"]))
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and new_label in page
    assert "/entity/" + entity_path(obj["id"]) in page and obj["label"] in page
    card = client.get("/api/entity/" + entity_path(subject["id"])).get_json()
    assert any(x["predicate"] == rel.name and x["other"]["id"] == obj["id"] for x in card["relations"])
    net = client.get("/api/network").get_json()
    assert any({e["source"], e["target"]} == {subject["id"], obj["id"]} and e["relation"] == rel.edge
               for e in net["edges"])
    assert next(n for n in net["nodes"] if n["id"] == subject["id"])["label"] == new_label
    assert new_label in client.get("/network").get_data(as_text=True)
    r = client.get("/entities.json")
    assert r.status_code == 200 and new_label in str(r.get_json())

    update(f'DELETE DATA {{ GRAPH <{graph}> {{ <{s_iri}> <{rel.iri}> <{o_iri}> }} }}')
    net = client.get("/api/network").get_json()
    assert not any({e["source"], e["target"]} == {subject["id"], obj["id"]} and e["relation"] == rel.edge
                   for e in net["edges"])
    rt.close()


def test_external_store_without_build_is_a_clear_503(sparql_server, built_data_dir):
    from app.config import Config
    from app.web import create_app

    cfg = Config.from_env(data_dir=built_data_dir, sparql_endpoint=sparql_server.query_url,
                          sparql_dataset="never-pushed")
    r = create_app(cfg).test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 503 and "build --push" in r.get_json()["message"]


# -- vectors: Milvus Lite against FAISS ---------------------------------------------------------------
def test_milvus_search_matches_faiss(built_data_dir, tmp_path):
    """Dense, hybrid and filtered search return the same passages over Milvus Lite as over FAISS."""
    from app.config import Config
    from app.runtime import Runtime
    from index import Filters

    faiss_rt = Runtime(Config.from_env(data_dir=built_data_dir, vector_store="faiss"))
    milvus_rt = Runtime(Config.from_env(data_dir=built_data_dir, vector_store="milvus",
                                        milvus_uri=str(tmp_path / "milvus.db")))
    fi, mi = faiss_rt.passage_index, milvus_rt.passage_index
    assert type(mi.vectors).__name__ == "MilvusVectorStore" and fi.vectors is None
    try:
        countries = sorted({c for p in fi.passages for c in getattr(p, "countries", []) or []})
        filt = Filters.of(country=countries[:3]) if countries else None
        for q in ("pension reform", "unemployment insurance for workers", "who funds the work in Jordan"):
            for mode, f in (("dense", None), ("hybrid", None), ("dense", filt), ("hybrid", filt)):
                a = [h.passage.id for h in fi.search(q, k=10, mode=mode, filters=f)]
                b = [h.passage.id for h in mi.search(q, k=10, mode=mode, filters=f)]
                assert a == b, (q, mode, f)
        # reopened: the collection is reused, not re-inserted
        from app.stores.vectors import MilvusVectorStore

        again = MilvusVectorStore(str(tmp_path / "other.db"), fi.manifest["corpus_sha256"])
        assert again.sync(fi.embeddings)["reused"] is False
        assert again.sync(fi.embeddings)["reused"] is True
        again.close()
    finally:
        milvus_rt.close()


def test_build_push_without_endpoint_is_a_clear_error(tmp_path, monkeypatch, capsys):
    from app.cli import main

    monkeypatch.delenv("FLOORGRAPH_SPARQL_ENDPOINT", raising=False)
    assert main(["build", "--push", "--no-index", "--quiet", "--data-dir", str(tmp_path)]) == 2
    assert "FLOORGRAPH_SPARQL_ENDPOINT" in capsys.readouterr().err
    assert not (tmp_path / "graph.nt").exists()  # refused before building anything


def test_an_idle_milvus_channel_sends_the_server_no_pings(tmp_path):
    """The client's keepalive gives a stock gRPC server nothing to strike (app/stores/vectors.py
    milvus_client): pymilvus's own default pings every 10 s even on an idle channel, and Milvus
    Lite's server closes a channel after three such pings (GOAWAY "too_many_pings").  The server
    logs every ping it receives (gRPC's keepalive trace); over 12 idle seconds there must be none."""
    from app.stores.vectors import milvus_client
    from tests.support.sparql_servers import start_milvus_lite

    server = start_milvus_lite(tmp_path / "milvus", env={"GRPC_VERBOSITY": "debug", "GRPC_TRACE": "http_keepalive"})
    log = tmp_path / "milvus" / "milvus.log"
    try:
        client = milvus_client(server.query_url)
        client.list_collections()
        time.sleep(1)
        before = log.read_text(errors="replace").count("received ping")
        time.sleep(12)
        after = log.read_text(errors="replace").count("received ping")
        assert after == before, f"{after - before} keepalive ping(s) on an idle channel"
        assert client.list_collections() == []  # the channel still answers
        client.close()
    finally:
        server.stop()
