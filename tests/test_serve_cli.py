"""`floorgraph serve` as a user runs it: a real server process (waitress, or granian with
``--server granian``) on a loopback port."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import requests

from tests.support.slowloris import (assert_idle_sockets_do_not_lock_out_healthz,
                                     assert_slow_bodies_do_not_lock_out_healthz)
from app.ports import free_port

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("server", ["waitress", "granian"])
def test_serve_answers_questions_and_sparql(built_data_dir, server):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--data-dir", str(built_data_dir),
                             "--port", str(port), "--server", server], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    descendants: list[psutil.Process] = []
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if requests.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
        else:
            raise AssertionError("server did not come up: " + proc.stdout.read1(4000).decode())
        # serve warms the engine in the background: meanwhile a question is told so (503, Retry-After),
        # never left waiting in silence; then it is answered
        deadline = time.time() + 120
        while True:
            r = requests.get(base + "/api/ask", params={"q": "Who funds the work in Jordan?"}, timeout=120)
            if r.status_code != 503 or time.time() > deadline:
                break
            assert r.json()["reason"] == "warming_up" and int(r.headers["Retry-After"]) > 0
            # healthz agrees, unless the warm-up finished between the two requests (then the next
            # question is answered: the loop asks again)
            assert requests.get(base + "/healthz", timeout=5).json()["engine"] in ("warming_up", "ready")
            time.sleep(1)
        assert r.status_code == 200 and len(r.json()["answers"]) == 5
        assert requests.get(base + "/healthz", timeout=5).json()["engine"] == "ready"
        r = requests.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"},
                         headers={"Accept": "application/sparql-results+json"}, timeout=30)
        assert r.status_code == 200 and r.json()["boolean"] is True
        page = requests.get(base + "/", params={"q": "Who funds the work in Jordan?"}, timeout=60)
        assert page.status_code == 200 and "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
        assert_idle_sockets_do_not_lock_out_healthz(port)
        descendants = psutil.Process(proc.pid).children(recursive=True)
        assert descendants or server == "waitress"  # granian: its worker, which holds the SPARQL workers
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # nothing is left running: the server's worker process and the SPARQL query workers go with it
    gone, alive = psutil.wait_procs(descendants, timeout=30)
    assert not alive, [p.pid for p in alive]




@pytest.mark.parametrize("server", [
    "waitress",
    pytest.param("granian", marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
        "granian has no timeout on reading a request body (granian issue #728, closed as wontfix) "
        "and its WSGI threads read bodies as the app asks for them, so 20 stalled bodies hold all "
        "8 threads: measured, /healthz unanswered for > 10 s. The reason `serve` defaults to "
        "waitress; strict, so a granian that fixes it is noticed"))),
])
def test_stalled_request_bodies_do_not_lock_out_healthz(built_data_dir, server):
    """`floorgraph serve --server S` itself: 20 POSTs that stall after 9 of their 100 body bytes
    (more than its 8 request threads) must not keep /healthz from answering within a second."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--data-dir", str(built_data_dir),
                             "--port", str(port), "--server", server], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            raise RuntimeError("server did not come up")  # not an AssertionError: xfail must not hide it
        assert_slow_bodies_do_not_lock_out_healthz(port)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
