"""How graph build time grows with input size (issue 10, D10: extraction must be linear).

Inputs of 1, 5 and 10 MB are made by concatenating copies of the bundled report, each copy renamed
(its title and headings carry "copy N") so sections and passages are distinct.  Each size is built
with the real CLI, ``floorgraph build --no-index`` (graph, network, SHACL stats; the embedding index
is measured by bench_index.py), into a fresh data dir.  Prints seconds per size, MB/s, and the growth
ratio time(n MB) / (n x time(1 MB)) - about 1 for linear work.

    .venv/bin/python benchmarks/bench_build_scale.py [--sizes 1 5 10] [--limit-s 60]
"""
from __future__ import annotations

import argparse
import os
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10])
    ap.add_argument("--limit-s", type=float, default=60.0, help="time target for the largest size")
    args = ap.parse_args()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    rows = []
    with tempfile.TemporaryDirectory(prefix="fg-scale-") as tmp:
        for mb in args.sizes:
            src = make_input(mb, Path(tmp) / f"report-{mb:g}mb.md")
            real_mb = src.stat().st_size / 1e6
            t0, cpu0 = time.perf_counter(), _children_cpu()
            r = subprocess.run([sys.executable, "-m", "app.cli", "build", "--no-index", "--max-source-mb", "0",
                                "--source", str(src), "--data-dir", str(Path(tmp) / f"data-{mb:g}")],
                               cwd=ROOT, env=env, stderr=None if mb == max(args.sizes) else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, text=True)
            took, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
            if r.returncode not in (0, 1):  # 1: SHACL violations (copies repeat identifiers), still built
                print(f"build of {mb:g} MB failed with exit {r.returncode}", file=sys.stderr)
                return 1
            rows.append((mb, real_mb, took, cpu))
            print(f"{real_mb:6.2f} MB  {took:7.1f} s  (CPU {cpu:7.1f} s)  {real_mb / took:5.3f} MB/s", flush=True)
    base_mb, base_real, base_t, base_cpu = rows[0]
    print(f"\nload average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(on a shared machine CPU seconds are the steadier figure)")
    print("size      wall s   growth     CPU s   growth   (growth: vs linear from the first size)")
    for mb, real, t, cpu in rows:
        print(f"{real:5.2f} MB {t:7.1f}  {t / (base_t * real / base_real):6.2f}x  {cpu:7.1f}  "
              f"{cpu / (base_cpu * real / base_real):6.2f}x")
    largest = rows[-1]  # (size, MB, wall s, CPU s)
    verdict = "OK" if largest[2] <= args.limit_s else "OVER"
    print(f"\nlargest input {largest[1]:.1f} MB: {largest[2]:.1f} s (target <= {args.limit_s:g} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
