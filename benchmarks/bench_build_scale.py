"""How graph build time grows with input size (issue 10, D10: extraction must be linear).

Inputs of 1, 5 and 10 MB are made by concatenating copies of the bundled report, each copy renamed
(its title and headings carry "copy N") so sections and passages are distinct.  Each size is built
with the real CLI, ``floorgraph build --no-index`` (graph, network, SHACL stats; the embedding index
is measured by bench_index.py), into a fresh data dir.  Prints seconds per size, MB/s, and the growth
ratio time(n MB) / (n x time(1 MB)) - about 1 for linear work.

Then a table of every step's seconds (parse, each extractor, RDF, each serialisation, SHACL, the
on-disk store; from the ``steps_s`` build.json records) with its growth, so a step that grows faster
than its input stands out.  ``--baseline DIR`` (a checkout of an older commit, e.g. made with
``git archive <commit> | tar -x -C DIR``) builds every size with that code too, in the same run,
alternating with this checkout, and prints after/before ratios.  ``--index`` builds the passage
index too (embeddings: the real model).

    .venv/bin/python benchmarks/bench_build_scale.py [--sizes 1 5 10] [--limit-s 60] [--baseline DIR] [--index]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"


def make_input(mb: float, path: Path) -> Path:
    src = REPORT.read_text(encoding="utf-8")
    target = int(mb * 1_000_000)
    parts, size, i = [], 0, 0
    while size < target:
        i += 1
        copy = src.replace("\n# ", f"\n# Copy {i}: ", 1).replace("\n## ", f"\n## (copy {i}) ")
        parts.append(copy)
        size += len(copy.encode("utf-8"))
    text = "\n\n".join(parts)
    path.write_text(text, encoding="utf-8")
    return path


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes so far."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def build_once(root: Path, src: Path, data: Path, env: dict, index: bool, show: bool) -> tuple[float, float, dict]:
    """(wall s, CPU s, steps_s of build.json) of one `floorgraph build` run with the code in ``root``."""
    t0, cpu0 = time.perf_counter(), _children_cpu()
    cmd = [sys.executable, "-m", "app.cli", "build", "--max-source-mb", "0", "--source", str(src),
           "--data-dir", str(data)] + ([] if index else ["--no-index"])
    r = subprocess.run(cmd, cwd=root, env=env, stderr=None if show else subprocess.DEVNULL,
                       stdout=subprocess.PIPE, text=True)
    took, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if r.returncode not in (0, 1):  # 1: SHACL violations (copies repeat identifiers), still built
        raise SystemExit(f"build of {src.name} with {root} failed with exit {r.returncode}")
    manifest = json.loads((data / "build.json").read_text(encoding="utf-8"))
    steps = manifest.get("steps_s", {})
    # what was built, so before and after can be shown to build the same graph
    steps["_triples"] = json.loads((data / "stats.json").read_text(encoding="utf-8"))["triples"]
    steps["_graph_sha256"] = _graph_digest(data / "graph.nt")
    return took, cpu, steps


def _graph_digest(nt: Path) -> str:
    """sha256 of the sorted N-Triples lines, blank node labels erased (rdflib's differ per run)."""
    import hashlib
    import re

    lines = sorted(re.sub(r"_:\w+", "_:b", line) for line in nt.read_text(encoding="utf-8").splitlines())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10])
    ap.add_argument("--limit-s", type=float, default=60.0, help="time target for the largest size")
    ap.add_argument("--baseline", type=Path, default=None, help="a checkout of older code to compare with")
    ap.add_argument("--index", action="store_true", help="build the passage index too (the real model)")
    args = ap.parse_args()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    roots = [("after", ROOT)] + ([("before", args.baseline.resolve())] if args.baseline else [])
    rows: dict[str, list] = {name: [] for name, _ in roots}
    with tempfile.TemporaryDirectory(prefix="fg-scale-") as tmp:
        for mb in args.sizes:
            src = make_input(mb, Path(tmp) / f"report-{mb:g}mb.md")
            real_mb = src.stat().st_size / 1e6
            for name, root in roots:
                data = Path(tmp) / f"data-{name}-{mb:g}"
                took, cpu, steps = build_once(root, src, data, env, args.index,
                                              show=mb == max(args.sizes) and name == "after")
                shutil.rmtree(data, ignore_errors=True)
                rows[name].append((mb, real_mb, took, cpu, steps))
                print(f"{name:6} {real_mb:6.2f} MB  {took:7.1f} s  (CPU {cpu:7.1f} s)  {real_mb / took:5.3f} MB/s",
                      flush=True)
    print(f"\nload average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(on a shared machine CPU seconds are the steadier figure)")
    for name, _ in roots:
        _growth_table(name, rows[name])
    _process_table(roots, rows)
    _steps_table(rows["after"])
    if args.baseline:
        print("\nafter / before, same input, same run (< 1: faster now)")
        print("size      wall before  after  ratio   CPU before  after  ratio")
        for (mb, real, t, cpu, st), (_, _, tb, cpub, stb) in zip(rows["after"], rows["before"]):
            same = "same graph" if st["_graph_sha256"] == stb["_graph_sha256"] else \
                f"GRAPHS DIFFER ({stb['_triples']} vs {st['_triples']} triples)"
            print(f"{real:5.2f} MB {tb:11.1f} {t:6.1f} {t / tb:6.2f}x {cpub:11.1f} {cpu:6.1f} {cpu / cpub:6.2f}x   "
                  f"{st['_triples']} triples, {same}")
        _compare_steps(rows["after"][-1][4], rows["before"][-1][4])
    largest = rows["after"][-1]  # (size, MB, wall s, CPU s, steps)
    verdict = "OK" if largest[2] <= args.limit_s else "OVER"
    print(f"\nlargest input {largest[1]:.1f} MB: {largest[2]:.1f} s wall, {largest[3]:.1f} s CPU "
          f"(target <= {args.limit_s:g} s): {verdict}")
    return 0


def _growth_table(name: str, rows: list) -> None:
    base_mb, base_real, base_t, base_cpu, _ = rows[0]
    print(f"\n{name}: size      wall s   growth     CPU s   growth   (growth: vs linear from the first size)")
    for mb, real, t, cpu, _ in rows:
        print(f"{'':{len(name)}}  {real:5.2f} MB {t:7.1f}  {t / (base_t * real / base_real):6.2f}x  {cpu:7.1f}  "
              f"{cpu / (base_cpu * real / base_real):6.2f}x")


def process_cpu(cpu: float, steps: dict) -> dict[str, float]:
    """CPU seconds of each process of one build: the forked artefacts process (SHACL, counts,
    Turtle/JSON-LD, the on-disk store: their ``write.*`` CPU figures when made there), the forked embedding process
    (``index.child.*``: encoder export and embeddings) and the main process (the rest)."""
    embed = sum(v for k, v in steps.items() if k.startswith("index.child."))
    artefacts = sum(steps.get(k, 0.0) for k in ("write.shacl_stats", "write.turtle_jsonld", "write.oxigraph_store")) \
        if "write.background_wait" in steps else 0.0
    return {"main": cpu - embed - artefacts, "artefacts": artefacts, "embedding": embed}


def _process_table(roots: list, rows: dict) -> None:
    """Per process CPU, and the wall time a quiet 2-core machine would need: at least the main
    process's CPU (one thread) and at least half of all the CPU (two cores)."""
    print("\nCPU s by process (a quiet 2-core machine's wall >= max(main, total / 2))")
    print("code    size      main  artefacts  embedding   total   quiet 2-core estimate")
    for name, _ in roots:
        for mb, real, t, cpu, steps in rows[name]:
            pc = process_cpu(cpu, steps)
            print(f"{name:6} {real:5.2f} MB {pc['main']:7.1f} {pc['artefacts']:10.1f} {pc['embedding']:10.1f} "
                  f"{cpu:7.1f}   {max(pc['main'], cpu / 2):7.1f} s")


def _steps_table(rows: list) -> None:
    """Seconds of each step per size, and its growth from the first size against linear."""
    names = [n for n in rows[-1][4] if not n.startswith("_")]
    base = rows[0]
    print("\nsteps (s)" + "".join(f"{r[1]:>9.1f}MB" for r in rows) + "   growth (largest vs linear)")
    for step in sorted(names, key=lambda n: -rows[-1][4].get(n, 0)):
        vals = [r[4].get(step, 0.0) for r in rows]
        scale = rows[-1][1] / base[1]
        growth = vals[-1] / (vals[0] * scale) if vals[0] > 0.05 else float("nan")
        print(f"{step:28}" + "".join(f"{v:11.2f}" for v in vals) + f"   {growth:6.2f}x")


def _compare_steps(after: dict, before: dict) -> None:
    if not any(not n.startswith("_") for n in before):  # older code recorded no steps
        return
    print("\nlargest size, step by step: before  after  ratio")
    for step in sorted({n for n in (*after, *before) if not n.startswith("_")},
                       key=lambda n: -before.get(n, after.get(n, 0))):
        b, a = before.get(step), after.get(step)
        ratio = f"{a / b:6.2f}x" if a is not None and b else "     -"
        print(f"  {step:28} {b if b is not None else float('nan'):7.2f} {a if a is not None else float('nan'):6.2f} {ratio}")


if __name__ == "__main__":
    sys.exit(main())
