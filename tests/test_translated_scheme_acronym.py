"""A scheme the report names in English under another language's acronym (graph/extract/schemes.py,
ACR_TRANSLATED) and links only with that acronym (app/qa/question.py, Lexicon._add).

"complaints from universal health coverage (CMU) beneficiaries": CMU is "couverture maladie
universelle", a national scheme glossed in English; "universal health coverage (UHC)" is the general
idea, its acronym the initials of the English words.  The graph held no scheme for the first, so
"ivory coast universal health coverage scheme" answered a project.  The scheme's label keeps its
acronym, and the lexicon does not link the bare lower-case description: questions on universal
health coverage in general (the pool's UHC Day and financing questions) must not link a scheme.

The extraction cases are made up (a sentence inserted as a country entry of the bundled report).
"""
from __future__ import annotations

from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract.organizations import initials_match
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")


@pytest.mark.parametrize("words, acronym, expected", [
    ("universal health coverage", "CMU", False),
    ("universal health coverage", "UHC", True),
    ("social health protection", "SHP", True),
    ("national health insurance", "AMO", False),
    ("state of health insurance", "SHI", True),  # a small word the acronym skips
])
def test_an_acronym_abbreviates_the_english_words_or_not(words, acronym, expected):
    assert initials_match(acronym, words) is expected


@pytest.fixture(scope="module")
def entry_kb():
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    entry = ("Mongolia\n\n"
             "In 2031, the ILO reviewed complaints from herder medical insurance (ESDM) beneficiaries, "
             "as part of progress towards universal health coverage (UHC).\n\n"
             "Financing support: Japan. Visit our country page.\n\n")
    i = SOURCE.index(anchor) + len(anchor)
    return gx.run_all(parse_report(SOURCE[:i] + entry + SOURCE[i:]),
                      only=("structure", "organizations", "funding", "instruments", "initiatives", "schemes"))


def test_a_translated_acronym_names_a_scheme_of_the_country(entry_kb):
    found = [e for e in entry_kb.of_type("Scheme") if e.acronym == "ESDM"]
    assert [e.label for e in found] == ["herder medical insurance (ESDM)"]
    assert found[0].attrs.get("country") == "MNG"
    assert not [e for e in entry_kb.of_type("Scheme") if e.acronym == "UHC"], "the general idea is no scheme"


def test_the_scheme_answers_its_keyword_query_and_the_bare_words_link_nothing(engine):
    cmu = [e for e in engine.k.of_type("Scheme") if e.get("acronym") == "CMU"]
    assert len(cmu) == 1, "the report's CMU is a scheme of Côte d'Ivoire"
    got = engine.ask("ivory coast universal health coverage scheme")
    assert [a["label"] for a in got["answers"]] == [cmu[0]["label"]]
    links = engine.lexicon.link("Who organised the Universal Health Coverage Day discussion with the ILO?")
    assert not [l for l in links if l.type == "Scheme"]
