"""The ONNX query encoder written by `floorgraph build` reproduces the PyTorch model's vectors,
and a query process that uses it never imports torch."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent


def _stored_texts(data_dir: Path, n: int) -> list[str]:
    """Texts the build embedded: passages first, then QA units (short and long mixed)."""
    from app.config import Config
    from index.passage_index import passage_document
    from index.store import read_passages

    cfg = Config.from_env(data_dir=data_dir)
    texts = [passage_document(p) for p in read_passages(cfg.index_dir / "passages.jsonl", "")]
    texts += [json.loads(l)["text"] for l in (cfg.qa_dir / "units.jsonl").read_text(encoding="utf-8").splitlines() if l]
    return texts[:n]


def test_onnx_matches_pytorch_on_400_texts(built_data_dir):
    """The build embeds with the export too (app.pipeline.build_embedder): its vectors must be
    PyTorch's, in the caller's order although it batches texts by length."""
    from app.config import Config
    from index.embedder import Embedder
    from index.onnx_encoder import OnnxEncoder

    texts = _stored_texts(built_data_dir, 1000)[::-1][:400]  # units then passages: mixed lengths
    assert len(texts) == 400 and len({len(t) for t in texts}) > 100
    reference = Embedder()._encode(texts)  # PyTorch: no onnx_dir
    enc = OnnxEncoder(Config.from_env(data_dir=built_data_dir).encoder_dir, threads=2)
    got = enc.encode(texts)
    assert got.shape == reference.shape and got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    cos = np.sum(got * reference, axis=1)
    assert cos.min() >= 0.999, f"min cosine {cos.min():.5f}"
    # one text at a time gives the same vectors: the length-sorted batches are put back in order
    for i in (0, 57, 399):
        assert float(enc.encode([texts[i]])[0] @ got[i]) > 0.99999


def test_runtime_embedder_uses_onnx_for_these_weights_only(built_data_dir, tmp_path):
    from app.config import Config
    from app.runtime import Runtime

    rt = Runtime(Config.from_env(data_dir=built_data_dir))
    q = rt.embedder.encode(["Who funds the work in Jordan?"])
    assert rt.embedder.backend == "onnx" and q.shape == (1, 384)
    # An export made from other weights is ignored (the sha in its manifest does not match).
    import shutil

    enc = tmp_path / "encoder"
    shutil.copytree(Config.from_env(data_dir=built_data_dir).encoder_dir, enc)
    m = json.loads((enc / "manifest.json").read_text())
    m["source_weights_sha256"] = "0" * 64  # as if exported from another model file
    m["source_weights_stat"] = ["model.safetensors", 1, 1]
    (enc / "manifest.json").write_text(json.dumps(m))
    from index.embedder import Embedder

    e = Embedder(onnx_dir=enc)
    assert e.onnx_encoder() is None


def test_cold_ask_process_never_imports_torch(built_data_dir):
    code = ("import sys; from app.cli import main; rc = main(['ask', '--json', '--data-dir', sys.argv[1], "
            "'Which organisations fund social protection work in Cambodia?']); "
            "print('TORCH' if 'torch' in sys.modules else 'NO-TORCH', file=sys.stderr); sys.exit(rc)")
    env = os.environ | {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", code, str(built_data_dir)], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "NO-TORCH" in out.stderr
    assert json.loads(out.stdout)["question"].startswith("Which organisations")
