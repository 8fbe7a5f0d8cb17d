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


# --------------------------------------------------------------------------------- roles (issue 8)

def _role(kb, relation, init):
    return {kb.entities[f.subject].label: f for f in kb.facts_where(predicate=relation, obj=init)}


def _named(labels, *words):
    return any(all(w in lab for w in words) for lab in labels)


def test_lead_and_constituent_agencies_of_a_facility(kb):
    tsf = next(e.id for e in kb.of_type("Initiative") if e.acronym == "TSF")
    leads = _role(kb, "chairOf", tsf)
    assert set(leads) and all("Labour" in x or x == "ILO" for x in leads)
    agencies = {(kb.entities[f.subject].acronym or kb.entities[f.subject].label).upper()
                for f in kb.facts_where(predicate="constituentOf", obj=tsf)}
    assert agencies == {"UNICEF", "UNDP", "WFP", "FAO", "UN WOMEN"}
    # a constituent agency is a member (the question engine reads members from memberOf)
    for f in kb.facts_where(predicate="constituentOf", obj=tsf):
        assert kb.facts.get((f.subject, "memberOf", tsf)).attrs["role"] == "constituent agency"


def test_secretariat_host_and_new_members_with_their_year(kb):
    connect = "Initiative:connect-network"
    sec = _role(kb, "secretariatOf", connect)
    assert _named(sec, "Mahidol") and sec[next(k for k in sec if "Mahidol" in k)].attrs["year"] == "2024"
    assert _named(_role(kb, "hostOf", connect), "ASEAN Institute for Health Development")
    new = {lab: f for lab, f in _role(kb, "memberOf", connect).items() if f.attrs.get("role") == "new member"}
    for name in ("Thammasat University", "Institute for Health Policy", "Community Development Institute",
                 "Myanmar Independent Living Initiative", "ASEAN Disability Forum"):
        assert _named(new, name), name
    assert len(new) == 5 and {f.attrs["year"] for f in new.values()} == {"2024"}
    thammasat = next(f for lab, f in new.items() if "Thammasat" in lab)
    assert kb.entities[thammasat.subject].attrs["country"] == "THA"


def test_members_listed_with_a_count(kb):
    members = _role(kb, "memberOf", "Initiative:p4h")
    isos = {kb.entities[f.subject].key for f in kb.facts_where(predicate="memberOf", obj="Initiative:p4h")}
    assert {"CHE", "FRA", "DEU"} <= isos
    assert _named(members, "World Bank") and _named(members, "WHO") | _named(members, "World Health")


def test_founders_have_their_own_relation(kb):
    founders = _role(kb, "founderOf", "Initiative:usp2030")
    assert len(founders) == 2 and _named(founders, "World Bank")


def test_contributors_and_co_funders(kb):
    def funders(init):
        return {kb.entities[f.object].key: f for f in kb.facts_where(subject=init, predicate="fundedBy")}

    dci = funders("Initiative:dci")
    assert {"gov-FRA", "gov-ESP"} <= set(dci) and any(k in dci for k in ("eu", "european-union"))
    assert any("bmz" in k or "ministry-for-economic" in k for k in dci)
    assert all(f.attrs["role"] == "co-funder" and f.attrs["year"] == "2024" for f in dci.values())
    ga = funders(GA)
    assert {"gov-IRL", "gov-DEU", "gov-FRA", "gov-KOR"} <= set(ga)
    assert ga["gov-KOR"].attrs["role"] == "contributor"


def test_pathfinders_carry_commitment_year_and_roadmap(kb):
    pry = kb.facts[(eid("Country", "PRY"), "pathfinderOf", GA)]
    assert pry.attrs["roadmap"] == "endorsed" and pry.attrs["roadmap_year"] == "2024"
    assert pry.attrs["year"] == "2024"
    khm = kb.facts[(eid("Country", "KHM"), "pathfinderOf", GA)]
    assert khm.attrs["roadmap"] == "in-progress" and khm.attrs["year"] == "2023"


def test_role_rules_on_new_wording():
    text = ("# 2. Partnerships\n\n2.3 Update on building strategic partnerships\n\n"
            "Global Example Network (GEN)\n\n"
            "In 2023, the Global Example Network (GEN) was formally established by UNICEF and the World Bank. "
            "The GEN Secretariat is hosted by the International Social Security Association (ISSA). "
            "During the year, the Network welcomed three new members, including Kenya; Chile; as well as the "
            "Asian Development Bank. UNDP chairs the Global Example Network since 2023.\n")
    kb = gx.run_all(parse_report(text), only=ONLY)
    gen = next(e.id for e in kb.of_type("Initiative") if e.acronym == "GEN")
    founders = {kb.entities[f.subject].acronym or kb.entities[f.subject].label
                for f in kb.facts_where(predicate="founderOf", obj=gen)}
    assert "UNICEF" in founders and any("World Bank" in x for x in founders) and len(founders) == 2
    new = {kb.entities[f.subject].label for f in kb.facts_where(predicate="memberOf", obj=gen)
           if f.attrs.get("role") == "new member"}
    assert {"Kenya", "Chile"} <= new and any("Asian Development Bank" in x for x in new)
    assert {f.attrs["year"] for f in kb.facts_where(predicate="memberOf", obj=gen)
            if f.attrs.get("role") == "new member"} == {"2023"}
    hosts = {kb.entities[f.subject].label for f in kb.facts_where(predicate="hostOf", obj=gen)}
    assert any("International Social Security Association" in h or h == "ISSA" for h in hosts)
    chairs = {kb.entities[f.subject].acronym or kb.entities[f.subject].label
              for f in kb.facts_where(predicate="chairOf", obj=gen)}
    assert "UNDP" in chairs



def test_bodies_and_selected_countries_on_new_wording():
    """'<I> Technical Exchange Group (<I>-TEG)' is part of the initiative; '<I> aims to assist at least
    8 countries, including the already selected A and B' makes A and B its selected countries."""
    text = ("# 2. Partnerships\n\n2.3 Update on building strategic partnerships\n\n"
            "Global Example Network (GEN)\n\n"
            "The Global Example Network (GEN) was launched in 2023. "
            "The GEN Technical Exchange Group (GEN-TEG) met twice. By 2027, GEN aims to assist at least 8 "
            "countries, including the already selected Ghana and Nepal, in building registries. "
            "The ILO supported Ghana through the REACH initiative, focusing on training, and through the "
            "Global Example Network (GEN), in partnership with UNICEF.\n")
    kb = gx.run_all(parse_report(text), only=("organizations",) + ONLY)
    gen = next(e.id for e in kb.of_type("Initiative") if e.acronym == "GEN")
    # "the REACH initiative": a capitalised one-word name before a lower-case head; the partner
    # belongs to the frame nearest before the cue
    reach = next(e.id for e in kb.of_type("Initiative") if e.acronym == "REACH")
    assert not kb.facts_where(predicate="partneredWith", obj=reach)
    assert {kb.entities[f.subject].acronym for f in kb.facts_where(predicate="partneredWith", obj=gen)} == {"UNICEF"}
    teg = next(e for e in kb.of_type("Initiative") if e.acronym == "GEN-TEG")
    assert kb.facts_where(subject=teg.id, predicate="partOf", obj=gen)
    selected = {f.subject: f.attrs.get("role") for f in kb.facts_where(predicate="priorityCountryOf", obj=gen)}
    assert selected == {"Country:GHA": "selected country", "Country:NPL": "selected country"}



def test_launched_campaign_is_an_initiative_founded_by_its_launcher():
    text = ("# 2. Results\n\nIn 2023, the World Health Organization launched a Global Campaign to promote the "
            "ratification of Convention No. 130, the Convention on medical care.\n")
    kb = gx.run_all(parse_report(text), only=("organizations",) + ONLY)
    camp = next(e for e in kb.of_type("Initiative") if e.label.startswith("Global Campaign to promote"))
    assert camp.label.endswith("Convention No. 130")
    f = kb.facts_where(subject="Organization:who", predicate="founderOf", obj=camp.id)
    assert f and f[0].attrs["year"] == "2023" and f[0].attrs["role"] == "launched"

def test_partners_named_in_an_initiatives_own_section():
    """'In collaboration with the International Training Center of the ILO, the annual training ... took
    place' (CONNECT's section); 'In Asia the technical regional focal point organized a webinar series
    ... in collaboration with UNICEF and the CONNECT network' (P4H's section)."""
    from graph.build import build_in_memory

    kb = build_in_memory([REPORT]).kb  # every extractor: the partners are organisations found elsewhere

    def partners(init):
        return {kb.entities[f.subject].key for f in kb.facts_where(predicate="partneredWith", obj=init)}
    assert "itc-ilo" in partners("Initiative:connect-network")
    assert {"unicef", "connect-network"} <= partners("Initiative:p4h")
    # "A side event, co-organized by WFP, FAO, and UNICEF, showcased ..." in a working group's section
    food = next(e.id for e in kb.of_type("Initiative") if "Food Systems" in e.label and e.attrs.get("part_of"))
    assert {"wfp", "fao", "unicef"} <= partners(food)
    # "decided to constitute a temporary task team dedicated to ...", "a dedicated working group on ...":
    # new bodies of the section's initiative, with no other initiative in the sentence
    bodies = {kb.entities[f.subject].label for f in kb.facts_where(predicate="partOf", obj="Initiative:usp2030")}
    assert any(b.startswith("temporary task team dedicated to") for b in bodies)
    assert any(b.startswith("working group on the linkages between decent jobs") for b in bodies)
    # "Through the UN Global Accelerator ..., the ILO works with other UN agencies": the frame may
    # carry a "UN" before the initiative's name
    assert "ilo" in partners("Initiative:global-accelerator")
    # "the first round of funding was launched by the UN Joint SDG Fund and the Technical Support Facility"
    funders = {kb.entities[f.object].key: f.attrs.get("year")
               for f in kb.facts_where(subject="Initiative:global-accelerator", predicate="fundedBy")}
    assert funders.get("joint-sdg-fund") == "2024"

# Every member and role of three initiatives, written from the report text (section 2.3).
ROLE_LISTS = {
    "connect-network": {("secretariatOf", "Mahidol University"), ("secretariatOf", "ILO"),
                        ("hostOf", "ASEAN Institute for Health Development"),
                        ("memberOf", "Thammasat University"), ("memberOf", "Institute for Health Policy"),
                        ("memberOf", "Action to the Community Development Institute"),
                        ("memberOf", "Myanmar Independent Living Initiative"), ("memberOf", "ASEAN Disability Forum"),
                        ("chairOf", "Australian National University"), ("chairOf", "ILO")},
    "tsf": {("chairOf", "ILO"), ("constituentOf", "UNICEF"), ("constituentOf", "UNDP"),
            ("constituentOf", "UN WOMEN"), ("constituentOf", "WFP"), ("constituentOf", "FAO")},
    "usp2030": {("founderOf", "International Labour Organization"), ("founderOf", "World Bank")},
    "usp2030-working-group-on-climate-action": {("coChairOf", "ILO"), ("coChairOf", "FAO"),
                                                ("coChairOf", "Red Cross Red Crescent Climate Centre")},
}


def test_recall_of_members_and_roles(kb):
    def names(e):
        return {x.upper() for x in (e.label, e.acronym, *e.alt_labels) if x}

    want = [(init, rel, who) for init, pairs in ROLE_LISTS.items() for rel, who in pairs]
    hits = 0
    for init, rel, who in want:
        facts = kb.facts_where(predicate=rel, obj=f"Initiative:{init}")
        hits += any(who.upper() in names(kb.entities[f.subject]) for f in facts)
    recall = hits / len(want)
    print(f"\nmembers and roles of {len(ROLE_LISTS)} initiatives: {hits}/{len(want)}, recall {recall:.3f}")
    assert recall >= 0.95
