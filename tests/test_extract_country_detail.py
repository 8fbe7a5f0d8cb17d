"""Country-level detail: schemes and laws with kind/status/year, figures in the text, dated
activities, partners' kind/topic/year, publications' kind/language/countries.

Three layers: the pure sentence readers on made-up sentences (so the rules are about shape, not
this report), the extractors on the bundled report, and an altered copy of the report in which a
scheme is renamed, a year and two numbers are changed — the graph must follow the text.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract import milestones
from graph.extract.publications import language_of, publication_kind
from graph.extract.quantities import figures_in
from graph.kb import eid
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")
ONLY = ("structure", "organizations", "funding", "instruments", "initiatives", "schemes", "publications",
        "engagements", "quantities", "activities")


# ------------------------------------------------------------------ sentence readers (made-up text)

def test_status_and_year_of_the_verb_not_of_the_sentence():
    s = "In 2031, Freedonia validated its National Care Strategy, which is expected to be adopted in 2032."
    i = s.index("National Care Strategy")
    assert milestones.status_event(s, i, i + 22) == ("validated", "2031")
    s = "The Rural Pension Law, validated by the social partners and expected to be adopted in 2032, ..."
    assert milestones.status_event(s, 4, 21) == ("validated", None)  # 2032 dates the adoption
    s = "The Health Code was amended, in line with Convention No. 102 (ratified in 2006)."
    assert milestones.status_event(s, 4, 15) == ("amended", None)
    s = "Full adoption of the Family Benefit Act by Parliament is expected in 2033."
    i = s.index("Family")
    assert milestones.status_event(s, i, i + 17) == ("planned", "2033")
    s = "In October 2030 the Institute re-launched the Harvest Savings scheme for farmers."
    i = s.index("Harvest")
    assert milestones.status_event(s, i, i + 22) == ("relaunched", "2030")


@pytest.mark.parametrize("name,kind", [
    ("Decree No. 2024-123", "decree"), ("Law on Universal Health Insurance", "law"),
    ("National Social Protection Policy (2024-2033)", "policy"), ("Social Security Code", "law"),
    ("Action Plan of the National Employment Strategy", "plan"), ("Old Persons' Grant", "benefit"),
    ("Maternity Insurance Scheme", "scheme"),
])
def test_measure_kind_is_the_head_noun(name, kind):
    assert milestones.measure_kind(name) == kind


def test_figures_money_shares_counts():
    s = ("The allowance is a monthly allowance of around US$40, paid to 27,000 persons with disabilities "
         "aged 15 to 30, while informality exceeds 93 per cent of total employment under Convention No. 102 "
         "since 2024, and €1.2 million came from donors.")
    got = {(f.unit, f.value, f.measure) for f in figures_in(s)}
    assert ("USD", Decimal(40), "monthly allowance") in got
    assert ("persons", Decimal(27000), "persons with disabilities") in got
    assert ("per cent", Decimal(93), "total employment") in got
    assert ("EUR", Decimal(1200000), "amount") in got
    values = {f.value for f in figures_in(s)}
    assert not values & {Decimal(102), Decimal(2024), Decimal(15), Decimal(30)}  # labels, years, ages
    approx = {f.value: f.qualifier for f in figures_in(s)}
    assert approx[Decimal(40)] == "around"


def test_publication_kind_and_language():
    assert publication_kind("ILO Working Paper", "x") == "working paper"
    assert publication_kind(None, "Issue Paper on Pensions in Freedonia") == "issue paper"
    assert language_of("Étendre la sécurité sociale aux travailleurs indépendants") == "fr"
    assert language_of("Extender la protección social a los trabajadores") == "es"
    assert language_of("Universal social protection for healthy ageing") == "en"


# ------------------------------------------------------------------ the bundled report

def _by_label(kb, type_, label, iso=None):
    for e in kb.of_type(type_):
        if e.label == label and (iso is None or e.attrs.get("country") == iso):
            return e
    raise AssertionError(f"no {type_} {label!r} ({iso})")


def test_national_instruments_by_country(kb):
    sur = _by_label(kb, "LegalInstrument", "National Social Protection Strategy", "SUR")
    f = kb.facts[(sur.id, "instrumentOfCountry", eid("Country", "SUR"))]
    assert (f.attrs["status"], f.attrs["year"], f.attrs["kind_of"]) == ("validated", "2024", "strategy")
    uga = _by_label(kb, "LegalInstrument", "National Social Protection Strategy", "UGA")
    assert kb.facts[(uga.id, "instrumentOfCountry", eid("Country", "UGA"))].attrs["status"] == "launched"
    mar = _by_label(kb, "LegalInstrument", "Framework Law No. 09/21", "MAR")  # number kept in the name
    assert kb.facts[(mar.id, "instrumentOfCountry", eid("Country", "MAR"))].attrs["kind_of"] == "law"


def test_schemes_status_and_coverage(kb):
    haba = _by_label(kb, "Scheme", "Haba Haba scheme", "KEN")
    f = kb.facts[(haba.id, "schemeInCountry", eid("Country", "KEN"))]
    assert (f.attrs["status"], f.attrs["year"]) == ("relaunched", "2024")
    nda = _by_label(kb, "Scheme", "National Disability Allowance", "LBN")
    assert "persons with disabilities" in nda.attrs["coverage"]


def _quantities(kb, owner_id):
    return {(kb.entities[f.object].attrs["value"], kb.entities[f.object].attrs["unit"])
            for f in kb.facts_where(subject=owner_id, predicate="hasQuantity")}


def test_figures_attached_to_what_they_describe(kb):
    nda = _by_label(kb, "Scheme", "National Disability Allowance", "LBN")
    assert ("40", "USD") in _quantities(kb, nda.id)
    # "an emergency top-up of US$100 to 10,000 NDA beneficiaries": the top-up's own amount
    topup = _by_label(kb, "Scheme", "emergency top-up", "LBN")
    assert ("100", "USD") in _quantities(kb, topup.id)
    assert ("93", "per cent") in _quantities(kb, "Country:SLE")
    for q in kb.of_type("Quantity"):  # every figure's sentence is in its evidence passage
        f = next(f for f in kb.facts.values() if f.object == q.id)
        assert any(q.attrs["surface"] in p.text for p in _passages(kb, f))


def _passages(kb, f):
    return [p for p in _DOC[0].passages if p.id in f.passages]


_DOC: list = []


@pytest.fixture(autouse=True)
def _remember_doc(doc):
    _DOC[:] = [doc]


def test_partners_have_kind_topic_year(kb):
    unhcr = [f for f in kb.facts_where(subject="Country:EGY", predicate="partneredWith")
             if "UNHCR" in (kb.entities[f.object].acronym or "")]
    assert unhcr and any("refugee inclusion" in f.attrs.get("topic_label") for f in unhcr)
    mex = [f for f in kb.facts_where(subject="Country:MEX", predicate="partneredWith")
           if "Nestl" in kb.entities[f.object].label]
    assert mex and mex[0].attrs["year"] == "2024"


def test_dated_activities(kb):
    acts = [kb.entities[f.subject] for f in kb.facts_where(obj="Country:SUR", predicate="activityIn")]
    assert any(a.attrs["kind"] == "strategy validated" and a.attrs["year"] == "2024" for a in acts)
    eth = [kb.entities[f.subject] for f in kb.facts_where(obj="Country:ETH", predicate="activityIn")]
    training = [a for a in eth if a.attrs["kind"] == "training" and a.attrs["year"] == "2024"]
    assert training
    involved = {kb.entities[f.object].acronym for f in kb.facts_where(subject=training[0].id,
                                                                         predicate="activityInvolved")}
    assert "UNHCR" in involved
    for a in kb.of_type("Activity"):  # every activity has a kind, a year and its sentence
        assert a.attrs["kind"] and a.attrs["year"] and a.attrs["sentence"]


def test_publications_about_countries(kb):
    iraq = _by_label(kb, "Publication", "Towards an Inclusive, equitable and sustainable national pension system in Iraq")
    assert (iraq.id, "publicationAbout", "Country:IRQ") in kb.facts
    assert iraq.attrs["kind"] == "policy paper"
    roles = {f.attrs.get("role") for f in kb.facts_where(subject=iraq.id, predicate="publishedBy")}
    assert roles == {"co-publisher"}
    assert (iraq.id, "onTopic", "ThematicArea:pensions") in kb.facts
    french = [e for e in kb.of_type("Publication") if e.attrs["language"] == "fr"]
    assert len(french) >= 3


# ------------------------------------------------------------------ an altered copy of the report

EDITS = [
    ("the Haba Haba scheme", "the Pamoja Savings scheme"),  # rename a scheme
    ("In 2024, with the support of the ILO, Suriname validated", "In 2023, with the support of the ILO, Suriname validated"),
    ("monthly allowance of around US\\$40", "monthly allowance of around US\\$55"),  # a benefit level
    ("more than 93 per cent", "more than 88 per cent"),  # a share
]


@pytest.fixture(scope="module")
def altered_kb():
    text = SOURCE
    for old, new in EDITS:
        assert text.count(old) >= 1, old
        text = text.replace(old, new)
    return gx.run_all(parse_report(text), only=ONLY)


def test_altered_report_changes_the_graph(kb, altered_kb):
    # renamed scheme: the new name is a scheme of Kenya with its status; the old one is gone
    assert _by_label(altered_kb, "Scheme", "Pamoja Savings scheme", "KEN")
    assert not [e for e in altered_kb.of_type("Scheme") if e.label == "Haba Haba scheme"] or \
        _by_label(kb, "Scheme", "Haba Haba scheme", "KEN")  # (the bare name may remain where untouched)
    # changed year of the validation
    sur = _by_label(altered_kb, "LegalInstrument", "National Social Protection Strategy", "SUR")
    f = altered_kb.facts[(sur.id, "instrumentOfCountry", eid("Country", "SUR"))]
    assert (f.attrs["status"], f.attrs["year"]) == ("validated", "2023")
    acts = [altered_kb.entities[x.subject] for x in altered_kb.facts_where(obj="Country:SUR", predicate="activityIn")]
    assert any(a.attrs["kind"] == "strategy validated" and a.attrs["year"] == "2023" for a in acts)
    # changed numbers
    nda = _by_label(altered_kb, "Scheme", "National Disability Allowance", "LBN")
    assert ("55", "USD") in _quantities(altered_kb, nda.id) and ("40", "USD") not in _quantities(altered_kb, nda.id)
    assert ("88", "per cent") in _quantities(altered_kb, "Country:SLE")
    assert ("93", "per cent") not in _quantities(altered_kb, "Country:SLE")


def test_a_made_up_entry_is_read_by_shape():
    """A country entry no report has: every class is read from the shape of its sentences."""
    text = SOURCE
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    entry = ("Mongolia\n\n"
             "In March 2031, the Government of Mongolia adopted Decree No. 2031-77 on maternity benefits, "
             "which covers herders and self-employed workers. In 2031, the ILO, in partnership with UNICEF, "
             "delivered a training on actuarial methods to 35 officials. The Herder Pension Scheme (HPS) pays "
             "a monthly benefit of US$25 to 12,000 herders. Collaborations with various partners, including "
             "Steppe Relief Network and the World Bank, were crucial in registering herders.\n\n"
             "Financing support: Japan. Visit our country page.\n\n")
    i = text.index(anchor) + len(anchor)
    kb = gx.run_all(parse_report(text[:i] + entry + text[i:]), only=ONLY)
    decree = [e for e in kb.of_type("LegalInstrument") if e.attrs.get("country") == "MNG" and "2031-77" in e.label]
    assert decree, [e.label for e in kb.of_type("LegalInstrument") if e.attrs.get("country") == "MNG"]
    f = kb.facts[(decree[0].id, "instrumentOfCountry", "Country:MNG")]
    assert (f.attrs["kind_of"], f.attrs["status"], f.attrs["year"]) == ("decree", "adopted", "2031")
    acts = [kb.entities[x.subject] for x in kb.facts_where(obj="Country:MNG", predicate="activityIn")]
    assert any(a.attrs["kind"] == "training" and a.attrs["year"] == "2031" for a in acts)
    unicef = [x for x in kb.facts_where(subject="Country:MNG", predicate="partneredWith")
              if kb.entities[x.object].acronym == "UNICEF"]
    assert unicef and unicef[0].attrs["kind_of"] == "capacity building" and unicef[0].attrs["year"] == "2031"
    partners = {kb.entities[x.object].label for x in kb.facts_where(subject="Country:MNG", predicate="partneredWith")}
    assert "Steppe Relief Network" in partners  # a partner no gazetteer knows, from the list's shape
    hps = _by_label(kb, "Scheme", "Herder Pension Scheme", "MNG")
    assert {("25", "USD"), ("12000", "persons")} <= _quantities(kb, hps.id)


# ------------------------------------------------------------------ the RDF: Data Cube figures, statuses

def test_rdf_figures_and_statuses_by_sparql(doc, kb):
    """Figures are qb:Observations with value and unit; a law's status and kind are on its
    statement; SPARQL reads them without knowing Python."""
    import pyoxigraph

    from graph.rdf import build_graph

    store = pyoxigraph.Store()
    store.load(build_graph([doc], kb).serialize(format="nt").encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    prefixes = """PREFIX fg: <https://w3id.org/floorgraph/ontology#> PREFIX qb: <http://purl.org/linked-data/cube#>
      PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
      PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      PREFIX prov: <http://www.w3.org/ns/prov#>"""
    rows = list(store.query(prefixes + """
      SELECT ?v ?unit ?m WHERE { ?s skos:prefLabel "National Disability Allowance" ; fg:hasQuantity ?q .
        ?q a qb:Observation ; sdmx-measure:obsValue ?v ; sdmx-attribute:unitMeasure ?unit ; fg:measure ?m }"""))
    assert ("40", "USD") in {(r["v"].value, r["unit"].value) for r in rows}
    rows = list(store.query(prefixes + """
      SELECT ?status ?year ?kind WHERE { ?st a fg:Fact ; rdf:predicate fg:instrumentOfCountry ; rdf:object ?c ;
        rdf:subject ?law ; fg:status ?status ; fg:year ?year ; fg:kind ?kind ; prov:wasDerivedFrom ?p .
        ?c fg:iso3 "SUR" }"""))
    assert ("validated", "2024", "strategy") in {(r["status"].value, r["year"].value, r["kind"].value) for r in rows}
    rows = list(store.query(prefixes + """
      SELECT ?kind ?year WHERE { ?a a fg:Activity ; fg:activityIn ?c ; fg:kind ?kind ; fg:year ?year ;
        fg:evidenceText ?t . ?c fg:iso3 "ETH" }"""))
    assert ("training", "2024") in {(r["kind"].value, r["year"].value) for r in rows}
