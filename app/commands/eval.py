"""``floorgraph eval [FILE ...]``: the engine against BM25-only and dense-only baselines, on every
gold set at once, in one table.

Without files it scores every set it finds (``app.evalsets``): the shared dev sets, the
paraphrases and both halves of the question bank.  For each set: macro precision / recall / F1
(scored with the shared ``score.py`` rules, ``app.evalscore``), evidence recall (an answer cites a
passage holding one of the gold quotes), F1 of the two baselines, F1 per category and per
phrasing style; for paraphrases also F1 on the questions they rephrase and the gap.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from statistics import mean
from typing import Callable

from app.cli import add_common

ENGINE, BM25, DENSE = "engine", "bm25-only", "dense-only"


def register(subparsers) -> None:
    p = subparsers.add_parser("eval", help="score the engine and two retrieval baselines on gold question sets")
    add_common(p)
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="gold questions (JSON lines: id, question, answer_type, gold, aliases, evidence, category"
                        "[, style, split, source_id]); default: every set found (shared dev sets, data/eval/*.jsonl)")
    p.add_argument("--verbose", "-v", action="store_true", help="list every engine answer that is not perfect")
    p.add_argument("--json", action="store_true", help="print the whole report as JSON")
    p.add_argument("--no-baselines", action="store_true", help="score the engine only (faster)")
    p.set_defaults(func=run)


def evidence_hit(answers: list[dict], quotes: list[str], knowledge) -> bool:
    """Does any answer cite a passage that holds one of the gold evidence quotes?"""
    from app.evalscore import holds, quote_norm

    qn = [quote_norm(q) for q in quotes or []]
    for a in answers:
        for e in a.get("evidence", []) or []:
            p = knowledge.passage(e.get("passage_id", ""))
            if p is not None and any(holds(q, quote_norm(p.text)) for q in qn):
                return True
    return False


def _prf(rows: list[tuple]) -> dict:
    return {"precision": mean(r[0] for r in rows), "recall": mean(r[1] for r in rows),
            "f1": mean(r[2] for r in rows), "n": len(rows)} if rows else {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 0}


def score_sets(sets, systems: dict[str, Callable[[str], list[dict]]], score_fn, knowledge) -> dict:
    """Run every system on every question (each distinct question once) and aggregate per set."""
    memo: dict[tuple[str, str], list[dict]] = {}

    def answers(system: str, question: str) -> list[dict]:
        key = (system, question)
        if key not in memo:
            memo[key] = systems[system](question)
        return memo[key]

    def per_question(q: dict) -> dict:
        out = {}
        for name in systems:
            got = answers(name, q["question"])
            p, r, f = score_fn(q, got)
            out[name] = (p, r, f)
        got = answers(ENGINE, q["question"])
        ev = evidence_hit(got, q.get("evidence", []), knowledge) if q["gold"] else True
        return {"scores": out, "evidence": ev, "labels": [a.get("label") for a in got]}

    all_q = {q["id"]: q for s in sets for q in s.questions}
    results = {qid: per_question(q) for qid, q in all_q.items()}
    report: dict = {"sets": {}, "misses": []}
    for s in sets:
        rows = [results[q["id"]] for q in s.questions]
        entry = {
            "files": [str(p) for p in s.paths], "tune": s.tune, "n": len(rows),
            "systems": {name: _prf([r["scores"][name] for r in rows]) for name in systems},
            "evidence_recall": mean(float(r["evidence"]) for r in rows),
        }
        by_cat, by_style = defaultdict(list), defaultdict(list)
        for q, r in zip(s.questions, rows):
            by_cat[q.get("category", "uncategorised")].append(r["scores"][ENGINE])
            if q.get("style"):
                by_style[q["style"]].append(r["scores"][ENGINE])
        entry["categories"] = {c: _prf(v) for c, v in sorted(by_cat.items())}
        entry["styles"] = {st: _prf(v) for st, v in sorted(by_style.items())}
        if s.is_paraphrases:
            entry["paraphrase"] = _paraphrase_gap(s, all_q, results)
        report["sets"][s.name] = entry
    for qid, q in all_q.items():
        f = results[qid]["scores"][ENGINE][2]
        if f < 1:
            report["misses"].append({"id": qid, "question": q["question"], "f1": round(f, 3),
                                     "gold": q["gold"], "got": results[qid]["labels"]})
    return report


def _paraphrase_gap(s, all_q: dict, results: dict) -> dict:
    """F1 on the paraphrases, F1 on the questions they rephrase, and the gap (originals - paraphrases)."""
    def block(paras: list[dict]) -> dict:
        srcs = sorted({q["source_id"] for q in paras if q.get("source_id") in all_q})
        fp = mean(results[q["id"]]["scores"][ENGINE][2] for q in paras)
        fo = mean(results[i]["scores"][ENGINE][2] for i in srcs) if srcs else None
        return {"f1_paraphrases": fp, "f1_originals": fo, "gap": (fo - fp) if fo is not None else None,
                "n": len(paras), "n_originals": len(srcs)}

    paras = [q for q in s.questions if q.get("source_id")]
    out = block(paras)
    styles = defaultdict(list)
    for q in paras:
        styles[q.get("style", "?")].append(q)
    out["styles"] = {st: block(v) for st, v in sorted(styles.items())}
    return out


def print_report(report: dict, scorer: str, systems: list[str], verbose: bool) -> None:
    sets = report["sets"]
    print(f"scorer: {scorer}")
    head = f"{'set':<14}{'n':>5} {'P':>6}{'R':>6}{'F1':>6} {'evid.R':>7}"
    base = [s for s in systems if s != ENGINE]
    head += "".join(f"{s + ' F1':>15}" for s in base) + (f"{'F1 - best base':>16}" if base else "")
    print("\n" + head)
    for name, e in sets.items():
        m = e["systems"][ENGINE]
        line = f"{name:<14}{e['n']:>5} {m['precision']:>6.3f}{m['recall']:>6.3f}{m['f1']:>6.3f} {e['evidence_recall']:>7.3f}"
        line += "".join(f"{e['systems'][b]['f1']:>15.3f}" for b in base)
        if base:
            line += f"{m['f1'] - max(e['systems'][b]['f1'] for b in base):>+16.3f}"
        print(line + ("" if e["tune"] else "   (held out)"))

    def grid(title: str, key: str) -> None:
        names = [n for n, e in sets.items() if e[key]]
        rows = sorted({c for n in names for c in sets[n][key]})
        if not rows:
            return
        print(f"\nengine F1 by {title} (n)")
        print(f"{'':<26}" + "".join(f"{n:>16}" for n in names))
        for r in rows:
            cells = []
            for n in names:
                m = sets[n][key].get(r)
                cells.append(f"{m['f1']:.3f} ({m['n']})" if m else "-")
            print(f"{r:<26}" + "".join(f"{c:>16}" for c in cells))

    grid("category", "categories")
    grid("style", "styles")
    for name, e in sets.items():
        pg = e.get("paraphrase")
        if not pg:
            continue
        print(f"\nparaphrases ({name}) vs the questions they rephrase")
        print(f"{'':<14}{'n':>5}{'F1 para':>10}{'F1 orig':>10}{'gap':>8}")
        for label, b in [("all", pg)] + list(pg["styles"].items()):
            fo = "-" if b["f1_originals"] is None else f"{b['f1_originals']:.3f}"
            gap = "-" if b["gap"] is None else f"{b['gap']:+.3f}"
            print(f"{label:<14}{b['n']:>5}{b['f1_paraphrases']:>10.3f}{fo:>10}{gap:>8}")
    if verbose and report["misses"]:
        print("\nnot perfect (engine):")
        for m in report["misses"]:
            print(f"  {m['id']} F1={m['f1']} {m['question']}\n      gold {m['gold']}\n      got  {m['got']}")


def run(args: argparse.Namespace) -> int:
    from app.config import Config
    from app.evalscore import find_scorer
    from app.evalsets import discover, shared_eval_dir

    sets = discover(args.files)  # bad files fail here, before the model loads
    score_fn, scorer = find_scorer([p for s in sets for p in s.paths], shared_eval_dir())

    from app.qa.baselines import baseline_answers
    from app.runtime import Runtime

    config = Config.from_env(data_dir=args.data_dir)
    runtime = Runtime(config)
    engine = runtime.engine
    systems: dict[str, Callable[[str], list[dict]]] = {ENGINE: lambda q: engine.ask(q)["answers"]}
    if not args.no_baselines:
        index = runtime.passage_index
        systems[BM25] = lambda q: baseline_answers(q, engine.k, index, "lexical")
        systems[DENSE] = lambda q: baseline_answers(q, engine.k, index, "dense")
    report = score_sets(sets, systems, score_fn, engine.k)
    if args.json:
        print(json.dumps({"scorer": scorer, **report}, indent=2))
    else:
        print_report(report, scorer, list(systems), args.verbose)
    return 0
