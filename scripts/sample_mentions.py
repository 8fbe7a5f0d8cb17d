#!/usr/bin/env python
"""Draw the stratified, reproducible sample of extracted mentions that is hand-checked in
``tests/fixtures/mention_sample.jsonl`` (see ``tests/test_mention_precision.py``).

    .venv/bin/python scripts/sample_mentions.py                # print the sample as JSONL
    .venv/bin/python scripts/sample_mentions.py --out tests/fixtures/mention_sample.jsonl

The sample is drawn with ``random.Random(2024)`` from the mentions sorted by a content key, per
type in a fixed order, so re-running over the same report and extractors gives the same sample.
With ``--out`` an existing fixture's judgements (``correct``/``note``) are carried over for the
mentions that are still sampled; new ones get ``"correct": null`` and must be hand-checked.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build import build_in_memory  # noqa: E402

REPORT = ROOT / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SEED = 2024
QUOTAS = {  # 125 in all
    "Country": 40,
    "Organization": 45,
    "Initiative": 10,
    "Scheme": 10,
    "LegalInstrument": 10,
    "Publication": 10,
}
CONTEXT = 150  # characters of passage text either side of the span


def context_of(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    return text[max(0, start - width): end + width]


def draw_sample(build) -> list[dict]:
    passages = {p.id: p for p in build.passages}
    rng = random.Random(SEED)
    rows: list[dict] = []
    for typ, n in QUOTAS.items():
        pool = sorted(
            (m for m in build.kb.mentions if m.type == typ),
            key=lambda m: (passages[m.passage_id].text, m.start, m.end, m.key, m.passage_id),
        )
        for m in sorted(rng.sample(pool, min(n, len(pool))),
                        key=lambda m: (m.passage_id, m.start)):
            text = passages[m.passage_id].text
            ent = build.kb.entities.get(f"{m.type}:{m.key}")
            rows.append({
                "passage_id": m.passage_id,
                "context": context_of(text, m.start, m.end),
                "start": m.start,
                "end": m.end,
                "surface": m.surface,
                "type": m.type,
                "key": m.key,
                "label": ent.label if ent else None,
                "correct": None,
                "note": "",
            })
    return rows


def _ident(r: dict) -> tuple:
    return (r["passage_id"], r["start"], r["end"], r["type"], r["key"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write/merge the JSONL here instead of stdout")
    args = ap.parse_args(argv)
    rows = draw_sample(build_in_memory([str(REPORT)]))
    if args.out and args.out.exists():
        old = {_ident(r): r for r in map(json.loads, args.out.read_text().splitlines()) if r}
        for r in rows:
            if _ident(r) in old:
                r["correct"] = old[_ident(r)].get("correct")
                r["note"] = old[_ident(r)].get("note", "")
    out = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(out, encoding="utf-8")
        todo = sum(r["correct"] is None for r in rows)
        print(f"wrote {len(rows)} mentions to {args.out} ({todo} still to hand-check)", file=sys.stderr)
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
