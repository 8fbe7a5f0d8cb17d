"""Facts the report states beside a name in running text: a project's funders
(graph/extract/project_funders.py), a scheme's administering institution
(graph/extract/scheme_administrators.py) and a course's funders
(graph/extract/courses.py).  Made-up sentences check the shapes; the bundled report's graph checks
that the facts it states are read, each with the sentence that states it, and nothing else."""
from __future__ import annotations

from pathlib import Path

import pytest

import graph.extract as gx
from graph.kb import KnowledgeBase
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"


@pytest.fixture(scope="module")
def report_kb():
    return gx.run_all(parse_report(REPORT.read_text(encoding="utf-8")))


def _pairs(kb, predicate, source=None):
    out = set()
    for f in kb.facts_where(predicate=predicate):
        if source is None or f.attrs.get("source") == source:
            out.add((kb.entities[f.subject].label, kb.entities[f.object].label))
    return out


# -- project funders -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("the Kingdom of the Netherlands and the US Bureau for Population, Refugees, and Migration (PRM)",
     ["Kingdom of the Netherlands", "US Bureau for Population, Refugees, and Migration (PRM)"]),
    ("Norway, Sweden and the Asian Development Bank (ADB)", ["Norway", "Sweden", "Asian Development Bank (ADB)"]),
    ("the Office for Herders, Pastures, and Grazing (OHPG) and Iceland",
     ["Office for Herders, Pastures, and Grazing (OHPG)", "Iceland"]),
    ("the EU", ["EU"]),
])
def test_a_funder_list_keeps_a_name_whose_acronym_spans_its_commas(text, expected):
    from graph.extract.project_funders import funder_list

    assert funder_list(text) == expected


def test_project_funders_are_read_in_both_shapes():
    from graph.extract import project_funders
    text = ("Support came through the HERD and FLOCK projects funded by Norway and the Asian Development Bank (ADB). "
            "Building on the EU funded GRAZE project, the ILO trained herders. "
            "Through the Norway funded PASTURE Insurance Project in Mongolia, unions were trained.")
    doc = parse_report("# Herding report\n\n## Results\n\n" + text + "\n", "herding.md")
    kb = KnowledgeBase()
    for acr in ("HERD", "FLOCK", "GRAZE"):
        kb.add_entity("Project", acr.lower(), f"{acr} project", acronym=acr, alt_labels=[acr])
    project_funders.extract(doc, kb)
    got = _pairs(kb, "fundedBy")
    assert {("HERD project", "Norway"), ("FLOCK project", "Norway"), ("GRAZE project", "European Union"),
            ("PASTURE Insurance Project", "Norway")} <= got
    assert any(p == "HERD project" and "Asian Development Bank" in f for p, f in got)
    assert all(f.attrs.get("funding_line") for f in kb.facts_where(predicate="fundedBy"))


def test_report_project_funders(report_kb):
    got = _pairs(report_kb, "fundedBy", "project_sentence")
    assert {("SP&PFM project", "European Union"), ("ILES project", "European Union"),
            ("BEIT Social Protection Project", "European Union"), ("PROSPECTS project", "Netherlands"),
            ("PATHWAYS project", "Netherlands")} <= got
    prm = {f for p, f in got if p == "PATHWAYS project" and f != "Netherlands"}
    assert prm and all("Population, Refugees, and Migration" in f for f in prm)
    # every project funder is stated by a sentence naming the project and saying "funded"
    for f in report_kb.facts_where(predicate="fundedBy"):
        if f.attrs.get("source") == "project_sentence":
            assert "funded" in f.attrs["sentence"]
    assert len(got) <= 8


# -- scheme administrators -------------------------------------------------------------------------

@pytest.fixture()
def herding_kb():
    kb = KnowledgeBase()
    kb.add_entity("Scheme", "pastoral", "Pastoral Insurance Scheme", acronym="PIS", country="MNG")
    kb.add_entity("Scheme", "herder-grant", "Herder Grant programme", country="MNG")
    kb.add_entity("Organization", "hsf", "Herders Security Fund", acronym="HSF", role="national_institution", country="MNG")
    kb.add_entity("Organization", "mol", "Ministry of Labour", role="national_institution", country="MNG")
    return kb


@pytest.mark.parametrize("sentence, expected", [
    ("The ILO valued the Pastoral Insurance Scheme of the Herders Security Fund (HSF).", "Herders Security Fund"),
    ("The HSF closed registrations for the donor-supported Herder Grant pilot programme in May.", "Herders Security Fund"),
    ("The ILO supported HSF to explore the extension of the Pastoral Insurance Scheme to nomads.", "Herders Security Fund"),
    # a ministry that oversees is no administrator; a scheme merely named near an institution neither
    ("The Ministry of Labour closed registrations for the Herder Grant programme.", None),
    ("The ILO met the HSF and discussed the Pastoral Insurance Scheme.", None),
])
def test_an_institution_beside_a_scheme_administers_it_only_in_these_shapes(herding_kb, sentence, expected):
    from graph.extract import scheme_administrators as sa

    schemes = herding_kb.of_type("Scheme")
    orgs = sa._institutions(herding_kb)["MNG"]
    got = {o.label for _s, o in sa.administrators(sentence, schemes, orgs)}
    assert got == ({expected} if expected else set())


def test_report_scheme_administrators(report_kb):
    got = _pairs(report_kb, "administeredBy")
    by_scheme = {s: o for s, o in got}
    assert by_scheme["new contributory social security schemes for informal, self-employed and migrant workers"] \
        == "Social Security Fund"
    assert by_scheme["Health and Occupational Risks Systems"] == "Salvadoran Social Security Institute"
    assert by_scheme["Estidama++ programme"] == "Social Security Corporation"
    assert by_scheme["Universal Health Insurance Scheme"] == "Universal National Health Insurance Fund"
    # the administrator is always an institution of the scheme's own country
    for f in report_kb.facts_where(predicate="administeredBy"):
        s, o = report_kb.entities[f.subject], report_kb.entities[f.object]
        if f.attrs.get("source") in ("beside_scheme", "joined_institution"):
            assert s.attrs.get("country") == o.attrs.get("country")
            assert "Ministry" not in o.label and f.attrs.get("sentence")
    assert len(got) == len(by_scheme)  # one administrator per scheme in this report


# -- a course's funders and acronym ----------------------------------------------------------------

def test_course_funders_are_read_from_the_sentence_that_refers_to_it():
    from graph.extract.courses import funders

    text = ("The massive open online course (MOOC) Herding for All is a resource for herders. The MOOC was "
            "produced in partnership with the Steppe Academy thanks to the support of Iceland. "
            "Another workshop was funded by Norway.")
    assert funders(text, ["MOOC", "course"]) == ["Iceland"]


def test_report_course_funder(report_kb):
    course = next(e for e in report_kb.of_type("Publication") if e.attrs.get("series") == "online course")
    funders = {report_kb.entities[f.object].label for f in report_kb.facts_where(subject=course.id, predicate="fundedBy")}
    assert funders == {"Belgium"}


# -- the country of a paragraph about one country ----------------------------------------------------

def test_one_country_is_read_only_when_a_text_names_exactly_one():
    from graph.extract.paragraph_country import one_country

    assert one_country("The ILO supported herders in Mongolia. The Herders Council pays contributions.") == "MNG"
    assert one_country("Work in Mongolia and Kazakhstan continued.") is None
    assert one_country("The Herders Council pays contributions.") is None


def test_report_scheme_and_body_outside_country_entries_get_the_paragraphs_country(report_kb):
    got = set()
    for f in report_kb.facts.values():
        if f.attrs.get("source") == "paragraph_country":
            got.add((f.predicate, report_kb.entities[f.subject].label, report_kb.entities[f.object].label))
    assert ("schemeInCountry", "Social Regime of Independent Workers", "Côte d'Ivoire") in got
    assert ("institutionOf", "Coffee-Cocoa Council", "Côte d'Ivoire") in got
    # a paragraph naming two countries decides nothing (Iraq's and Lebanon's new EU support)
    assert not any(s in ("Public Distribution System", "Social Safety Net") for _p, s, _o in got)
