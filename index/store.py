"""On-disk layout of a passage index: artefacts + ``manifest.json``, written atomically.

An index directory is built complete in a sibling temp directory and then swapped in, so a
reader never sees half an index.  The manifest records what the index was built from (model
weights checksum, corpus checksum, dimension, count) and the sha256 of every artefact, so a
stale, foreign or corrupted index is refused with the command that rebuilds it instead of
silently returning wrong passages.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from graph.errors import FloorgraphError
from graph.model import Passage

from .embedder import file_sha256

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FAISS_FILE = "dense.faiss"
EMBEDDINGS_FILE = "embeddings.npy"
PASSAGES_FILE = "passages.jsonl"
BM25_DIR = "bm25"


def rebuild_hint(index_dir: Path) -> str:
    """By convention the index lives in ``<data_dir>/index``."""
    return f"run: floorgraph build --data-dir {Path(index_dir).resolve().parent}"


def corpus_checksum(passages: Sequence[Passage]) -> str:
    """sha256 over passage ids and texts in order: changes iff the indexed content changes."""
    h = hashlib.sha256()
    for p in passages:
        h.update(p.id.encode("utf-8"))
        h.update(b"\0")
        h.update(p.text.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def artefact_checksums(directory: Path) -> dict[str, str]:
    """sha256 of every file under ``directory`` except the manifest, keyed by relative path."""
    out = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            out[path.relative_to(directory).as_posix()] = file_sha256(path)
    return out


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give it the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Yield a fresh sibling temp dir; on success swap it in for ``target``.

    POSIX cannot rename a directory over a non-empty one, so the old index is first renamed
    aside (a rename, not a copy) and deleted only after the new one is in place; on failure the
    old one is put back.  The window with no ``target`` is two renames long.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new-"))
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700
        old = None
        if target.exists():
            old = target.parent / f".{target.name}.old-{os.getpid()}-{time.time_ns()}"
            os.rename(target, old)
        try:
            os.rename(tmp, target)
        except BaseException:
            if old is not None:
                os.rename(old, target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def write_manifest(directory: Path, fields: dict[str, Any]) -> dict[str, Any]:
    manifest = {"format_version": FORMAT_VERSION, **fields, "files": artefact_checksums(directory)}
    atomic_write_text(directory / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def read_manifest(directory: Path, hint: str) -> dict[str, Any]:
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise FloorgraphError(f"no passage index in {directory} (missing {MANIFEST}); {hint}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FloorgraphError(f"unreadable index manifest {path} ({exc}); {hint}") from exc
    if manifest.get("format_version") != FORMAT_VERSION:
        raise FloorgraphError(
            f"index in {directory} has format version {manifest.get('format_version')!r}, this floorgraph "
            f"reads version {FORMAT_VERSION}; {hint}"
        )
    return manifest


def verify_files(directory: Path, manifest: dict[str, Any], hint: str,
                 only: Sequence[str] | None = None) -> None:
    """Every artefact named in the manifest (or just ``only``) exists and has the recorded sha256."""
    expected: dict[str, str] = manifest.get("files") or {}
    for required in only or (FAISS_FILE, EMBEDDINGS_FILE, PASSAGES_FILE):
        if required not in expected:
            raise FloorgraphError(f"index manifest in {directory} does not list {required}; {hint}")
    for rel, sha in expected.items():
        if only and rel not in only:
            continue
        path = Path(directory) / rel
        if not path.is_file():
            raise FloorgraphError(f"index file {path} is missing; {hint}")
        if file_sha256(path) != sha:
            raise FloorgraphError(f"index file {path} is corrupted (checksum mismatch); {hint}")


def write_passages(path: Path, passages: Sequence[Passage]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for p in passages:
            fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")


def read_passages(path: Path, hint: str) -> list[Passage]:
    """Passages from a JSON-lines file of ``Passage.to_dict()`` objects (the graph build's format)."""
    path = Path(path)
    if not path.is_file():
        raise FloorgraphError(f"passages file not found: {path}; {hint}")
    out = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(Passage.from_dict(json.loads(line)))
            except (ValueError, TypeError) as exc:
                raise FloorgraphError(f"{path}:{lineno}: not a passage ({exc}); {hint}") from exc
    return out
