"""Organisations (acronym table, inline definitions, gazetteer) and engagements, pinned to the text."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract import run_all
from graph.extract.organizations import acronym_table, find_organizations, inline_definitions, ministries
from graph.gazetteer import organizations as gaz
from graph.kb import KnowledgeBase
from graph.parse import parse_file

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"


@pytest.fixture(scope="module")
def doc():
    return parse_file(REPORT)


@pytest.fixture(scope="module")
def kb(doc):
    return run_all(doc, KnowledgeBase(), only=("structure", "organizations", "funding", "engagements"))


def org(kb, key):
    return kb.entities[f"Organization:{key}"]


def test_acronym_table_rows(doc):
    rows = {a: x for a, x, _pid in acronym_table(doc)}
    assert rows["IMF"] == "International Monetary Fund"
    assert rows["ILO"] == "International Labour Organization"
    assert rows["UNICEF"] == "United Nations Children's Fund"
    # look-alike letters folded to lowercase by the cleaner get their case back
    assert rows["WHO"] == "World Health Organization"
    assert rows["ITUC"] == "International Trade Union Confederation"
    assert "MOOC" in rows and "UHC" in rows
    # both halves of the table (it is cut by a footnote)
    assert "SPARKS" in rows and "COVID-19" in rows and "WFP" in rows


def test_acronym_table_organisations(kb):
    assert org(kb, "imf").role == "ifi" and org(kb, "imf").attrs["expansion"] == "International Monetary Fund"
    assert org(kb, "who").acronym == "WHO" and org(kb, "who").role == "un_agency"
    assert org(kb, "unicef").attrs["expansion"] == "United Nations Children's Fund"
    assert org(kb, "ilo").role == "un_agency"
    assert org(kb, "mul").label == "Multi-donor Programme of the Flagship Programme"
    assert org(kb, "gtac").acronym == "GTAC"
    # concepts in the table are not organisations
    for key in ("shp", "usp", "mis", "rap", "sdg", "mooc", "uhc", "pfm"):
        assert f"Organization:{key}" not in kb.entities, key


def test_inline_national_institutions(kb):
    rssb = org(kb, "rssb-rwa")
    assert rssb.role == "national_institution" and rssb.attrs["country"] == "RWA"
    assert org(kb, "nassit-sle").attrs["country"] == "SLE"
    # the same acronym in two countries stays two institutions
    assert org(kb, "nssf-uga").attrs["country"] == "UGA" and org(kb, "nssf-khm").attrs["country"] == "KHM"
    assert org(kb, "molsa-irq").label == "Ministry of Labor and Social Affairs"


def test_inline_definition_shapes():
    text = ("The ILO supported the Social Security Corporation (SSC) of Jordan and the National Health "
            "Insurance Fund (NHIF), with the Ministry of Labour, Solidarity and Social Security of Portugal.")
    defs = {(name, acr, iso) for _s, _e, name, acr, iso in inline_definitions(text)}
    assert ("Social Security Corporation", "SSC", "JOR") in defs
    assert ("National Health Insurance Fund", "NHIF", None) in defs
    mins = {(name, iso) for _s, _e, name, _a, iso in ministries(text)}
    assert ("Ministry of Labour, Solidarity and Social Security", "PRT") in mins


def test_find_organizations(kb):
    hits = find_organizations("the ILO-IMF partnership", kb)
    assert {k for *_x, k in hits} == {"ilo", "imf"}
    hits = find_organizations("In Ethiopia, UNHCR and the World Bank and the European Union (EU) met.", kb)
    assert {k for *_x, k in hits} == {"unhcr", "world-bank", "eu"}
    # acronyms are case-sensitive whole words
    assert find_organizations("who knows; the imf; SUNHCR", kb) == []
    # a shared national acronym resolves by the country in context
    assert find_organizations("the NSSF", kb, iso3="UGA")[0][3] == "nssf-uga"
    # bare country names are countries, not governments
    assert find_organizations("Norway and Japan", kb) == []


def test_gazetteer_lookup():
    assert gaz.lookup("ILO-IMF partnership").key == "imf"
    assert gaz.lookup("Bill and Melinda Gates Foundation").role == "foundation"
    assert gaz.country_of_funder("the Government of China") == "CHN"
    assert gaz.country_of_funder("Kingdom of the Netherlands") == "NLD"


def engaged(kb, iso, pred=None):
    return {f.object.split(":", 1)[1] for f in kb.facts.values()
            if f.kind == "Engagement" and f.subject == f"Country:{iso}" and (pred is None or f.predicate == pred)}


def test_engagements(kb, doc):
    assert "unhcr" in engaged(kb, "ETH", "partneredWith")
    assert "unhcr" in engaged(kb, "EGY")
    assert {"imf", "world-bank"} <= engaged(kb, "IRQ")
    assert "gov-JPN" in engaged(kb, "PHL")
    assert "global-fund" in engaged(kb, "ZMB", "supportedBy")
    # the ILO-IMF passages: IMF linked to the countries named in the same sentence
    for iso in ("IRQ", "MOZ", "TGO", "UZB", "KHM", "SWZ", "THA"):
        assert "imf" in engaged(kb, iso), iso
    # the author is never its own partner, nor are its units or budget
    for f in kb.facts.values():
        if f.kind == "Engagement":
            assert f.object not in ("Organization:ilo", "Organization:ilo-regular-budget", "Organization:itc-ilo")
    # every engagement is grounded: its topic sentence is in the passage, which names the org
    by_id = {p.id: p for p in doc.passages}
    for f in kb.facts.values():
        if f.kind == "Engagement":
            assert any(f.attrs["topic"].rstrip(".") [:100] in by_id[pid].text for pid in f.passages)


ANCHOR = "Financing support: Japan. Visit our <u>country page</u>.\n\n"


def _with_entry(entry: str, only: tuple[str, ...]) -> KnowledgeBase:
    """The bundled report with one made-up country entry inserted after an entry's financing line."""
    from graph.parse import parse_report

    text = REPORT.read_text(encoding="utf-8")
    i = text.index(ANCHOR) + len(ANCHOR)
    return run_all(parse_report(text[:i] + entry + text[i:]), KnowledgeBase(), only=only)


def test_body_listed_among_international_organisations_is_not_national():
    """'in cooperation with the X Research Forum (XRF), UNICEF, UNHCR and WFP' in a country entry: a
    body with no state mark, listed among international organisations, is not that country's
    institution; a state body listed the same way still is."""
    kb = _with_entry("Mongolia\n\nThe ILO developed policy papers in cooperation with the Steppe Policy Research "
                     "Forum (SPRF), UNICEF, UNHCR, and WFP. It also worked with the Herder Welfare Fund (HWF), "
                     "UNICEF and WFP.\n\nFinancing support: Japan. Visit our country page.\n\n",
                     ("structure", "organizations", "engagements"))
    sprf = next(e for e in kb.of_type("Organization") if e.acronym == "SPRF")
    assert not sprf.attrs.get("country") and sprf.role != "national_institution"
    hwf = next(e for e in kb.of_type("Organization") if e.acronym == "HWF")
    assert hwf.attrs.get("country") == "MNG"


def test_event_attendees_are_partners_in_the_country():
    kb = _with_entry("Mongolia\n\nIn collaboration with the ILO, Mongolia hosted a regional workshop in Ulaanbaatar "
                     "in 2024. Representatives from five countries and the Inter-Asian Conference on Social Security (IACSS) "
                     "attended the event to share experiences.\n\nFinancing support: Japan. Visit our country "
                     "page.\n\n", ("structure", "organizations", "engagements"))
    sssa = next(e for e in kb.of_type("Organization") if e.acronym == "IACSS")
    assert kb.facts_where(subject="Country:MNG", predicate="partneredWith", obj=sssa.id)
    assert not sssa.attrs.get("country")


def test_a_longer_name_starting_inside_a_shorter_match_wins(kb):
    """'the ILO's Regular Budget Supplementary Account (RBSA)': the regex alone took the leftmost
    name ('the ILO's Regular Budget') and then only the acronym, so the sentence named two bodies."""
    names = {n for e in kb.of_type("Organization") for n in (e.label, *e.alt_labels)}
    short = next((n for n in names if n.startswith("the ") and any(
        m.startswith(n[4:]) and len(m) > len(n) and not m.startswith("the ") for m in names)), None)
    if short is None:
        pytest.skip("no organisation name that another one, starting a word later, runs past")
    long = max((m for m in names if m.startswith(short[4:]) and not m.startswith("the ")), key=len)
    text = f"allocations from {short}{long[len(short) - 4:]} represented the next largest share"
    hits = find_organizations(text, kb)
    assert [h[2] for h in hits] == [long]
    assert find_organizations(f"financed by {short}.", kb)[0][2] == short  # alone, the short name stands
