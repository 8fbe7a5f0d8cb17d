"""Cold start: `floorgraph ask` in a fresh process, the query encoder (ONNX vs PyTorch), and the
first answer after `floorgraph serve` starts, each against `floorgraph --help` in the same run.

    .venv/bin/python benchmarks/bench_cold.py [--data-dir DIR] [--questions FILE] [--n 12] [--encodes 200]

Targets (issue 11): every cold `floorgraph ask` <= 2 s; ONNX encoder p50 <= 0.7x the PyTorch
encoder's p50 (both on one thread, same queries, same process); first answer after `serve` starts
<= 3 s.  The data dir must be built (`floorgraph build`), which exports the ONNX encoder.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.ports import free_port  # noqa: E402  (after ROOT is importable)

DEFAULT_QUESTIONS = ROOT / "data" / "eval" / "bank_a.jsonl"
FG = [sys.executable, "-m", "app.cli"]
ENV = os.environ | {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, env=ENV)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {out.stderr.decode()[-1000:]}")
    return time.perf_counter() - t


def first_answer_after_serve(data_dir: Path, question: str) -> tuple[float, float]:
    """Seconds from spawning `floorgraph serve` to (first /healthz answer, first /api/ask answer)."""
    import requests

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen(FG + ["serve", "--data-dir", str(data_dir), "--port", str(port)], cwd=ROOT, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                requests.get(base + "/healthz", timeout=5)
                break
            except requests.ConnectionError:
                if time.perf_counter() - t0 > 120:
                    raise SystemExit("serve did not come up in 120 s")
                time.sleep(0.02)
        t_listen = time.perf_counter() - t0
        while True:  # "warming up" (503 + Retry-After) is serve's answer until the engine is ready
            r = requests.get(base + "/api/ask", params={"q": question}, timeout=120)
            if r.status_code == 503 and r.json().get("reason") == "warming_up" and time.perf_counter() - t0 < 120:
                time.sleep(0.02)
                continue
            r.raise_for_status()
            return t_listen, time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(30)


def encoder_p50s(data_dir: Path, queries: list[str], n: int) -> tuple[float, float, float]:
    """p50 ms of ONNX and PyTorch query encoding on one thread (same queries), and their min cosine."""
    import numpy as np

    from app.config import Config
    from index.embedder import Embedder

    cfg = Config.from_env(data_dir=data_dir)
    onnx, torch_ = Embedder(cfg.model_path or None, onnx_dir=cfg.encoder_dir), Embedder(cfg.model_path or None)
    qs = (queries * (n // max(1, len(queries)) + 1))[:n]
    out = []
    for emb in (onnx, torch_):
        emb.encode(qs[:2])  # load
        times = []
        for q in qs:
            t = time.perf_counter()
            emb.encode([q])
            times.append((time.perf_counter() - t) * 1e3)
        out.append(statistics.median(times))
    assert onnx.backend == "onnx" and torch_.backend == "torch", (onnx.backend, torch_.backend)
    cos = float(np.min(np.sum(onnx.encode(queries) * torch_.encode(queries), axis=1)))
    return out[0], out[1], cos


def main(argv: list[str] | None = None) -> int:
    from app.config import Config

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--questions", default=str(DEFAULT_QUESTIONS))
    ap.add_argument("--n", type=int, default=12, help="cold `ask` processes (one question each)")
    ap.add_argument("--encodes", type=int, default=200, help="queries per encoder for the p50")
    args = ap.parse_args(argv)
    cfg = Config.from_env(data_dir=args.data_dir)
    if not (cfg.encoder_dir / "manifest.json").is_file():
        raise SystemExit(f"no ONNX encoder in {cfg.encoder_dir}; run: floorgraph build --data-dir {cfg.data_dir}")
    questions = [json.loads(l)["question"] for l in Path(args.questions).read_text().splitlines() if l.strip()]
    picked = questions[:: max(1, len(questions) // args.n)][: args.n]

    help_s = statistics.median(wall(FG + ["--help"]) for _ in range(3))
    asks = [(wall(FG + ["ask", "--data-dir", str(cfg.data_dir), q]), q) for q in picked]
    listen_s, serve_s = first_answer_after_serve(cfg.data_dir, picked[0])
    onnx_ms, torch_ms, cos = encoder_p50s(cfg.data_dir, questions, args.encodes)

    worst, worst_q = max(asks)
    med_ask = statistics.median(a for a, _ in asks)
    ok = lambda c: "met" if c else "NOT met"  # noqa: E731
    print(f"baseline `floorgraph --help`: {help_s:.2f} s (median of 3)")
    print(f"cold `floorgraph ask` x{len(asks)}: median {med_ask:.2f} s, max {worst:.2f} s "
          f"({worst / help_s:.1f}x --help)   target max <= 2 s: {ok(worst <= 2.0)}")
    print(f"   slowest: {worst_q[:90]}")
    print(f"`floorgraph serve`: listening after {listen_s:.2f} s, first answer after {serve_s:.2f} s "
          f"({serve_s / help_s:.1f}x --help)   target <= 3 s: {ok(serve_s <= 3.0)}")
    print(f"query encoder p50 (1 thread, {args.encodes} queries): ONNX {onnx_ms:.1f} ms, PyTorch {torch_ms:.1f} ms, "
          f"ratio {onnx_ms / torch_ms:.2f}   target <= 0.7: {ok(onnx_ms / torch_ms <= 0.7)}   "
          f"min cosine {cos:.5f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
