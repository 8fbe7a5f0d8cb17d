"""Partnership cues (round 12): "works with", "continues to work with" an organisation is a partnership,
as "worked with" and "working with" already were ("In India, the ILO continues to work with the ... Foundation").

The entry and its sentence are made up, inserted as a country entry of the bundled report.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import graph.extract as gx
from graph.kb import eid
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")
ONLY = ("structure", "organizations", "funding", "instruments", "initiatives", "schemes", "engagements")


@pytest.mark.parametrize("cue", ["continues to work with", "works closely with", "has been working with"])
def test_working_with_an_organisation_is_a_partnership(cue):
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    i = SOURCE.index(anchor) + len(anchor)
    entry = (f"Mongolia\n\nIn Mongolia, the ILO {cue} the Asian Development Bank on an assessment of the "
             "herders' pension scheme.\n\nFinancing support: Japan. Visit our country page.\n\n")
    kb = gx.run_all(parse_report(SOURCE[:i] + entry + SOURCE[i:]), only=ONLY)
    partners = {kb.entities[f.object].label for f in kb.facts_where(subject=eid("Country", "MNG"), predicate="partneredWith")}
    assert "Asian Development Bank" in partners


def _entry_partners(sentence: str) -> set[str]:
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    i = SOURCE.index(anchor) + len(anchor)
    entry = f"Mongolia\n\n{sentence}\n\nFinancing support: Japan. Visit our country page.\n\n"
    kb = gx.run_all(parse_report(SOURCE[:i] + entry + SOURCE[i:]), only=ONLY)
    return {kb.entities[f.object].label for f in kb.facts_where(subject=eid("Country", "MNG"), predicate="partneredWith")}


@pytest.mark.parametrize("cue", ["alongside", "together with"])
def test_the_organisation_a_coordinating_cue_follows_is_a_partner_too(cue):
    """'the Ministry convened the X, alongside the Y and the Z': X took part as Y and Z did."""
    got = _entry_partners(f"In 2031, the Ministry of Labour convened the Asian Development Bank, {cue} the "
                          "European Union and UNICEF, to assess the damage of the floods.")
    assert {"Asian Development Bank", "European Union"} <= got


def test_an_organisation_further_before_the_cue_is_not_taken():
    got = _entry_partners("In 2031, the Asian Development Bank published a study; the ministry worked on a "
                          "recovery plan alongside the European Union.")
    assert "European Union" in got and "Asian Development Bank" not in got


@pytest.mark.parametrize("lead", ["international development organizations—such as", "development agencies, including",
                                  "partners such as"])
def test_organisations_a_kind_noun_introduces_are_partners(lead):
    """'a process involving ... international development organizations—such as X, Y and Z': X, Y and Z took part."""
    got = _entry_partners(f"In 2031, Mongolia validated its strategy through a process involving line ministries and {lead} "
                          "UNICEF, the Asian Development Bank and the IMF.")
    assert {"United Nations Children's Fund", "Asian Development Bank"} <= got
