"""Artefacts that only *read* the finished graph - ``stats.json`` (SHACL and the counts), and the
Turtle and JSON-LD views, and the on-disk Oxigraph store (the build passes its job) - made in a
second process while this one writes the passages, the knowledge base and N-Triples.

Why: on a 10 MB report these take about a third of the build after extraction, and none of them
changes the graph, as none of this process's remaining steps does.  A forked child sees the graph
as it is (copy-on-write, nothing pickled), so on two cores that third leaves the critical path.
The child sends back each file's bytes (the store it writes into the staging dir itself); the build writes them into the same staging directory as
everything else, so the data dir still switches in one step (app/builddir.py).

The bytes are the ones this process would make: the child runs the same functions on the same
graph (its memory is the parent's at the fork, so even rdflib's blank node labels agree).  If the
child cannot be started (no ``fork`` here), dies, or raises, the work is done here instead, so an
error is raised exactly as an in-process build would raise it.
"""
from __future__ import annotations

import gc
import json
import multiprocessing
import sys
import time
from dataclasses import dataclass, field
from typing import Callable


def stats_json(build) -> bytes:
    """``stats.json`` for a finished build (what :func:`graph.build.write_artefacts` writes)."""
    from graph.stats import compute_stats

    return json.dumps(compute_stats(build), indent=2).encode("utf-8")


def turtle_and_jsonld(build) -> dict[str, bytes]:
    """``graph.ttl`` and ``graph.jsonld``, from the graph's N-Triples as write_artefacts makes them
    (the text the build made before forking, when it did: the same bytes, not made twice)."""
    from graph.serialise import ntriples
    from graph.serialise import turtle_and_jsonld as views

    nt = build.ntriples() if hasattr(build, "ntriples") else ntriples(build.graph)
    turtle, jsonld = views(nt, build.graph.namespaces())
    return {"graph.ttl": turtle, "graph.jsonld": jsonld}


def oxigraph_store_job(graph_file, directory) -> "Job":
    """A job that bulk-loads the build's N-Triples text (the one ``graph_file`` is written from)
    into the on-disk Oxigraph store at ``directory`` - a folder inside the build's staging dir, so
    it is written there directly and returns no bytes.  Why here: the load is the parent's largest
    step after the fork (about 3-8 CPU s on a 10 MB report) and, like the other jobs, only reads
    the finished graph."""

    def job(build) -> dict[str, bytes]:
        import shutil
        from pathlib import Path

        from app.stores.graph import write_disk_store

        # a child that died while loading leaves its half-made folder: not sealed into the build
        for stray in Path(directory).parent.glob(f".{Path(directory).name}.new-*"):
            shutil.rmtree(stray, ignore_errors=True)
        write_disk_store(graph_file, directory, ntriples=build.ntriples().encode("utf-8"))
        return {}

    return job


# what the child makes: file name(s) -> bytes, in this order
Job = Callable[[object], dict[str, bytes]]
JOBS: tuple[tuple[str, Job], ...] = (
    ("shacl_stats", lambda b: {"stats.json": stats_json(b)}),
    ("turtle_jsonld", turtle_and_jsonld),
)


def run_jobs(build, jobs=JOBS) -> tuple[dict[str, bytes], dict[str, float]]:
    """(file name -> bytes, job -> CPU seconds)."""
    files: dict[str, bytes] = {}
    cpu: dict[str, float] = {}
    for name, job in jobs:
        t0 = time.process_time()
        files |= job(build)
        cpu[name] = time.process_time() - t0
    return files, cpu


def _die_with_parent() -> None:
    """Linux: end this child when the build process ends (a killed build leaves no orphan)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _child(build, jobs, conn) -> None:  # runs in the forked process
    _die_with_parent()
    try:
        conn.send(("ok",) + run_jobs(build, jobs))
    except BaseException as exc:  # noqa: BLE001 - reported; the parent does the work and raises itself
        conn.send(("error", repr(exc), {}))
    finally:
        conn.close()



def stop_child(proc, conn, grace_s: float) -> None:
    """End a forked build child: let it finish for ``grace_s``, then terminate it, and close its
    pipe end (shared by every process a build forks, so none outlives a failed build)."""
    if proc is None:
        return
    if proc.is_alive():
        proc.join(timeout=grace_s)
    if proc.is_alive():
        proc.terminate()
        proc.join(5)
    if conn is not None:
        conn.close()

def can_fork() -> bool:
    """Fork is fast and shares the graph without pickling; only where it is the safe default."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


@dataclass
class InBackground:
    """Artefacts being made by a forked child (or not: then :meth:`result` makes them here)."""

    build: object
    jobs: tuple = JOBS
    proc: object = None
    conn: object = None
    cpu_s: dict = field(default_factory=dict)  # job -> CPU seconds (build.json steps_s)
    waited_s: float = 0.0  # how long the parent waited for the child
    ran_in: str = "this process"

    @classmethod
    def start(cls, build, jobs=JOBS, enabled: bool = True) -> "InBackground":
        job = cls(build, jobs)
        if not (enabled and can_fork()):
            return job
        ctx = multiprocessing.get_context("fork")
        recv, send = ctx.Pipe(duplex=False)
        # Objects frozen out of the collector are not written to by the child's collections, so
        # the pages the two processes share stay shared (copy-on-write) instead of being copied.
        # A heap the caller froze already (graph/long_lived.py) stays frozen: it is the caller's.
        frozen_before = gc.get_freeze_count() > 0
        gc.freeze()
        try:
            proc = ctx.Process(target=_child, args=(build, jobs, send), name="floorgraph-artefacts",
                               daemon=True)
            proc.start()
        except OSError:
            return job
        finally:
            if not frozen_before:
                gc.unfreeze()
            send.close()
        job.proc, job.conn = proc, recv
        return job

    def result(self) -> dict[str, bytes]:
        """File name -> bytes: the child's, else made here."""
        if self.proc is not None:
            t0 = time.perf_counter()
            try:
                status, files, cpu = self.conn.recv()
            except (EOFError, OSError):
                status, files, cpu = "died", {}, {}
            finally:
                self.stop()
            self.waited_s = time.perf_counter() - t0
            if status == "ok":
                self.ran_in, self.cpu_s = "a second process", cpu
                return files
        files, self.cpu_s = run_jobs(self.build, self.jobs)  # the same work here (raises as before)
        return files

    def stop(self) -> None:
        """End the child (a build that failed elsewhere does not leave it running)."""
        stop_child(self.proc, self.conn, grace_s=0.5)
        self.proc = None
