"""Style invariance: does the engine answer a question the same when it is asked in another style?

    .venv/bin/python benchmarks/perturb_eval.py FILE [FILE ...] [--kinds keyword,typo] [--seed 0] [-v]

Every question of the given gold files (tuning files only: questions marked ``"split": "heldout"``
are skipped, never rewritten or scored) is rewritten by code (``app/evalperturb.py``) into a
keyword query, a keyword query with the answer noun moved to the end, three wordy forms (a
preamble, an aside, a hedge plus a second clause) and a form with typos in non-name words.  Each
variant is answered by the real engine and scored with the same scorer and gold as the original.

Printed per transformation: n (variants that changed the text), F1 of the originals on those
questions, F1 of the variants, the difference, and the invariance rate (share of variants whose
F1 equals their original's).  ``-v`` lists the variants that lost F1.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from app.evalperturb import TRANSFORMS, variants  # noqa: E402
from app.evalsets import HELDOUT_SPLITS, held_out_file, read_gold  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--kinds", default=",".join(TRANSFORMS), help="comma-separated transformations")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the variants that lost F1")
    args = ap.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    bad = [k for k in kinds if k not in TRANSFORMS]
    if bad:
        print(f"unknown transformation(s): {', '.join(bad)}; known: {', '.join(TRANSFORMS)}", file=sys.stderr)
        return 2

    from app.config import Config
    from app.evalscore import find_scorer
    from app.evalsets import shared_eval_dir
    from app.runtime import Runtime

    paths = [Path(f) for f in args.files]
    try:
        sets = {p.stem: [q for q in read_gold(p) if str(q.get("split", "")).lower() not in HELDOUT_SPLITS]
                for p in paths if not held_out_file(p)}
    except Exception as exc:  # a clear message, exit 2, for a missing or malformed file
        print(f"error: {exc}", file=sys.stderr)
        return 2
    score_fn, _ = find_scorer(paths, shared_eval_dir())
    engine = Runtime(Config.from_env(data_dir=args.data_dir)).engine
    memo: dict[str, list] = {}

    def f1(q: dict, text: str) -> float:
        if text not in memo:
            memo[text] = engine.ask(text)["answers"]
        return score_fn(q, memo[text])[2]

    total: dict[str, list[tuple[float, float]]] = defaultdict(list)
    losses = []
    print(f"{'set':<24}{'transformation':<17}{'n':>5}{'F1 orig':>9}{'F1 var':>8}{'diff':>8}{'invariant':>11}")
    for name, questions in sets.items():
        rows: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for q in questions:
            base = f1(q, q["question"])
            for v in variants(q, kinds, args.seed):
                got = f1(q, v.text)
                rows[v.kind].append((base, got))
                if got < base:
                    losses.append((name, q["id"], v.kind, base, got, v.text))
        orig = mean(f1(q, q["question"]) for q in questions) if questions else 0.0
        print(f"{name:<24}{'original':<17}{len(questions):>5}{orig:>9.3f}")
        for kind in kinds:
            _line(name, kind, rows[kind])
            total[kind] += rows[kind]
    if len(sets) > 1:
        for kind in kinds:
            _line("ALL", kind, total[kind])
    allrows = [r for k in kinds for r in total[k]]
    if allrows:
        inv = mean(float(abs(a - b) < 1e-9) for a, b in allrows)
        print(f"\noverall: {len(allrows)} variants, F1 orig {mean(a for a, _ in allrows):.3f}, "
              f"variants {mean(b for _, b in allrows):.3f}, invariance {inv:.3f}")
    if args.verbose:
        print("\nvariants that lost F1:")
        for name, qid, kind, base, got, text in losses:
            print(f"  {name} {qid} {kind} {base:.2f}->{got:.2f}: {text}")
    return 0


def _line(name: str, kind: str, rows: list[tuple[float, float]]) -> None:
    if not rows:
        print(f"{name:<24}{kind:<17}{0:>5}")
        return
    o, v = mean(a for a, _ in rows), mean(b for _, b in rows)
    inv = mean(float(abs(a - b) < 1e-9) for a, b in rows)
    print(f"{name:<24}{kind:<17}{len(rows):>5}{o:>9.3f}{v:>8.3f}{v - o:>+8.3f}{inv:>11.3f}")


if __name__ == "__main__":
    sys.exit(main())
