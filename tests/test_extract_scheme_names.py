"""Schemes named in kinds of wording the schemes extractor missed (round 10): a "Regime" with a
capitalised "of ..." tail closed by an acronym ("Social Regime of Independent Workers (RSTI)"), a
plural head ("Health and Occupational Risks Systems").
(A name with a Romance particle before a lower-case "program" - "Bolsa da Mãe program" - was
tried and dropped: as a graph scheme it outranked the possessive-owned programme a text span
question asked for, tests/test_engine_spans.py.)

Names and sentences are made up, inserted as a country entry of the bundled report, and read by
the extractors: the rules are about the shape of the wording, not this report's names.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract import schemes
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")
ONLY = ("structure", "organizations", "funding", "instruments", "initiatives", "schemes")


@pytest.mark.parametrize("sentence, name", [
    ("Workshops supported registration to the Special Regime of Herders and Nomads (SRHN) in 2031.",
     "Special Regime of Herders and Nomads"),
    ("The ILO valued the Maternity and Sickness Benefit Systems of the national institute.",
     "Maternity and Sickness Benefit Systems"),
])
def test_capitalised_names_of_these_shapes_are_read(sentence, name):
    assert name in [m.group("name") for m in schemes.CAP_NAME.finditer(sentence)]


def test_a_lower_case_tail_or_one_without_an_acronym_is_not_taken():
    # "of the national institute" is not the name's; nor is a capitalised tail no acronym closes
    s = "the Herder Pension Scheme of Outer Provinces was reviewed"
    assert [m.group("name") for m in schemes.CAP_NAME.finditer(s)] == ["Herder Pension Scheme"]


@pytest.fixture(scope="module")
def entry_kb():
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    entry = ("Mongolia\n\n"
             "In 2031, the Ministry of Labour established, with support from the ILO, Unemployment "
             "Insurance (UIX) in two provinces. The ILO also supported the registration of herders to the "
             "Special Regime of Herders and Nomads (SRHN) through awareness workshops. A side event showcased "
             "a programme. Meanwhile, unemployment insurance remains rare.\n\n"
             "Financing support: Japan. Visit our country page.\n\n")
    i = SOURCE.index(anchor) + len(anchor)
    return gx.run_all(parse_report(SOURCE[:i] + entry + SOURCE[i:]), only=ONLY)


@pytest.mark.parametrize("label, acronym", [("Special Regime of Herders and Nomads", "SRHN"),
                                            ])
def test_the_entry_schemes_are_in_the_graph_with_their_country(entry_kb, label, acronym):
    found = [e for e in entry_kb.of_type("Scheme") if e.label == label and e.attrs.get("country") == "MNG"]
    assert found, sorted(e.label for e in entry_kb.of_type("Scheme") if e.attrs.get("country") == "MNG")
    assert found[0].attrs.get("country") == "MNG" and found[0].acronym == acronym


def test_a_generic_kind_stays_a_kind_even_with_an_acronym(entry_kb):
    # "Unemployment Insurance (UIX)" is the kind the question asks about across countries ("which
    # countries have unemployment insurance"); as one scheme's name it hid the others (round 10)
    assert not [e for e in entry_kb.of_type("Scheme") if e.label.lower() == "unemployment insurance"]

