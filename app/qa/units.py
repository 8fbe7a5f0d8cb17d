"""Sentence- and clause-level evidence units, embedded once at build time.

Answers often sit in one clause of a long sentence ("... Article IV reports in Cambodia, Comoros
and Thailand; providing technical assistance on financing in Lebanon, Eswatini and Thailand; ...")
so passage-level similarity cannot tell them apart.  Units are sentences, plus the clauses of
sentences that enumerate with semicolons; each keeps its offsets inside its passage so mentions
found at build time can be reused.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from graph.build import atomic_write
from graph.model import Passage
from graph.text import split_sentences

_WORD = re.compile(r"[a-z0-9]+")
STOP = frozenset("""a an the of and or to in on at by for with from as is are was were be been being this that these
those it its their his her our which who whom whose what when where why how do does did has have had not no
than then so such into over under about after before during through also both each any all some more most other
""".split())


def stem(w: str) -> str:
    """A tiny suffix stripper: enough to meet 'constituted'/'constitution', 'funds'/'funded'."""
    got = _STEMS.get(w)
    if got is None:
        got = _STEMS[w] = _stem(w)
    return got


_STEMS: dict[str, str] = {}  # word -> stem: a report's vocabulary is small, its words many


def _stem(w: str) -> str:
    for suf in ("ations", "ation", "ings", "ing", "ities", "ity", "ions", "ion", "ers", "er", "ies", "ied",
                "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def terms(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOP and len(w) > 1]


@dataclass
class Unit:
    id: int
    passage_id: str
    start: int  # offsets inside the passage text
    end: int
    text: str
    kind: str  # sentence | clause


def make_units(passages: Iterable[Passage]) -> list[Unit]:
    units: list[Unit] = []
    for p in passages:
        for a, b in split_sentences(p.text):
            sent = p.text[a:b]
            units.append(Unit(len(units), p.id, a, b, sent.strip(), "sentence"))
            if sent.count(";") >= 1:
                pos = a
                for part in re.split(r"(;)", sent):
                    if part == ";":
                        pos += 1
                        continue
                    if len(part.split()) >= 4:
                        lead = len(part) - len(part.lstrip())
                        units.append(Unit(len(units), p.id, pos + lead, pos + len(part.rstrip()), part.strip(), "clause"))
                    pos += len(part)
    return units


class UnitIndex:
    """Units with dense vectors and an idf table for weighted term overlap."""

    def __init__(self, units: list[Unit], vectors: np.ndarray):
        self.units = units
        self.vectors = vectors
        self.manifest: dict = {}
        # a sentence repeated across the report (boilerplate, a table's row labels) is read once
        read: dict[str, list[str]] = {}
        self.unit_terms = [set(read[u.text] if u.text in read else read.setdefault(u.text, terms(u.text)))
                           for u in units]
        df = Counter(t for ts in self.unit_terms for t in ts)
        n = max(1, len(units))
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self.default_idf = math.log(1 + n)
        self.by_passage: dict[str, list[int]] = {}
        for u in units:
            self.by_passage.setdefault(u.passage_id, []).append(u.id)
        # A unit's context: the sentence before it in the same passage ("... are in the process of
        # doing so" needs "... endorsed their national roadmaps" to be understood).
        self.context_terms = []
        prev_by_passage: dict[str, set[str]] = {}
        for u, ts in zip(units, self.unit_terms):
            prev = prev_by_passage.get(u.passage_id, set())
            self.context_terms.append(ts | prev)
            if u.kind == "sentence":
                prev_by_passage[u.passage_id] = ts
        # A unit's paragraph: every term of its passage ("In 2024, additional resources were
        # mobilised for the M-GA ..." is about the Global Accelerator its paragraph names first)
        whole: dict[str, set[str]] = {}
        for u, ts in zip(units, self.unit_terms):
            whole.setdefault(u.passage_id, set()).update(ts)
        self.paragraph_terms = [whole[u.passage_id] for u in units]
        self._post: dict[str, dict[str, np.ndarray]] = {}

    @staticmethod
    def _postings(term_sets: list[set[str]]) -> dict[str, np.ndarray]:
        """term -> the indexes of the sets holding it: a query touches only its terms' units."""
        post: dict[str, list[int]] = {}
        for i, ts in enumerate(term_sets):
            for t in ts:
                post.setdefault(t, []).append(i)
        return {t: np.array(ids, dtype=np.int64) for t, ids in post.items()}

    def _overlap(self, which: str, query_terms: Sequence[str]) -> np.ndarray:
        """idf-weighted share of the query's terms found in each unit's ``which`` term set (0..1).

        Summed through an inverted index built on first use, not by a pass over every unit: the
        same sums (in double, then float32) at a cost that grows with the query, not the report."""
        q = set(query_terms)
        out = np.zeros(len(self.units), dtype=np.float64)
        if not q:
            return out.astype(np.float32)
        post = self._post.get(which)
        if post is None:
            post = self._post[which] = self._postings(getattr(self, which))
        total = sum(self.idf.get(t, self.default_idf) for t in q)
        for t in q:
            ids = post.get(t)
            if ids is not None:
                out[ids] += self.idf.get(t, self.default_idf)
        return (out / total).astype(np.float32)

    def lexical(self, query_terms: Sequence[str]) -> np.ndarray:
        return self._overlap("unit_terms", query_terms)

    def lexical_in_paragraph(self, query_terms: Sequence[str]) -> np.ndarray:
        """The overlap of the unit's whole passage: a list whose sentences do not write the
        question's topic, their paragraph does."""
        return self._overlap("paragraph_terms", query_terms)

    def lexical_in_context(self, query_terms: Sequence[str]) -> np.ndarray:
        """Half the unit's own overlap, half the overlap of the unit with its preceding sentence."""
        return 0.5 * self._overlap("unit_terms", query_terms) + 0.5 * self._overlap("context_terms", query_terms)

    # -- persistence ------------------------------------------------------------------------
    def save(self, directory: Path, manifest: dict) -> None:
        save_units(directory, self.units, self.vectors, manifest)

    @classmethod
    def load(cls, directory: Path) -> "UnitIndex":
        from graph.errors import FloorgraphError

        try:
            units, vectors = _read_units(directory)
        except (OSError, ValueError) as exc:
            raise FloorgraphError(f"the question-answering units in {directory} are missing or corrupted ({exc}); "
                                  f"run: floorgraph build") from exc
        if len(units) != len(vectors):
            raise FloorgraphError(f"units and vectors disagree in {directory}; run: floorgraph build")
        idx = cls(units, vectors)
        try:
            idx.manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            idx.manifest = {}
        return idx


def _read_units(directory: Path) -> tuple[list[Unit], np.ndarray]:
    units = [Unit(**json.loads(l)) for l in (directory / "units.jsonl").read_text(encoding="utf-8").splitlines() if l]
    return units, np.load(directory / "units.npy")


def save_units(directory: Path, units: Sequence[Unit], vectors: np.ndarray, manifest: dict) -> None:
    """Write the units, their vectors and the manifest :meth:`UnitIndex.load` reads."""
    import io

    directory.mkdir(parents=True, exist_ok=True)
    atomic_write(directory / "units.jsonl", "".join(json.dumps(vars(u), ensure_ascii=False) + "\n" for u in units))
    buf = io.BytesIO()
    np.save(buf, vectors)
    atomic_write(directory / "units.npy", buf.getvalue())
    atomic_write(directory / "manifest.json", json.dumps(manifest, indent=2))


def build_units(passages: Sequence[Passage], embedder, cache, directory: Path,
                units: list[Unit] | None = None) -> list[Unit]:
    """Segment, embed (reusing vectors of the previous build and of ``cache``) and save the units;
    returns them.  ``units``: ``make_units(passages)`` already made (the build cuts them right
    after parsing).  No :class:`UnitIndex` is made here: its term sets serve queries only, and
    on a 10 MB report they cost the build about 1.5 CPU s for nothing."""
    from index.embedder import text_key

    units = make_units(passages) if units is None else units
    try:  # vectors of the previous build: only new sentences are embedded
        old_units, old_vectors = _read_units(directory)  # no UnitIndex: its term sets are not needed
        if len(old_units) == len(old_vectors):
            cache.add((text_key(embedder.weights_sha256, u.text) for u in old_units), old_vectors)
    except Exception:
        pass
    vecs, n_new = cache.embed(embedder, [u.text for u in units])
    save_units(directory, units, vecs, {"units": len(units), "embedded": n_new, "model": embedder.name,
                                        "model_sha256": embedder.weights_sha256,
                                        "passages_sha256": passages_digest(passages)})
    return units


def passages_digest(passages: Sequence[Passage]) -> str:
    """Identity of the passage set the units were cut from (ids are content hashes)."""
    import hashlib

    return hashlib.sha256("\n".join(p.id for p in passages).encode("utf-8")).hexdigest()
