"""The graph reflects the file it was built from, not the 2024 report it was developed on.

A copy of the bundled report is edited in four places, built with
``floorgraph build --no-index --source EDITED.md --data-dir TMP``, and every edit must show up in
kb.json, stats.json and graph.nt; the unedited report (the control) must not have those facts.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.build import build_in_memory, kb_to_json

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")

FG = "https://w3id.org/floorgraph/ontology#"
ID = "https://w3id.org/floorgraph/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"

# (a) Jordan: "Financing support: European Union, Kingdom of the Netherlands, Norway, United Kingdom
#     and the Social Security Corporation (SSC) of Jordan."
JORDAN_OLD = "Financing support: European Union, Kingdom of the Netherlands, Norway"
JORDAN_NEW = "Financing support: Sweden, Kingdom of the Netherlands, Norway"
# (b) Sierra Leone: "... in line with Convention No. 102 (ratified in 2022) and Recommendation No. 202."
SLE_OLD = "Convention No. 102 (ratified in 2022)"
SLE_NEW = "Convention No. 102 (ratified in 2019)"
# (c) Table 4: "| 5. | Cameroon | | | |" and "| 41 Res | sults achieved in 2024 (TOTAL) | 10 | 10 | 21 |"
CMR_OLD = "| 5. | Cameroon | | | |"
CMR_NEW = "| 5. | Cameroon | • | | |"
TOTAL_OLD = "| 41 Res | sults achieved in 2024 (TOTAL) | 10 | 10 | 21 |"
TOTAL_NEW = "| 42 Res | sults achieved in 2024 (TOTAL) | 11 | 10 | 21 |"
# (d) a new entry after Indonesia's ("Financing support: Japan. Visit our <u>country page</u>."),
#     before "Lao People's Democratic Republic", i.e. inside the Asia and the Pacific region of 2.1.
MNG_ANCHOR = "Financing support: Japan. Visit our <u>country page</u>.\n\nLao People's Democratic Republic"
MNG_ENTRY = (
    "Mongolia 🔵\n\n"
    "In 2024, the General Office of Social Insurance of Mongolia worked with the ILO to extend coverage to "
    "herders and self-employed workers through a voluntary scheme with subsidised contributions. A costing "
    "exercise informed the design of the benefit package and its financing, and consultations with the "
    "social partners were held in three provinces before the proposal went to the Government.\n\n"
    "Financing support: Japan. Visit our country page.\n\n"
)


def edited_text() -> str:
    text = SOURCE
    for old, new in [(JORDAN_OLD, JORDAN_NEW), (SLE_OLD, SLE_NEW), (CMR_OLD, CMR_NEW), (TOTAL_OLD, TOTAL_NEW)]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    assert text.count(MNG_ANCHOR) == 1
    i = text.index(MNG_ANCHOR) + len("Financing support: Japan. Visit our <u>country page</u>.\n\n")
    return text[:i] + MNG_ENTRY + text[i:]


class KB:
    """Reading helpers over a kb.json document."""

    def __init__(self, data: dict):
        self.entities = {e["id"]: e for e in data["entities"]}
        self.facts = data["facts"]

    def objects(self, subject: str, predicate: str) -> list[dict]:
        return [f for f in self.facts if f["subject"] == subject and f["predicate"] == predicate]

    def labels(self, entity_id: str) -> set[str]:
        e = self.entities[entity_id]
        return {e["label"], *e["alt_labels"]}

    def funder_labels(self, iso3: str) -> set[str]:
        return {lab for f in self.objects(f"Country:{iso3}", "fundedBy") for lab in self.labels(f["object"])}

    def c102_ratification(self, iso3: str) -> dict | None:
        for f in self.objects(f"Country:{iso3}", "ratified"):
            if str(self.entities[f["object"]]["attrs"].get("number")) == "102":
                return f
        return None

    def results(self, iso3: str) -> set[str]:
        return {f["attrs"].get("result_type") for f in self.objects(f"Country:{iso3}", "achievedResult")}

    def count_results(self, rtype: str) -> int:
        return sum(1 for f in self.facts if f["predicate"] == "achievedResult" and f["attrs"].get("result_type") == rtype)


@pytest.fixture(scope="module")
def edited_build(tmp_path_factory):
    d = tmp_path_factory.mktemp("fg-edited")
    src = d / "EDITED.md"
    src.write_text(edited_text(), encoding="utf-8")
    out = d / "data"
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "build", "--no-index", "--quiet", "--source", str(src), "--data-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return src, out


@pytest.fixture(scope="module")
def edited(edited_build):
    return KB(json.loads((edited_build[1] / "kb.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def control():
    """The unedited report, through the same extraction and the same kb.json serialisation."""
    return KB(json.loads(json.dumps(kb_to_json(build_in_memory([REPORT]).kb))))


@pytest.fixture(scope="module")
def store(edited_build):
    import pyoxigraph

    st = pyoxigraph.Store()
    with open(edited_build[1] / "graph.nt", "rb") as fh:
        st.load(fh, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return st


def ask(store, query: str) -> list:
    """SPARQL with fg:, rdf:, skos: prefixes; write an entity as <id:country/JOR> (expanded here,
    since 'id:country/JOR' is not a valid prefixed name)."""
    prefix = f"PREFIX fg: <{FG}> PREFIX rdf: <{RDF}> PREFIX skos: <{SKOS}>\n"
    return list(store.query(prefix + query.replace("<id:", "<" + ID)))


def test_build_used_the_given_source(edited_build):
    src, out = edited_build
    manifest = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert [s["sha256"] for s in manifest["sources"]] == [hashlib.sha256(src.read_bytes()).hexdigest()]


# (a) ------------------------------------------------------------------------------------
def test_jordan_funded_by_sweden_not_eu(edited, control):
    assert "European Union" in control.funder_labels("JOR")
    assert not any("Sweden" in lab for lab in control.funder_labels("JOR"))
    labels = edited.funder_labels("JOR")
    assert any("Sweden" in lab for lab in labels), labels
    assert "European Union" not in labels
    assert {"Kingdom of the Netherlands", "Norway"} <= labels  # the rest of the line is unchanged


def test_jordan_sweden_in_graph(store):
    rows = ask(store, """SELECT ?l WHERE { <id:country/JOR> fg:fundedBy ?o . ?o skos:prefLabel ?l }""")
    labels = {r["l"].value for r in rows}
    assert any("Sweden" in lab for lab in labels), labels
    assert "European Union" not in labels


# (b) ------------------------------------------------------------------------------------
def test_sierra_leone_ratification_year(edited, control):
    assert control.c102_ratification("SLE")["attrs"]["year"] == "2022"
    f = edited.c102_ratification("SLE")
    assert f is not None and f["attrs"]["year"] == "2019"


def test_sierra_leone_ratification_year_in_graph(store):
    rows = ask(store, """SELECT ?y WHERE { ?st rdf:subject <id:country/SLE> ; rdf:predicate fg:ratified ;
                                              rdf:object ?c ; fg:year ?y . ?c fg:number 102 }""")
    assert [r["y"].value for r in rows] == ["2019"]


# (c) ------------------------------------------------------------------------------------
def test_cameroon_result_and_total(edited, control, edited_build):
    assert control.results("CMR") == set()
    assert control.count_results("policies_strategies") == 10
    assert edited.results("CMR") == {"policies_strategies"}
    assert edited.count_results("policies_strategies") == 11
    stats = json.loads((edited_build[1] / "stats.json").read_text(encoding="utf-8"))
    assert stats["results_by_type"] == {"policies_strategies": 11, "scheme_reform": 10, "operations": 21}
    assert edited.entities["Initiative:flagship-programme"]["attrs"]["results_totals"]["policies_strategies"] == 11


# (d) ------------------------------------------------------------------------------------
def test_mongolia_entry(edited, control, edited_build):
    # The report names Mongolia once, among countries that "have formally inquired about the
    # Campaign", so the control may know the country, but not as an entry with a region or funder.
    assert not control.objects("Country:MNG", "inRegion") and not control.objects("Country:MNG", "fundedBy")
    assert edited.entities["Country:MNG"]["type"] == "Country"
    regions = edited.objects("Country:MNG", "inRegion")
    assert [edited.entities[f["object"]]["label"] for f in regions] == ["Asia and the Pacific"]
    # the region comes from the entry: its evidence is a passage of the Mongolia entry
    passages = {json.loads(line)["id"]: json.loads(line)
                for line in (edited_build[1] / "passages.jsonl").read_text(encoding="utf-8").splitlines()}
    ev = passages[regions[0]["passages"][0]]
    assert ev["section_path"][-2:] == ["Asia and the Pacific", "Mongolia"]
    assert ev["section_kind"] == "country"
    assert edited.funder_labels("MNG") & {"Japan", "Government of Japan"}


def test_mongolia_in_graph(store):
    rows = ask(store, """SELECT ?rl ?fl WHERE { <id:country/MNG> a fg:Country ; fg:inRegion ?r ; fg:fundedBy ?f .
                                               ?r skos:prefLabel ?rl . ?f skos:prefLabel ?fl }""")
    assert {r["rl"].value for r in rows} == {"Asia and the Pacific"}
    assert any("Japan" in r["fl"].value for r in rows)
