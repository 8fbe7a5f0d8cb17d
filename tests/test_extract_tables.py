"""Tables as data: every cell of a numbered table is a Data Cube observation with its unit.

The expected cells below were copied by hand from the report's Table 2 and Table 3 (not from the
extractor's output); the recall test prints how many of them the graph holds.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from graph.extract.tables import observations, parse_number, table_observations
from graph.model import Document, Table
from graph.parse import parse_file, parse_report

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"

# Table 2: Impacts on people during implementation of the Flagship Programme, 2021-2024 (persons)
TABLE2 = {
    ("Legal coverage (extension)", "Impacts 2021-22"): 19_000_000,
    ("Legal coverage (extension)", "Impacts in 2023"): 1_900_000,
    ("Legal coverage (extension)", "Impacts in 2024"): 4_610_000,
    ("Legal coverage (extension)", "Total impacts 2021-2024"): 25_510_000,
    ("Legal coverage (extension)", "Flagship Programme ambition 2021-25"): 20_000_000,
    ("Effective coverage (extension)", "Impacts 2021-22"): 11_600_000,
    ("Effective coverage (extension)", "Impacts in 2023"): 1_430_000,
    ("Effective coverage (extension)", "Impacts in 2024"): 2_572_500,
    ("Effective coverage (extension)", "Total impacts 2021-2024"): 15_602_500,
    ("Effective coverage (extension)", "Flagship Programme ambition 2021-25"): 30_000_000,
    ("More comprehensive and adequate social protection", "Impacts 2021-22"): 330_000,
    ("More comprehensive and adequate social protection", "Impacts in 2023"): 3_000_000,
    ("More comprehensive and adequate social protection", "Impacts in 2024"): 11_085_000,
    ("More comprehensive and adequate social protection", "Total impacts 2021-2024"): 14_415_000,
    ("More comprehensive and adequate social protection", "Flagship Programme ambition 2021-25"): 10_000_000,
    ("Total", "Impacts 2021-22"): 30_930_000,
    ("Total", "Impacts in 2023"): 6_330_000,
    ("Total", "Impacts in 2024"): 18_267_500,
    ("Total", "Total impacts 2021-2024"): 55_527_500,
    ("Total", "Flagship Programme ambition 2021-25"): 60_000_000,
}
# Table 3: Institutional changes achieved during implementation of the second phase, 2021-2024
TABLE3 = {}
for row, vals in {"Step 1: Strategy adopted": (33, 10, 43, 10), "Step 2: Scheme design/law": (30, 10, 40, 30),
                  "Step 3: Improving operations": (45, 21, 66, 40),
                  "Total institutional changes achieved": (108, 41, 149, 80)}.items():
    for col, v in zip(("Total results achieved in 2021-2023", "Results achieved in 2024",
                       "Total results achieved in 2021-2024", "Flagship Programme ambition 2021-25"), vals):
        TABLE3[(row, col)] = v


@pytest.fixture(scope="module")
def doc() -> Document:
    return parse_file(REPORT)


@pytest.fixture(scope="module")
def obs(doc):
    return observations(doc)


def cells(obs, number: int) -> dict[tuple[str, str], object]:
    return {(o.row, o.column): o for o in obs if o.table_number == number}


def test_numbers_units_and_scales():
    assert parse_number("7,182,500") == (Decimal(7182500), None)
    assert parse_number("US$ 8,095,069") == (Decimal(8095069), "USD")
    assert parse_number("20 million") == (Decimal(20_000_000), None)
    assert parse_number("€1.2 million") == (Decimal("1.2") * 1_000_000, "EUR")
    assert parse_number("53%") == (Decimal(53), "percent")
    assert parse_number("Old-age pensions") is None


def test_at_least_100_observations_and_the_list_of_tables_is_not_data(obs):
    assert len(obs) >= 100
    # the front matter's list of tables ("Table 2: ... | 4") is numbered too but holds no data
    assert not any(o.row.startswith("Table ") for o in obs)
    assert {o.table_number for o in obs} >= {1, 2, 3, 4, 5, 7, 8}


@pytest.mark.parametrize("number,expected", [(2, TABLE2), (3, TABLE3)], ids=["table2", "table3"])
def test_recall_of_two_hand_listed_tables(obs, number, expected):
    got = cells(obs, number)
    hits = sum(1 for k, v in expected.items() if k in got and got[k].value == v)
    recall = hits / len(expected)
    print(f"\ntable {number}: {hits}/{len(expected)} cells, recall {recall:.3f}")
    assert recall >= 0.95
    assert all(got[k].unit == ("persons" if number == 2 else "count") for k in expected if k in got)


def test_units_from_cells_headers_and_caption(obs):
    t7, t8, t5 = cells(obs, 7), cells(obs, 8), cells(obs, 5)
    assert t7[("2024", "Amount of new funding approved (in US$)")].value == 8_095_069
    assert t7[("2024", "Amount of new funding approved (in US$)")].unit == "USD"
    assert t7[("2022", "Number of new projects")].unit == "projects"
    gap = next(o for k, o in t8.items() if k[0].startswith("Remaining funding gap"))
    assert (gap.value, gap.unit) == (27_880_174, "USD")
    assert t5[("Total", "Total")].value == 197 and t5[("Total", "Total")].unit == "persons"


def test_hierarchical_rows_and_split_cells(obs):
    t1 = cells(obs, 1)
    assert t1[("Effective coverage > Disability benefits", "Number of persons")].value == 52_500
    assert ("Legal coverage > Old-age pensions", "Number of persons") in t1
    t4 = cells(obs, 4)
    # Table 4's marks: a mark counts 1, a blank 0; region headings group the rows
    assert t4[("Africa > Burundi", "Result 1: Policies and strategies")].value == 1
    assert t4[("Africa > Burundi", "Result 3: Improving operations")].value == 0
    assert any(r.startswith("Arab States > ") for r, _ in t4)
    assert len({r for r, _ in t4 if " > " in r}) == 50


def test_evidence_is_the_row_with_its_headers(obs, doc):
    o = cells(obs, 2)[("Effective coverage (extension)", "Impacts in 2023")]
    assert "Impacts in 2023: 1,430,000" in o.row_text and "Effective coverage (extension)" in o.row_text
    assert "Legal coverage" not in o.row_text  # not the whole flattened table
    assert "1,430,000" in doc.text[o.start:o.end] and doc.text[o.start:o.end].lstrip().startswith("|")
    assert o.passage and any(p.id == o.passage and p.kind == "table" for p in doc.passages)


def test_a_new_table_of_another_shape_is_read():
    text = ("# 1. Results\n\nSome text about results in 2025.\n\n"
            "| Table 9: Coverage by region, 2025 | | |\n|---|---|---|\n"
            "| Region | Share of people covered | Spending (US$ million) |\n"
            "| Africa | 17% | 120 |\n| Asia | 53% | 1,250 |\n")
    d = parse_report(text, "synthetic.md")
    t = next(t for t in d.tables if t.number == 9)
    got = {(o.row, o.column): (o.value, o.unit) for o in table_observations(d, t)}
    assert got[("Asia", "Share of people covered")] == (Decimal(53), "percent")
    assert got[("Africa", "Spending (US$ million)")] == (Decimal(120), "USD")


def test_sparql_over_observations_returns_numbers_with_units(doc):
    import pyoxigraph

    from graph.extract import run_all
    from graph.rdf import build_graph

    kb = run_all(doc)
    g = build_graph([doc], kb)
    store = pyoxigraph.Store()
    store.load(g.serialize(format="nt").encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    q = """
    PREFIX qb: <http://purl.org/linked-data/cube#>
    PREFIX fg: <https://w3id.org/floorgraph/ontology#>
    PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
    PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
    SELECT ?v ?unit ?caption WHERE {
      ?o a qb:Observation ; qb:dataSet ?ds ; fg:rowLabel "Legal coverage (extension)" ;
         fg:columnLabel "Impacts in 2023" ; sdmx-measure:obsValue ?v ; sdmx-attribute:unitMeasure ?unit .
      ?ds fg:tableNumber 2 ; <http://purl.org/dc/terms/title> ?caption }"""
    rows = list(store.query(q))
    assert len(rows) == 1
    assert Decimal(rows[0]["v"].value) == 1_900_000 and rows[0]["unit"].value == "persons"
    assert rows[0]["caption"].value.startswith("Table 2:")
    n = next(iter(store.query("PREFIX qb: <http://purl.org/linked-data/cube#> "
                              "SELECT (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation ; qb:dataSet ?d . "
                              "FILTER(STRSTARTS(STR(?d), 'https://w3id.org/floorgraph/id/dataset/')) }")))
    assert int(n["n"].value) == len(kb.observations) >= 100


def test_caption_less_tables_are_not_observations():
    t = Table("x-table-1", "", "s", [], [["Foreword", "III"], ["Acronyms", "VIII"]], 0, 10, None)
    d = Document("x", "x", "x", "0", "", tables=[t])
    assert observations(d) == []
