"""``floorgraph ask``: answer questions from the graph and the passages, with evidence."""
from __future__ import annotations

import argparse
import json

from app.cli import add_common, read_questions


def register(subparsers) -> None:
    p = subparsers.add_parser("ask", help="answer a question (answers, evidence, the SPARQL it ran)")
    add_common(p)
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("--file", help='questions as JSON lines {"id", "question"}; one JSON line out per question')
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def render(res: dict) -> str:
    lines = [f"Q: {res['question']}", f"   answer type: {res['answer_type']}   strategy: {res['strategy']}"]
    if res.get("message"):
        lines.append(f"   {res['message']}")
    if not res["answers"]:
        lines.append("   No answer: the report does not state one.")
    for a in res["answers"]:
        extra = f" [{a['iso3']}]" if a.get("iso3") else ""
        lines.append(f"  * {a['label']}{extra}  ({a['type']}, score {a['score']})")
        for e in a["evidence"][:2]:
            text = e["text"]
            if e["highlights"]:
                s, t = e["highlights"][0]
                lo, hi = max(0, s - 120), min(len(text), t + 120)
                text = ("…" if lo else "") + text[lo:s] + "[" + text[s:t] + "]" + text[t:hi] + ("…" if hi < len(e["text"]) else "")
            else:
                text = text[:240] + ("…" if len(text) > 240 else "")
            lines.append(f"      {e['section']}\n      “{text}”")
    if res.get("sparql"):
        lines.append("  SPARQL:\n    " + res["sparql"].replace("\n", "\n    "))
    lines.append(f"  ({res['timings_ms'].get('total_ms', 0):.0f} ms)")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from app.builddir import verify_build
    from app.config import Config
    from app.runtime import Runtime
    from graph.errors import FloorgraphError

    if not args.question and not args.file:
        raise FloorgraphError('give a question, e.g. floorgraph ask "Who funds the work in Jordan?", or --file')
    config = Config.from_env(data_dir=args.data_dir)
    verify_build(config.data_dir)  # refuse a torn or altered build before loading any of it
    runtime = Runtime(config)
    runtime.preload_encoder()  # overlaps the engine's loading
    engine = runtime.engine
    if args.file:
        for d in read_questions(args.file):
            res = engine.ask(d["question"], qid=d["id"])
            print(json.dumps(res, ensure_ascii=False) if args.json else render(res), flush=True)
        return 0
    res = engine.ask(args.question)
    print(json.dumps(res, ensure_ascii=False, indent=2) if args.json else render(res))
    return 0
