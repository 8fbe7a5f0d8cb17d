"""Passages per second of the build's encoders: PyTorch (sentence-transformers) against the ONNX
export the build now embeds with (all cores, batches of similar length), on the same passages in
the same run, with the minimum cosine between their vectors.

Embedding is the floor of a build with an index: on 2 shared cores MiniLM encodes tens of report
passages per second, so a 10 MB report (~17,000 passages, ~60,000 sentence units) takes minutes
whatever the graph side costs.

    .venv/bin/python benchmarks/bench_embed.py [--data-dir data/build] [--n 400]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=ROOT / "data" / "build", help="a build with an ONNX export")
    ap.add_argument("--n", type=int, default=400, help="passages to encode")
    args = ap.parse_args()

    import numpy as np

    from app.config import Config
    from index.embedder import Embedder
    from index.passage_index import passage_document
    from index.store import read_passages

    cfg = Config.from_env(data_dir=args.data_dir)
    texts = [passage_document(p) for p in read_passages(cfg.index_dir / "passages.jsonl", "")][: args.n]
    torch_enc = Embedder()
    torch_enc._load()  # model load is not encoding time
    onnx_enc = Embedder(onnx_dir=cfg.encoder_dir, onnx_threads=os.cpu_count() or 1)
    onnx_enc.onnx_encoder()
    rows = []
    for name, enc in (("pytorch", torch_enc), ("onnx", onnx_enc)):
        t0, c0 = time.perf_counter(), time.process_time()
        vecs = enc._encode(texts)
        rows.append((name, time.perf_counter() - t0, time.process_time() - c0, vecs, enc.backend))
    print(f"{len(texts)} passages, {sum(map(len, texts)) / len(texts):.0f} characters on average; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    base_wall, base_cpu = rows[0][1], rows[0][2]
    for name, wall, cpu, _, backend in rows:
        print(f"{name:8} ({backend}) {len(texts) / wall:7.1f} passages/s wall  {cpu:7.1f} CPU s  "
              f"wall {wall / base_wall:5.2f}x  CPU {cpu / base_cpu:5.2f}x of PyTorch")
    cos = float(np.min(np.sum(rows[0][3] * rows[1][3], axis=1)))
    print(f"min cosine ONNX vs PyTorch: {cos:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
