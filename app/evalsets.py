"""Gold question sets for ``floorgraph eval`` and the retrieval benchmarks: where they are, which
half of a split bank a question belongs to, and which are for tuning.

Discovery, not a hard-coded list: the shared dev sets (``shared/eval/*.jsonl`` in the checkout's
parent folders, or ``$FLOORGRAPH_SHARED_EVAL``) and every ``data/eval/*.jsonl`` in the repository.
A file whose questions carry a ``split`` field (``tune`` / ``heldout``) is reported as one set per
split, and files sharing a name prefix (``bank_a``, ``bank_b``) form one bank, so a bank written
in several files still has exactly two halves.  Held-out questions are marked ``tune=False``:
tuning code must skip them (``tuning_sets``), reports show them.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import FloorgraphError

REPO_ROOT = Path(__file__).resolve().parent.parent
HELDOUT_SPLITS = frozenset({"heldout", "held-out", "held_out", "test"})
# A file named ``unseen_*`` was written by someone who never saw the engine and is held out whole
# (data/eval/README.md), whether or not its questions carry a ``split`` field: without this rule
# ``unseen_h`` and ``unseen_i`` (no split field) counted as tuning sets for ``retrieval_eval --grid``.
HELDOUT_FILE_PREFIX = "unseen"


def held_out_file(path: Path) -> bool:
    """Is every question of this gold file held out by the file's name?"""
    return Path(path).stem.lower().startswith(HELDOUT_FILE_PREFIX)


@dataclass
class QuestionSet:
    """One reported set: a name, the files it came from and its questions."""

    name: str
    paths: list[Path]
    questions: list[dict] = field(default_factory=list)
    tune: bool = True  # may parameters be chosen on it?

    @property
    def is_paraphrases(self) -> bool:
        return any("source_id" in q for q in self.questions)


def shared_eval_dir() -> Path | None:
    """``$FLOORGRAPH_SHARED_EVAL``, else the first ``shared/eval`` folder above the checkout."""
    env = os.environ.get("FLOORGRAPH_SHARED_EVAL")
    if env:
        return Path(env) if Path(env).is_dir() else None
    for parent in REPO_ROOT.parents:
        cand = parent / "shared" / "eval"
        if cand.is_dir():
            return cand
    return None


def read_jsonl(path, what: str) -> list[tuple[int, object]]:
    """(line number, parsed value) for every non-blank line of a JSON-lines file; an unreadable
    file or a bad line is a :class:`FloorgraphError` naming the file (and the line)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise FloorgraphError(f"cannot read {what} {path}: {exc.strerror or exc}") from exc
    out = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append((lineno, json.loads(line)))
        except ValueError as exc:
            raise FloorgraphError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
    return out


def read_gold(path: Path) -> list[dict]:
    """Gold questions from a JSON-lines file; a bad line is an error naming file and line."""
    out = []
    for lineno, q in read_jsonl(path, "gold file"):
        if not isinstance(q, dict) or not isinstance(q.get("question"), str) or not isinstance(q.get("gold"), list):
            raise FloorgraphError(f"{path}:{lineno}: expected a JSON object with \"question\" (text) and \"gold\" (a list)")
        q.setdefault("id", f"{Path(path).stem}:{lineno}")
        out.append(q)
    if not out:
        raise FloorgraphError(f"{path}: no questions")
    return out


def _bank_name(path: Path) -> str:
    """``bank_a.jsonl`` and ``bank_b.jsonl`` belong to the bank ``bank``."""
    return path.stem.split("_")[0] if "_" in path.stem else path.stem


def group(paths: list[Path]) -> list[QuestionSet]:
    """One set per file, except that split files become one set per (bank, split)."""
    sets: dict[str, QuestionSet] = {}
    for path in paths:
        questions = read_gold(path)
        if not any("split" in q for q in questions):
            sets.setdefault(path.stem, QuestionSet(path.stem, [], [], tune=not held_out_file(path))
                            ).questions.extend(questions)
            sets[path.stem].paths.append(path)
            continue
        for q in questions:
            split = "heldout" if held_out_file(path) else str(q.get("split") or "unsplit").lower()
            name = f"{_bank_name(path)}-{'heldout' if split in HELDOUT_SPLITS else split}"
            s = sets.setdefault(name, QuestionSet(name, [], [], tune=split not in HELDOUT_SPLITS))
            s.questions.append(q)
            if path not in s.paths:
                s.paths.append(path)
    return list(sets.values())


def default_paths() -> list[Path]:
    """Every gold file found: the shared dev sets first, then the repository's ``data/eval``."""
    paths: list[Path] = []
    shared = shared_eval_dir()
    if shared:
        paths += sorted(shared.glob("*.jsonl"))
    paths += sorted((REPO_ROOT / "data" / "eval").glob("*.jsonl"))
    return paths


def discover(files: list[str] | None = None) -> list[QuestionSet]:
    paths = [Path(f) for f in files] if files else default_paths()
    if not paths:
        raise FloorgraphError("no gold question files found; give one: floorgraph eval FILE.jsonl")
    return group(paths)


def tuning_sets(sets: list[QuestionSet]) -> list[QuestionSet]:
    return [s for s in sets if s.tune]


def originals_of(paraphrases: QuestionSet, sets: list[QuestionSet]) -> dict[str, dict]:
    """The questions the paraphrases rephrase, by id (looked up in every other set)."""
    wanted = {q["source_id"] for q in paraphrases.questions if q.get("source_id")}
    return {q["id"]: q for s in sets if s is not paraphrases for q in s.questions if q["id"] in wanted}
