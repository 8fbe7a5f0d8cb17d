"""Shared fixtures: a real floorgraph web server (waitress as `serve` runs it, loopback, free port) over a small graph.

``live_server`` is the app built by ``create_app`` from a temporary data dir holding a small
``graph.nt`` written here (floorgraph vocabulary), with a low SPARQL timeout and row limit so tests
can make both bite.  ``live_server_factory`` starts other instances (e.g. the W3C runner's, whose
store holds the protocol test data as named graphs).
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest


# -- where the graph and the vectors live for this run: embedded by default, or real external stores --
def pytest_addoption(parser):
    parser.addoption("--graph-store", default="embedded", choices=("embedded", "oxigraph-server", "virtuoso"),
                     help="run the suite with the graph in this store (external servers are started here)")
    parser.addoption("--vector-store", default="faiss", choices=("faiss", "milvus"),
                     help="run the suite with passage vectors in this store (milvus = Milvus Lite)")


def pytest_configure(config):
    config.addinivalue_line("markers", "embedded_only: exercises the embedded store's own machinery "
                                       "(killable worker processes); skipped when the graph is external")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--graph-store") == "embedded":
        return
    skip = pytest.mark.skip(reason="embedded store machinery; the graph is in an external store in this run")
    for item in items:
        if "embedded_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def external_stores(request, tmp_path_factory):
    """Start the external store this run asked for and point every Config at it (through the same
    environment variables a deployment sets).  Yields the server, or None when embedded."""
    kind = request.config.getoption("--graph-store")
    vectors = request.config.getoption("--vector-store")
    saved = {k: os.environ.get(k) for k in ("FLOORGRAPH_SPARQL_ENDPOINT", "FLOORGRAPH_SPARQL_UPDATE_ENDPOINT",
                                            "FLOORGRAPH_VECTOR_STORE", "FLOORGRAPH_MILVUS_URI")}
    server = None
    if kind != "embedded":
        from tests.support.sparql_servers import start_oxigraph, start_virtuoso

        start = start_oxigraph if kind == "oxigraph-server" else start_virtuoso
        server = start(tmp_path_factory.mktemp(kind))
        os.environ["FLOORGRAPH_SPARQL_ENDPOINT"] = server.query_url
        os.environ["FLOORGRAPH_SPARQL_UPDATE_ENDPOINT"] = server.update_url
    milvus = None
    if vectors == "milvus":
        from tests.support.sparql_servers import start_milvus_lite

        milvus = start_milvus_lite(tmp_path_factory.mktemp("milvus"))
        os.environ["FLOORGRAPH_VECTOR_STORE"] = vectors
        os.environ["FLOORGRAPH_MILVUS_URI"] = milvus.query_url
    yield server
    for srv in (server, milvus):
        if srv is not None:
            srv.stop()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def push_if_external(data_dir: Path, dataset: str = "floorgraph") -> None:
    """In an external-store run, load ``data_dir``'s graph into the store as `build --push` does."""
    if os.environ.get("FLOORGRAPH_SPARQL_ENDPOINT"):
        from app.config import Config
        from app.pipeline import push

        push(Config.from_env(data_dir=data_dir, sparql_dataset=dataset), progress=lambda s: None)

FG = "https://w3id.org/floorgraph/ontology#"
ID = "https://w3id.org/floorgraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
XSD = "http://www.w3.org/2001/XMLSchema#"

TEST_TIMEOUT_S = 1.5
TEST_ROW_LIMIT = 100
FILLER = 120
SMALL_DATASET = "small-test-graph"  # the small graph's name in an external store  # enough triples that a 5-fold cross product can never finish


def _iri(x: str) -> str:
    return f"<{x}>"


def _lit(v: str, lang: str | None = "en", dt: str | None = None) -> str:
    v = v.replace("\\", "\\\\").replace('"', '\\"')
    if dt:
        return f'"{v}"^^<{dt}>'
    return f'"{v}"@{lang}' if lang else f'"{v}"'


def small_graph_triples() -> list[tuple[str, str, str]]:
    t: list[tuple[str, str, str]] = []
    add = lambda s, p, o: t.append((s, p, o))  # noqa: E731
    nl = _iri(ID + "organization/netherlands")
    add(nl, _iri(RDF_TYPE), _iri(FG + "BilateralDonor"))
    add(nl, _iri(SKOS_LABEL), _lit("Government of the Netherlands"))
    ilo = _iri(ID + "organization/ilo")
    add(ilo, _iri(RDF_TYPE), _iri(FG + "UNAgency"))
    add(ilo, _iri(SKOS_LABEL), _lit("International Labour Organization"))
    countries = {"JOR": "Jordan", "ETH": "Ethiopia", "KHM": "Cambodia", "SEN": "Senegal"}
    for code, name in countries.items():
        c = _iri(ID + f"country/{code}")
        add(c, _iri(RDF_TYPE), _iri(FG + "Country"))
        add(c, _iri(SKOS_LABEL), _lit(name))
    for code in ("JOR", "ETH"):
        add(_iri(ID + f"country/{code}"), _iri(FG + "fundedBy"), nl)
    add(_iri(ID + "country/KHM"), _iri(FG + "fundedBy"), ilo)
    c102 = _iri(ID + "instrument/c102")
    add(c102, _iri(RDF_TYPE), _iri(FG + "Convention"))
    add(c102, _iri(FG + "number"), _lit("102", dt=XSD + "integer"))
    add(c102, _iri(SKOS_LABEL), _lit("Social Security (Minimum Standards) Convention, 1952 (No. 102)"))
    for i, (code, year) in enumerate([("JOR", "2014"), ("ETH", "2022"), ("SEN", "1962"), ("KHM", "2022")]):
        c = _iri(ID + f"country/{code}")
        add(c, _iri(FG + "ratified"), c102)
        st = _iri(ID + f"statement/ratification-{i}")
        add(st, _iri(RDF_TYPE), _iri(FG + "Ratification"))
        add(st, _iri(RDF + "subject"), c)
        add(st, _iri(RDF + "predicate"), _iri(FG + "ratified"))
        add(st, _iri(RDF + "object"), c102)
        add(st, _iri(FG + "year"), _lit(year, dt=XSD + "gYear"))
    usp = _iri(ID + "initiative/usp2030")
    add(usp, _iri(RDF_TYPE), _iri(FG + "Initiative"))
    add(usp, _iri(SKOS_LABEL), _lit("Global Partnership for Universal Social Protection (USP2030)"))
    for org in (nl, ilo):
        add(org, _iri(FG + "memberOf"), usp)
    add(_iri(ID + "country/SEN"), _iri(FG + "memberOf"), usp)
    for i in range(FILLER):
        add(_iri(ID + f"thing/{i}"), _iri(SKOS_LABEL), _lit(f"filler thing {i}", lang=None))
    return t


def write_ntriples(path: Path, triples) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{s} {p} {o} .\n" for s, p, o in triples), encoding="utf-8")
    return path


@dataclass
class LiveServer:
    url: str  # http://127.0.0.1:PORT
    app: object
    config: object
    server: object
    thread: threading.Thread

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def stop(self) -> None:
        try:
            self.server.close()
        finally:
            self.app.extensions["floorgraph.graphstore"].close()
            self.thread.join(5)


def start_live_server(config, graphstore=None) -> LiveServer:
    """create_app(config) under the waitress server `serve` runs (app/web/waitress_server.py: cheap
    SPARQL on the event loop) on a free loopback port, in a background thread."""
    import requests

    from app.web import create_app
    from app.web.waitress_server import answer_inline_of, answer_repeated_of, create_floorgraph_server, runs_inline_of

    app = create_app(config, graphstore=graphstore)
    store = app.extensions["floorgraph.graphstore"]
    if config.sparql_timeout_s and config.sparql_timeout_s > 0:
        assert store.warm_up(60), "SPARQL query workers did not start"
    server = create_floorgraph_server(app, runs_inline=runs_inline_of(app),
                                      answer_inline=answer_inline_of(app), answer_repeated=answer_repeated_of(app), host="127.0.0.1", port=0,
                                      threads=8, ident="floorgraph-test")
    thread = threading.Thread(target=server.run, daemon=True, name="floorgraph-live-server")
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}"
    for _ in range(100):
        try:
            if requests.get(url + "/healthz", timeout=2).status_code == 200:
                break
        except requests.ConnectionError:
            time.sleep(0.05)
    return LiveServer(url=url, app=app, config=config, server=server, thread=thread)


@pytest.fixture(scope="session")
def live_server_factory():
    started: list[LiveServer] = []

    def factory(config, graphstore=None) -> LiveServer:
        srv = start_live_server(config, graphstore)
        started.append(srv)
        return srv

    yield factory
    for srv in started:
        srv.stop()


@pytest.fixture(scope="session")
def graph_data_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("floorgraph-data")
    write_ntriples(d / "graph.nt", small_graph_triples())
    push_if_external(d, SMALL_DATASET)
    return d


@pytest.fixture(scope="session")
def live_config(graph_data_dir):
    from app.config import Config

    return Config.from_env(
        data_dir=graph_data_dir,
        sparql_timeout_s=TEST_TIMEOUT_S,
        sparql_row_limit=TEST_ROW_LIMIT,
        cors_origins="http://allowed.example",
        sparql_dataset=SMALL_DATASET,
    )


@pytest.fixture(scope="session")
def live_server(live_server_factory, live_config) -> LiveServer:
    return live_server_factory(live_config)


# -- the web app over a real build of the bundled report (tests/test_web_api.py, test_browser.py) --
@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory) -> Path:
    """The bundled ILO report built once per session the way `floorgraph build` does it: graph,
    network, SHACL statistics, passage index and question-answering units (real model)."""
    import os

    from app.config import Config
    from app.pipeline import build

    d = tmp_path_factory.mktemp("floorgraph-built")
    # A data dir `floorgraph build` wrote from this checkout (scripts/test.sh builds once for the
    # external-store runs); unset, the session builds the report itself.
    reuse = os.environ.get("FLOORGRAPH_TEST_REUSE_BUILD")
    if reuse:
        import shutil

        shutil.copytree(reuse, d, dirs_exist_ok=True, ignore=shutil.ignore_patterns("milvus*"))
    else:
        build(Config.from_env(data_dir=d), progress=lambda s: None)
    push_if_external(d)
    return d


@pytest.fixture(scope="session")
def engine(built_data_dir):
    """One question engine over the session's build, shared by the engine tests (it keeps no
    per-question state)."""
    from app.config import Config
    from app.qa.engine import QuestionEngine

    return QuestionEngine.from_config(Config.from_env(data_dir=built_data_dir))


@pytest.fixture(scope="session")
def web_data_dir(built_data_dir) -> Path:
    return built_data_dir


@pytest.fixture(scope="session")
def web_config(web_data_dir):
    from app.config import Config

    return Config.from_env(data_dir=web_data_dir, sparql_timeout_s=10.0, sparql_row_limit=1000,
                           max_question_chars=1000)


@pytest.fixture(scope="session")
def web_server(live_server_factory, web_config) -> LiveServer:
    return live_server_factory(web_config)


# -- the bundled report parsed, and the extractors a test module names in ONLY run over it --------
@pytest.fixture(scope="module")
def doc():
    from app.config import BUNDLED_REPORT
    from graph.parse import parse_file

    return parse_file(BUNDLED_REPORT)


@pytest.fixture(scope="module")
def kb(doc, request):
    import graph.extract as gx

    return gx.run_all(doc, only=getattr(request.module, "ONLY", None))
