"""``serve --reload-on-change``: switch a running server to a newly built data dir, whole.

Why: ``floorgraph build`` swaps a complete, sealed build into the data dir in one rename
(app/builddir.py), but a running server holds the old one's knowledge base, index, store and
encoder; until now it had to be restarted to see the new build.

How, and why this way:

* **Each build is served from a private snapshot.**  The server serves a hard-linked copy of the
  data dir (``.<name>.serving-<pid>/<n>/``; hard links cost no space, and every writer replaces
  files by rename, never in place).  Served straight from the data dir, a part loaded lazily after
  a rebuild (a restarted SPARQL worker re-opening the store, the passage index on its first search)
  would come from the *new* build while the rest is old - the mix builds may never produce.
* **A generation is one runtime and one web app over it.**  Every request runs entirely in the
  generation that was current when it arrived, so in-flight requests finish on the old build and
  new ones see the new build, never a mix.  A retired generation is closed (SPARQL workers ended,
  snapshot removed) when its last request has finished.
* **A new build is only switched in once it is proven whole:** ``build.json`` verified against every
  file (sizes and sha256) in the snapshot, the engine warmed (it answers), the passage index and
  graph store loaded.  A torn, altered or failing build is logged and ignored (not retried until
  the data dir changes again); the old build keeps serving.
* Every response says which build answered it (``X-Floorgraph-Build``: the first 16 hex digits of
  build.json's sha256), so a client or a test can tell the builds apart.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable

from app import builddir
from app.config import Config
from graph.errors import FloorgraphError

log = logging.getLogger("floorgraph.reload")

BUILD_HEADER = "X-Floorgraph-Build"


def build_id(data_dir: Path) -> str | None:
    """The build's identity: sha256 of its build.json (16 hex digits), None when there is none.
    Cheap (one small file), so polling it every few seconds costs nothing."""
    try:
        return hashlib.sha256((Path(data_dir) / builddir.MANIFEST).read_bytes()).hexdigest()[:16]
    except OSError:
        return None


@dataclass
class Generation:
    """One served build: its runtime, the WSGI app over it, and the requests still running on it."""

    build_id: str
    runtime: Any  # app.runtime.Runtime
    app: Callable
    snapshot: Path | None
    inflight: int = 0
    retired: bool = False
    closed: bool = field(default=False, repr=False)


class _Body:
    """The response iterable of one request: releases its generation when the server closes it
    (PEP 3333: ``close()`` is called once the response has been sent, or the client is gone)."""

    def __init__(self, body: Iterable[bytes], release: Callable[[], None]):
        self._body, self._release = body, release

    def __iter__(self):
        return iter(self._body)

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            self._release()


class ReloadingApp:
    """A WSGI app that serves the current :class:`Generation` and switches to a new build when the
    data dir's build.json changes (polled every ``config.reload_poll_s`` seconds)."""

    def __init__(self, config: Config, make_app: Callable[[Any], Callable],
                 make_runtime: Callable[[Config], Any] | None = None):
        from app.runtime import Runtime

        self.config = config
        self.data_dir = Path(config.data_dir)
        self._make_app = make_app
        self._make_runtime = make_runtime or Runtime
        self._lock = threading.Lock()
        self._seq = 0
        self._refused: str | None = None  # the build.json digest last refused (not retried)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        root = builddir.real_path(self.data_dir)
        self._snapshots = root.parent / f".{root.name}.serving-{os.getpid()}"
        builddir.clean_stale(root)
        shutil.rmtree(self._snapshots, ignore_errors=True)
        self.current = self._load(warm=False)  # the first build: verified, warmed in the background
        self.current.runtime.warm_in_background()
        log.info("serving build %s; watching %s for new builds", self.current.build_id, self.data_dir)

    # -- WSGI ---------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        with self._lock:
            gen = self.current
            gen.inflight += 1
        header = (BUILD_HEADER, gen.build_id)

        def start(status, headers, exc_info=None):
            return start_response(status, [*headers, header], exc_info)

        try:
            body = gen.app(environ, start)
        except BaseException:
            self._release(gen)
            raise
        return _Body(body, lambda: self._release(gen))

    def runs_inline(self, environ) -> bool:
        """The current build's answer (app/web/waitress_server.py): may this request run on the
        server's event loop?"""
        from app.web.waitress_server import runs_inline_of

        decide = runs_inline_of(self.current.app)
        return bool(decide and decide(environ))

    def _release(self, gen: Generation) -> None:
        with self._lock:
            gen.inflight -= 1
            done = gen.retired and gen.inflight == 0
        if done:
            self._dispose(gen)

    # -- loading and switching ----------------------------------------------------------------
    def _snapshot(self) -> tuple[str, Path]:
        """Hard-link the data dir's files into a fresh private directory; (build id, its path).
        Raises :class:`_Changed` when the data dir changed while it was being copied."""
        before = build_id(self.data_dir)
        if before is None:
            raise FloorgraphError(f"no complete build in {self.data_dir} ({builddir.MANIFEST} is missing)")
        self._seq += 1
        dest = self._snapshots / str(self._seq)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(builddir.real_path(self.data_dir), dest, copy_function=builddir.link_or_copy,
                        ignore=shutil.ignore_patterns(".*.tmp"))
        if build_id(dest) != before or build_id(self.data_dir) != before:
            shutil.rmtree(dest, ignore_errors=True)
            raise _Changed()
        return before, dest

    def _load(self, warm: bool) -> Generation:
        """A generation over a verified snapshot of the data dir (warmed first when ``warm``)."""
        ident, snap = self._snapshot()
        runtime = None
        try:
            builddir.verify_build(snap)  # every file, sizes then sha256: a torn build stops here
            runtime = self._make_runtime(replace(self.config, data_dir=snap))
            if warm:
                runtime.warm(raise_errors=True)  # the engine answers, the store and workers are up
                runtime.passage_index  # noqa: B018 - load it now, not on the first search
            return Generation(ident, runtime, self._make_app(runtime), snap)
        except BaseException:
            if runtime is not None:
                runtime.close()
            shutil.rmtree(snap, ignore_errors=True)
            raise

    def check(self) -> bool:
        """Switch to the data dir's build if it is new and whole; True if switched.  A build that
        fails is logged once and ignored until build.json changes again."""
        ident = build_id(self.data_dir)
        if ident is None or ident == self.current.build_id or ident == self._refused:
            return False
        log.info("reload: a new build %s appeared in %s; loading it", ident, self.data_dir)
        try:
            gen = self._load(warm=True)
        except _Changed:
            log.info("reload: the data dir changed while it was read; trying again at the next poll")
            return False
        except Exception as exc:  # noqa: BLE001 - any failure leaves the old build serving
            self._refused = ident
            log.warning("reload: ignoring the build %s in %s, still serving %s: %s: %s", ident, self.data_dir,
                        self.current.build_id, type(exc).__name__, exc)
            return False
        with self._lock:
            old, self.current = self.current, gen
            old.retired = True
            done = old.inflight == 0
        log.warning("reload: now serving build %s (was %s)", gen.build_id, old.build_id)
        if done:
            self._dispose(old)
        return True

    def _dispose(self, gen: Generation) -> None:
        with self._lock:
            if gen.closed:
                return
            gen.closed = True
        try:
            gen.runtime.close()
        except Exception:  # noqa: BLE001 - closing an old build must not stop the server
            log.exception("reload: closing build %s failed", gen.build_id)
        if gen.snapshot is not None:
            shutil.rmtree(gen.snapshot, ignore_errors=True)

    # -- the watcher --------------------------------------------------------------------------
    def start(self) -> threading.Thread:
        """Poll the data dir in a daemon thread until :meth:`close`."""
        def loop():
            while not self._stop.wait(self.config.reload_poll_s):
                try:
                    self.check()
                except Exception:  # noqa: BLE001 - the watcher must outlive any one failure
                    log.exception("reload: checking %s failed", self.data_dir)

        self._thread = threading.Thread(target=loop, daemon=True, name="floorgraph-reload")
        self._thread.start()
        return self._thread

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with self._lock:
            gens = [self.current]
        for gen in gens:
            self._dispose(gen)
        shutil.rmtree(self._snapshots, ignore_errors=True)


def log_to_stderr() -> None:
    """The watcher's lines go to stderr (the server's log) whatever logging the host set up."""
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("floorgraph: %(asctime)s %(message)s", "%H:%M:%S"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


class _Changed(Exception):
    """The data dir changed while being snapshotted (a build swapped in meanwhile)."""
