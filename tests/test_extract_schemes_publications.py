"""Schemes and publications extractors, pinned to the text of the bundled report."""
from pathlib import Path

import pytest

import graph.extract as gx
from graph.kb import eid
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
ONLY = ("instruments", "initiatives", "schemes", "publications")


# `doc` and `kb` (the extractors in ONLY run over the bundled report) come from conftest.py.


def _scheme(kb, iso, label):
    for e in kb.of_type("Scheme"):
        if e.attrs.get("country") == iso and e.label == label:
            return e
    raise AssertionError(f"no scheme {label!r} in {iso}")


def test_named_schemes(kb):
    ramo = _scheme(kb, "COD", "Mandatory Health Insurance System")
    assert ramo.acronym == "RAMO"
    assert (ramo.id, "schemeInCountry", eid("Country", "COD")) in kb.facts
    assert _scheme(kb, "CMR", "Micro-takaful programme")
    assert _scheme(kb, "BFA", "Universal Health Insurance Scheme").acronym == "RAMU"
    assert _scheme(kb, "MWI", "Old Persons' Grant").acronym == "OPG"
    assert _scheme(kb, "LBN", "National Disability Allowance").acronym == "NDA"
    assert _scheme(kb, "KEN", "Haba Haba scheme")
    assert _scheme(kb, "BGD", "Employment Injury Scheme").acronym == "EIS"
    # "Pakistan's Benazir Income Support Programme" belongs to Pakistan whatever section it is in
    assert _scheme(kb, "PAK", "Benazir Income Support Programme")


def test_schemes_precision(kb):
    labels = {e.label.lower() for e in kb.of_type("Scheme")}
    for generic in ("social protection system", "the scheme", "social insurance", "flagship programme",
                    "management information system", "world food programme", "national health insurance fund"):
        assert generic not in labels
    # one scheme per country and acronym
    seen = set()
    for e in kb.of_type("Scheme"):
        if e.acronym:
            assert (e.attrs.get("country"), e.acronym) not in seen
            seen.add((e.attrs.get("country"), e.acronym))


def _pub(kb, title):
    for e in kb.of_type("Publication"):
        if e.label == title or title in e.alt_labels:
            return e
    raise AssertionError(f"no publication {title!r}")


def test_working_paper_132(kb):
    wp = _pub(kb, "Making social protection work for gender equality: What does it look like? How do we get there?")
    assert wp.attrs["number"] == "132" and "Working Paper" in wp.attrs["series"]
    assert (wp.id, "publishedBy", "Organization:ilo") in kb.facts or any(
        f.subject == wp.id and f.predicate == "publishedBy" for f in kb.facts.values())


def test_publications_from_text_and_figure(kb):
    wspr = _pub(kb, "World Social Protection Report 2024-26: Universal Social Protection for Climate Action and a Just Transition")
    assert len(wspr.passages) >= 2  # running text and Figure 6 merged
    fg = _pub(kb, "Financing gap for universal social protection: Global, regional and national estimates and "
                  "strategies for creating fiscal space")
    assert "Financing gap for universal social protection" in fg.alt_labels and fg.attrs["number"] == "113"
    iraq = _pub(kb, "Towards an Inclusive, equitable and sustainable national pension system in Iraq")
    assert iraq.attrs["countries"] == ["IRQ"]
    pubs = {kb.entities[f.object].label for f in kb.facts_where(subject=iraq.id, predicate="publishedBy")}
    assert any("Monetary" in p or p == "IMF" for p in pubs)
    eswatini = _pub(kb, "Issue Paper on Labour Markets and Unemployment Insurance in Eswatini")
    assert eswatini.attrs["year"] == "2024" and eswatini.attrs["countries"] == ["SWZ"]
    fact = _pub(kb, "Right to Social Security")
    by = {f.object for f in kb.facts_where(subject=fact.id, predicate="publishedBy")}
    assert len(by) == 2
    bridging = _pub(kb, "Bridging Social Protection and Occupational Health to Advance Sustainable Development Goals")
    assert "three country case studies" in bridging.attrs["described_by"]
    assert _pub(kb, "Securing access to long-term care without hardship as an integral part of universal "
                    "social protection systems")
    # events and projects with quoted names are not publications
    labels = {e.label for e in kb.of_type("Publication")}
    assert not any(x.startswith("Achieving Universal Social Protection") for x in labels)
    assert not any(x.startswith("Innovative Approaches") for x in labels)


def _surfaces(e):
    return {s.lower() for s in [e.label, e.acronym, *e.alt_labels] if s}


def test_every_fact_is_grounded(doc, kb):
    text = {p.id: " ".join(p.text.lower().replace("“", '"').replace("”", '"').split()) for p in doc.passages}
    for f in kb.facts.values():
        forms = {" ".join(s.split()) for s in _surfaces(kb.entities[f.subject]) | _surfaces(kb.entities[f.object])}
        assert any(any(s in text[pid] for s in forms) for pid in f.passages), f


def test_altered_report():
    src = REPORT.read_text(encoding="utf-8")
    old = "ILO Working Paper 132"
    assert old in src
    altered = src.replace(old, "ILO Working Paper 140").replace("Micro-takaful programme", "Sakina-care programme")
    kb = gx.run_all(parse_report(altered), only=ONLY)
    wp = _pub(kb, "Making social protection work for gender equality: What does it look like? How do we get there?")
    assert wp.attrs["number"] == "140"
    assert _scheme(kb, "CMR", "Sakina-care programme")
