"""Matching a question to a query template by meaning.

The user's question is delexicalised the same way the generated bank is (linked entity mentions
become type tokens such as ``[country]``, years become ``[year]``), embedded once with the MiniLM
model the index uses, and compared with every generated question.  The nearest neighbours vote
for an :class:`~app.qa.bank.Intent` (operation, relation, direction, answer type), weighted by
similarity; the vote share is the confidence.

The bank and its vectors are built by ``floorgraph build`` into ``<data dir>/qa/intent.*`` and
loaded once, so asking costs one embedding and one matrix product.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.qa.bank import TYPE_TOKEN, BankQuestion, Intent, as_rows, generate
from graph.build import atomic_write

K = 12  # neighbours that vote
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass
class IntentGuess:
    intent: Intent
    confidence: float  # share of the neighbours' similarity mass behind this intent
    similarity: float  # similarity of the nearest neighbour
    delexicalised: str
    neighbours: list[tuple[str, str, float]]  # (bank text, intent key, similarity), best first

    def share(self, **fields) -> float:
        """Share of the vote whose intent agrees on the given fields (op=..., relation=...)."""
        tot = sum(s for _, _, s in self.neighbours) or 1.0
        ok = sum(s for _, k, s in self.neighbours
                 if all(getattr(Intent.from_key(k), f) == v for f, v in fields.items()))
        return ok / tot


def delexicalise(question: str, links) -> str:
    """Linked mentions → type tokens, years → [year]; links are (start, end, type) in ``question``."""
    out = question
    for start, end, type_ in sorted(links, key=lambda l: -l[0]):
        out = out[:start] + TYPE_TOKEN.get(type_, f"[{type_.lower()}]") + out[end:]
    out = _YEAR.sub("[year]", out)
    return " ".join(out.replace("?", " ").split())


class IntentIndex:
    """The embedded bank with its intents."""

    def __init__(self, rows: list[dict], vectors: np.ndarray):
        self.rows = rows
        self.vectors = vectors
        self.keys = [r["key"] for r in rows]

    # -- build / load -----------------------------------------------------------------------
    @classmethod
    def build(cls, embedder, cache, directory: Path, bank: list[BankQuestion] | None = None) -> "IntentIndex":
        from index.embedder import text_key

        rows = as_rows(bank if bank is not None else generate())
        old = cls.load(directory)
        if old is not None:  # vectors of the previous build: only new questions are embedded
            cache.add((text_key(embedder.weights_sha256, r["text"]) for r in old.rows), old.vectors)
        vecs, _ = cache.embed(embedder, [r["text"] for r in rows])
        idx = cls(rows, vecs)
        directory.mkdir(parents=True, exist_ok=True)
        import io

        atomic_write(directory / "intent.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        buf = io.BytesIO()
        np.save(buf, vecs)
        atomic_write(directory / "intent.npy", buf.getvalue())
        return idx

    @classmethod
    def load(cls, directory: Path) -> "IntentIndex | None":
        try:
            rows = [json.loads(l) for l in (directory / "intent.jsonl").read_text(encoding="utf-8").splitlines() if l]
            vecs = np.load(directory / "intent.npy")
        except (OSError, ValueError):
            return None
        if len(rows) != len(vecs):
            return None
        return cls(rows, vecs)

    # -- matching ---------------------------------------------------------------------------
    def guess(self, qvec: np.ndarray, delexicalised: str = "") -> IntentGuess:
        sims = self.vectors @ qvec
        top = np.argsort(-sims)[:K]
        votes: dict[str, float] = defaultdict(float)
        for i in top:
            votes[self.keys[i]] += max(0.0, float(sims[i])) ** 2
        best = max(votes, key=votes.get)
        total = sum(votes.values()) or 1.0
        neigh = [(self.rows[i]["text"], self.keys[i], float(sims[i])) for i in top]
        said = self.worded_as(delexicalised, top)
        if said is not None and said != best:
            # the query is word for word one generated question ("[scheme] operator"): that question's
            # intent, not the vote of its near neighbours ("[scheme] country", "[scheme] in which country")
            votes[said] = votes[best] + votes[said]
            best, total = said, sum(votes.values())
        return IntentGuess(Intent.from_key(best), votes[best] / total, float(sims[top[0]]), delexicalised, neigh)

    def worded_as(self, delexicalised: str, top) -> str | None:
        """The one intent key of the neighbours whose text is the query itself (case and spacing
        aside), or None when none is, or the same words were generated for several intents."""
        text = " ".join(delexicalised.lower().split())
        keys = {self.keys[i] for i in top if " ".join(self.rows[i]["text"].lower().split()) == text}
        return keys.pop() if len(keys) == 1 else None
