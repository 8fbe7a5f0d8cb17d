"""Evidence retrieval: is a passage holding one of a question's evidence quotes in the top k?

    .venv/bin/python benchmarks/retrieval_eval.py [--data-dir DIR] [--sets FILE ...] [--grid] [-v]

For every question set (by default all that ``floorgraph eval`` finds: the shared dev sets, the
paraphrases, the bank's tuning and held-out halves) it prints recall@1/5/10 and MRR@10 of four
modes: ``lexical`` (BM25 alone), ``dense`` (MiniLM + FAISS alone), ``hybrid`` (their weighted RRF,
no graph) and ``hybrid+graph`` (the default hybrid search: typo correction, entity boost, alias
and relation-word expansion; index/graph_context.py), with the parameters in use.

A passage "holds" a quote when, normalised (lowercase, no diacritics or punctuation), it contains
the quote, or its first or last 60 characters, or 80% of its words in runs of three or more (a
quote may straddle two passages); questions whose quotes no passage holds are not scored.

``--grid`` searches the fusion parameters on the *tuning* sets only (never a held-out half) and
prints the best setting by mean recall@5 over them, then that setting's figures on every set.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.config import Config  # noqa: E402
from app.evalsets import QuestionSet, discover  # noqa: E402
from app.qa.scoring import holds, quote_norm  # noqa: E402
from index import PassageIndex  # noqa: E402

MODES = (("lexical", "lexical", False), ("dense", "dense", False), ("hybrid", "hybrid", False),
         ("hybrid+graph", "hybrid", True))
DEPTHS = (1, 5, 10)
GRID = {
    "dense_weight": (0.2, 0.3, 0.5),
    "alias_weight": (0.0, 0.3, 0.6),
    "relation_weight": (0.0, 0.15, 0.3),
    "entity_weight": (0.0, 0.3, 0.6, 1.0),
}


def gold_rows(questions: list[dict], passages) -> dict[str, set[int]]:
    """For each question, the rows of every passage holding one of its evidence quotes."""
    pnorm = [quote_norm(p.text) for p in passages]
    out = {}
    for q in questions:
        quotes = [quote_norm(e) for e in q.get("evidence") or []]
        out[q["id"]] = {row for row, pn in enumerate(pnorm) if any(holds(x, pn) for x in quotes)}
    return out


def evaluate(idx: PassageIndex, questions: list[dict], gold: dict[str, set[int]], mode: str,
             graph: bool) -> dict:
    row_of = {p.id: i for i, p in enumerate(idx.passages)}
    scored = [q for q in questions if gold.get(q["id"])]
    found = {d: 0 for d in DEPTHS}
    rr = 0.0
    misses = []
    for q in scored:
        hits = idx.search(q["question"], k=max(DEPTHS), mode=mode, graph=graph)
        ranked = [row_of[h.passage.id] for h in hits]
        first = next((i for i, r in enumerate(ranked) if r in gold[q["id"]]), None)
        for d in DEPTHS:
            found[d] += first is not None and first < d
        rr += 1 / (first + 1) if first is not None else 0.0
        if first is None or first >= 5:
            misses.append(q["id"])
    n = max(1, len(scored))
    return {**{f"recall@{d}": found[d] / n for d in DEPTHS}, "mrr@10": rr / n, "n": len(scored), "misses": misses}


def params_line(idx: PassageIndex) -> str:
    o = idx.options
    return (f"RRF k={o.rrf_k}, top {o.candidate_depth} per list; weights dense {o.dense_weight} / lexical "
            f"{o.lexical_weight} / entity list {o.entity_weight}; BM25 expansion weights alias {o.alias_weight}"
            f" / relation words {o.relation_weight}; typo correction {'on' if o.correct_typos else 'off'}")


def report(idx: PassageIndex, sets: list[QuestionSet], golds: dict[str, dict], verbose: bool) -> dict:
    print(f"\n{'set':<14}{'n':>5}  " + "".join(f"{m:>26}" for m, _, _ in MODES))
    print(f"{'':<14}{'':>5}  " + "".join(f"{'R@1   R@5   R@10  MRR':>26}" for _ in MODES))
    results: dict[str, dict] = {}
    for s in sets:
        row = results[s.name] = {}
        for label, mode, graph in MODES:
            row[label] = evaluate(idx, s.questions, golds[s.name], mode, graph)
        n = row["lexical"]["n"]
        cells = "".join(f"{r['recall@1']:>8.3f}{r['recall@5']:>6.3f}{r['recall@10']:>6.3f}{r['mrr@10']:>6.3f}"
                        for r in row.values())
        tag = "" if s.tune else "  (held out)"
        print(f"{s.name:<14}{n:>5}  {cells}{tag}")
        if verbose:
            print(f"{'':19}hybrid+graph missed@5: {' '.join(map(str, row['hybrid+graph']['misses'])) or '-'}")
    print("\nhybrid+graph recall@5 against the better single mode:")
    for name, row in results.items():
        best = max(row["lexical"]["recall@5"], row["dense"]["recall@5"])
        hg = row["hybrid+graph"]["recall@5"]
        print(f"  {name:<14} {hg:.3f} vs {best:.3f}  {'OK' if hg >= best else 'BELOW'}")
    return results


def grid(idx: PassageIndex, sets: list[QuestionSet], golds: dict[str, dict]) -> None:
    tune = [s for s in sets if s.tune]
    print(f"\ngrid over {', '.join(GRID)} on the tuning sets only: {', '.join(s.name for s in tune)}")
    base = idx.options
    best = None
    for values in itertools.product(*GRID.values()):
        idx.options = replace(base, **dict(zip(GRID, values)))
        r5 = [evaluate(idx, s.questions, golds[s.name], "hybrid", True)["recall@5"] for s in tune]
        key = (statistics.mean(r5), min(r5))
        if best is None or key > best[0]:
            best = (key, values, r5)
    idx.options = base
    (mean, low), values, r5 = best
    print(f"best: {dict(zip(GRID, values))}  mean recall@5 {mean:.3f} (lowest set {low:.3f}): "
          + ", ".join(f"{s.name} {r:.3f}" for s, r in zip(tune, r5)))
    print(f"current defaults: " + ", ".join(f"{k}={getattr(base, k)}" for k in GRID))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--sets", nargs="*", help="gold files (default: every set floorgraph eval finds)")
    ap.add_argument("--grid", action="store_true", help="tune the fusion on the tuning sets, report the best")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the questions hybrid+graph misses at 5")
    args = ap.parse_args(argv)

    cfg = Config.from_env(data_dir=args.data_dir)
    idx = PassageIndex.load(cfg.index_dir, model_path=cfg.model_path or None)
    sets = discover(args.sets)
    golds = {s.name: gold_rows(s.questions, idx.passages) for s in sets}
    ctx = idx.graph_context()
    print(f"{len(idx)} passages from {cfg.index_dir}; graph context: "
          f"{'%d entities with passages' % len(ctx.entity_rows) if ctx else 'none (' + str(idx.graph_error) + ')'}")
    for s in sets:
        covered = sum(bool(g) for g in golds[s.name].values())
        print(f"  {s.name}: {len(s.questions)} questions, evidence located for {covered} "
              f"({', '.join(p.name for p in s.paths)}){'' if s.tune else ' -- held out: reported, never tuned on'}")
    print(f"parameters: {params_line(idx)}")
    for label, mode, _ in MODES[:1]:  # warm the model so the first set is not slower
        idx.search("warm up", k=1, mode="dense")
    report(idx, sets, golds, args.verbose)
    if args.grid:
        grid(idx, sets, golds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
