"""Precision of the graph's statements over every relation class of the completeness issue,
measured on a hand-checked sample.

``tests/fixtures/statement_sample.jsonl`` holds statements drawn by ``scripts/sample_statements.py``
(stratified by class, seeded) from the graph of the bundled report.  Each was judged by reading its
evidence in the report: ``correct`` is true only when the report says it, with the right subject,
object, relation *and* qualifiers (a wrong year, role, kind, topic, unit or "what a figure counts"
makes it wrong); ``why`` says on what grounds.

A statement is identified by its key (subject, predicate, object and the qualifiers it asserts), so
when an extractor changes a year or a role the judged statement is simply no longer produced and its
judgement cannot carry over to a different claim.

This is the one precision fixture.  It also holds the two earlier per-class samples, merged in with
every judgement kept (``source`` says which): ``relation_sample`` (roles in initiatives, funding
detail, conventions, table cells) and ``country_detail_sample`` (partners, schemes and laws,
publications, figures, dated activities).  Those were judged per relation, so their rows carry
``"match": "triple"`` and count while the same subject, predicate and object are produced (their
table cells, judged per cell, are matched by key); a statement judged in both samples counts once,
by its key row.  The tests

* print precision per class and overall (``pytest -s``) over the judged statements the current
  extractors still produce, and require >= 0.95 overall and >= 0.90 per class, with at least 15
  such statements in every class;
* fail when more than 10 % of the judged sample is no longer produced: the sample is stale, re-draw
  and judge new statements (``scripts/sample_statements.py --top-up``);
* fail when a statement of the earlier per-class samples that was judged correct is no longer
  produced (as their own tests did: re-measuring on today's output must not hide a loss).

Set ``FLOORGRAPH_PRECISION_DATA_DIR`` to a data dir built by ``floorgraph build`` to measure that
build instead of building the bundled report in memory.
"""
from __future__ import annotations

import importlib.util
import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "statement_sample.jsonl"
SCRIPT = ROOT / "scripts" / "sample_statements.py"
MIN_OVERALL, MIN_CLASS, MIN_PRESENT_PER_CLASS, MAX_STALE = 0.95, 0.90, 15, 0.10

_spec = importlib.util.spec_from_file_location("sample_statements", SCRIPT)
sampler = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sampler)

SAMPLE = [json.loads(x) for x in FIXTURE.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def current() -> list[dict]:
    """Every statement the current extractors produce on the bundled report."""
    data_dir = os.environ.get("FLOORGRAPH_PRECISION_DATA_DIR")
    if data_dir:
        kb, passages = sampler.load_data_dir(Path(data_dir))
    else:
        from app.config import BUNDLED_REPORT
        from graph.build import build_in_memory, kb_to_json

        b = build_in_memory([BUNDLED_REPORT])
        kb, passages = kb_to_json(b.kb), {p.id: p.to_dict() for p in b.passages}
    return sampler.statements(kb, passages)


@pytest.fixture(scope="module")
def produced(current) -> frozenset[str]:
    return frozenset(r["key"] for r in current)


@pytest.fixture(scope="module")
def produced_triples(current) -> frozenset[tuple[str, str, str]]:
    return frozenset((r["subject"], r["predicate"], r["object"]) for r in current)


def _triple(r: dict) -> tuple[str, str, str]:
    return r["subject"], r["predicate"], r["object"]


def is_produced(r: dict, produced, produced_triples) -> bool:
    """A row judged per statement matches by key, one judged per relation by its triple."""
    if r.get("match", "key") == "triple":
        return _triple(r) in produced_triples
    return r["key"] in produced


def counted(produced, produced_triples) -> list[dict]:
    """The judged rows still produced, each statement once (a key row wins over a triple row)."""
    present = [r for r in SAMPLE if is_produced(r, produced, produced_triples)]
    by_key = {_triple(r) for r in present if r.get("match", "key") == "key"}
    return [r for r in present if r.get("match", "key") == "key" or _triple(r) not in by_key]


def test_fixture_is_judged_and_well_formed():
    seen = set()
    for r in SAMPLE:
        assert isinstance(r["correct"], bool), f"not judged yet: {r['statement']}"
        assert r["why"].strip(), f"judgement without a reason: {r['statement']}"
        assert r["class"] in sampler.CLASSES, r["class"]
        assert r["key"] == sampler.key_of(r), f"key does not match the row: {r['statement']}"
        assert r.get("match", "key") in ("key", "triple"), r["statement"]
        assert r["key"] not in seen, f"duplicate statement: {r['statement']}"
        seen.add(r["key"])
    per = defaultdict(int)
    for r in SAMPLE:
        per[r["class"]] += 1
    assert len(SAMPLE) >= 600
    assert all(per[c] >= MIN_PRESENT_PER_CLASS for c in sampler.ISSUE_CLASSES), dict(per)


def test_every_registered_relation_has_a_class(current):
    assert sampler.check_registry_mapped() == [], "place new relations in CLASS_OF (scripts/sample_statements.py)"
    unplaced = sorted({(r["predicate"], r["subject"].split(":")[0]) for r in current if r["class"] == sampler.UNMAPPED})
    assert not unplaced, f"statements of no class (relation, subject type): {unplaced}"


def test_sample_is_not_stale(produced, produced_triples):
    gone = [r for r in SAMPLE if not is_produced(r, produced, produced_triples)]
    share = len(gone) / len(SAMPLE)
    print(f"\njudged statements no longer produced: {len(gone)}/{len(SAMPLE)} ({share:.1%})")
    assert share <= MAX_STALE, (
        f"{len(gone)} of {len(SAMPLE)} judged statements are no longer produced: re-sample and judge "
        "(scripts/sample_statements.py --data-dir D --per-class 36 --top-up --out tests/fixtures/statement_sample.jsonl)")


def test_earlier_samples_judged_correct_are_still_produced(produced, produced_triples):
    lost = [r for r in SAMPLE if r.get("source") in ("relation_sample", "country_detail_sample") and r["correct"]
            and not is_produced(r, produced, produced_triples)]
    assert not lost, "statements judged correct are no longer produced:\n" + "\n".join(
        f"  [{r['source']}] {r['statement']}" for r in lost)


def test_precision_per_class(produced, produced_triples):
    per: dict[str, list[dict]] = defaultdict(list)
    gone: dict[str, int] = defaultdict(int)
    for r in counted(produced, produced_triples):
        per[r["class"]].append(r)
    for r in SAMPLE:
        if not is_produced(r, produced, produced_triples):
            gone[r["class"]] += 1
    lines = [f"  {'class':30s} {'correct':>7s}/{'n':<4s} precision  (judged, no longer produced)"]
    ok_all = n_all = 0
    for cls in sampler.CLASSES:
        rows = per.get(cls, [])
        ok, n = sum(r["correct"] for r in rows), len(rows)
        ok_all, n_all = ok_all + ok, n_all + n
        lines.append(f"  {cls:30s} {ok:7d}/{n:<4d} {ok / n if n else 0:9.3f}  ({gone[cls]})")
    lines.append(f"  {'overall':30s} {ok_all:7d}/{n_all:<4d} {ok_all / n_all:9.3f}  ({sum(gone.values())})")
    wrong = [f"  [{r['class']}] {r['statement']}\n      why: {r['why']}"
             for cls in sampler.CLASSES for r in per.get(cls, []) if not r["correct"]]
    print("\nstatement precision on the hand-checked sample:\n" + "\n".join(lines)
          + ("\nstatements judged wrong that are still produced:\n" + "\n".join(wrong) if wrong else ""))
    thin = {c: len(per.get(c, [])) for c in sampler.ISSUE_CLASSES if len(per.get(c, [])) < MIN_PRESENT_PER_CLASS}
    assert not thin, f"classes with fewer than {MIN_PRESENT_PER_CLASS} judged statements still produced: {thin}"
    low = {c: round(sum(r["correct"] for r in v) / len(v), 3) for c, v in per.items()
           if sum(r["correct"] for r in v) / len(v) < MIN_CLASS}
    assert ok_all / n_all >= MIN_OVERALL, f"overall precision {ok_all / n_all:.3f} < {MIN_OVERALL}"
    assert not low, f"classes below {MIN_CLASS}: {low}"
