"""The build's encoder export and embeddings, made in a forked second process while this one
parses and extracts.

Why: on a 10 MB report the index stage (torch import, ONNX export and its check, then embedding
the passages, the QA units and the question bank) took about as long as everything before it, and
none of it needs the extraction: the texts are known once the report is parsed, the question bank
never depends on the report.  A child forked at the start of the build exports the encoder while
the parent parses, receives the texts once they are parsed and embeds them on the second core
(ONNX releases the GIL, but a thread would still share this process's Python work; a process
does not).  The parent then builds the index from vectors already there.

Same vectors, bit for bit: ONNX Runtime's results do not depend on its thread count, but they do
depend on a batch's padding (1 ulp), so the child makes exactly the build's three ``encode`` calls -
passage documents, then units, then questions, each over the texts no earlier call or previous
build embedded - with the same length-sorted batches.

The child writes nothing into the data dir: it returns the encoder's files and the vectors, which
the parent writes into the build's staging directory (app/builddir.py), so the switch stays
atomic.  If the child cannot start, dies, or raises, :meth:`EmbedInBackground.result` returns None
and the build does the work in-process as before (raising there as it would have).
"""
from __future__ import annotations

import json
import multiprocessing
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from graph.artefacts_process import _die_with_parent, can_fork, stop_child

IDLE = "idle"  # the parent's word that it now waits for this process (which may then take both cores)


@dataclass
class Texts:
    """What the parent sends once the report is parsed."""

    check: list[str]  # sample passage documents the export is checked on (PyTorch vs ONNX)
    passages: list[str]  # passage documents (index.passage_index.passage_document), in order
    units: list[str]  # QA unit texts (app.qa.units.make_units), in order


@dataclass
class Embedded:
    """The child's work: the encoder's files and every vector it computed."""

    encoder_files: dict[str, bytes]  # file name -> bytes of the exported encoder folder
    manifest: dict  # the export's manifest (check figures, seconds)
    keys: list[str]  # index.embedder.text_key of each row of ``vectors``
    vectors: np.ndarray
    counts: dict[str, int] = field(default_factory=dict)  # call -> texts embedded
    cpu_s: dict[str, float] = field(default_factory=dict)  # step -> the child's CPU seconds


def previous_vectors(embedder, cache, previous: Path, which: str) -> None:
    """Add the vectors of the previous build in ``previous`` (a data dir) to ``cache``, as the
    in-process build adds them before each of its calls: ``which`` is "passages", "units" or
    "questions".  Best effort, like the build's own loaders: anything unreadable adds nothing."""
    from index.embedder import text_key

    try:
        if which == "passages":
            from index.passage_index import PassageIndex

            idx = PassageIndex(embedder)
            idx.cache = cache
            idx.load_cache(previous / "index")
            return
        qa = previous / "qa"
        name, npy = ("units.jsonl", "units.npy") if which == "units" else ("intent.jsonl", "intent.npy")
        texts = [json.loads(line)["text"] for line in (qa / name).read_text(encoding="utf-8").splitlines() if line]
        vecs = np.load(qa / npy)
    except Exception:  # noqa: BLE001 - a cache, never a source of truth (as build_units treats it)
        return
    if len(texts) == len(vecs):
        cache.add((text_key(embedder.weights_sha256, t) for t in texts), vecs)


def question_texts() -> list[str]:
    """The generated question bank's texts, as app.qa.intent.IntentIndex.build embeds them."""
    from app.qa.bank import as_rows, generate

    return [r["text"] for r in as_rows(generate())]


def _work(model_path: str | None, previous: Path, conn, questions: list[str] | None = None,
          vector_cache: Path | None = None) -> Embedded:
    import os
    import shutil
    import threading

    cpu: dict[str, float] = {}
    clock = [time.process_time()]

    def step(name: str) -> None:
        now = time.process_time()
        cpu[name], clock[0] = now - clock[0], now

    # The texts are read as soon as the parent sends them (a thread here), so its send never
    # waits for this process's torch import; then the thread waits for the parent's "idle" (it
    # is waiting for this process): from then on the encoder runs on every core.
    inbox: list = []
    texts_in, idle = threading.Event(), threading.Event()

    def read() -> None:
        try:
            inbox.append(conn.recv())
            texts_in.set()
            if conn.recv() == IDLE:
                idle.set()
        except (EOFError, OSError):
            pass
        finally:
            texts_in.set()

    threading.Thread(target=read, daemon=True).start()

    import torch

    from index import vector_cache as vector_cache_mod
    from index.embedder import Embedder, EmbeddingCache, text_key
    from index.onnx_encoder import export

    # one core: the parent parses and extracts on the other
    torch.set_num_threads(1)
    torch_embedder = Embedder(model_path)
    questions = question_texts() if questions is None else questions
    texts_in.wait()  # the parsed report's texts (the export's check needs them)
    if not inbox:
        raise RuntimeError("no texts came from the build")
    texts: Texts = inbox[0]
    step("imports")
    # The export is written beside the data dir under a name the next build's clean-up knows
    # (app/builddir.clean_stale: a ".staging-<pid>" dir whose process is gone), so a build killed
    # while this process exported leaves no 90 MB folder behind for good.
    from app.builddir import real_path

    target = real_path(Path(previous))
    tmp = target.parent / f".{target.name}.staging-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        out = tmp / "encoder"
        reference: list = []
        manifest = export(torch_embedder.path, out, torch_embedder.weights_sha256, keep_reference=reference)
        step("encoder_export")
        embedder = Embedder(model_path, onnx_dir=out, onnx_threads=1)
        encoder = embedder.onnx_encoder()
        if encoder is None:  # the build's own path then says why, and stays on PyTorch
            raise RuntimeError("the exported encoder does not load")
        done = threading.Event()  # set once the vectors are made, before the export's folder goes
        threading.Thread(target=_widen_when_idle, args=(encoder, idle, done), daemon=True).start()
        cache = EmbeddingCache()
        counts: dict[str, int] = {}
        keys: list[str] = []
        for which, batch in (("passages", texts.passages), ("units", texts.units), ("questions", questions)):
            previous_vectors(embedder, cache, previous, which)
            before = len(cache)
            kept_all = True
            if which == "questions":  # an earlier build's bank, for those this data dir lacks
                kept_all = _add_kept(cache, vector_cache_mod.load(vector_cache, embedder.weights_sha256),
                                     {text_key(embedder.weights_sha256, t) for t in batch})
            batch_keys, counts[which] = cache.fill(embedder, batch)
            if not kept_all:  # the bank changed (or the first build here): keep this one's
                vector_cache_mod.save(vector_cache, embedder.weights_sha256, batch_keys,
                                      np.stack([cache.vector(k) for k in batch_keys]))
            keys += cache.keys()[before:]  # dicts keep insertion order: the new keys are last
            step(f"embed_{which}")
            if which == "passages":
                manifest = _checked(out, manifest, reference[0], texts.check, embedder, cache, set(keys))
                step("encoder_check")
        vectors = np.stack([cache.vector(k) for k in keys]) if keys else np.zeros((0, 0), np.float32)
        files = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
        done.set()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return Embedded(files, manifest, keys, vectors, counts, cpu)


def _add_kept(cache, kept: tuple[list[str], np.ndarray] | None, wanted: set[str]) -> bool:
    """Add the kept vectors of ``wanted`` keys not in ``cache`` yet: after the call's ``before``
    mark, so they go to the parent with this build's own vectors.  True when the kept file holds
    every wanted key (nothing to save afterwards)."""
    if kept is None:
        return False
    rows = [i for i, k in enumerate(kept[0]) if k in wanted and k not in cache]
    if rows:
        cache.add([kept[0][i] for i in rows], kept[1][rows])
    return wanted.issubset(kept[0])


def _checked(out: Path, manifest: dict, reference_model, texts: list[str], embedder, cache, new: set) -> dict:
    """The export's check (index.onnx_encoder.check) on sample passage documents, with the ONNX
    vectors the passages' call just made (those a previous build made are encoded again here):
    the check then costs PyTorch's half only."""
    from index.embedder import text_key
    from index.onnx_encoder import MANIFEST_FILE, check

    sha = embedder.weights_sha256
    keys = [text_key(sha, t) for t in texts]
    redo = [t for t, k in zip(texts, keys) if k not in new]
    again = dict(zip(redo, embedder.onnx_encoder().encode(redo))) if redo else {}
    vecs = np.stack([again[t] if t in again else cache.vector(k) for t, k in zip(texts, keys)])
    manifest = manifest | check(reference_model, texts, vecs)
    (out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _widen_when_idle(encoder, idle, done) -> None:
    import os

    idle.wait()
    threads = os.cpu_count() or 1
    if threads > 1 and not done.is_set():
        # no spinning: on a shared machine a spinning thread burns the core another process needs
        try:
            encoder.use_threads(threads, spinning=False)
        except Exception:  # noqa: BLE001 - the embeddings finished (their folder is gone): nothing to widen
            pass


def _child(model_path, previous, conn, questions, vector_cache) -> None:  # runs in the forked process
    _die_with_parent()
    try:
        conn.send(("ok", _work(model_path, previous, conn, questions, vector_cache)))
    except BaseException as exc:  # noqa: BLE001 - reported; the parent does the work itself
        try:
            conn.send(("error", repr(exc)))
        except OSError:
            pass
    finally:
        conn.close()


@dataclass
class EmbedInBackground:
    """The encoder export and the build's embeddings being made by a forked child (or not)."""

    proc: object = None
    conn: object = None
    sent: bool = False
    sender: object = None  # the thread sending the texts
    scratch: Path | None = None  # where the child exports (removed here if the child is ended)
    waited_s: float = 0.0
    error: str = ""

    @classmethod
    def start(cls, model_path: str | None, previous: Path, enabled: bool = True,
              questions: list[str] | None = None, vector_cache: str | Path | None = None) -> "EmbedInBackground":
        """``previous``: the data dir the build replaces (its vectors are reused); ``questions``:
        the question bank's texts (default: app.qa.bank's, as the build embeds them);
        ``vector_cache``: a folder keeping the questions' vectors between builds
        (index/vector_cache.py; None: none kept)."""
        job = cls()
        if not (enabled and can_fork()):
            return job
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe(duplex=True)
        try:
            proc = ctx.Process(target=_child, args=(model_path, Path(previous), child, questions,
                                                    Path(vector_cache) if vector_cache else None),
                               name="floorgraph-embed", daemon=True)
            proc.start()
        except OSError:
            return job
        finally:
            child.close()
        job.proc, job.conn = proc, parent
        from app.builddir import real_path

        target = real_path(Path(previous))
        job.scratch = target.parent / f".{target.name}.staging-{proc.pid}"
        return job

    def send(self, texts: Texts) -> None:
        """Hand the parsed report's texts over; the child then checks the export and embeds.
        From a thread: the pipe takes the texts only as fast as the child (importing torch)
        reads them, and this process has extraction to do meanwhile."""
        import threading

        if self.proc is None or self.sender is not None:
            return

        def send() -> None:
            try:
                self.conn.send(texts)
                self.sent = True
            except (OSError, ValueError):
                pass

        self.sender = threading.Thread(target=send, name="floorgraph-embed-send", daemon=True)
        self.sender.start()

    def result(self) -> Embedded | None:
        """The child's work, or None (not started, died, or failed: do it in-process)."""
        t0 = time.perf_counter()
        if self.sender is not None:
            self.sender.join()
        if self.proc is None or not self.sent:
            self.stop()
            return None
        try:
            self.conn.send(IDLE)
        except OSError:
            pass
        try:
            status, *got = self.conn.recv()
        except (EOFError, OSError):
            status, got = "died", ["the embedding process ended without an answer"]
        finally:
            self.stop()
        self.waited_s = time.perf_counter() - t0
        if status == "ok":
            return got[0]
        self.error = str(got[0]) if got else status
        return None

    def stop(self) -> None:
        """End the child (a build that failed elsewhere does not leave it running)."""
        if self.proc is None:
            return
        stop_child(self.proc, self.conn, grace_s=0.2)
        if self.scratch is not None:
            import shutil

            shutil.rmtree(self.scratch, ignore_errors=True)
        self.proc = None


def texts_of(passages: Sequence, units: Sequence) -> Texts:
    """The texts the build embeds, from the parsed passages and their QA units."""
    from index.passage_index import passage_document

    docs = [passage_document(p) for p in passages]
    return Texts(check=check_sample(docs), passages=docs, units=[u.text for u in units])


# How many passage documents the ONNX export is checked on against PyTorch.  The check catches an
# export that computes something else (then every text's cosine drops, not one in a hundred); the
# PyTorch half of it is the costly part (about 5 CPU s for 100 texts), and the test suite repeats
# the check on 1,000 passages.
CHECK_TEXTS = 32


def check_sample(docs: Sequence[str], n: int = CHECK_TEXTS) -> list[str]:
    """Up to ``n`` distinct texts spread evenly over ``docs`` (a report made of repeated parts
    would otherwise check the same text several times)."""
    distinct = list(dict.fromkeys(docs))
    return distinct[:: max(1, -(-len(distinct) // n))]
