"""activity_kind (graph/extract/milestones.py) scans a clause once with every kind in one pattern;
it must name the same kind as searching kind by kind and keeping the earliest cue (ties to the
kind listed first), on every sentence and clause-sized window of the report."""
from __future__ import annotations

import re
from pathlib import Path

from graph.extract import milestones

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"


def test_one_scan_names_the_kind_the_kind_by_kind_search_names():
    text = REPORT.read_text(encoding="utf-8")
    sentences = [s for line in text.splitlines() for s in re.split(r"(?<=[.;:])\s+", line) if s.strip()]
    windows = [s[i:i + 90] for s in sentences for i in range(0, len(s), 37)]
    samples = sentences + windows + ["a pilot study", "Workshop on the policy", "drafting a bill; MIS", ""]
    named = [milestones.activity_kind(t) for t in samples]
    assert named == [milestones._activity_kind_by_kind(t) for t in samples]
    assert {k for k in named if k} == {k for k, _ in milestones.ACTIVITY_KINDS}  # every kind exercised
    assert milestones.activity_kind("a pilot study") == "pilot"  # earliest cue wins
    assert milestones.activity_kind("feasibility study visit") == "study"  # same start: the kind listed first
