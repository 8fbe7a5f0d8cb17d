"""PatternSet finds exactly the patterns a search per pattern finds (graph/pattern_set.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.extract import milestones
from graph.pattern_set import PatternSet
from graph.text import split_sentences

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"


def _by_search(patterns, text):
    return [i for i, p in enumerate(patterns) if p.search(text)]


@pytest.mark.parametrize("text", [
    "", "nothing here", "carers", "Long-term care and women", "long term care for rural farmers",
    "the policy on cash transfers and supply chains", "caring", "legal frameworks, legislation, law",
    "policy policy policy gender", "UN Joint Programme funded by Norway, with US$ 2 million",
])
def test_found_equals_a_search_per_pattern_on_cue_lists(text):
    for rxs in (milestones._TOPIC_RX, milestones._COLLAB_RX):
        patterns = [rx for _, rx in rxs]
        assert PatternSet(patterns).found(text) == _by_search(patterns, text)


def test_overlapping_and_nested_patterns():
    # patterns whose matches start at the same place, nest, or overlap are all reported
    patterns = [re.compile(p) for p in (r"abc", r"ab", r"bcd", r"c", r"x+y", r"\bd\b")]
    ps = PatternSet(patterns)
    for text in ("abcd", "xxy abc", "d", "zzz", "bc d", "ab ab ab"):
        assert ps.found(text) == _by_search(patterns, text), text
    assert ps.first("zz c") == 3 and ps.first("zz") is None


def test_every_sentence_of_the_report():
    text = REPORT.read_text(encoding="utf-8")
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert len(sentences) > 1000
    for s in sentences:
        # proper names are blanked unless they name a benefit ("Employment Injury Insurance")
        unnamed = milestones._PROPER_NAME.sub(
            lambda m: m.group(0) if milestones._BENEFIT_NAME.search(m.group(0)) else " ", s)
        assert milestones.topics(s) == [t for t, rx in milestones._TOPIC_RX if rx.search(unnamed)]
        expected = next((k for k, rx in milestones._COLLAB_RX if rx.search(s)), "partnership")
        assert milestones.collaboration_kind(s) == expected


def test_mixed_flags_are_refused():
    with pytest.raises(ValueError):
        PatternSet([re.compile("a", re.I), re.compile("b")])
    assert PatternSet([]).found("anything") == []
