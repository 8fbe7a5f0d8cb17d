"""Reciprocal rank fusion: combine ranked lists without calibrating their scores.

Cosine similarities and BM25 scores live on unrelated scales; RRF uses only ranks,
``score(d) = sum_i w_i / (k + rank_i(d))`` with k=60 (Cormack et al., 2009), so a passage ranked
well by both retrievers beats one ranked first by only one of them.
"""
from __future__ import annotations

from typing import Sequence

RRF_K = 60


def rrf(ranked_lists: Sequence[Sequence[int]], k: int = RRF_K,
        weights: Sequence[float] | None = None) -> list[tuple[int, float]]:
    """Fuse lists of row ids (best first) into [(row, score)] sorted by fused score.

    Ties are broken by the best single rank, then by row id, so output is deterministic.
    """
    weights = weights or [1.0] * len(ranked_lists)
    scores: dict[int, float] = {}
    best: dict[int, int] = {}
    for weight, ranked in zip(weights, ranked_lists):
        for rank, row in enumerate(ranked, start=1):
            scores[row] = scores.get(row, 0.0) + weight / (k + rank)
            best[row] = min(best.get(row, rank), rank)
    return sorted(scores.items(), key=lambda item: (-item[1], best[item[0]], item[0]))
