"""Question-answering latency, warm, against a hybrid passage search measured in the same run;
and where the engine's time goes.

    .venv/bin/python benchmarks/bench_ask.py [--data-dir DIR] [--sets FILE ...] [--rounds N] [--profile N]

Questions: dev + dev2 + the question bank (both halves: latency is not tuned on, so the held-out
half may be timed), i.e. every non-paraphrase set ``floorgraph eval`` finds, or ``--sets``.

* warm, first time: after the model and the graph are loaded, each question asked once, in
  order; each followed by one hybrid passage search of the same question (the baseline: what a
  plain search box costs on this machine at this moment).
* warm, repeated: ``--rounds`` more passes (identical questions hit the embedder's query cache).
* engine timings: the mean of each ``timings_ms`` step the engine reports.
* ``--profile N``: cProfile of the first N questions, the functions with most own time.
* cold: `floorgraph ask` in a fresh process against `floorgraph --help`.

Targets (issue 9): warm median <= 30 ms, p99 <= 100 ms.  The machine is shared (2 cores, other
jobs running): read the ratio to the baseline, which suffers the same load, as well as the ms.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MEDIAN_MS, TARGET_P99_MS = 30.0, 100.0


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def line(label: str, xs: list[float]) -> str:
    return f"{label:34}{statistics.median(xs):10.1f}{pct(xs, 0.9):9.1f}{pct(xs, 0.99):9.1f}{max(xs):9.1f}"


def questions_of(files: list[str] | None) -> tuple[list[str], str]:
    from app.evalsets import discover

    sets = [s for s in discover(files) if not s.is_paraphrases]
    qs = [q["question"] for s in sets for q in s.questions]
    return qs, ", ".join(f"{s.name} ({len(s.questions)})" for s in sets)


def profile(engine, questions: list[str], top: int = 18) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for q in questions:
        engine.ask(q)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    from app.config import Config
    from app.runtime import Runtime

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--sets", nargs="*", help="gold files (default: dev, dev2 and the bank)")
    ap.add_argument("--rounds", type=int, default=2, help="repeated passes after the first")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile the first N questions")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start subprocess timings")
    args = ap.parse_args(argv)
    config = Config.from_env(data_dir=args.data_dir)
    questions, source = questions_of(args.sets)

    t = time.perf_counter()
    runtime = Runtime(config)
    engine = runtime.engine
    index = runtime.passage_index
    engine.ask("warm up: who funds the work in the first country?")
    index.search("warm up", k=10)  # loads the graph context of the hybrid search
    load_s = time.perf_counter() - t

    first_ask, first_search, steps = [], [], defaultdict(list)
    for q in questions:
        t = time.perf_counter()
        out = engine.ask(q)
        first_ask.append((time.perf_counter() - t) * 1e3)
        for name, ms in (out.get("timings_ms") or {}).items():
            steps[name].append(ms)
        t = time.perf_counter()
        index.search(q, k=10, mode="hybrid")
        first_search.append((time.perf_counter() - t) * 1e3)
    rep_ask, rep_search = [], []
    for _ in range(args.rounds):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            rep_ask.append((time.perf_counter() - t) * 1e3)
            t = time.perf_counter()
            index.search(q, k=10, mode="hybrid")
            rep_search.append((time.perf_counter() - t) * 1e3)

    print(f"questions: {len(questions)} from {source}; {args.rounds} repeated rounds; "
          f"load (engine + index + model): {load_s:.1f} s")
    print(f"{'':34}{'median ms':>10}{'p90':>9}{'p99':>9}{'max':>9}")
    print(line("engine ask, warm, first time", first_ask))
    print(line("baseline: hybrid search, first", first_search))
    if rep_ask:
        print(line("engine ask, warm, repeated", rep_ask))
        print(line("baseline: hybrid search, repeated", rep_search))
    med, p99 = statistics.median(first_ask), pct(first_ask, 0.99)
    print(f"ratio ask / hybrid search (first time): median {med / statistics.median(first_search):.2f}x, "
          f"p99 {p99 / pct(first_search, 0.99):.2f}x")
    print(f"targets: median <= {TARGET_MEDIAN_MS:.0f} ms {'met' if med <= TARGET_MEDIAN_MS else 'NOT met'}; "
          f"p99 <= {TARGET_P99_MS:.0f} ms {'met' if p99 <= TARGET_P99_MS else 'NOT met'}")
    if steps:
        print("\nengine steps (timings_ms, first time): mean / median / p99 over the questions that ran the step")
        for name, xs in sorted(steps.items(), key=lambda kv: -statistics.mean(kv[1])):
            print(f"  {name:22}{statistics.mean(xs):8.2f}{statistics.median(xs):8.2f}{pct(xs, 0.99):8.2f}  (n={len(xs)})")
    if args.profile:
        engine_fresh = Runtime(config).engine  # a fresh runtime: empty caches, profile first-time work
        engine_fresh.ask("warm up: who funds the work in the first country?")
        print(f"\nprofile of {min(args.profile, len(questions))} questions (own time):")
        print(profile(engine_fresh, questions[:args.profile]))

    if not args.no_cold:
        def wall(cmd: list[str]) -> float:
            t = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
            return time.perf_counter() - t

        fg = [sys.executable, "-m", "app.cli"]
        dd = ["--data-dir", str(config.data_dir)]
        cold_base = min(wall(fg + ["--help"]) for _ in range(2))
        cold_ask = wall(fg + ["ask", *dd, questions[0]])
        print(f"\ncold `floorgraph ask`: {cold_ask:.1f} s   baseline `floorgraph --help`: {cold_base:.2f} s   "
              f"ratio {cold_ask / cold_base:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
