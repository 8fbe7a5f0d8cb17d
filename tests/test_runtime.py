"""One runtime per process: a real `floorgraph serve` builds one graph store, one knowledge base,
one model and one passage index however many requests of every kind it answers, starts listening
before the engine is warm, and says so on /healthz."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import requests
from app.ports import free_port

ROOT = Path(__file__).resolve().parent.parent


def test_serve_process_constructs_each_heavy_part_once(built_data_dir):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--data-dir", str(built_data_dir),
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    seen = []
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                r = requests.get(base + "/healthz", timeout=2)
                seen.append(r.json()["status"])
                if seen[-1] == "ok":
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.05)
        else:
            raise AssertionError("server did not become ready: " + proc.stdout.read1(4000).decode())
        assert seen[-1] == "ok" and set(seen) <= {"warming", "ok"}
        for q in ("Who funds the work in Jordan?", "Which countries ratified Convention No. 102?",
                  "What did the programme achieve on unemployment insurance?"):
            assert requests.get(base + "/api/ask", params={"q": q}, timeout=60).status_code == 200
        assert requests.get(base + "/api/search", params={"q": "pension reform", "mode": "hybrid"},
                            timeout=60).status_code == 200
        assert requests.get(base + "/api/entities", params={"q": "jor"}, timeout=30).status_code == 200
        assert requests.get(base + "/api/entity/country/JOR", timeout=30).status_code == 200
        assert requests.get(base + "/entity/country/JOR", timeout=30).status_code == 200
        assert requests.get(base + "/", params={"q": "Who funds the work in Jordan?"}, timeout=60).status_code == 200
        assert requests.get(base + "/api/network", timeout=30).status_code == 200
        for _ in range(3):
            r = requests.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                             headers={"Accept": "application/sparql-results+json"}, timeout=30)
            assert r.status_code == 200 and int(r.json()["results"]["bindings"][0]["n"]["value"]) > 1000
        health = requests.get(base + "/healthz", timeout=10).json()
        built = health["constructed"]
        assert health["encoder"] == "onnx"
        assert built.get("graph_store") == 1, built
        assert built.get("knowledge") == 1, built
        assert built.get("model") == 1, built
        assert built.get("passage_index") == 1, built
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_runtime_does_not_keep_failures(tmp_path):
    """A part that cannot be built raises each time it is asked for, and is built once it can be."""
    import pytest

    from app.config import Config
    from app.runtime import Runtime
    from graph.errors import FloorgraphError

    rt = Runtime(Config.from_env(data_dir=tmp_path))
    for _ in range(2):
        with pytest.raises(FloorgraphError, match="floorgraph build"):
            rt.knowledge
    assert "knowledge" not in rt._parts


def test_this_run_uses_the_store_it_was_asked_for(request, web_server, live_server):
    """Guards the external-store runs: the servers under test really read the chosen stores."""
    kind = request.config.getoption("--graph-store")
    for srv in (web_server, live_server):
        store = srv.app.extensions["floorgraph.graphstore"]
        assert type(store).__name__ == ("GraphStore" if kind == "embedded" else "SparqlHttpStore")
    if kind == "embedded":
        assert web_server.app.extensions["floorgraph.graphstore"].sources[0][0].endswith("oxigraph")
    runtime = web_server.app.extensions["floorgraph.runtime"]
    idx = runtime.passage_index
    vectors = request.config.getoption("--vector-store")
    assert (idx.vectors is None) == (vectors == "faiss")
