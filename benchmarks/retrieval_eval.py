"""Evidence retrieval: is a passage holding one of a question's evidence quotes in the top k?

    .venv/bin/python benchmarks/retrieval_eval.py [--data-dir DIR] [--sets FILE ...] [--grid] [-v]

For every question set (by default all that ``floorgraph eval`` finds: the shared dev sets, the
paraphrases, the bank's tuning and held-out halves) it prints recall@1/5/10 and MRR@10 of four
modes: ``lexical`` (BM25 alone), ``dense`` (MiniLM + FAISS alone), ``hybrid`` (their weighted RRF,
no graph) and ``hybrid+graph`` (the default hybrid search: typo correction, entity boost, alias
and relation-word expansion; index/graph_context.py), with the parameters in use.

A passage "holds" a quote when, normalised (lowercase, no diacritics or punctuation), it contains
the quote, or its first or last 60 characters, or 80% of its words in runs of three or more (a
quote may straddle two passages), reading a passage word one letter from a quote word as that word
(a conversion artefact: Table 4's caption reads "by resuilt type"); questions whose quotes no
passage holds are not scored.

``--grid`` tunes the fusion parameters (one at a time, over the values in ``GRID``) on the
*tuning* sets only, never a held-out half, and prints the best setting by mean recall@5.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.config import Config  # noqa: E402
from app.evalsets import QuestionSet, discover  # noqa: E402
from app.evalscore import holds, quote_norm  # noqa: E402
from index import PassageIndex  # noqa: E402

MODES = (("lexical", "lexical", False), ("dense", "dense", False), ("hybrid", "hybrid", False),
         ("hybrid+graph", "hybrid", True))
DEPTHS = (1, 5, 10)
GRID = {  # the values each knob may take; searched one knob at a time (coordinate ascent)
    "dense_weight": (0.1, 0.2, 0.3, 0.5, 0.7),
    "alias_weight": (0.0, 0.25, 0.5, 1.0),
    "relation_weight": (0.0, 0.3, 0.6, 1.0),
    "inflection_weight": (0.0, 0.25, 0.5, 1.0),
    "entity_weight": (0.0, 0.25, 0.5, 1.0, 1.5),
    "entity_max_share": (0.05, 0.1, 0.2, 0.4),
    "fact_weight": (0.0, 0.25, 0.5, 1.0),
    "rrf_k": (20, 60),
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
            f"{o.lexical_weight} / entity list {o.entity_weight} (entities in <= {o.entity_max_share:.0%} of "
            f"passages); BM25 expansion weights alias {o.alias_weight} / relation words {o.relation_weight} / "
            f"inflections {o.inflection_weight}; typo correction {'on' if o.correct_typos else 'off'}")


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
    below = {True: [], False: []}
    for s in sets:
        row = results[s.name]
        best = max(row["lexical"]["recall@5"], row["dense"]["recall@5"])
        hg = row["hybrid+graph"]["recall@5"]
        print(f"  {s.name:<14} {hg:.3f} vs {best:.3f}  {'OK' if hg >= best else 'BELOW'}")
        if hg < best and row["lexical"]["n"]:
            below[s.tune].append(s.name)
    for tune, label in ((True, "tuning"), (False, "held-out")):
        n = sum(1 for s in sets if s.tune == tune and results[s.name]["lexical"]["n"])
        print(f"below the better single mode: {len(below[tune])} of {n} {label} sets"
              + (f" ({', '.join(below[tune])})" if below[tune] else ""))
    return results


def grid(idx: PassageIndex, sets: list[QuestionSet], golds: dict[str, dict], passes: int = 2) -> None:
    """Coordinate ascent on the tuning sets' mean recall@5 (ties: the higher lowest set, then MRR)."""
    tune = [s for s in sets if s.tune]
    print(f"\ntuning {', '.join(GRID)} on the tuning sets only: {', '.join(s.name for s in tune)}")
    base = idx.options

    def score(opts) -> tuple:
        idx.options = opts
        rs = [evaluate(idx, s.questions, golds[s.name], "hybrid", True) for s in tune]
        r5 = [r["recall@5"] for r in rs]
        return statistics.mean(r5), min(r5), statistics.mean(r["mrr@10"] for r in rs), r5

    best_opts = base
    best = score(base)
    print(f"  start {', '.join(f'{k}={getattr(base, k)}' for k in GRID)}: mean recall@5 {best[0]:.3f}")
    for _ in range(passes):
        changed = False
        for knob, values in GRID.items():
            for v in values:
                if v == getattr(best_opts, knob):
                    continue
                cand = replace(best_opts, **{knob: v})
                sc = score(cand)
                if sc[:3] > best[:3]:
                    best_opts, best, changed = cand, sc, True
                    print(f"  {knob}={v}: mean recall@5 {sc[0]:.3f} (lowest {sc[1]:.3f}, MRR {sc[2]:.3f})")
        if not changed:
            break
    idx.options = base
    print("best: " + ", ".join(f"{k}={getattr(best_opts, k)}" for k in GRID)
          + f"  mean recall@5 {best[0]:.3f}: " + ", ".join(f"{s.name} {r:.3f}" for s, r in zip(tune, best[3])))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--sets", nargs="*", help="gold files (default: every set floorgraph eval finds)")
    ap.add_argument("--grid", action="store_true", help="tune the fusion on the tuning sets, report the best")
    ap.add_argument("--tune-only", action="store_true", help="with --grid: skip the report, only tune")
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
    if not (args.grid and args.tune_only):
        report(idx, sets, golds, args.verbose)
    if args.grid:
        grid(idx, sets, golds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
