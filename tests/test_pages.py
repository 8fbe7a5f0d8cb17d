"""Page numbers are recorded only where the converted text carries page markers."""
from __future__ import annotations

from graph.extract import run_all
from graph.extract.tables import observations
from graph.pages import page_at, page_map
from graph.parse import parse_report
from graph.rdf import build_graph, passage_uri
from graph.vocab import FG


def test_marker_styles():
    text = "intro\n<!-- page 3 -->\nthird\n<!-- PageNumber=\"4\" -->\nfourth\n{4}------------\nsixth? no, fifth"
    assert page_at(text, 0) is None
    assert page_at(text, text.index("third")) == 3
    assert page_at(text, text.index("fourth")) == 4
    assert page_at(text, text.index("fifth")) == 5
    ff = "one\fthree? no, two\fthree"
    assert page_at(ff, 0) == 1 and page_at(ff, ff.index("two")) == 2 and page_at(ff, ff.rindex("three")) == 3


def test_no_markers_no_pages():
    assert not page_map("A report\n\n49\n\nwith a lone number that may be a footer or a cell.")


def test_pages_reach_passages_and_table_cells():
    text = ("# 1. Results\n\n<!-- page 7 -->\n\nIn 2024, Kenya ratified Convention No. 102 (ratified in 2024).\n\n"
            "<!-- page 8 -->\n\n| Table 1: People covered | |\n|---|---|\n| Group | Number of persons |\n"
            "| Workers | 1,200 |\n")
    doc = parse_report(text, "paged.md")
    obs = observations(doc)
    assert obs and obs[0].attrs["page"] == 8
    kb = run_all(doc)
    g = build_graph([doc], kb)
    pages = {int(o) for p in doc.passages for o in g.objects(passage_uri(p.id), FG.page)}
    assert pages == {7, 8}
