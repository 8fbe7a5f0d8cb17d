"""``floorgraph eval``: engine vs dense-only and BM25-only baselines on a gold question set."""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from app.cli import add_common


def register(subparsers) -> None:
    p = subparsers.add_parser("eval", help="score the engine and two retrieval baselines on a gold set")
    add_common(p)
    p.add_argument("file", help="gold questions (JSON lines: id, question, answer_type, gold, aliases, evidence, category)")
    p.add_argument("--verbose", "-v", action="store_true", help="list every question that is not perfect")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=run)


def evidence_hit(answers: list[dict], quotes: list[str], knowledge) -> bool:
    from app.qa.scoring import holds, quote_norm

    qn = [quote_norm(q) for q in quotes or []]
    for a in answers:
        for e in a.get("evidence", []):
            p = knowledge.passage(e["passage_id"])
            if p is not None and any(holds(q, quote_norm(p.text)) for q in qn):
                return True
    return False


def run(args: argparse.Namespace) -> int:
    from app.config import Config
    from app.qa.baselines import baseline_answers
    from app.qa.scoring import load_scorer
    from app.runtime import Runtime

    config = Config.from_env(data_dir=args.data_dir)
    gold = [json.loads(l) for l in Path(args.file).read_text(encoding="utf-8").splitlines() if l.strip()]
    score_one, scorer = load_scorer(Path(args.file))
    runtime = Runtime(config)
    engine, index = runtime.engine, runtime.passage_index
    systems = {
        "engine": lambda q: engine.ask(q)["answers"],
        "dense-only": lambda q: baseline_answers(q, engine.k, index, "dense"),
        "bm25-only": lambda q: baseline_answers(q, engine.k, index, "lexical"),
    }
    rows = defaultdict(lambda: defaultdict(list))  # system -> category -> [(p, r, f, ev)]
    misses = []
    for g in gold:
        for name, fn in systems.items():
            answers = fn(g["question"])
            p, r, f = score_one(g, answers)
            ev = evidence_hit(answers, g.get("evidence", []), engine.k) if g["gold"] else True
            rows[name][g.get("category", "all")].append((p, r, f, ev))
            if name == "engine" and f < 1:
                misses.append((g["id"], g["question"], g["gold"], [a.get("label") for a in answers], round(f, 3)))

    def mean(xs):
        return sum(xs) / len(xs) if xs else 0.0

    summary = {}
    for name, cats in rows.items():
        allr = [x for v in cats.values() for x in v]
        summary[name] = {
            "overall": {"precision": mean([x[0] for x in allr]), "recall": mean([x[1] for x in allr]),
                        "f1": mean([x[2] for x in allr]), "evidence_recall": mean([float(x[3]) for x in allr]),
                        "n": len(allr)},
            "categories": {c: {"precision": mean([x[0] for x in v]), "recall": mean([x[1] for x in v]),
                               "f1": mean([x[2] for x in v]), "n": len(v)} for c, v in sorted(cats.items())},
        }
    if args.json:
        print(json.dumps({"scorer": scorer, "systems": summary}, indent=2))
        return 0
    print(f"scorer: {scorer}   questions: {len(gold)}")
    cats = sorted({c for s in summary.values() for c in s["categories"]})
    print(f"\n{'category':26}" + "".join(f"{n:>22}" for n in summary))
    print(f"{'':26}" + "".join(f"{'P    R    F1':>22}" for _ in summary))
    for c in cats:
        cells = []
        for n in summary:
            m = summary[n]["categories"].get(c)
            cells.append(f"{m['precision']:.2f} {m['recall']:.2f} {m['f1']:.2f} (n={m['n']})" if m else "-")
        print(f"{c:26}" + "".join(f"{x:>22}" for x in cells))
    print()
    for n, s in summary.items():
        o = s["overall"]
        print(f"{n:12} overall P {o['precision']:.3f}  R {o['recall']:.3f}  F1 {o['f1']:.3f}  "
              f"evidence recall {o['evidence_recall']:.3f}  (n={o['n']})")
    best_base = max(summary["dense-only"]["overall"]["f1"], summary["bm25-only"]["overall"]["f1"])
    print(f"engine F1 - best baseline F1 = {summary['engine']['overall']['f1'] - best_base:+.3f}")
    if args.verbose:
        print("\nnot perfect:")
        for m in misses:
            print(f"  {m[0]} F1={m[4]} {m[1]}\n      gold {m[2]}\n      got  {m[3]}")
    return 0
