"""The query encoder without torch: the sentence-transformers model exported to ONNX at build time.

Why: ``import torch`` + loading the model costs ~8 s, which is almost all of a cold ``floorgraph
ask`` and of the first question after ``serve`` starts.  At build time (torch is loaded anyway to
embed the passages) :func:`export` traces the transformer body *with* mean pooling and L2
normalisation inside the graph and saves it with the model's ``tokenizer.json``; at query time
:class:`OnnxEncoder` needs only ``onnxruntime`` + ``tokenizers`` (~0.4 s to load).

The export is checked, not trusted: :func:`export` compares the ONNX vectors with the PyTorch ones
on sample texts and refuses to write an encoder whose cosine falls below ``MIN_COSINE``; the test
suite repeats the check on 1,000 passages of the report.  fp32 only: dynamic int8 quantisation was
measured at mean cosine 0.967, too far from the vectors the passages were indexed with.
"""
from __future__ import annotations

import json
import time
import warnings
from pathlib import Path
from typing import Sequence

import numpy as np

from graph.errors import FloorgraphError

ONNX_FILE = "encoder.onnx"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "manifest.json"
FORMAT = "st-mean-pool-l2/onnx-fp32/v1"
OPSET = 17
MIN_COSINE = 0.999


class EncoderUnavailable(FloorgraphError):
    """No usable ONNX encoder in a folder (missing, another model's, or a foreign format)."""


def read_manifest(directory: Path) -> dict:
    path = Path(directory) / MANIFEST_FILE
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EncoderUnavailable(f"no ONNX encoder in {directory} ({exc})") from None
    if manifest.get("format") != FORMAT:
        raise EncoderUnavailable(f"the ONNX encoder in {directory} has format {manifest.get('format')!r}, "
                                 f"this floorgraph reads {FORMAT!r}")
    return manifest


def weights_stat(model_path: Path) -> list | None:
    """(file name, size, mtime_ns) of the model's weights: lets a reader trust the recorded sha256
    of an unchanged file instead of hashing 90 MB on every cold start (as ``make`` trusts mtimes)."""
    for name in ("model.safetensors", "pytorch_model.bin"):
        path = Path(model_path) / name
        if path.is_file():
            st = path.stat()
            return [name, st.st_size, st.st_mtime_ns]
    return None


def _mean_pooling_model(model) -> bool:
    """True iff the sentence-transformers pipeline is Transformer -> mean Pooling [-> Normalize],
    the one thing the exported graph reproduces."""
    names = [type(m).__name__ for m in model]
    if names[:2] != ["Transformer", "Pooling"] or any(n not in ("Normalize",) for n in names[2:]):
        return False
    pooling = model[1]
    mode = getattr(pooling, "pooling_mode", None) or (
        "mean" if getattr(pooling, "pooling_mode_mean_tokens", False) else None)
    return mode == "mean"


def export(model_path: Path, out_dir: Path, weights_sha256: str, check_texts: Sequence[str] = (),
           keep_reference: list | None = None) -> dict:
    """Export the model at ``model_path`` into ``out_dir`` (written aside, then swapped in).

    Returns the manifest.  Raises :class:`EncoderUnavailable` when the model is not a mean-pooling
    sentence-transformers model (the caller keeps the PyTorch encoder) or when the exported encoder
    disagrees with PyTorch on ``check_texts``.  ``keep_reference``: a list the PyTorch model is
    appended to, for a caller that checks later with vectors it makes anyway (:func:`check`).
    """
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer

    from .store import atomic_write_text, staged_dir

    t0 = time.perf_counter()
    st = SentenceTransformer(str(model_path), device="cpu")
    if keep_reference is not None:
        keep_reference.append(st)
    if not _mean_pooling_model(st):
        raise EncoderUnavailable(f"{model_path} is not a mean-pooling sentence-transformers model; "
                                 "queries keep the PyTorch encoder")
    body = st[0].auto_model.eval()
    tokenizer = st.tokenizer
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise EncoderUnavailable(f"the tokenizer of {model_path} has no fast (tokenizers) backend")
    max_len = int(st.max_seq_length or tokenizer.model_max_length)
    sample = tokenizer(["a sample sentence for tracing", "another"], padding=True, return_tensors="pt")
    input_names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]

    class Encoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.body = body

        def forward(self, *inputs):
            feed = dict(zip(input_names, inputs))
            tokens = self.body(**feed)[0]
            mask = feed["attention_mask"].unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    dynamic = {n: {0: "batch", 1: "sequence"} for n in input_names} | {"embedding": {0: "batch"}}
    with staged_dir(Path(out_dir)) as tmp:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes about ops we do not use (negative indices)
            torch.onnx.export(Encoder(), tuple(sample[n] for n in input_names), str(tmp / ONNX_FILE),
                              input_names=input_names, output_names=["embedding"], dynamic_axes=dynamic,
                              opset_version=OPSET, dynamo=False)
        backend.save(str(tmp / TOKENIZER_FILE))
        manifest = {
            "format": FORMAT, "opset": OPSET, "source_model_path": str(Path(model_path).resolve()),
            "source_weights_sha256": weights_sha256, "source_weights_stat": weights_stat(Path(model_path)),
            "max_seq_length": max_len, "inputs": input_names,
            "pad_id": int(tokenizer.pad_token_id or 0), "pad_token": tokenizer.pad_token or "[PAD]",
            "dimension": int((getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension)()),
        }
        atomic_write_text(tmp / MANIFEST_FILE, json.dumps(manifest, indent=2) + "\n")
        if check_texts:
            got = OnnxEncoder(tmp, threads=max(1, torch.get_num_threads())).encode(list(check_texts))
            manifest |= check(st, check_texts, got)
        manifest["export_seconds"] = round(time.perf_counter() - t0, 2)
        atomic_write_text(tmp / MANIFEST_FILE, json.dumps(manifest, indent=2) + "\n")
    return manifest


def check(reference_model, texts: Sequence[str], onnx_vectors: np.ndarray) -> dict:
    """The export's check: the ONNX vectors of ``texts`` against the PyTorch model's.  Returns the
    manifest's check figures; raises :class:`EncoderUnavailable` below ``MIN_COSINE``."""
    reference = reference_model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True,
                                       batch_size=32, show_progress_bar=False)
    cos = float(np.min(np.sum(reference * onnx_vectors, axis=1)))
    if cos < MIN_COSINE:
        raise EncoderUnavailable(f"the ONNX export disagrees with PyTorch (min cosine {cos:.5f} < "
                                 f"{MIN_COSINE}); queries keep the PyTorch encoder")
    return {"checked_texts": len(texts), "min_cosine": round(cos, 6)}


class OnnxEncoder:
    """``encode(texts) -> (n, d)`` float32, L2-normalised: the same contract as :class:`Embedder`."""

    def __init__(self, directory: str | Path, threads: int = 1, batch_size: int = 16):
        directory = Path(directory)
        self.manifest = read_manifest(directory)
        try:
            import onnxruntime  # noqa: F401  (an availability check: the session is opened below)
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - dependencies of the project
            raise EncoderUnavailable(f"onnxruntime/tokenizers are not installed ({exc})") from None
        self.directory = directory
        self.batch_size = batch_size
        self.tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        self.tokenizer.enable_truncation(max_length=int(self.manifest["max_seq_length"]))
        self.tokenizer.enable_padding(pad_id=int(self.manifest["pad_id"]), pad_token=self.manifest["pad_token"])
        self.session = self._session(threads)
        self.inputs = [i.name for i in self.session.get_inputs()]
        self.dimension = int(self.manifest["dimension"])

    def _session(self, threads: int, spinning: bool = True):
        import onnxruntime as ort

        options = ort.SessionOptions()
        # One query on one thread: on a shared 2-core machine multi-thread barriers cost more than
        # they save for a dozen tokens (the same finding as the PyTorch path).
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        if not spinning:  # idle threads sleep instead of spinning: no CPU taken from other work
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return ort.InferenceSession(str(self.directory / ONNX_FILE), options, providers=["CPUExecutionProvider"])

    def use_threads(self, threads: int, spinning: bool = True) -> None:
        """Go on with ``threads`` intra-op threads from the next batch on (the build's embedding
        process widens when the build stops needing the other core).  The vectors do not change:
        ONNX Runtime's CPU kernels give the same bits on any thread count (checked on the report)."""
        self.session = self._session(threads, spinning)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Batches of texts of similar length: each batch is padded to its longest text, so mixed
        # lengths spent half the work on padding (800 report passages: 84 CPU s unsorted, 42 sorted).
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            rows = order[start:start + self.batch_size]
            enc = self.tokenizer.encode_batch([texts[i] for i in rows])
            arrays = {
                "input_ids": np.array([e.ids for e in enc], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64),
            }
            out[rows] = self.session.run(["embedding"], {n: arrays[n] for n in self.inputs})[0]
        return out
