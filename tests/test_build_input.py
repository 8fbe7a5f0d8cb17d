"""``floorgraph build --source`` refuses what is not a report: exit 2, a message, nothing written.

Issue 10, D10: random bytes built entities, a binary built with exit 0, a table of empty cells left a
data dir behind.  Each bad input here goes through the real CLI into an empty parent directory that
must still be empty afterwards (no data dir, no staging dir).
"""
from __future__ import annotations

import os
import random
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def build(source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", "build", "--no-index", "--quiet",
                           "--source", str(source), "--data-dir", str(out / "data"), *extra],
                          capture_output=True, text=True, timeout=600, env=ENV, cwd=ROOT)


def _random_bytes(p: Path) -> None:
    p.write_bytes(random.Random(1).randbytes(100_000))


def _random_bytes_no_nul(p: Path) -> None:
    p.write_bytes(bytes(b or 1 for b in random.Random(2).randbytes(100_000)))


def _binary(p: Path) -> None:
    p.write_bytes(Path(sys.executable).resolve().read_bytes()[:500_000])


def _empty(p: Path) -> None:
    p.write_text("")


def _blank(p: Path) -> None:
    p.write_text("\n \n\t\n")


def _empty_cells(p: Path) -> None:
    p.write_text("| | | |\n|---|---|---|\n" + "| | | |\n" * 50)


def _noise(p: Path) -> None:
    r = random.Random(3)
    p.write_text("".join(r.choice(string.ascii_letters + string.digits + string.punctuation + "  \n")
                         for _ in range(50_000)))


def _headings_only(p: Path) -> None:
    p.write_text("# Report\n\n## Part one\n\n## Part two\n")


BAD = {f.__name__.strip("_"): f for f in (_random_bytes, _random_bytes_no_nul, _binary, _empty, _blank,
                                          _empty_cells, _noise, _headings_only)}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_exit_2_and_nothing_written(tmp_path, kind):
    src = tmp_path / f"{kind}.md"
    BAD[kind](src)
    out = tmp_path / "out"
    out.mkdir()
    r = build(src, out)
    assert r.returncode == 2, (r.returncode, r.stderr[-800:])
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith("floorgraph: error:") and src.name in r.stderr
    assert list(out.iterdir()) == []


def test_size_limit_and_its_override(tmp_path):
    report = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
    out = tmp_path / "out"
    out.mkdir()
    r = build(report, out, "--max-source-mb", "0.1")
    assert r.returncode == 2 and "--max-source-mb" in r.stderr and "0.1 MB limit" in r.stderr
    assert list(out.iterdir()) == []
    r = build(report, out, "--max-source-mb", "1")
    assert r.returncode == 0, r.stderr[-800:]
    assert (out / "data" / "build.json").is_file()
    assert [p.name for p in out.iterdir()] == ["data"]  # no staging dir left behind


def test_graph_names_sources_by_file_name_and_checksum(tmp_path):
    report = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
    out = tmp_path / "out"
    r = build(report, out)
    assert r.returncode == 0, r.stderr[-800:]
    data = out / "data"
    for name in ("graph.nt", "graph.ttl", "graph.jsonld", "build.json", "kb.json", "passages.jsonl"):
        text = (data / name).read_text(encoding="utf-8")
        assert str(ROOT) not in text and str(tmp_path) not in text, name
    nt = (data / "graph.nt").read_text(encoding="utf-8")
    assert f'<http://purl.org/dc/terms/source> "{report.name}"' in nt
