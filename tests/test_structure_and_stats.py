"""Table 4 read into the knowledge base, and the figures of `floorgraph stats`.

The expected results per column are computed here by re-reading the markdown rows of Table 4
("| 12. | Kenya | | • | |") with a plain regex, and the country names are turned into ISO3 codes
with the regexes of country_converter's own data file, so neither depends on graph.parse or
graph.countries.
"""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from graph.build import build_in_memory

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")
TYPES = ("policies_strategies", "scheme_reform", "operations")  # Result 1, 2, 3 in Table 4's header
ROW = re.compile(r"^\|\s*(\d+)\.\s*\|\s*([^|]+?)\s*\|([^|]*)\|([^|]*)\|([^|]*)\|\s*$", re.M)
# "| 41 Res | sults achieved in 2024 (TOTAL) | 10 | 10 | 21 |"
TOTALS = re.compile(r"^\|[^|]*\|[^|]*\(TOTAL\)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|", re.M)
MARKS = ("•", "٠")  # a bullet, and the Arabic-Indic zero the converter produced for some bullets


def iso3_of(name: str) -> str:
    """ISO3 from country_converter's data file (its regex column), independently of graph.countries."""
    # "Тодо" in row 24 is Togo written with Cyrillic look-alikes (data/corpus/README.md).
    name = name.translate(str.maketrans({"Т": "T", "о": "o", "д": "g"}))
    path = resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as fh:
        hits = {r["ISO3"] for r in csv.DictReader(fh, delimiter="\t")
                if r["regex"] and re.search(r["regex"], name, re.I) and not r["obsolete"]}
    assert len(hits) == 1, (name, hits)
    return hits.pop()


def table4_from_markdown() -> tuple[dict[str, set[str]], list[str], tuple[int, int, int]]:
    rows = ROW.findall(SOURCE)
    countries = []
    marked = {t: set() for t in TYPES}
    for _, name, *cells in rows:
        iso = iso3_of(name)
        countries.append(iso)
        for t, cell in zip(TYPES, cells):
            if any(m in cell for m in MARKS):
                marked[t].add(iso)
    (totals,) = TOTALS.findall(SOURCE)
    return marked, countries, tuple(int(x) for x in totals)


@pytest.fixture(scope="module")
def table4():
    return table4_from_markdown()


@pytest.fixture(scope="module")
def build():
    return build_in_memory([REPORT])


def test_markdown_reading_is_sane(table4):
    marked, countries, totals = table4
    assert len(countries) == 50 and len(set(countries)) == 50
    assert totals == (10, 10, 21)
    # the totals row equals the marks in each column
    assert tuple(len(marked[t]) for t in TYPES) == totals
    assert "TGO" in countries and "KEN" in marked["scheme_reform"]


@pytest.mark.parametrize("rtype", TYPES)
def test_results_per_column_match_table_4(build, table4, rtype):
    marked, _, _ = table4
    kb = build.kb
    got = {f.subject.split(":", 1)[1] for f in kb.facts.values()
           if f.predicate == "achievedResult" and f.attrs.get("result_type") == rtype}
    assert got == marked[rtype]
    for iso in got:
        res = next(f for f in kb.facts_where(subject=f"Country:{iso}", predicate="achievedResult")
                   if f.attrs.get("result_type") == rtype)
        assert kb.entities[res.object].attrs["year"] == "2024"  # "(2024)" in the table caption


def test_priority_countries_are_the_table_rows(build, table4):
    _, countries, totals = table4
    kb = build.kb
    priority = {e.attrs["iso3"] for e in kb.of_type("Country") if e.attrs.get("priority")}
    assert priority == set(countries)
    prog = kb.entities["Initiative:flagship-programme"]
    assert prog.attrs["results_totals"] == dict(zip(TYPES, totals))


# ------------------------------------------------------------------ floorgraph stats --json
def run_cli(*args, check=True):
    proc = subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def cli_stats(tmp_path_factory):
    d = tmp_path_factory.mktemp("fg-stats")
    run_cli("build", "--no-index", "--quiet", "--data-dir", str(d))
    proc = run_cli("stats", "--json", "--data-dir", str(d))
    return json.loads(proc.stdout)


def test_stats_json_has_every_key(cli_stats):
    for key in ("countries", "priority_countries", "organizations", "funding_links", "ratifications",
                "results_by_type", "passages", "triples", "shacl_conforms", "statements_without_provenance"):
        assert key in cli_stats, key
    assert set(cli_stats["results_by_type"]) == set(TYPES)


def test_stats_values(cli_stats, table4):
    _, countries, totals = table4
    assert cli_stats["priority_countries"] == len(countries) == 50
    assert tuple(cli_stats["results_by_type"][t] for t in TYPES) == totals == (10, 10, 21)
    assert cli_stats["shacl_conforms"] is True
    assert cli_stats["statements_without_provenance"] == 0
    assert cli_stats["countries"] >= 50 and cli_stats["passages"] > 0 and cli_stats["triples"] > 0
    assert cli_stats["funding_links"] > 0 and cli_stats["ratifications"] > 0


# ------------------------------------------------------------------ the provenance check can fail
def test_statement_without_provenance_is_detected(build):
    from rdflib.namespace import PROV, RDF

    from graph.rdf import entity_uri, statements_without_provenance
    from graph.stats import shacl_report
    from graph.vocab import FG

    g = build.graph
    # Jordan's first funder: "Financing support: European Union, Kingdom of the Netherlands, Norway, ..."
    s, o = entity_uri("Country:JOR"), entity_uri("Organization:eu")
    assert (s, FG.fundedBy, o) in g
    st = next(st for st in g.subjects(RDF.subject, s)
              if (st, RDF.predicate, FG.fundedBy) in g and (st, RDF.object, o) in g)
    removed = list(g.triples((st, PROV.wasDerivedFrom, None)))
    assert removed
    for t in removed:
        g.remove(t)
    try:
        assert statements_without_provenance(g) == 1
        conforms, text = shacl_report(g)
        assert conforms is False
        assert "wasDerivedFrom" in text
    finally:
        for t in removed:
            g.add(t)


def test_sampled_shacl_conforms_and_still_catches_a_broken_sampled_node(build):
    """Large graphs are validated on a sample of subjects (graph/stats.py): the sample of a sound
    graph conforms although the nodes it points to are cut off, and a defect in a sampled subject
    is reported."""
    from rdflib.namespace import RDF

    from graph.stats import shacl_report, shacl_sample
    from graph.vocab import FG

    g = build.graph
    sub, focus, total = shacl_sample(g, per_class=20)
    assert len(focus) < total and len(sub) < len(g)
    assert {o for s in focus for o in g.objects(s, RDF.type)} == set(g.objects(None, RDF.type))  # every class
    assert shacl_report(sub, focus)[0] is True
    passage = next(s for s in sorted(focus) if (s, RDF.type, FG.Passage) in g)
    removed = list(g.triples((passage, FG.inSection, None)))
    assert removed
    for t in removed:
        g.remove(t)
    try:
        sub, focus, _ = shacl_sample(g, per_class=20)
        conforms, text = shacl_report(sub, focus)
        assert conforms is False and str(passage) in text and "inSection" in text
    finally:
        for t in removed:
            g.add(t)
