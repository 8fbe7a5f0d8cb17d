"""``floorgraph serve --reload-on-change`` switches to a new build whole, and refuses a broken one.

A real server (waitress, its own process) serves a copy of the session's build.  The real CLI then
rebuilds an altered report (one country renamed throughout) into the same data dir while clients
keep asking.  Every response names the build that answered it (``X-Floorgraph-Build``), and what it
says - /api/ask's answers, /api/entity's status, /sparql's result - must be that build's, for every
response before, during and after the switch: the three endpoints switch together and no response
mixes the builds.  Then a torn build (a file that no longer matches build.json) and a failing one
(checksums fine, knowledge base unreadable) are swapped into the data dir: each is logged and
ignored, and the previous build keeps answering.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from app import builddir
from app.reload import BUILD_HEADER, build_id
from tests.test_serve_cli import free_port

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1",
       "FLOORGRAPH_RELOAD_POLL_S": "0.5"}
# The renamed country: any country the report names with facts would do.
COUNTRY, ISO3, RENAMED = "Jordan", "JOR", "Narnia"
QUESTION = f"Who funds the work in {COUNTRY}?"
SPARQL = ('PREFIX skos: <http://www.w3.org/2004/02/skos/core#> '
          f'ASK {{ ?c skos:prefLabel ?l FILTER(STR(?l) = "{COUNTRY}") }}')


class Server:
    """A `floorgraph serve --reload-on-change` process; its log collected line by line."""

    def __init__(self, data_dir: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--reload-on-change", "--data-dir", str(data_dir),
             "--port", str(self.port)], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        self.log: list[str] = []
        threading.Thread(target=lambda: self.log.extend(iter(self.proc.stdout.readline, "")), daemon=True).start()

    def wait_for_log(self, needle: str, count: int = 1, timeout: float = 300) -> None:
        deadline = time.time() + timeout
        while sum(needle in line for line in self.log) < count:
            assert self.proc.poll() is None, "the server died:\n" + "".join(self.log[-40:])
            assert time.time() < deadline, f"no {needle!r} in the server log:\n" + "".join(self.log[-40:])
            time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def observe(base: str) -> list[tuple[str, str, object]]:
    """(endpoint, answering build, what it said) for one request to each endpoint."""
    out = []
    r = requests.get(base + "/api/ask", params={"q": QUESTION}, timeout=120)
    assert r.status_code == 200, r.text[:300]
    out.append(("ask", r.headers[BUILD_HEADER], tuple(sorted(a["label"] for a in r.json()["answers"]))))
    r = requests.get(base + f"/api/entity/country/{ISO3}", timeout=60)
    assert r.status_code in (200, 404), r.text[:300]
    out.append(("entity", r.headers[BUILD_HEADER], r.status_code))
    r = requests.get(base + "/sparql", params={"query": SPARQL},
                     headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert r.status_code == 200, r.text[:300]
    out.append(("sparql", r.headers[BUILD_HEADER], r.json()["boolean"]))
    return out


def wait_ready(base: str, timeout: float = 300) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            h = requests.get(base + "/healthz", timeout=5)
            if h.status_code == 200 and h.json().get("engine") == "ready":
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise AssertionError("the server did not become ready")


def swap_in_copy(src: Path, data_dir: Path, tmp: Path, damage) -> str:
    """Put a damaged copy of ``src`` in place as `floorgraph build` would (one atomic exchange)."""
    stage = tmp / f".stage-{time.monotonic_ns()}"
    shutil.copytree(src, stage)  # a real copy: the damage must not reach the served snapshot
    damage(stage)
    builddir.swap_in(stage, data_dir)
    return build_id(data_dir)


def torn(d: Path) -> None:
    """graph.nt no longer matches build.json (bytes flipped, size unchanged), build.json re-dated."""
    nt = d / "graph.nt"
    raw = bytearray(nt.read_bytes())
    raw[len(raw) // 2: len(raw) // 2 + 3] = b"XYZ"
    nt.write_bytes(bytes(raw))
    manifest = json.loads((d / builddir.MANIFEST).read_text())
    manifest["sealed_at"] = "torn"
    (d / builddir.MANIFEST).write_text(json.dumps(manifest))


def failing(d: Path) -> None:
    """Every checksum right (sealed after the damage), but the knowledge base is not JSON."""
    (d / "kb.json").write_text("{ this is not a knowledge base", encoding="utf-8")
    builddir.seal(d)


@pytest.fixture
def altered_report(tmp_path) -> Path:
    text = REPORT.read_text(encoding="utf-8")
    assert text.count(COUNTRY) >= 3
    p = tmp_path / "altered.md"
    p.write_text(text.replace(COUNTRY, RENAMED), encoding="utf-8")
    return p


def test_reload_switches_all_endpoints_together_and_refuses_broken_builds(built_data_dir, altered_report,
                                                                           tmp_path):
    data = tmp_path / "data"
    shutil.copytree(built_data_dir, data)
    old_id = build_id(data)
    server = Server(data)
    seen: list[tuple[str, str, object]] = []
    errors: list[str] = []
    stop = threading.Event()

    def clients():
        while not stop.is_set():
            try:
                seen.extend(observe(server.base))
            except Exception as exc:  # noqa: BLE001 - every failure is reported below
                errors.append(repr(exc))

    try:
        wait_ready(server.base)
        before = {(ep, said) for ep, build, said in observe(server.base) if build == old_id}
        assert len(before) == 3, "the first build did not answer"
        threads = [threading.Thread(target=clients, daemon=True) for _ in range(2)]
        for t in threads:
            t.start()
        r = subprocess.run([sys.executable, "-m", "app.cli", "build", "--quiet", "--data-dir", str(data),
                            "--source", str(altered_report)], cwd=ROOT, env=ENV, capture_output=True,
                           text=True, timeout=900)
        assert r.returncode == 0, r.stderr[-2000:]
        new_id = build_id(data)
        assert new_id != old_id
        server.wait_for_log(f"now serving build {new_id}")
        after = observe(server.base)
        time.sleep(1)
        stop.set()
        for t in threads:
            t.join(timeout=180)

        assert not errors, errors[:5]
        assert {build for _, build, _ in after} == {new_id}, "an endpoint still answers from the old build"
        said = {build: {} for build in (old_id, new_id)}
        for ep, build, what in [*((ep, old_id, w) for ep, w in before), *after]:
            said[build][ep] = what
        # the rename is visible on every endpoint: the two builds say different things
        assert said[old_id]["entity"] == 200 and said[new_id]["entity"] == 404
        assert said[old_id]["sparql"] is True and said[new_id]["sparql"] is False
        assert said[old_id]["ask"] and said[old_id]["ask"] != said[new_id]["ask"]
        # ... and every response, before, during and after the switch, says what its build says
        assert {build for _, build, _ in seen} <= {old_id, new_id}
        mixed = [(ep, build, what) for ep, build, what in seen if said[build][ep] != what]
        assert not mixed, mixed[:5]
        assert any(build == old_id for _, build, _ in seen), "no request was answered before the switch"

        # the retired build's snapshot goes once its requests are done; the data dir stays the build's
        snapshots = data.parent / f".{data.name}.serving-{server.proc.pid}"
        deadline = time.time() + 30
        while len(list(snapshots.iterdir())) != 1 and time.time() < deadline:
            time.sleep(0.2)
        assert len(list(snapshots.iterdir())) == 1
        builddir.verify_build(data)

        # a torn build and a failing one: each logged and ignored, the new build keeps answering
        good = tmp_path / "good"
        shutil.copytree(data, good)
        for n, damage in enumerate((torn, failing), start=1):
            bad_id = swap_in_copy(good, data, tmp_path, damage)
            server.wait_for_log(f"ignoring the build {bad_id}")
            assert [build for _, build, _ in observe(server.base)] == [new_id] * 3
            assert {(ep, w) for ep, _, w in observe(server.base)} == set(said[new_id].items())
            assert requests.get(server.base + "/healthz", timeout=10).status_code == 200
        assert sum("ignoring the build" in line for line in server.log) == 2
        assert "Traceback" not in "".join(server.log)
    finally:
        stop.set()
        server.stop()
