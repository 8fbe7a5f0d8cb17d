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


def keep_heads(fused: Sequence[tuple[int, float]], heads: Sequence[int | None],
               floor: int) -> list[tuple[int, float]]:
    """``fused`` with each head row (every single retriever's first choice) within the first
    ``floor`` places.

    Weighted fusion can bury a passage that one retriever ranks first and the others do not see
    (a table row the embedding finds but that shares no word with the question; a short
    financing line the graph's expansions outweigh), which makes the fusion worse than that
    retriever alone on such questions.  A head missing from the top ``floor`` takes the last
    places of it (heads in the order given), the rest follow in fused order; a promoted row takes
    the score of the best row it pushes down, so scores stay non-increasing.  ``floor`` 0 or a
    head already in place changes nothing.
    """
    fused = list(fused)
    if floor <= 0:
        return fused
    top = [row for row, _ in fused[:floor]]
    missing = [h for h in dict.fromkeys(heads) if h is not None and h not in top][:floor]
    if not missing:
        return fused
    score_of = dict(fused)
    keep = top[:floor - len(missing)]
    # the best score a promoted head pushes down (none when the fused list is shorter than floor)
    displaced = score_of[top[len(keep)]] if len(keep) < len(top) else 0.0
    rest = [row for row, _ in fused if row not in keep and row not in missing]
    return ([(row, score_of[row]) for row in keep] + [(row, max(score_of.get(row, 0.0), displaced)) for row in missing]
            + [(row, score_of[row]) for row in rest])


def unvetoed_heads(votes: Sequence[tuple[int | None, Sequence[int], int]]) -> list[int]:
    """The heads worth keeping: of each (head, the other retriever's ranked rows, agree) vote,
    the head unless the other retriever saw it and ranked it below ``agree``.

    A head the other retriever never found (a table row with none of the question's words) is
    buried by the fusion only for want of a second vote; one the other retriever also puts near
    the top (both agree) only by the graph's lists.  Both are kept.  A head the other retriever
    saw and ranked low was outvoted on the evidence, and the fusion's order stands.
    """
    out: list[int] = []
    for head, other, agree in votes:
        if head is None or head in out:
            continue
        try:
            rank = list(other).index(head) + 1
        except ValueError:
            rank = None
        if rank is None or rank <= agree:
            out.append(head)
    return out
