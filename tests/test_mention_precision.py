"""Precision of entity-mention extraction, measured on a hand-checked sample.

``tests/fixtures/mention_sample.jsonl`` holds 125 mentions drawn by ``scripts/sample_mentions.py``
(stratified by type, ``random.Random(2024)``) from the KB built over the bundled report, each
judged by hand from its passage context: ``correct`` says whether the span really names *that*
entity (right type, right referent), ``note`` says why when it does not (or when it was doubtful).

The tests check that the judged precision is high enough, and that the current extractors still
produce every mention judged correct and do not produce more of the ones judged incorrect, so the
sample's precision re-measured on today's output cannot fall.  Sampled spans are located by
passage id (ids are content-derived) and, if the passage id is gone, by the context snippet.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/mention_sample.jsonl"
REPORT = ROOT / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
CONTEXT = 150  # characters either side of the span in the fixture's "context" (as in the script)
MIN_PRECISION = 0.95
MIN_TOTAL = 100


def _load() -> list[dict]:
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]


SAMPLE = _load()


def _precision(rows: list[dict]) -> tuple[float, int, int]:
    ok = sum(1 for r in rows if r["correct"])
    return (ok / len(rows) if rows else 0.0), ok, len(rows)


@pytest.fixture(scope="module")
def kb_build():
    from graph.build import build_in_memory

    return build_in_memory([str(REPORT)])


@pytest.fixture(scope="module")
def produced(kb_build):
    """(passage_id, start, end, type, key) of every mention the current extractors produce."""
    return {(m.passage_id, m.start, m.end, m.type, m.key) for m in kb_build.kb.mentions}


@pytest.fixture(scope="module")
def passages(kb_build):
    return {p.id: p for p in kb_build.passages}


def _locate(row: dict, passages: dict) -> tuple[str, int, int] | None:
    """Where the sampled span is in today's passages: (passage_id, start, end), or None."""
    surface = row["surface"]
    p = passages.get(row["passage_id"])
    if p is not None and p.text[row["start"]:row["end"]] == surface:
        return row["passage_id"], row["start"], row["end"]
    # The passage changed (or its id did): find the context snippet, then narrower ones.
    ctx = row["context"]
    lead = min(row["start"], CONTEXT)  # where the span starts inside the snippet
    assert ctx[lead:lead + len(surface)] == surface
    # A passage boundary can move (a line before the span became a heading): then only one side of
    # the snippet is still in one passage, so each width is tried on both sides and on one side alone.
    for width in (CONTEXT, 60, 25):
        for left, right in ((width, width), (0, width), (width, 0)):
            lo = max(0, lead - left)
            snippet = ctx[lo:lead + len(surface) + right]
            for pid, p in passages.items():
                at = p.text.find(snippet)
                if at >= 0:
                    s = at + (lead - lo)
                    return pid, s, s + len(surface)
    return None


def _still_produced(row: dict, passages: dict, produced: set) -> bool:
    where = _locate(row, passages)
    return where is not None and (*where, row["type"], row["key"]) in produced


def test_fixture_is_well_formed():
    keys = {"passage_id", "context", "start", "end", "surface", "type", "key", "label", "correct", "note"}
    seen = set()
    for r in SAMPLE:
        assert keys <= r.keys(), r
        assert isinstance(r["correct"], bool), f"not hand-checked yet: {r}"
        assert r["end"] - r["start"] == len(r["surface"]) > 0, r
        lead = min(r["start"], CONTEXT)
        assert r["context"][lead:lead + len(r["surface"])] == r["surface"], r
        if not r["correct"]:
            assert r["note"].strip(), f"incorrect mention without a note: {r}"
        ident = (r["passage_id"], r["start"], r["end"], r["type"], r["key"])
        assert ident not in seen, f"duplicate in sample: {ident}"
        seen.add(ident)


def test_hand_checked_precision():
    precision, ok, total = _precision(SAMPLE)
    per_type = Counter(r["type"] for r in SAMPLE)
    wrong_per_type = Counter(r["type"] for r in SAMPLE if not r["correct"])
    print(f"\nmention precision on hand-checked sample: {precision:.3f} ({ok}/{total})")
    for typ, n in per_type.most_common():
        print(f"  {typ:16s} {n - wrong_per_type[typ]:3d}/{n:<3d} correct")
    assert total >= MIN_TOTAL
    assert precision >= MIN_PRECISION, f"precision {precision:.3f} < {MIN_PRECISION}"


def test_correct_mentions_still_extracted(passages, produced):
    lost = [r for r in SAMPLE if r["correct"] and not _still_produced(r, passages, produced)]
    assert not lost, "mentions judged correct are no longer produced:\n" + "\n".join(
        f"  {r['type']}:{r['key']} {r['surface']!r} in {r['passage_id']}" for r in lost
    )


def test_precision_remeasured_on_current_output(passages, produced):
    was_wrong = [r for r in SAMPLE if not r["correct"]]
    now = [r for r in SAMPLE if _still_produced(r, passages, produced)]
    now_wrong = [r for r in now if not r["correct"]]
    precision, ok, total = _precision(now)
    print(f"\nmention precision re-measured on current output for the sampled spans: "
          f"{precision:.3f} ({ok}/{total}); incorrect still produced: {len(now_wrong)}/{len(was_wrong)}")
    for r in now_wrong:
        print(f"  still wrong: {r['type']}:{r['key']} {r['surface']!r}")
    assert len(now_wrong) <= len(was_wrong)
    assert total >= MIN_TOTAL
    assert precision >= MIN_PRECISION, f"re-measured precision {precision:.3f} < {MIN_PRECISION}"
