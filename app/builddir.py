"""Builds that cannot tear: build aside, switch the whole data dir at once, verify before reading.

A build writes graph, index and question-answering units: minutes of work over several files.  Had
it written them in place, a kill part-way would leave the new graph beside the old index (issue 10,
D8).  So:

* :func:`staging` - the build writes into a fresh sibling directory (``.<name>.staging-<pid>``),
  seeded with hard links to the previous build's index and units so their embeddings are reused;
* :func:`seal` - ``build.json`` then lists *every* file of the build with its size and sha256;
* :func:`swap_in` - the staging dir replaces the data dir in one ``renameat2(RENAME_EXCHANGE)``
  (one rename when there was no data dir), so a reader sees the old build or the new one, never a
  mix; the old one is deleted afterwards.  A killed build leaves only a stale staging dir, removed
  by the next build;
* :func:`verify_build` - ``serve``, ``ask``, ``search`` and ``stats`` check every listed file
  (size first, then hash) before loading anything, and refuse with a message naming the file.
"""
from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Iterator

from graph.errors import FloorgraphError

log = logging.getLogger(__name__)

MANIFEST = "build.json"
SEEDED = ("index", "qa")  # caches worth carrying over: embeddings are the slow part of a build
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _sha256(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftovers(target: Path) -> Iterator[tuple[Path, int]]:
    """(path, pid) of staging / retired dirs left beside ``target`` by earlier builds, and of the
    snapshots a server with ``--reload-on-change`` serves from (app/reload.py)."""
    for p in target.parent.glob(f".{target.name}.*-*"):
        kind, _, pid = p.name[len(target.name) + 2:].rpartition("-")
        if kind in ("staging", "old", "serving") and pid.isdigit():
            yield p, int(pid)


def clean_stale(target: Path) -> None:
    """Remove what killed builds left beside ``target`` (their process is gone)."""
    for p, pid in _leftovers(target):
        if pid == os.getpid() or not _pid_alive(pid):
            shutil.rmtree(p, ignore_errors=True)


def link_or_copy(src: str, dst: str) -> None:
    # Hard links are safe: every writer replaces files by rename, never rewrites them in place.
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


@contextlib.contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A fresh directory beside ``target`` to build into; removed if the build raises."""
    target = real_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    stage = target.parent / f".{target.name}.staging-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    for name in SEEDED:
        if (target / name).is_dir():
            shutil.copytree(target / name, stage / name, copy_function=link_or_copy)
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def real_path(target: Path) -> Path:
    """The directory itself when ``target`` is a symlink (the swap must not replace the link)."""
    target = Path(target).expanduser()
    return target.resolve() if target.is_symlink() else target.absolute()


def seal(stage: Path) -> dict:
    """Record every file of the build in build.json (``files``: size and sha256 per path)."""
    path = stage / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    files = {}
    for p in sorted(stage.rglob("*")):
        if p.is_file() and p.name != MANIFEST and not p.name.endswith(".tmp"):
            rel = p.relative_to(stage).as_posix()
            files[rel] = {"size": p.stat().st_size, "sha256": _sha256(p)}
    manifest["files"] = files
    manifest["sealed_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    tmp = stage / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return manifest


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    log.warning("renameat2(RENAME_EXCHANGE) failed (%s); falling back to two renames",
                os.strerror(ctypes.get_errno()))
    return False


def _fsync_dir(d: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(d, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def swap_in(stage: Path, target: Path) -> None:
    """Make ``stage`` the data dir in one step; the previous build is deleted afterwards."""
    target = real_path(target)
    _fsync_dir(stage)
    if not target.exists():
        os.rename(stage, target)
    elif _exchange(stage, target):
        old = stage.parent / f".{target.name}.old-{os.getpid()}"
        os.rename(stage, old)  # `stage` now holds the previous build
        shutil.rmtree(old, ignore_errors=True)
    else:  # no RENAME_EXCHANGE (old kernel / odd filesystem): a window of one rename
        old = stage.parent / f".{target.name}.old-{os.getpid()}"
        os.rename(target, old)
        os.rename(stage, target)
        shutil.rmtree(old, ignore_errors=True)
    _fsync_dir(target.parent)


def verify_build(data_dir: Path, hashes: bool = True, missing_ok: bool = False) -> dict:
    """Check every file build.json lists (size, then sha256); return the manifest.

    ``missing_ok``: a data dir without build.json passes (returns {}) - for readers of one
    component that verifies itself (the passage index checks its own manifest's checksums).

    Raises :class:`FloorgraphError` naming the first missing or altered file.  Cheap: sizes are
    compared before anything is hashed, and hashing streams (~1 GB/s).
    """
    data_dir = Path(data_dir)
    path = data_dir / MANIFEST
    hint = f"run: floorgraph build --data-dir {data_dir}"
    if not path.is_file():
        if missing_ok:
            return {}
        raise FloorgraphError(f"no complete build in {data_dir} ({MANIFEST} is missing); {hint}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FloorgraphError(f"{MANIFEST} in {data_dir} is unreadable ({exc}); {hint}") from None
    if not isinstance(manifest, dict):
        raise FloorgraphError(f"{MANIFEST} in {data_dir} is not a build manifest; {hint}")
    files = manifest.get("files")
    if not isinstance(files, dict):  # a build from before sealing: the graph checksums at least
        files = {rel: {"sha256": digest} for rel, digest in (manifest.get("artefacts") or {}).items()}
    if not files:
        raise FloorgraphError(f"{MANIFEST} in {data_dir} lists no files; {hint}")
    for rel, info in files.items():
        p = data_dir / rel
        if not p.is_file():
            raise FloorgraphError(f"artefact {rel} is missing from {data_dir}; {hint}")
        size = info.get("size") if isinstance(info, dict) else None
        if size is not None and p.stat().st_size != size:
            raise FloorgraphError(f"artefact {rel} in {data_dir} does not match {MANIFEST} "
                                  f"(size {p.stat().st_size}, expected {size}): corrupted or edited; {hint}")
    if hashes:
        for rel, info in files.items():
            digest = info.get("sha256") if isinstance(info, dict) else None
            if digest and _sha256(data_dir / rel) != digest:
                raise FloorgraphError(f"artefact {rel} in {data_dir} does not match {MANIFEST} "
                                      f"(sha256 differs): corrupted or edited; {hint}")
    return manifest
