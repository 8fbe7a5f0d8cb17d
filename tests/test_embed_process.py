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


def _kept_dir(factory) -> Path:
    """The module's vector cache folder (index/vector_cache.py), empty before the first build."""
    return factory.getbasetemp() / "kept-vectors"


@pytest.fixture(scope="module")
def embedded(report_texts, tmp_path_factory):
    texts, questions = report_texts
    job = EmbedInBackground.start(None, tmp_path_factory.mktemp("no-previous-build"), questions=questions,
                                  vector_cache=_kept_dir(tmp_path_factory))
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


def test_a_fresh_data_dir_reuses_the_question_vectors_an_earlier_build_kept(report_texts, embedded,
                                                                          tmp_path_factory):
    """The question bank does not depend on the report: a build into a new data dir takes its
    vectors from the cache the first build wrote, embeds none of them, and hands the very same
    vectors to the parent; the passages and units (no previous data dir) are embedded as before."""
    from index import vector_cache

    texts, questions = report_texts
    sha = Embedder(None).weights_sha256
    kept = vector_cache.load(_kept_dir(tmp_path_factory), sha)
    assert kept is not None, "the first build must have kept the questions' vectors"
    qkeys = [text_key(sha, q) for q in questions]
    assert set(qkeys) <= set(kept[0])
    job = EmbedInBackground.start(None, tmp_path_factory.mktemp("another-fresh-dir"), questions=questions,
                                  vector_cache=_kept_dir(tmp_path_factory))
    job.send(texts)
    again = job.result()
    assert again is not None, job.error
    assert again.counts["questions"] == 0
    assert again.counts["passages"] == embedded.counts["passages"] and again.counts["units"] == embedded.counts["units"]
    first = dict(zip(embedded.keys, embedded.vectors))
    sent = dict(zip(again.keys, again.vectors))
    for k in qkeys:
        assert k in sent, "a kept vector must reach the parent like one made in this build"
        assert np.array_equal(sent[k], first[k])


def test_the_vector_cache_ignores_what_it_cannot_read_and_replaces_a_changed_bank(tmp_path):
    from index import vector_cache

    assert vector_cache.load(tmp_path, "ab" * 32) is None  # nothing kept yet
    vector_cache.cache_file(tmp_path, "ab" * 32).write_bytes(b"not an npz")
    assert vector_cache.load(tmp_path, "ab" * 32) is None  # unreadable: no reuse, no error
    vecs = np.arange(6, dtype=np.float32).reshape(2, 3)
    assert vector_cache.save(tmp_path, "ab" * 32, ["k1", "k2"], vecs)
    keys, got = vector_cache.load(tmp_path, "ab" * 32)
    assert keys == ["k1", "k2"] and np.array_equal(got, vecs)
    assert vector_cache.load(tmp_path, "cd" * 32) is None  # another model's weights: not these
    assert vector_cache.save(tmp_path, "ab" * 32, ["k3"], vecs[:1])
    assert vector_cache.load(tmp_path, "ab" * 32)[0] == ["k3"]
    assert not vector_cache.save(None, "ab" * 32, ["k1"], vecs[:1])  # no folder configured
