"""Instruments extractor: ILO instruments, national laws/strategies, ratifications pinned to the text."""
from pathlib import Path

import pytest

import graph.extract as gx
from graph.kb import eid
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
ONLY = ("instruments",)


# `doc` and `kb` (the extractors in ONLY run over the bundled report) come from conftest.py.


def _ratification(kb, iso, inst="c102"):
    fs = kb.facts_where(subject=eid("Country", iso), predicate="ratified", obj=eid("LegalInstrument", inst))
    assert fs, f"no ratification for {iso}"
    return fs[0]


def test_ilo_instruments(kb):
    c102 = kb.entities["LegalInstrument:c102"]
    assert c102.role == "ILOConvention" and c102.attrs["number"] == 102
    assert c102.label == "Convention No. 102" and "C102" in c102.alt_labels
    r202 = kb.entities["LegalInstrument:r202"]
    assert r202.role == "ILORecommendation"
    assert "Social Protection Floors Recommendation" in r202.alt_labels
    assert kb.entities["LegalInstrument:c121"].attrs.get("title") == "Employment Injury Benefits Convention"
    assert "LegalInstrument:c183" in kb.entities


@pytest.mark.parametrize("iso,year", [("SLE", "2022"), ("PRY", "2021"), ("ALB", "2006"), ("TGO", "2013"),
                                      ("CIV", "2023"), ("SLV", "2022"), ("SUR", "2024")])
def test_ratification_years(kb, iso, year):
    f = _ratification(kb, iso)
    assert f.kind == "Ratification"
    assert f.attrs["year"] == year
    assert f.attrs["status"] == "registered"


def test_angola_approved_not_registered(kb):
    f = _ratification(kb, "AGO")
    assert f.attrs["status"] == "approved-not-yet-registered"
    assert f.attrs["year"] == "2024"


def test_campaign_list_without_year(kb):
    f = _ratification(kb, "COM")
    assert f.attrs["year"] is None and f.attrs["since"] == "2021"
    assert _ratification(kb, "STP").attrs["year"] == "2024"
    # countries that merely "inquired about the Campaign" did not ratify
    for iso in ("ARM", "BFA", "ZMB"):
        assert not kb.facts_where(subject=eid("Country", iso), predicate="ratified")


def test_national_instruments(kb):
    by_label = {(e.attrs.get("country"), e.label): e for e in kb.of_type("LegalInstrument")}
    nsps = by_label[("UGA", "National Social Protection Strategy")]
    assert nsps.role == "NationalStrategy" and nsps.acronym == "NSPS" and nsps.attrs["year"] == "2024"
    assert by_label[("MWI", "Older Persons' Act")].role == "NationalLaw"
    assert by_label[("MWI", "Older Persons' Act")].attrs["year"] == "2024"
    assert by_label[("CPV", "Law No. 38/VIII/2013")].role == "NationalLaw"
    assert ("ALB", "National Strategy on Social Protection 2024-2030") in by_label
    assert by_label[("BDI", "National Social Protection Policy (2024-2033)")].attrs["period"] == "2024-2033"
    assert any(k[0] == "KEN" and k[1].startswith("Social Health Insurance Act") for k in by_label)
    # organisations are not instruments
    assert not any("Ministry" in e.label for e in kb.of_type("LegalInstrument"))


def _surfaces(e):
    return {s.lower() for s in [e.label, e.acronym, *e.alt_labels] if s}


def test_every_fact_is_grounded(doc, kb):
    text = {p.id: p.text.lower() for p in doc.passages}
    for f in kb.facts.values():
        assert f.passages
        forms = _surfaces(kb.entities[f.subject]) | _surfaces(kb.entities[f.object])
        assert any(any(s in text[pid] for s in forms) for pid in f.passages), f


def test_altered_report_changes_the_graph():
    src = REPORT.read_text(encoding="utf-8")
    needle = "Convention No. 102 (ratified in 2022)"
    i = src.index("NASSIT")
    j = src.index(needle, i)
    altered = src[:j] + "Convention No. 102 (ratified in 2019)" + src[j + len(needle):]
    kb = gx.run_all(parse_report(altered), only=ONLY)
    assert _ratification(kb, "SLE").attrs["year"] == "2019"


# --------------------------------------------------------- ratification campaign (issue 8)

def test_formal_inquiries_under_the_campaign(kb):
    got = {f.subject.split(":")[1] for f in kb.facts_where(predicate="inquiredAbout", obj="LegalInstrument:c102")}
    assert got == {"ARM", "BFA", "COL", "IDN", "MWI", "TTO", "ZMB"}
    # "Since the Campaign's launch in 2021": not the year of the inquiries
    assert all(f.attrs.get("year") is None for f in kb.facts_where(predicate="inquiredAbout"))


def test_assessments_of_alignment(kb):
    got = {f.subject.split(":")[1] for f in kb.facts_where(predicate="alignmentAssessed", obj="LegalInstrument:c102")}
    listed = {"AGO", "KHM", "CHN", "COL", "COK", "EGY", "IND", "IDN", "KAZ", "LTU", "MYS", "MNG", "MOZ", "LCA",
              "TZA", "THA", "ZAF",
              "TLS"}  # Timor-Leste's entry: "a comparative report ... with a particular focus on Convention No. 102"
    recall = len(got & listed) / len(listed)
    print(f"\nalignment assessments: {len(got & listed)}/{len(listed)}, extra {sorted(got - listed)}")
    assert recall >= 0.95 and got <= listed
    ago = kb.facts[(eid("Country", "AGO"), "alignmentAssessed", "LegalInstrument:c102")]
    assert len(ago.passages) == 2  # its own entry (comparative assessment) and the campaign box


def test_campaign_rules_on_new_wording():
    text = ("# 2. Results\n\nBox 3: Convention No. 102 ratification campaign\n\n"
            "Since 2021, Chile and Peru have formally inquired about the Campaign. In 2025, the ILO completed a "
            "gap analysis of Nepal's social security legislation against Convention No. 102.\n")
    kb = gx.run_all(parse_report(text), only=ONLY)
    inq = {f.subject for f in kb.facts_where(predicate="inquiredAbout", obj="LegalInstrument:c102")}
    assert inq == {"Country:CHL", "Country:PER"}
    gap = kb.facts[("Country:NPL", "alignmentAssessed", "LegalInstrument:c102")]
    assert gap.attrs["year"] == "2025" and gap.attrs["status"] == "conducted"


def test_assessing_scenarios_to_reach_minimum_standards():
    """'assessing scenarios to reach the minimum standards of Convention No. N to be eventually ratified'
    is an assessment of alignment with that Convention (not a ratification)."""
    text = REPORT.read_text(encoding="utf-8")
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    i = text.index(anchor) + len(anchor)
    entry = ("Mongolia\n\nThe ILO costed a maternity benefit and is assessing scenarios to reach the minimum "
             "standards of Convention No. 183 to be eventually ratified by the country.\n\n"
             "Financing support: Japan. Visit our country page.\n\n")
    kb = gx.run_all(parse_report(text[:i] + entry + text[i:]), only=ONLY)
    assert kb.facts[("Country:MNG", "alignmentAssessed", "LegalInstrument:c183")].attrs["status"] == "ongoing"
    assert not kb.facts_where(subject="Country:MNG", predicate="ratified")
