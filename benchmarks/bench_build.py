"""Build-time benchmark on the bundled report: parse, extraction, RDF, network, serialisation, SHACL.

    .venv/bin/python benchmarks/bench_build.py [--runs 3]

Each stage is timed in the same process, best of ``--runs`` runs:

* parse / extraction / RDF / network: the timings ``graph.build.build_in_memory`` records;
* serialisation: ``graph.build.write_artefacts(..., with_stats=False)`` into a temporary dir
  (passages, kb, tables, N-Triples, Turtle, JSON-LD, GraphML/GEXF/JSON network, build.json);
* SHACL: ``graph.stats.shacl_report`` on the built graph;
* provenance: ``graph.rdf.statements_without_provenance`` (the other check of ``floorgraph stats``).

The target is parse+extraction+RDF within 10 s (issue 8).  As a same-run baseline, the time to merely read the
report and split it into lines is measured too, and parse time is printed as a multiple of it.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.config import BUNDLED_REPORT  # noqa: E402
from graph.build import build_in_memory, write_artefacts  # noqa: E402
from graph.rdf import statements_without_provenance  # noqa: E402
from graph.stats import shacl_report  # noqa: E402

TARGET_S = 10.0


def baseline(path: Path, repeat: int = 20) -> float:
    """Best time to read the file and split it into lines."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        lines = path.read_text(encoding="utf-8").splitlines()
        best = min(best, time.perf_counter() - t)
    assert lines
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    t_all = time.perf_counter()
    best: dict[str, float] = {}
    b = None
    for run in range(args.runs):
        b = build_in_memory([BUNDLED_REPORT])
        times = {
            "parse": b.timings["parse_s"],
            "extraction": b.timings["extract_s"],
            "rdf": b.timings["rdf_s"],
            "network": b.timings["network_s"],
        }
        with tempfile.TemporaryDirectory(prefix="fg-bench-") as d:
            t = time.perf_counter()
            write_artefacts(b, Path(d) / "data", with_stats=False)
            times["serialisation"] = time.perf_counter() - t
        t = time.perf_counter()
        conforms, _ = shacl_report(b.graph)
        times["shacl"] = time.perf_counter() - t
        if not conforms:
            print("warning: the built graph does not conform to the SHACL shapes", file=sys.stderr)
        t = time.perf_counter()
        unprov = statements_without_provenance(b.graph)
        times["provenance"] = time.perf_counter() - t
        if unprov:
            print(f"warning: {unprov} statements without provenance", file=sys.stderr)
        for k, v in times.items():
            best[k] = min(best.get(k, float("inf")), v)
        print(f"run {run + 1}/{args.runs}: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()), flush=True)

    base = baseline(BUNDLED_REPORT)
    print()
    print(f"bundled report: {BUNDLED_REPORT.name} ({BUNDLED_REPORT.stat().st_size:,} bytes), "
          f"{len(b.passages)} passages, {len(b.graph):,} triples")
    print(f"best of {args.runs} runs:")
    for k in ("parse", "extraction", "rdf", "network", "serialisation", "shacl", "provenance"):
        print(f"  {k:14} {best[k]:8.3f} s")
    core = best["parse"] + best["extraction"] + best["rdf"]
    print(f"  parse+extraction+RDF {core:.3f} s against the {TARGET_S:.0f} s target: "
          f"ratio {core / TARGET_S:.3f} ({'within' if core <= TARGET_S else 'OVER'} target)")
    print(f"baseline (read file + split into lines): {base * 1000:.3f} ms; "
          f"parse / baseline = {best['parse'] / base:,.0f}x")
    print(f"benchmark wall time {time.perf_counter() - t_all:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
