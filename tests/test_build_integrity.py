"""A build never leaves a mixed data dir, and readers refuse an altered one (issue 10, D8/D9).

* ``floorgraph build`` of an edited report is SIGKILLed at 10 points spread over its run, each time
  over the complete older build.  Afterwards the data dir must be *exactly* the old build or *exactly*
  the new one: graph, index and QA units all from the same side, every file as build.json lists it;
  ``stats`` and ``ask`` and ``serve`` then run on it.
* Flipping bytes in any artefact makes ``verify_build`` refuse naming that file, and ``ask``,
  ``search``, ``serve`` and ``stats`` exit 2 with a message naming it: no traceback, nothing served.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.builddir import verify_build
from graph.errors import FloorgraphError

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
EDIT = ("Angola launched the first Bulletin", "Angola launched its first ever Bulletin")
# files whose content tells the two builds apart, one per stage of the build (graph, passages, index,
# QA units); each holds the edited sentence in the new build and the original one in the old
SIDES = ("graph.nt", "passages.jsonl", "index/passages.jsonl", "qa/units.jsonl")
OLD_TEXT, NEW_TEXT = (s.replace("Angola launched ", "") for s in EDIT)
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}


def cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=ENV, cwd=ROOT)


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def side(p: Path) -> str:
    """'old' / 'new' by which version of the edited sentence the file holds."""
    text = p.read_text(encoding="utf-8")
    has_old, has_new = OLD_TEXT in text, NEW_TEXT in text
    assert has_old != has_new, f"{p} holds {'both' if has_old else 'neither'} version of the edited sentence"
    return "new" if has_new else "old"


def fingerprint(d: Path) -> tuple[str, ...]:
    """Which build each stage's output comes from (rdflib's N-Triples order varies between builds,
    so content, not bytes, identifies a side)."""
    return tuple(side(d / rel) for rel in SIDES)


@pytest.fixture(scope="module")
def edited_report(tmp_path_factory) -> Path:
    text = REPORT.read_text(encoding="utf-8")
    assert text.count(EDIT[0]) == 1
    p = tmp_path_factory.mktemp("fg-edited") / "report.md"
    p.write_text(text.replace(*EDIT), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def old_and_new(built_data_dir, edited_report, tmp_path_factory):
    """(old fingerprint, new fingerprint, seconds a rebuild takes) measured on a scratch copy."""
    d = tmp_path_factory.mktemp("fg-ref") / "data"
    shutil.copytree(built_data_dir, d)
    old = fingerprint(d)
    assert set(old) == {"old"}
    t0 = time.monotonic()
    r = cli("build", "--data-dir", str(d), "--source", str(edited_report))
    took = time.monotonic() - t0
    assert r.returncode == 0, r.stderr[-2000:]
    verify_build(d)
    new = fingerprint(d)
    assert set(new) == {"new"}, new
    return old, new, took


def test_sigkill_at_ten_points_leaves_the_old_or_the_new_build(built_data_dir, edited_report,
                                                                 old_and_new, tmp_path):
    old, new, took = old_and_new
    seen = []
    for i in range(10):
        d = tmp_path / f"run{i}" / "data"
        shutil.copytree(built_data_dir, d)
        delay = took * (i + 0.5) / 10
        proc = subprocess.Popen([sys.executable, "-m", "app.cli", "build", "--data-dir", str(d),
                                 "--source", str(edited_report), "--quiet"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=ROOT)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        verify_build(d)  # every file as build.json lists it
        fp = fingerprint(d)
        assert fp in (old, new), f"kill at {delay:.1f}s left a mixed data dir: {fp}"
        state = "old" if fp == old else "new"
        seen.append(state)
        r = cli("stats", "--data-dir", str(d), "--json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["passages"] > 0
        # a later build cleans up whatever the killed one left beside the data dir
        leftovers = [p.name for p in d.parent.iterdir() if p.name != "data"]
        assert all(".staging-" in n or ".old-" in n for n in leftovers), leftovers
        if i in (0, 9):  # the full readers, on an early (old) and a late state
            _ask_and_serve_agree(d, state)
    assert "old" in seen, seen


def _ask_and_serve_agree(d: Path, state: str) -> None:
    q = "When did Angola launch the first Bulletin of Social Protection Statistics?"
    r = cli("ask", "--data-dir", str(d), "--json", q)
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["question"] == q
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    import requests

    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--data-dir", str(d), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, cwd=ROOT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if requests.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
        sq = 'ASK { ?s ?p ?o . FILTER(CONTAINS(STR(?o), "its first ever Bulletin")) }'
        graph_new = requests.get(url + "/sparql", params={"query": sq}, timeout=30).json()["boolean"]
        assert graph_new == (state == "new")
    finally:
        proc.terminate()
        proc.wait(30)


# -- corruption --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sealed_dir(built_data_dir, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("fg-sealed") / "data"
    shutil.copytree(built_data_dir, d)
    return d


def _flip(p: Path) -> bytes:
    raw = p.read_bytes()
    b = bytearray(raw)
    if not b:  # an empty artefact (e.g. an empty oxigraph log): corrupt it by giving it a byte
        p.write_bytes(b"x")
        return raw
    for k in (len(b) // 3, len(b) // 2, (2 * len(b)) // 3):
        b[k] ^= 0x20
    p.write_bytes(bytes(b))
    return raw


def test_every_artefact_is_listed_with_size_and_hash(sealed_dir):
    files = verify_build(sealed_dir)["files"]
    on_disk = {p.relative_to(sealed_dir).as_posix() for p in sealed_dir.rglob("*")
               if p.is_file() and p.name != "build.json"}
    assert set(files) == on_disk
    assert all(isinstance(v["size"], int) and len(v["sha256"]) == 64 for v in files.values())


def test_corrupting_any_artefact_is_refused_naming_it(sealed_dir):
    for rel in verify_build(sealed_dir)["files"]:
        p = sealed_dir / rel
        raw = _flip(p)
        try:
            with pytest.raises(FloorgraphError, match=rel.replace(".", r"\.")):
                verify_build(sealed_dir)
        finally:
            p.write_bytes(raw)
    # a valid-looking edit of the same size (the "Norway" -> "Narnia") is caught by the hash
    g = sealed_dir / "graph.nt"
    raw = g.read_bytes()
    assert b"Norway" in raw
    g.write_bytes(raw.replace(b"Norway", b"Narnia"))
    try:
        with pytest.raises(FloorgraphError, match="sha256"):
            verify_build(sealed_dir)
    finally:
        g.write_bytes(raw)
    verify_build(sealed_dir)


@pytest.mark.parametrize("rel", ["graph.nt", "index/dense.faiss", "qa/units.npy", "build.json"])
def test_readers_refuse_a_corrupted_build_with_exit_2(sealed_dir, rel):
    p = sealed_dir / rel
    raw = _flip(p) if rel != "build.json" else p.read_bytes()
    if rel == "build.json":
        p.write_bytes(raw[: len(raw) // 2])  # truncated manifest
    try:
        for args in (["ask", "Who funds the work in Jordan?"], ["search", "pension"], ["stats"],
                     ["serve", "--port", "1"]):
            r = cli(args[0], "--data-dir", str(sealed_dir), *args[1:], timeout=300)
            assert r.returncode == 2, (args, r.returncode, r.stderr[-1500:])
            assert "Traceback" not in r.stderr
            assert rel in r.stderr, (args, r.stderr)
    finally:
        p.write_bytes(raw)
