"""Where do the imperfect answers come from: a fact the graph lacks, or a question misread?

    .venv/bin/python benchmarks/miss_split.py [FILE ...] [--data-dir DIR] [--json] [-v]

For every gold set given (default: every set ``floorgraph eval`` scores), the real engine answers
each question, the shared scorer's rules score it, and every answer with F1 < 1 is sorted into one
cause by ``app/misscause.py`` (its docstring states the rule):

    entity_absent    a gold answer matches no entity of the graph
    relation_absent  every gold answer is in the graph, but one is joined to none of the names the
                     question writes through at most two statements (each direct or through one
                     activity / result / quantity node; a chain's middle is no region, theme or
                     the report's author)
    present          the fact is in the graph: the question was misread; parts of it:
                     extra_only  recall already 1, only extra answers
                     chain       joined only through two statements (relation_absent by the
                                 one-statement rule of rounds 12-13)
                     right_type / wrong_type / nothing  what the engine answered instead: entities
                                 all of a type the gold has, some of another type, or nothing
    non_entity       Number, Year or Text answers (counted apart: nothing to look up)
    empty_gold       the report is silent and the engine answered

One row per set: its F1 (the mean the scorer gives, as ``floorgraph eval`` prints it) and counts.  Held-out sets (``unseen_*`` files, a bank's held-out half) are
reported as numbers and never listed: ``-v`` lists the misses of tunable sets only, with the gold
answers that are absent or unlinked.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from app.misscause import CAUSES, SUBCOUNTS, GraphNames, classify, tally  # noqa: E402

COLUMNS = ("n", "imperfect", *CAUSES, *SUBCOUNTS)
WIDTH = 11


def split_sets(sets, ask, score_fn, names: GraphNames) -> tuple[dict[str, dict], list[tuple[str, dict, object]]]:
    """Counts per set, and (set, question, verdict) for every imperfect answer of a tunable set.
    Each distinct question is asked once, however many sets hold it."""
    memo: dict[str, list] = {}
    rows: dict[str, dict] = {}
    listed: list[tuple[str, dict, object]] = []
    for s in sets:
        verdicts = []
        f1s = []
        for q in s.questions:
            if q["question"] not in memo:
                memo[q["question"]] = ask(q["question"])
            got = memo[q["question"]]
            scores = score_fn(q, got)
            f1s.append(scores[2])
            if scores[2] >= 1:
                continue
            v = classify(q, got, scores, names)
            verdicts.append(v)
            if s.tune:
                listed.append((s.name, q, v))
        rows[s.name] = tally(verdicts, len(s.questions)) | {"f1": round(sum(f1s) / max(1, len(f1s)), 3),
                                                            "held_out": not s.tune}
    return rows, listed


def total(rows: dict[str, dict], held_out: bool) -> dict:
    picked = [r for r in rows.values() if r["held_out"] == held_out]
    return {c: sum(r[c] for r in picked) for c in COLUMNS}


def print_table(rows: dict[str, dict]) -> None:
    heads = {c: c.replace("entity_absent", "ent_absent").replace("relation_absent", "rel_absent") for c in COLUMNS}
    print(f"{'set':<22}{'F1':>7}" + "".join(f"{heads[c]:>{WIDTH}}" for c in COLUMNS))
    for name, r in rows.items():
        print(f"{name:<22}{r['f1']:>7.3f}" + "".join(f"{r[c]:>{WIDTH}}" for c in COLUMNS)
              + ("   (held out)" if r["held_out"] else ""))
    for label, held in (("all tunable", False), ("all held out", True)):
        t = total(rows, held)
        if t["n"]:
            print(f"{label:<22}{'':>7}" + "".join(f"{t[c]:>{WIDTH}}" for c in COLUMNS))


def print_misses(listed) -> None:
    print("\nimperfect answers of tunable sets:")
    for set_name, q, v in listed:
        how = " ".join(w for w in (v.answered, "chain" if v.chain else "") if w)
        print(f"  [{v.cause}{' ' + how if how else ''}] {set_name} {q.get('id')} F1={v.f1:.2f} {q['question']}")
        if v.absent:
            print(f"      absent from the graph: {v.absent}")
        if v.unlinked:
            print(f"      not linked to {v.named}: {v.unlinked}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", metavar="FILE", help="gold sets (default: every set floorgraph eval scores)")
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses of tunable sets")
    args = ap.parse_args(argv)

    from app.config import Config
    from app.evalscore import find_scorer
    from app.evalsets import discover, shared_eval_dir
    from app.runtime import Runtime
    from graph.errors import FloorgraphError

    try:
        sets = discover(args.files)
    except FloorgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    score_fn, _ = find_scorer([p for s in sets for p in s.paths], shared_eval_dir())
    runtime = Runtime(Config.from_env(data_dir=args.data_dir))
    engine = runtime.engine
    rows, listed = split_sets(sets, lambda q: engine.ask(q)["answers"], score_fn, GraphNames(engine.k))
    if args.json:
        print(json.dumps({"sets": rows, "tunable": total(rows, False), "held_out": total(rows, True)}, indent=2))
    else:
        print_table(rows)
    if args.verbose:
        print_misses(listed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
