"""Funding links read from the report's "Financing support:" lines, pinned to the text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.extract import run_all
from graph.extract.funding import funding_text, split_funders
from graph.kb import KnowledgeBase
from graph.parse import parse_file, parse_report

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
STAGES = ("structure", "organizations", "funding", "engagements")


def build(doc):
    return run_all(doc, KnowledgeBase(), only=STAGES)


@pytest.fixture(scope="module")
def doc():
    return parse_file(REPORT)


@pytest.fixture(scope="module")
def kb(doc):
    return build(doc)


def funders(kb, iso3):
    return {f.object.split(":", 1)[1] for f in kb.facts_where(subject=f"Country:{iso3}", predicate="fundedBy")}


def donors_of(kb, key):
    return {f.object.split(":", 1)[1] for f in kb.facts_where(subject=f"Organization:{key}", predicate="fundedBy")}


def test_jordan_has_exactly_five_funders(kb):
    assert funders(kb, "JOR") == {"eu", "gov-NLD", "gov-NOR", "gov-GBR", "ssc-jor"}
    ssc = kb.entities["Organization:ssc-jor"]
    assert ssc.role == "national_institution" and ssc.attrs["country"] == "JOR"
    assert ssc.acronym == "SSC"
    nld = kb.entities["Organization:gov-NLD"]
    assert nld.role == "bilateral_donor" and nld.attrs["country"] == "NLD"
    assert "Kingdom of the Netherlands" in nld.alt_labels
    assert "Government of the Netherlands" in nld.alt_labels or "Government of Netherlands" in nld.alt_labels


def test_rwanda_two_lines_and_the_multi_donor_fund(kb, doc):
    lines = [p for p in doc.passages if p.kind == "financing" and doc.section(p.section_id).iso3 == "RWA"]
    assert len(lines) == 2
    assert funders(kb, "RWA") == {"gov-IRL", "gov-PRT", "un-joint-programmes", "mul"}
    assert donors_of(kb, "mul") == {"gov-BEL", "gov-LUX"}
    assert kb.entities["Organization:mul"].role == "multi_donor_fund"
    assert kb.entities["Organization:mul"].acronym == "MUL"
    assert kb.entities["Organization:un-joint-programmes"].label == "UN Joint Programmes"


def test_india_cameroon_tajikistan(kb):
    assert funders(kb, "IND") == {"ilo-regular-budget", "gates-foundation"}
    assert kb.entities["Organization:gates-foundation"].role == "foundation"
    rb = kb.entities["Organization:ilo-regular-budget"]
    assert rb.label == "ILO Regular Budget" and "the ILO's Regular Budget" in rb.alt_labels
    assert funders(kb, "CMR") == {"gov-KOR", "rbsa"}
    assert kb.entities["Organization:gov-KOR"].label == "Republic of Korea"
    rbsa = kb.entities["Organization:rbsa"]
    assert rbsa.label == "Regular Budget Supplementary Account (RBSA)"
    assert {"RBSA", "donors to the ILO's Regular Budget Supplementary Account (RBSA)"} <= rbsa.alt_labels
    # a "Financing source:" line
    assert funders(kb, "TJK") == {"gov-DEU", "unpdf", "rbsa"}
    assert donors_of(kb, "unpdf") == {"gov-CHN"}
    assert kb.entities["Organization:unpdf"].role == "multi_donor_fund"


def test_other_shapes(kb):
    # "Financial support:" with "funded by" twice on one line
    assert funders(kb, "LAO") == {"gov-CHN", "eu", "mul", "unpdf"}
    # company name with dots, a national institution "of <Country>" without acronym
    assert "eni" in funders(kb, "CIV") and kb.entities["Organization:eni"].role == "private_company"
    assert kb.entities["Organization:eni"].label == "Eni S.p.A."
    (zaf,) = funders(kb, "ZAF")
    assert kb.entities[f"Organization:{zaf}"].role == "national_institution"
    assert kb.entities[f"Organization:{zaf}"].attrs["country"] == "ZAF"
    # a parenthesis broken by the page: "(RBSA. Visit our country page"
    assert funders(kb, "UZB") == {"rbsa"}
    assert funders(kb, "SEN") == {"eu", "gov-FRA", "giz", "mul"}
    assert funders(kb, "VNM") == {"gov-AUS", "gov-IRL", "gov-JPN"}
    assert funders(kb, "ECU") == {"joint-sdg-fund"}


def test_rbsa_countries_match_the_lines(kb, doc):
    expected = set()
    for p in doc.passages:
        if p.kind == "financing" and re.search(r"\bRBSA\b", p.text):
            expected.add(doc.section(p.section_id).iso3)
    raw = re.findall(r"(?m)^Financ\w* \w+: .*RBSA", doc.text)
    assert len(raw) == len(expected)
    got = {f.subject.split(":")[1] for f in kb.facts_where(predicate="fundedBy", obj="Organization:rbsa")}
    assert got == expected
    assert {"CMR", "SWZ", "TGO", "PRY", "KHM", "PAK", "PHL", "TJK", "UZB"} <= got


def test_every_country_with_a_line_is_funded(kb, doc):
    for p in doc.passages:
        if p.kind == "financing":
            iso = doc.section(p.section_id).iso3
            assert iso and funders(kb, iso), p.text


def test_funding_facts_are_grounded(kb, doc):
    by_id = {p.id: p for p in doc.passages}
    facts = kb.facts_where(predicate="fundedBy")
    assert len(facts) > 60
    for f in facts:
        assert f.kind == "FundingLink"
        label = f.attrs["funding_label"]
        assert any(label in by_id[pid].text for pid in f.passages), (f.key, label)
        assert f.attrs["funding_line"]


def test_altered_report_changes_the_funders(doc):
    old = "Financing support: European Union, Kingdom of the Netherlands, Norway"
    assert old in doc.text
    text = doc.text.replace(old, "Financing support: Sweden, Kingdom of the Netherlands, Norway")
    kb2 = build(parse_report(text, REPORT))
    got = funders(kb2, "JOR")
    assert "gov-SWE" in got and "eu" not in got
    assert kb2.entities["Organization:gov-SWE"].role == "bilateral_donor"


@pytest.mark.parametrize("line,expected", [
    ("Financing support: The ILO's Regular Budget and the Bill and Melinda Gates Foundation. Visit our country page.",
     [("The ILO's Regular Budget", []), ("the Bill and Melinda Gates Foundation", [])]),
    ("Financing support: Germany, the Multi-donor Programme (MUL) of the Flagship Programme funded by Belgium "
     "and Luxembourg and the Asian Development Bank. Visit the country page.",
     [("Germany", []), ("the Multi-donor Programme (MUL) of the Flagship Programme", ["Belgium", "Luxembourg"]),
      ("the Asian Development Bank", [])]),
    ("Financing source: Trinidad and Tobago, Acme S.p.A. Visit our country page",
     [("Trinidad and Tobago", []), ("Acme S.p.A.", [])]),
    ("Financing support: Donors to the ILO's Regular Budget Supplementary Account (RBSA. Visit our country page.",
     [("Donors to the ILO's Regular Budget Supplementary Account (RBSA", [])]),
])
def test_split_funders(line, expected):
    assert split_funders(funding_text(line)) == expected


# ------------------------------------------------------------------------ funding detail (issue 8)

# Every financing line's funders, written from the report text (entry -> funders, parenthetical
# contributors included as the fund's donors).  Recall is printed by the test below.
FINANCING_LINES = {
    "JOR": {"eu", "gov-NLD", "gov-NOR", "gov-GBR", "ssc-jor"},
    "LAO": {"gov-CHN", "eu", "mul", "unpdf"},
    "TJK": {"gov-DEU", "unpdf", "rbsa"},
    "SLE": {"nassit-sle"},
    "SLV": {"isss-slv"},
    "PRY": {"rbsa", "ips-pry"},
    "SEN": {"eu", "gov-FRA", "giz", "mul"},
    "CMR": {"gov-KOR", "rbsa"},
}
FUND_DONORS = {"mul": {"gov-BEL", "gov-LUX"}, "unpdf": {"gov-CHN"},
               # "The RBSA mechanism ... has benefited from the generous contributions of ..."
               "rbsa": {"gov-BEL", "gov-DNK", "gov-FRA", "gov-DEU", "gov-ITA", "gov-LUX", "gov-NLD",
                        "gov-NOR", "gov-SWE"}}


def test_recall_of_financing_lines_and_contributors(kb):
    want = [(iso, f) for iso, fs in FINANCING_LINES.items() for f in fs]
    hits = sum(1 for iso, f in want if f in funders(kb, iso))
    want_d = [(fund, d) for fund, ds in FUND_DONORS.items() for d in ds]
    hits_d = sum(1 for fund, d in want_d if d in donors_of(kb, fund))
    recall = (hits + hits_d) / (len(want) + len(want_d))
    print(f"\nfinancing lines: {hits}/{len(want)}, fund contributors: {hits_d}/{len(want_d)}, recall {recall:.3f}")
    assert recall >= 0.95
    rbsa = kb.facts_where(subject="Organization:rbsa", predicate="fundedBy")
    assert all(f.attrs.get("role") == "contributor" for f in rbsa if f.object != "Organization:rbsa")


def test_contributors_in_parentheses_after_a_fund(doc):
    old = "Financing support: Ireland, European Union and donors to UN Joint Programmes."
    assert old in doc.text
    text = doc.text.replace(old, "Financing support: Ireland, European Union and UN Joint Programmes "
                                 "(Sweden and Norway).")
    kb2 = build(parse_report(text, REPORT))
    rwa_funds = funders(kb2, "RWA")
    jp = next(k for k in rwa_funds if "joint-programmes" in k)
    assert donors_of(kb2, jp) == {"gov-SWE", "gov-NOR"}
    assert not {"gov-SWE", "gov-NOR"} & rwa_funds  # they fund the fund, not the country directly
    # an acronym in parentheses is the name's own, not a contributor
    assert not donors_of(kb2, "giz")


def test_a_countrys_own_institution_among_its_financiers(doc):
    old = "Financing support: European Union, Kingdom of the Netherlands, Norway, United Kingdom and the Social " \
          "Security Corporation (SSC) of Jordan."
    assert old in doc.text
    text = doc.text.replace(old, "Financing support: European Union and the National Aid Fund (NAF).")
    kb2 = build(parse_report(text, REPORT))
    naf = next(k for k in funders(kb2, "JOR") if k.startswith("naf"))
    e = kb2.entities[f"Organization:{naf}"]
    assert e.role == "national_institution" and e.attrs["country"] == "JOR"
