"""Precision of the graph's statements for roles in initiatives, funding detail, conventions and
table cells, measured on a hand-checked sample.

``tests/fixtures/relation_sample.jsonl`` holds every statement of these classes the extractors
produced on the bundled report when the sample was drawn (table cells: 20 chosen across five
tables), each judged by hand against its evidence sentence and the report text: ``correct`` says
whether the report states it, ``note`` says why not (or why it was doubtful).

The test prints precision per class, requires >= 0.90 per class and >= 0.95 overall, and requires
that every statement judged correct is still produced (so re-measuring on today's output cannot
hide a loss) and that no statement judged wrong has come back in larger numbers.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "relation_sample.jsonl"
MIN_CLASS, MIN_OVERALL, MIN_PER_CLASS_ROWS = 0.90, 0.95, 15

SAMPLE = [json.loads(x) for x in FIXTURE.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def kb():
    from app.config import BUNDLED_REPORT
    from graph.build import build_in_memory

    return build_in_memory([BUNDLED_REPORT]).kb


def _produced(kb, row: dict) -> bool:
    if row["class"] == "tables as data":
        return any(o.table_number == row["table"] and o.row == row["row"] and o.column == row["column"]
                   and int(o.value) == row["value"] and o.unit == row["unit"] for o in kb.observations)
    return (row["subject"], row["predicate"], row["object"]) in kb.facts


def test_sample_covers_each_class():
    per = defaultdict(int)
    for r in SAMPLE:
        per[r["class"]] += 1
    assert set(per) == {"roles in initiatives", "funding detail", "conventions", "tables as data"}
    assert all(n >= MIN_PER_CLASS_ROWS for n in per.values()), dict(per)


def test_precision_per_class(kb):
    per: dict[str, list[bool]] = defaultdict(list)
    for r in SAMPLE:
        if _produced(kb, r):
            per[r["class"]].append(bool(r["correct"]))
    lines, ok_all, n_all = [], 0, 0
    for cls in sorted(per):
        ok, n = sum(per[cls]), len(per[cls])
        ok_all, n_all = ok_all + ok, n_all + n
        lines.append(f"  {cls:22s} {ok:4d}/{n:<4d} precision {ok / n:.3f}")
    print("\nprecision on the hand-checked sample:\n" + "\n".join(lines)
          + f"\n  {'overall':22s} {ok_all:4d}/{n_all:<4d} precision {ok_all / n_all:.3f}")
    assert all(sum(v) / len(v) >= MIN_CLASS for v in per.values())
    assert ok_all / n_all >= MIN_OVERALL


def test_every_statement_judged_correct_is_still_produced(kb):
    missing = [r for r in SAMPLE if r["correct"] and not _produced(kb, r)]
    assert not missing, [(r.get("subject") or r.get("row"), r.get("predicate") or r.get("column")) for r in missing]
