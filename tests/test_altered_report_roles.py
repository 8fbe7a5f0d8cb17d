"""Roles, years, table numbers and parenthetical funders follow the file the graph is built from.

A copy of the bundled report is edited in a few places (a role, a year, a table number, a
parenthetical funder); the graph built from it must change accordingly, and the graph of the
unedited report (the control) must not hold the edited facts.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from graph.build import build_in_memory
from graph.extract.identity import duplicate_entities

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")

EDITS = [
    # a role: the facility's lead and one of its agencies swap
    ("Technical Support Facility (led by the ILO, and including UNICEF, UNDP,",
     "Technical Support Facility (led by UNICEF, and including the ILO, UNDP,"),
    # a co-chair replaced
    ("Co-chaired by ILO, FAO and the Red Cross", "Co-chaired by ILO, WFP and the Red Cross"),
    # a year: the secretariat was set up a year earlier
    ("In December 2024, Mahidol University established the secretariat",
     "In December 2023, Mahidol University established the secretariat"),
    # a pathfinder's year of commitment
    ("commitment by the Prime Minister on 23 August 2023", "commitment by the Prime Minister on 23 August 2022"),
    # a table number (Table 2, legal coverage, impacts in 2023)
    ("| Legal coverage (extension) | 19,000,000 | 1,900,000 |", "| Legal coverage (extension) | 19,000,000 | 1,950,000 |"),
    # a parenthetical funder: another country's agency co-funds the DCI
    ("as well as France (Expertise France) and Spain (FIIAPP)", "as well as France (Expertise France) and Italy (AICS)"),
    # contributors named in parentheses after a fund in a financing line
    ("Financing support: Ireland, European Union and donors to UN Joint Programmes.",
     "Financing support: Ireland, European Union and UN Joint Programmes (Sweden and Norway)."),
    # an inquiry under the ratification campaign
    ("including Armenia, Burkina Faso, Colombia,", "including Armenia, Burkina Faso, Ecuador,"),
]


def edited_text() -> str:
    text = SOURCE
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    d = tmp_path_factory.mktemp("altered-roles")
    edited = d / "edited-report.md"
    edited.write_text(edited_text(), encoding="utf-8")
    return {"control": build_in_memory([REPORT]).kb, "edited": build_in_memory([edited]).kb}


def _subjects(kb, predicate, obj):
    return {kb.entities[f.subject].acronym or kb.entities[f.subject].label: f
            for f in kb.facts_where(predicate=predicate, obj=obj)}


def _tsf(kb):
    return next(e.id for e in kb.of_type("Initiative") if e.acronym == "TSF")


def test_a_changed_role(builds):
    c, e = builds["control"], builds["edited"]
    assert set(_subjects(c, "chairOf", _tsf(c))) == {"ILO"}
    assert set(_subjects(e, "chairOf", _tsf(e))) == {"UNICEF"}
    assert "ILO" in _subjects(e, "constituentOf", _tsf(e)) and "UNICEF" not in _subjects(e, "constituentOf", _tsf(e))
    wg = "Initiative:usp2030-working-group-on-climate-action"
    assert "FAO" in _subjects(c, "coChairOf", wg) and "WFP" not in _subjects(c, "coChairOf", wg)
    assert "WFP" in _subjects(e, "coChairOf", wg) and "FAO" not in _subjects(e, "coChairOf", wg)


def test_a_changed_year(builds):
    def sec_year(kb):
        return next(f.attrs["year"] for lab, f in _subjects(kb, "secretariatOf", "Initiative:connect-network").items()
                    if "Mahidol" in lab)

    assert sec_year(builds["control"]) == "2024" and sec_year(builds["edited"]) == "2023"
    pf = ("Country:UZB", "pathfinderOf", "Initiative:global-accelerator")
    assert builds["control"].facts[pf].attrs["year"] == "2023"
    assert builds["edited"].facts[pf].attrs["year"] == "2022"


def test_a_changed_table_number(builds):
    def cell(kb):
        return next(o for o in kb.observations if o.table_number == 2 and o.row == "Legal coverage (extension)"
                    and o.column == "Impacts in 2023")

    assert cell(builds["control"]).value == Decimal(1_900_000)
    assert cell(builds["edited"]).value == Decimal(1_950_000)
    assert "1,950,000" in cell(builds["edited"]).row_text
    assert len(builds["edited"].observations) == len(builds["control"].observations) >= 100


def test_a_changed_parenthetical_funder(builds):
    c, e = builds["control"], builds["edited"]

    def dci_funders(kb):
        return {f.object for f in kb.facts_where(subject="Initiative:dci", predicate="fundedBy")}

    assert "Organization:gov-ESP" in dci_funders(c) and "Organization:gov-ITA" not in dci_funders(c)
    assert "Organization:gov-ITA" in dci_funders(e) and "Organization:gov-ESP" not in dci_funders(e)
    aics = next(x for x in e.of_type("Organization") if "AICS" in (x.acronym, x.label))
    assert e.facts.get((aics.id, "agencyOf", "Organization:gov-ITA"))

    def rwa_fund_donors(kb):
        out = {}
        for f in kb.facts_where(subject="Country:RWA", predicate="fundedBy"):
            out[f.object] = {g.object for g in kb.facts_where(subject=f.object, predicate="fundedBy")}
        return out

    jp_c = {k: v for k, v in rwa_fund_donors(c).items() if "joint-programmes" in k}
    jp_e = {k: v for k, v in rwa_fund_donors(e).items() if "joint-programmes" in k}
    assert jp_c and not any(jp_c.values())
    assert list(jp_e.values()) == [{"Organization:gov-SWE", "Organization:gov-NOR"}]


def test_a_changed_inquiry(builds):
    def inq(kb):
        return {f.subject for f in kb.facts_where(predicate="inquiredAbout")}

    assert "Country:COL" in inq(builds["control"]) and "Country:ECU" not in inq(builds["control"])
    assert "Country:ECU" in inq(builds["edited"]) and "Country:COL" not in inq(builds["edited"])


def test_still_one_entity_per_real_thing(builds):
    assert duplicate_entities(builds["edited"]) == []
    assert builds["edited"].facts.get(("Organization:gov-ITA", "governmentOf", "Country:ITA"))
