"""``floorgraph search``: find the passages of the report that best match a text.

The index is loaded (and the model, if the mode needs it) once per invocation, so ``--file``
with many questions pays start-up costs once.
"""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
import time
from typing import Any

from app.cli import add_common, read_questions

MODES = ("dense", "lexical", "hybrid")


def register(subparsers) -> None:
    p = subparsers.add_parser("search", help="search report passages (dense, lexical or hybrid)",
                              description="Find the passages of the report that best match a text.")
    add_common(p)
    p.add_argument("query", nargs="?", help="text to search for")
    p.add_argument("--file", help='JSON lines of {"id", "question"}; one JSON result line per question')
    p.add_argument("--k", type=int, default=5, help="number of passages (default 5)")
    p.add_argument("--mode", choices=MODES, default="hybrid", help="ranking (default hybrid)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--country", action="append", help="ISO3 code of a mentioned country (repeatable)")
    p.add_argument("--region", action="append", help="region heading, e.g. Africa (repeatable)")
    p.add_argument("--section-kind", action="append", help="chapter, section, country, box, ... (repeatable)")
    p.add_argument("--org", action="append", help="organisation key (repeatable)")
    p.set_defaults(func=run)


def _print_human(query: str, hits, timings: dict[str, float], load_ms: float) -> None:
    print(f"query: {query}   (search {timings.get('total_ms', 0):.0f} ms; index + model load {load_ms:.0f} ms)")
    if not hits:
        print("  no matching passages")
    for h in hits:
        print(f"\n{h.rank:>2}. [{h.score:.4f}] {h.passage.section or '(no section)'}   id={h.passage.id}")
        body = textwrap.shorten(h.passage.text, width=400, placeholder=" …")
        print(textwrap.indent(textwrap.fill(body, width=96), "    "))


def run(args: argparse.Namespace) -> int:
    from app.builddir import verify_build
    from app.config import Config
    from app.runtime import Runtime
    from graph.errors import FloorgraphError

    if bool(args.query) == bool(args.file):
        raise FloorgraphError('give either a query text or --file QUESTIONS.jsonl, e.g. floorgraph search "pension reform"')
    if not 1 <= args.k <= 100:
        raise FloorgraphError("--k must be between 1 and 100")
    cfg = Config.from_env(data_dir=args.data_dir)
    # refuse a torn or altered build before loading any of it (a bare index dir checks itself)
    verify_build(cfg.data_dir, missing_ok=True)
    from index import Filters

    filters = Filters.of(country=[c.upper() for c in args.country or []], region=args.region,
                         section_kind=args.section_kind, organization=args.org)
    questions = read_questions(args.file) if args.file else None
    t0 = time.perf_counter()
    index = Runtime(cfg).passage_index
    if args.mode != "lexical":
        index.embedder.encode(["warm-up"])  # load the model now, so query timings are query timings
    load_ms = round((time.perf_counter() - t0) * 1e3, 1)
    if questions is None:
        hits = index.search(args.query, k=args.k, mode=args.mode, filters=filters)
        if args.json:
            print(json.dumps({"id": None, "query": args.query, "results": [h.to_dict() for h in hits],
                              "timings_ms": index.last_timings | {"load_ms": load_ms}}, ensure_ascii=False))
        else:
            _print_human(index.check_query(args.query), hits, index.last_timings, load_ms)
        return 0
    status = 0
    for q in questions:
        record: dict[str, Any] = {"id": q["id"], "query": q["question"], "results": [], "timings_ms": {}}
        try:
            hits = index.search(q["question"], k=args.k, mode=args.mode, filters=filters)
            record.update(results=[h.to_dict() for h in hits], timings_ms=index.last_timings)
        except FloorgraphError as exc:  # one bad line should not lose the others' answers
            record["error"] = str(exc)
            print(f"floorgraph: error: question {q['id']}: {exc}", file=sys.stderr)
            status = 2
        print(json.dumps(record, ensure_ascii=False), flush=True)  # --file: always JSON lines
    return status
