"""The build's embedding process (index/embed_process.py): the encoder export and the vectors it
makes while the build extracts must be exactly what the build would have made in-process, and a
build that fails must leave neither a data dir nor the process behind."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from graph.parse import parse_report
from index.embed_process import EmbedInBackground, texts_of
from index.embedder import Embedder, EmbeddingCache, text_key

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"


@pytest.fixture(scope="module")
def report_texts():
    from app.qa.units import make_units

    doc = parse_report(REPORT.read_text(encoding="utf-8"), REPORT.name)
    passages = doc.passages[:40]
    units = make_units(passages)
    # a question that is also a passage's unit: embedded once, by the units' call
    questions = ["Which countries joined the programme?", units[3].text, "How much did Belgium fund?"]
    return texts_of(passages, units), questions


@pytest.fixture(scope="module")
def embedded(report_texts, tmp_path_factory):
    texts, questions = report_texts
    job = EmbedInBackground.start(None, tmp_path_factory.mktemp("no-previous-build"), questions=questions)
    assert job.proc is not None, "fork is available on Linux: the process must start"
    job.send(texts)
    got = job.result()
    assert got is not None, job.error
    assert job.proc is None  # ended
    return got


def test_vectors_are_bit_identical_to_in_process_embedding(report_texts, embedded, tmp_path):
    texts, questions = report_texts
    enc_dir = tmp_path / "encoder"
    enc_dir.mkdir()
    for name, data in embedded.encoder_files.items():
        (enc_dir / name).write_bytes(data)
    # the build's in-process path: every core, the same three calls in the same order
    embedder = Embedder(None, onnx_dir=enc_dir, onnx_threads=2)
    cache = EmbeddingCache()
    counts = [cache.fill(embedder, batch)[1] for batch in (texts.passages, texts.units, questions)]
    assert embedder.backend == "onnx"
    assert counts == [embedded.counts[k] for k in ("passages", "units", "questions")]
    assert embedded.counts["questions"] == 2  # the unit's text was embedded by the units' call
    assert len(embedded.keys) == len(cache) == sum(counts)
    for key, vec in zip(embedded.keys, embedded.vectors):
        assert np.array_equal(vec, cache.vector(key)), "the child's vector differs from the build's"
    assert embedded.manifest["min_cosine"] >= 0.999 and embedded.manifest["checked_texts"] == len(texts.check)


def test_vectors_made_elsewhere_count_as_embedded_once(report_texts, embedded):
    texts, questions = report_texts
    embedder = Embedder(None)
    sha = embedder.weights_sha256
    cache = EmbeddingCache()
    cache.add(embedded.keys, embedded.vectors, fresh=True)
    vecs, n = cache.embed(embedder, texts.passages)  # all present: nothing is encoded (no torch)
    assert n == embedded.counts["passages"] and embedder.backend == "pending"
    assert np.array_equal(vecs[0], cache.vector(text_key(sha, texts.passages[0])))
    assert cache.embed(embedder, texts.passages)[1] == 0  # counted once


def test_failed_build_leaves_no_data_dir_and_no_process(tmp_path, monkeypatch):
    import app.pipeline
    import graph.serialise
    from app.config import Config
    from index import embed_process

    started = []
    real_start = embed_process.EmbedInBackground.start

    def start(*a, **kw):
        job = real_start(*a, **kw)
        started.append(job.proc)
        return job

    monkeypatch.setattr(embed_process.EmbedInBackground, "start", classmethod(lambda cls, *a, **kw: start(*a, **kw)))

    def boom(*a, **kw):
        raise RuntimeError("serialising failed")

    monkeypatch.setattr(graph.serialise, "ntriples", boom)
    data = tmp_path / "data"
    with pytest.raises(RuntimeError, match="serialising failed"):
        app.pipeline.build(Config.from_env(data_dir=data), progress=lambda s: None)
    assert not data.exists() and not list(tmp_path.iterdir())
    assert started and started[0] is not None
    started[0].join(5)
    assert not started[0].is_alive()
