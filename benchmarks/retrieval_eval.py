"""Retrieval quality: is a passage holding a question's evidence in the top k, per search mode?

    .venv/bin/python benchmarks/retrieval_eval.py [--data-dir DIR] [--index-dir DIR] [--grid]

Uses ``<index_dir>`` (default ``<data_dir>/index``) when it holds an index; otherwise builds one
from ``<data_dir>/passages.jsonl`` (or, failing that, the report split on blank lines) into
``--cache-dir`` so that re-runs only embed new text.  A passage "holds" a quote when, after
lowercasing, stripping diacritics and punctuation and collapsing whitespace, it contains the whole
quote, or -- because a quote may straddle two passages -- its first or last 60 characters, or
80% of its words in order (counting only runs of >= 3 consecutive words, so scattered common
words never make a match).  ``--grid`` also reports hybrid variants (candidate depth, RRF weights).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.config import Config  # noqa: E402
from index import PassageIndex, build_and_save, read_passages  # noqa: E402
from app.qa.scoring import holds as _holds, quote_norm  # noqa: E402

DEV = next((p for p in (Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl", Path("/work/shared/eval/dev.jsonl")) if p.is_file()), Path("/work/shared/eval/dev.jsonl"))


def norm(text: str) -> str:
    return quote_norm(text)


def holds(quote_norm_: str, passage_norm: str, passage_words: list[str]) -> bool:
    return _holds(quote_norm_, passage_norm)


def gold_rows(questions: list[dict], passages) -> dict[str, set[int]]:
    """For each question, the rows of every passage holding one of its evidence quotes."""
    pnorm = [norm(p.text) for p in passages]
    pwords = [p.split() for p in pnorm]
    out = {}
    for q in questions:
        quotes = [norm(e) for e in q.get("evidence") or []]
        out[q["id"]] = {row for row, (pn, pw) in enumerate(zip(pnorm, pwords)) if any(holds(x, pn, pw) for x in quotes)}
    return out


def open_index(args) -> tuple[PassageIndex, str]:
    cfg = Config.from_env(data_dir=args.data_dir)
    index_dir = Path(args.index_dir) if args.index_dir else cfg.index_dir
    if (index_dir / "manifest.json").is_file():
        return PassageIndex.load(index_dir, model_path=cfg.model_path or None), f"index {index_dir}"
    if cfg.passages_file.is_file():
        passages, source = read_passages(cfg.passages_file, "run: floorgraph build"), str(cfg.passages_file)
    else:
        from bench_index import split_blank_lines

        passages, source = split_blank_lines(), "report split on blank lines (throwaway passages)"
    cache = Path(args.cache_dir) / "index"
    idx = build_and_save(passages, cache, model_path=cfg.model_path or None)
    return idx, f"{source} -> {cache} (embedded {idx.stats['embedded']} new passages)"


def evaluate(idx: PassageIndex, questions: list[dict], gold: dict[str, set[int]], mode: str, k: int) -> dict:
    row_of = {p.id: i for i, p in enumerate(idx.passages)}
    hits5 = hitsk = rr = 0.0
    misses = []
    scored = [q for q in questions if gold[q["id"]]]
    for q in scored:
        ranked = [row_of[h.passage.id] for h in idx.search(q["question"], k=k, mode=mode)]
        first = next((i for i, r in enumerate(ranked) if r in gold[q["id"]]), None)
        hits5 += first is not None and first < 5
        hitsk += first is not None
        rr += 1 / (first + 1) if first is not None else 0
        if first is None or first >= 5:
            misses.append(q["id"])
    n = max(1, len(scored))
    return {"recall@5": hits5 / n, f"recall@{k}": hitsk / n, f"mrr@{k}": rr / n, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--index-dir")
    ap.add_argument("--cache-dir", default="/tmp/floorgraph-retrieval-eval")
    ap.add_argument("--dev", default=str(DEV))
    ap.add_argument("--k", type=int, default=10, help="depth for the secondary recall / MRR columns")
    ap.add_argument("--grid", action="store_true", help="also try hybrid candidate depths and RRF weights")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the questions missed at 5")
    args = ap.parse_args(argv)

    questions = [json.loads(x) for x in Path(args.dev).read_text(encoding="utf-8").splitlines() if x.strip()]
    idx, source = open_index(args)
    gold = gold_rows(questions, idx.passages)
    covered = sum(bool(g) for g in gold.values())
    print(f"{len(questions)} questions from {args.dev}; {len(idx)} passages from {source}")
    print(f"evidence found in the index for {covered}/{len(questions)} questions (the others are not scored); "
          f"hybrid = RRF k={idx.options.rrf_k}, top {idx.options.candidate_depth} from each retriever, "
          f"weights dense {idx.options.dense_weight} / lexical {idx.options.lexical_weight}\n")
    k = args.k
    print(f"{'mode':<10} {'Recall@5':>9} {f'Recall@{k}':>10} {f'MRR@{k}':>8}")
    results = {}
    for mode in ("dense", "lexical", "hybrid"):
        r = results[mode] = evaluate(idx, questions, gold, mode, k)
        print(f"{mode:<10} {r['recall@5']:>9.3f} {r[f'recall@{k}']:>10.3f} {r[f'mrr@{k}']:>8.3f}"
              + (f"   missed@5: {' '.join(r['misses'])}" if args.verbose else ""))
    best_single = max(results["dense"]["recall@5"], results["lexical"]["recall@5"])
    verdict = "OK" if results["hybrid"]["recall@5"] >= best_single else "BELOW the best single retriever"
    print(f"\nhybrid Recall@5 vs best single mode: {results['hybrid']['recall@5']:.3f} vs {best_single:.3f} -> {verdict}")

    if args.grid:
        print("\nhybrid variants (depth = candidates per retriever; weights = dense/lexical RRF weights)")
        print(f"{'depth':>6} {'weights':>9} {'Recall@5':>9} {f'MRR@{k}':>8}")
        default = (idx.options.candidate_depth, idx.options.dense_weight, idx.options.lexical_weight)
        for depth in (20, 50, 100):
            for wd, wl in ((1.0, 1.0), (1.0, 0.5), (0.7, 1.0), (0.5, 1.0), (0.3, 1.0)):
                idx.options.candidate_depth, idx.options.dense_weight, idx.options.lexical_weight = depth, wd, wl
                r = evaluate(idx, questions, gold, "hybrid", k)
                print(f"{depth:>6} {wd:>4.1f}/{wl:<4.1f} {r['recall@5']:>9.3f} {r[f'mrr@{k}']:>8.3f}")
        idx.options.candidate_depth, idx.options.dense_weight, idx.options.lexical_weight = default
    return 0


if __name__ == "__main__":
    sys.exit(main())
