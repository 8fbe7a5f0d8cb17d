"""Question-answering latency: warm per-question median / p99 over a question set, and cold
`floorgraph ask` wall time, each against a baseline measured in the same run.

    .venv/bin/python benchmarks/bench_ask.py [--data-dir DIR] [--questions FILE] [--rounds N]

Warm baseline: one hybrid passage search for the same question (what a plain search box costs).
Cold baseline: starting the Python interpreter and importing the CLI module (`floorgraph --help`).
Target (issue): warm median <= 50 ms on this machine.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main(argv: list[str] | None = None) -> int:
    from app.config import Config
    from app.runtime import Runtime

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--questions", default=str(DEFAULT_QUESTIONS))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    config = Config.from_env(data_dir=args.data_dir)
    questions = [json.loads(l)["question"] for l in Path(args.questions).read_text().splitlines() if l.strip()]

    t = time.perf_counter()
    runtime = Runtime(config)
    engine = runtime.engine
    engine.ask(questions[0])  # loads the model
    load_s = time.perf_counter() - t
    index = runtime.passage_index
    index.search(questions[0], k=10)

    ask_ms, search_ms = [], []
    for _ in range(args.rounds):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            ask_ms.append((time.perf_counter() - t) * 1e3)
            t = time.perf_counter()
            index.search(q, k=10, mode="hybrid")
            search_ms.append((time.perf_counter() - t) * 1e3)

    def wall(cmd: list[str]) -> float:
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
        return time.perf_counter() - t

    fg = [sys.executable, "-m", "app.cli"]
    dd = ["--data-dir", str(config.data_dir)]
    cold_base = min(wall(fg + ["--help"]) for _ in range(2))
    cold_ask = min(wall(fg + ["ask", *dd, questions[0]]) for _ in range(2))

    med, p99 = statistics.median(ask_ms), pct(ask_ms, 0.99)
    smed, sp99 = statistics.median(search_ms), pct(search_ms, 0.99)
    print(f"questions: {len(questions)} x {args.rounds} rounds   engine load (incl. model): {load_s:.1f} s")
    print(f"{'':28}{'median ms':>12}{'p99 ms':>10}")
    print(f"{'engine ask (warm)':28}{med:12.1f}{p99:10.1f}")
    print(f"{'baseline: hybrid search':28}{smed:12.1f}{sp99:10.1f}")
    print(f"ratio ask/search: median {med / smed:.2f}x  p99 {p99 / sp99:.2f}x   target median <= 50 ms: "
          f"{'met' if med <= 50 else 'NOT met'}")
    print(f"cold `floorgraph ask`: {cold_ask:.1f} s   baseline `floorgraph --help`: {cold_base:.2f} s   "
          f"ratio {cold_ask / cold_base:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
