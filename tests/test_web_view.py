"""Pure functions behind the pages, on made-up inputs (no server): how an engine result is presented,
table rows as tables, the attribution read from a corpus README, page numbers from a contents table,
the relevance cut-off, labels."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.web.answers import present, table_excerpt
from app.web.corpus import parse_attribution
from app.web.labels import edge_label, kind_label, relation_label
from app.web.report_pages import contents_entries, page_index
from app.web.suggest import relevant_passages

PARA = "Financing support: Alpha Fund, Beta Agency and the Gamma Bank."


def ev(pid, text=PARA, spans=()):
    return {"passage_id": pid, "section": "2. Results > Atlantis", "text": text, "highlights": [list(s) for s in spans]}


def test_each_passage_once_with_every_answer_it_supports():
    result = {"answers": [
        {"label": "Alpha Fund", "type": "Organization", "score": 1.0, "evidence": [ev("p1", spans=[(19, 29)])]},
        {"label": "Beta Agency", "type": "Organization", "score": 1.0, "evidence": [ev("p1", spans=[(31, 42)]), ev("p2", "Beta Agency again.")]},
        {"label": "Gamma Bank", "type": "Organization", "score": 0.6, "evidence": [ev("p1", spans=[(51, 61)])]},
    ]}
    view = present(result)
    assert [e.passage_id for e in view["evidence"]] == ["p1", "p2"]
    p1 = view["evidence"][0]
    assert p1.supports == ["Alpha Fund", "Beta Agency", "Gamma Bank"] and len(p1.highlights) == 3
    assert [a.refs for a in view["answers"]] == [[1], [1, 2], [1]]
    # composed summary cites each run of answers sharing evidence once
    text = "".join(t for t, _ in view["summary"])
    assert text == "3 answers: Alpha Fund[1], Beta Agency[1][2], Gamma Bank[1]."
    shared = present({"answers": [{"label": "A", "evidence": [ev("p1")]}, {"label": "B", "evidence": [ev("p1")]}]})
    assert "".join(t for t, _ in shared["summary"]) == "2 answers: A, B[1]."


def test_engine_summary_and_citations_are_used_when_present():
    result = {"answer_text": "Atlantis is funded by Alpha Fund [2] and Beta Agency [1].",
              "citations": [{"n": 2, "passage_id": "p1", "label": "Alpha Fund"}, {"n": 1, "passage_id": "p9", "label": "Beta Agency"}],
              "answers": [{"label": "Alpha Fund", "evidence": [ev("p1")]}, {"label": "Beta Agency", "evidence": [ev("p9", "Beta.")]}]}
    view = present(result)
    assert [n for _, n in view["summary"] if n] == [2, 1]
    assert "".join(t for t, _ in view["summary"]) == result["answer_text"]
    assert {e.passage_id: e.n for e in view["evidence"]} == {"p1": 2, "p9": 1}
    assert [e.n for e in view["evidence"]] == [1, 2]  # listed in citation order


def test_missing_fields_do_not_break_the_view():
    view = present({"answers": [{"label": "X"}], "citations": [{"n": "x"}, "junk"], "strategy": {"kind": ["a", "b"]},
                    "timings_ms": {"analyse_ms": 0.4, "total_ms": 12.0}})
    assert view["answers"][0].refs == [] and view["evidence"] == []
    assert "analyse_ms" not in str(view["why"]) and ("question analysis", "0.4 ms") in view["why"]["timings"]


def test_table_row_with_its_headers():
    table = {"title": "Table 9: Results by type", "header": [], "rows": [
        ["", "", "Type A", "Type B"], ["", "", "Policies", "Schemes"], ["Northland", "", "", ""],
        ["1.", "Atlantis", "•", ""], ["2.", "Lemuria", "", "•"], ["Southland", "", "", ""], ["3.", "Mu", "•", "•"]]}
    t = table_excerpt(table, ["Lemuria", "Mu"])
    assert t["header"] == [["", "Type A", "Type B"], ["", "Policies", "Schemes"]]
    assert [(r["group"], r["cells"]) for r in t["rows"]] == [("Northland", ["Lemuria", "", "•"]), ("Southland", ["Mu", "•", "•"])]
    assert table_excerpt(table, ["Nowhere"]) is None


def test_attribution_is_read_from_the_readme_quote():
    readme = """# corpus\n\n> Annual review of things. Springfield: Office of Examples, 2031. © OE. DOI 10.1234/ABCD.
> Licensed under Creative Commons Attribution 4.0 International (CC BY 4.0).\n\nMore text."""
    a = parse_attribution(readme)
    assert a["doi"] == "10.1234/ABCD" and a["license"] == "CC BY 4.0"
    assert a["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert a["publisher"] == "Office of Examples" and a["year"] == "2031"
    assert a["citation"].startswith("Annual review of things.") and "DOI" not in a["citation"]
    assert parse_attribution("no quote here") == {}


@dataclass
class P:
    section_path: list
    kind: str = "paragraph"
    start: int = 0
    source: str = "r"
    section: str = ""
    text: str = ""


@dataclass
class KB:
    passages: dict = field(default_factory=dict)


def test_pages_from_the_contents_table():
    toc = {"rows": [["1. Introduction", "1"], ["2. Results in the field", "5"], ["Northland", "10"], ["Foreword", "III"]],
           "start": 0, "end": 10}
    assert contents_entries([toc])["2 results in the field"] == "5"
    kb = KB({"a": P(["2. Results in the field", "Northland", "Atlantis"]), "b": P(["Annex"])})
    assert page_index(kb, [toc]) == {"a": "section from p. 10"}


def test_relevance_cut_off():
    hits = [{"text": "Unemployment insurance in Atlantis", "score": 0.03, "highlights": []},
            {"text": "Insurance for farmers", "score": 0.02, "highlights": []},
            {"text": "Weather report", "score": 0.029, "highlights": []}]
    assert [h["text"] for h in relevant_passages(hits, ["unemployment", "insurance"])] == \
        ["Unemployment insurance in Atlantis", "Insurance for farmers"]
    assert relevant_passages(hits, ["chocolate", "cake", "recipe"]) == []


def test_labels_come_from_the_registry_in_both_directions():
    from graph.relations import REGISTRY

    for rel in REGISTRY:
        assert relation_label(rel.name, "out") == rel.label and relation_label(rel.name, "in") == rel.inverse_label
    for edge in {e for e, _ in REGISTRY.network_edges().values()}:
        assert "_" not in edge_label(edge)
    assert kind_label("un_agency") == "UN agency" and kind_label("some_new_kind") == "Some new kind"


def test_attribute_values_for_people():
    from app.web.labels import attr_value

    assert attr_value("amount", 8100000.0, {"currency": "USD"}) == "US$ 8,100,000"
    assert attr_value("year", 2024) == "2024" and attr_value("number", "102") == "102"
    assert attr_value("countries", ["A", "B"]) == "A, B" and attr_value("priority", True) == "yes"
