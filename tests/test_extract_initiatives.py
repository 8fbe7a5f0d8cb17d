"""Initiatives extractor: initiatives, pathfinders, roadmaps, founders and co-chairs, pinned to the text."""
import re
from pathlib import Path

import pytest

import graph.extract as gx
from graph.kb import eid
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
ONLY = ("instruments", "initiatives")
GA = "Initiative:global-accelerator"


# `doc` and `kb` (the extractors in ONLY run over the bundled report) come from conftest.py.


def _pathfinders(kb):
    return {f.subject.split(":")[1] for f in kb.facts_where(predicate="pathfinderOf", obj=GA)}


def test_initiatives_found(kb):
    ga = kb.entities[GA]
    assert ga.label == "UN Global Accelerator on Jobs and Social Protection for Just Transitions"
    assert "Global Accelerator" in ga.alt_labels
    assert "GA" not in ga.alt_labels  # the report never defines "GA"
    usp = kb.entities["Initiative:usp2030"]
    assert usp.acronym == "USP2030" and usp.label.startswith("Global Partnership for Universal Social Protection")
    assert kb.entities["Initiative:flagship-programme"].label == \
        "ILO Global Flagship Programme on Building Social Protection Floors for All"
    for key in ("spiac-b", "p4h", "dci", "spf-i", "connect-network"):
        assert f"Initiative:{key}" in kb.entities, key
    assert kb.entities["Initiative:usp2030-working-group-on-climate-action"].attrs["part_of"] == "Initiative:usp2030"
    # organisations and national bodies are not initiatives
    labels = {e.label for e in kb.of_type("Initiative")}
    assert not any(re.search(r"Development Programme|Food Programme|Security Board", x) for x in labels)


def test_pathfinders(kb):
    pf = _pathfinders(kb)
    assert len(pf) == 18
    assert {"BTN", "COL", "GIN", "NAM", "KHM", "IDN", "VNM", "UZB"} <= pf
    assert "JOR" not in pf
    cam = kb.facts[(eid("Country", "KHM"), "pathfinderOf", GA)]
    assert cam.kind == "Membership" and cam.attrs["year"] == "2023"


def test_roadmaps_and_commitments(kb):
    def member(iso):
        return kb.facts.get((eid("Country", iso), "memberOf", GA))
    for iso in ("ALB", "MWI", "PRY"):
        assert member(iso).attrs["roadmap"] == "endorsed", iso
    for iso in ("KHM", "IDN", "NAM", "UZB"):
        assert member(iso).attrs["roadmap"] == "in-progress", iso
    for iso in ("CPV", "RWA"):
        assert member(iso).attrs["role"] == "committed"
        assert (eid("Country", iso), "pathfinderOf", GA) in kb.facts  # listed among the 18
    # prospective members are an engagement, not a membership
    assert member("JOR") is None
    eng = kb.facts[(GA, "partneredWith", eid("Country", "JOR"))]
    assert eng.kind == "Engagement" and eng.attrs["status"] == "engagement-ongoing"


def test_founders_and_cochairs(kb):
    founders = {kb.entities[f.subject].label for f in kb.facts_where(predicate="memberOf", obj="Initiative:usp2030")
                if f.attrs.get("role") == "founder"}
    assert any("Labour" in x or x == "ILO" for x in founders) and any("World Bank" in x for x in founders)
    chairs = {kb.entities[f.subject].label for f in
              kb.facts_where(predicate="coChairOf", obj="Initiative:usp2030-working-group-on-climate-action")}
    assert len(chairs) == 3 and any("Red Cross" in c for c in chairs)


def test_connect_coverage(kb):
    covered = {f.object for f in kb.facts_where(subject="Initiative:connect-network", predicate="partneredWith")}
    assert {"Country:KHM", "Country:LAO", "Country:VNM"} <= covered


def _surfaces(e):
    return {s.lower() for s in [e.label, e.acronym, *e.alt_labels] if s}


def test_every_fact_is_grounded(doc, kb):
    text = {p.id: p.text.lower() for p in doc.passages}
    for f in kb.facts.values():
        forms = _surfaces(kb.entities[f.subject]) | _surfaces(kb.entities[f.object])
        assert any(any(s in text[pid] for s in forms) for pid in f.passages), f


def test_altered_pathfinder_list():
    src = REPORT.read_text(encoding="utf-8")
    old = "pathfinder countries to 18 (Albania, Bhutan,"
    assert old in src
    altered = src.replace(old, "pathfinder countries to 19 (Albania, Bhutan, Jordan,")
    kb = gx.run_all(parse_report(altered), only=ONLY)
    pf = _pathfinders(kb)
    assert len(pf) == 19 and "JOR" in pf
    assert kb.facts[(eid("Country", "JOR"), "pathfinderOf", GA)].attrs["listedTotal"] == "19"
