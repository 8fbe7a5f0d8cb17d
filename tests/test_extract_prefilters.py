"""Cheap substring tests that let the scheme extractor skip its costly name patterns
(graph/extract/schemes.py) must never skip a sentence one of the patterns matches: on every
sentence of the report, and on sentences written to match, the test passes wherever a match exists."""
from __future__ import annotations

from pathlib import Path

from graph.extract import schemes
from graph.extract.instruments import sentences
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
WRITTEN = ["The National Health Insurance Scheme (NHIS) grew.", "Its Child Grant Programme was reformed.",
           "the old-age pension scheme (JP) covers", "a defined-contribution (JHT) scheme", "the Bolsa Familia program"]


def test_the_substring_tests_hold_wherever_a_name_pattern_matches():
    doc = parse_report(REPORT.read_text(encoding="utf-8"), REPORT.name)
    sents = [s for p in doc.passages for _, _, s in sentences(p.text)] + WRITTEN
    matched = {"cap": 0, "lower": 0, "acr": 0}
    for s in sents:
        if schemes.CAP_NAME.search(s):
            matched["cap"] += 1
            assert schemes._may_name_scheme(s), s
        if schemes.LOWER_NAME.search(s):
            matched["lower"] += 1
            assert "program" in s or "scheme" in s, s
        if schemes.ACR_AFTER.search(s) or schemes.ACR_BEFORE.search(s):
            matched["acr"] += 1
            assert "(" in s, s
    assert all(n >= 3 for n in matched.values()), matched  # each pattern really exercised
    assert not schemes._may_name_scheme("The ministry met the workers' unions in May.")
