"""A build in a process that has already used Oxigraph (a test run, a server that rebuilds)
finishes: Oxigraph's on-disk engine (RocksDB) does not survive fork, so the on-disk store is loaded in
the build's own process then, not in the forked artefacts process, whose store opening would wait
on the parent's RocksDB state for ever (issue 10: the store load moved into that child)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.artefacts_process import can_fork

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = """
import sys
import pyoxigraph as ox

store = ox.Store(sys.argv[2])  # an on-disk store (RocksDB) open in this process when the build forks
store.bulk_load(input=b"".join(b"<http://e/s%d> <http://e/p> <http://e/o> .\\n" % i for i in range(5000)),
                format=ox.RdfFormat.N_TRIPLES)
assert len(store) == 5000
from app.cli import main
sys.exit(main(["build", "--data-dir", sys.argv[1], "--no-index", "--quiet"]))
"""


@pytest.mark.skipif(not can_fork(), reason="the artefacts process is forked (Linux)")
def test_a_build_after_oxigraph_was_used_in_the_process_finishes(tmp_path):
    data = tmp_path / "data"
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(data), str(tmp_path / "other-store")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (data / "oxigraph").is_dir() and (data / "graph.nt").is_file()
    import pyoxigraph as ox

    store = ox.Store.read_only(str(data / "oxigraph"))
    triples = sum(1 for line in (data / "graph.nt").read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(store) == triples  # the whole graph, loaded in the build's own process
