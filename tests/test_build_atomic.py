"""Artefacts are written atomically: a build that fails midway leaves the previous build intact.

graph/build.py promises: "an interrupted build leaves the previous artefacts, never half-written
ones" — build.json lists every artefact with its checksum, so after a failed second build the data
dir must still verify against the *old* build.json.  The second build here is of an edited report,
so its artefacts differ from the first build's and a partial overwrite cannot go unnoticed.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import graph.network
from graph.build import build_in_memory, verify_artefacts, write_artefacts

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")
# "Angola launched the first Bulletin of Social Protection Statistics on December 17, 2024, ..."
EDIT = ("Angola launched the first Bulletin", "Angola launched its first ever Bulletin")


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def tmp_files(d: Path) -> list[Path]:
    return [p for p in d.rglob(".*.tmp")]


@pytest.fixture(scope="module")
def first_build():
    return build_in_memory([REPORT])


@pytest.fixture(scope="module")
def second_build(tmp_path_factory):
    d = tmp_path_factory.mktemp("fg-edited-src")
    src = d / "report.md"
    assert SOURCE.count(EDIT[0]) == 1
    src.write_text(SOURCE.replace(*EDIT), encoding="utf-8")
    return build_in_memory([src])


@pytest.fixture(scope="module")
def built_dir(tmp_path_factory, first_build):
    d = tmp_path_factory.mktemp("fg-atomic") / "data"
    write_artefacts(first_build, d, with_stats=False)
    return d


@pytest.fixture
def data_dir(built_dir, tmp_path):
    """A fresh copy of the first build for each test."""
    d = tmp_path / "data"
    shutil.copytree(built_dir, d)
    return d


def snapshot(d: Path) -> tuple[bytes, dict[str, str]]:
    manifest_bytes = (d / "build.json").read_bytes()
    manifest = json.loads(manifest_bytes)
    for rel, digest in manifest["artefacts"].items():
        assert sha(d / rel) == digest, rel  # the first build is consistent to begin with
    return manifest_bytes, manifest["artefacts"]


def assert_previous_build_intact(d: Path, manifest_bytes: bytes, sums: dict[str, str]) -> None:
    assert not tmp_files(d)
    assert (d / "build.json").read_bytes() == manifest_bytes
    changed = [rel for rel, digest in sums.items() if not (d / rel).is_file() or sha(d / rel) != digest]
    assert not changed, f"artefacts overwritten by the failed build: {changed}"
    verify_artefacts(d)


def test_first_build_lists_every_artefact(built_dir):
    _, sums = snapshot(built_dir)
    for rel in ("passages.jsonl", "kb.json", "tables.json", "graph.nt", "graph.ttl", "graph.jsonld",
                "network/network.graphml", "network/network.gexf", "network/network.json"):
        assert rel in sums
    assert verify_artefacts(built_dir)["artefacts"] == sums
    assert not tmp_files(built_dir)


def test_second_build_differs(first_build, second_build):
    # otherwise the tests below could not tell an intact data dir from an overwritten one
    assert {p.id for p in first_build.passages} != {p.id for p in second_build.passages}


def test_successful_rebuild_replaces_everything(data_dir, second_build):
    old_bytes, old_sums = snapshot(data_dir)
    write_artefacts(second_build, data_dir, with_stats=False)
    assert (data_dir / "build.json").read_bytes() != old_bytes
    new = verify_artefacts(data_dir)
    assert new["artefacts"]["passages.jsonl"] != old_sums["passages.jsonl"]
    assert not tmp_files(data_dir)


def _fail_network(monkeypatch, b):
    def boom(*a, **k):
        raise RuntimeError("disk full while writing the network")

    monkeypatch.setattr(graph.network, "write_network", boom)


def _fail_turtle(monkeypatch, b):
    import graph.serialise

    def serialize(*a, **k):
        raise RuntimeError("serialiser crashed")

    monkeypatch.setattr(graph.serialise, "turtle_and_jsonld", serialize)


def _fail_fsync_third_file(monkeypatch, b):
    real, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise RuntimeError("I/O error")
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("fail", [_fail_network, _fail_turtle, _fail_fsync_third_file],
                         ids=["write_network", "turtle-serialize", "fsync-of-third-file"])
def test_failed_rebuild_leaves_previous_build(data_dir, second_build, monkeypatch, fail):
    manifest_bytes, sums = snapshot(data_dir)
    fail(monkeypatch, second_build)
    with pytest.raises(RuntimeError):
        write_artefacts(second_build, data_dir, with_stats=False)
    monkeypatch.undo()
    assert_previous_build_intact(data_dir, manifest_bytes, sums)


# ------------------------------------------------------------------ `floorgraph stats` on bad dirs
def run_stats(d: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", "stats", "--data-dir", str(d)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_stats_on_truncated_graph(data_dir):
    nt = data_dir / "graph.nt"
    raw = nt.read_bytes()
    nt.write_bytes(raw[: len(raw) // 2])
    proc = run_stats(data_dir)
    assert proc.returncode != 0
    assert "floorgraph build" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_stats_on_empty_dir(tmp_path):
    proc = run_stats(tmp_path)
    assert proc.returncode != 0
    assert "floorgraph build" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
