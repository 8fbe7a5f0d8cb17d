"""Facts the graph missed, read by shape on made-up text: a fund's allocations to countries, a
course named by its title with its producers, the tail of a cut sentence glued after a heading,
an entry saying nothing was done that year, a backer named after a support cue.

Every report here is invented (real country names, made-up funds, courses and years), so the
rules are about sentence shapes, not about the bundled report."""
from __future__ import annotations

import graph.extract as gx
from graph.extract import activities, allocations, courses
from graph.kb import eid
from graph.parse import parse_report
from graph.stray_tails import split_tail

BASE = ("structure", "organizations", "funding", "instruments", "initiatives", "schemes", "publications",
        "engagements", "activities")


def _report(*blocks: str) -> str:
    return "\n\n".join(("Annual Report 2031",) + blocks) + "\n"


# ------------------------------------------------------------------ allocations of a pooled fund

def test_allocated_countries_are_the_list_after_allocated_to_activities_in():
    for sentence, want in [
        ("In 2031, US$2 million were allocated to new activities in Peru, Mongolia and Chile in addition "
         "to regional and global activities in Kenya.", ["PER", "MNG", "CHL"]),
        ("Resources have been allocated to projects in Ghana and Nepal.", ["GHA", "NPL"]),
        ("Half of the fund was quickly allocated for additional programmes in Bolivia (see Box 2).", ["BOL"]),
    ]:
        assert allocations.allocated_countries(sentence) == want, sentence
    for sentence in ("US$1 million was allocated to regional activities in Africa.",
                     "Chile allocated US$3 million to its pension fund.",
                     "Funds will be spent on activities in Peru."):
        assert allocations.allocated_countries(sentence) == [], sentence


def test_a_fund_named_in_the_paragraph_gets_its_allocations_and_two_funds_get_none():
    text = _report(
        "2. Country results", "Americas", "Chile",
        "The ILO supported the Ministry of Labour in Chile with a costing study of the pension scheme.",
        "Financing support: Donors to the ILO's Harbour Reserve Account (HRA). Visit our country page.",
        "Peru",
        "The ILO supported the Ministry of Labour in Peru with a costing study of the health scheme.",
        "Financing support: Donors to the Summit Trust Account (STA). Visit our country page.",
        "3. Resources", "Box 3: New resources in 2031",
        "Harbour Reserve Account (HRA) resources amounted to a fifth of all resources. In 2031, US$2 million "
        "were allocated to new activities in Mongolia, Peru and Chile in addition to regional activities.",
        "4. Outlook",
        "Both the HRA and the STA grew. In 2031, US$1 million was allocated to new activities in Ghana.",
        "Resources were allocated to new activities in Nepal, as in earlier years.",
    )
    doc = parse_report(text)
    kb = gx.run_all(doc, only=("structure", "organizations", "funding"))
    allocations.extract(doc, kb)
    got = {(f.subject, f.object) for f in kb.facts.values() if f.predicate == allocations.RELATION}
    hra = next(e.id for e in kb.entities.values() if e.acronym == "HRA" and e.role == "multi_donor_fund")
    assert got == {(f"Country:{iso}", hra) for iso in ("MNG", "PER", "CHL")}
    # the allocation is not the financing line: Peru's funders are still only its line's
    assert {kb.entities[f.object].acronym for f in kb.facts.values()
            if f.subject == "Country:PER" and f.predicate == "fundedBy"} == {"STA"}


# ------------------------------------------------------------------ courses named by title

def test_a_course_is_named_by_the_title_after_its_noun():
    for text, title, acronym in [
        ("The massive open online course (MOOC) Caring For Workers In All Seasons is a resource for officials.",
         "Caring For Workers In All Seasons", "MOOC"),
        ("An e-learning course Social Insurance From Scratch, launched in 2030, reached 400 people.",
         "Social Insurance From Scratch", None),
        ("Its new online course Pensions for the Next Generation offers ten modules.",
         "Pensions for the Next Generation", None),
    ]:
        assert [(t, a) for t, a, _ in courses.named_courses(text)] == [(title, acronym)], text
    for text in ("The online course on social insurance was attended by 200 people.",
                 "A training course for Ministry Staff was held in Lima.",
                 "The online course ILO is a resource."):
        assert courses.named_courses(text) == [], text


def test_the_producers_of_a_course_come_from_the_sentence_that_refers_to_it():
    text = ("The MOOC Caring For Workers In All Seasons is a resource. The MOOC was developed in collaboration "
            "with the Alpha Institute and the Beta School of Insurance (BSI) thanks to the support of Norway.")
    assert courses.producers(text, ["MOOC", "course"]) == [("Alpha Institute", None), ("Beta School of Insurance", "BSI")]
    assert courses.producers("The guide was produced in partnership with the Alpha Institute.", ["MOOC", "course"]) == []


# ------------------------------------------------------------------ the tail of a cut sentence

def test_the_tail_glued_after_a_heading_goes_back_to_its_sentence():
    text = _report(
        "1. Outreach", "Learning",
        "The massive open online course (MOOC) Caring For Workers In All Seasons is a resource for officials. "
        "The MOOC, which is available in three languages, was produced",
        "Bulletin",
        "News items appear in the bulletin that has 100 subscribers. Two bulletins were published in 2031. in "
        "partnership with the Alpha Institute and the Beta School of Insurance (BSI) thanks to the support of "
        "Norway. In 2031, the MOOC had 50 participants.",
    )
    doc = parse_report(text)
    course = next(p for p in doc.passages if "Caring For Workers" in p.text)
    bulletin = next(p for p in doc.passages if "News items" in p.text)
    assert course.text.endswith("was produced in partnership with the Alpha Institute and the Beta School of "
                                "Insurance (BSI) thanks to the support of Norway. In 2031, the MOOC had 50 participants.")
    assert bulletin.text.endswith("Two bulletins were published in 2031.")
    kb = gx.run_all(doc, only=BASE)
    pub = next(e for e in kb.entities.values() if e.type == "Publication" and e.label.startswith("Caring"))
    assert pub.attrs["kind"] == courses.KIND
    makers = {kb.entities[f.object].label for f in kb.facts.values() if f.subject == pub.id and f.predicate == "publishedBy"}
    assert makers == {"Alpha Institute", "Beta School of Insurance"}
    assert next(e for e in kb.entities.values() if e.label == "Beta School of Insurance").acronym == "BSI"
    # the backer named after "thanks to the support of" is no partner of the producers
    assert not [f for f in kb.facts.values() if f.subject == "Country:NOR" and f.predicate == "partneredWith"]


def test_a_lowercase_sentence_stays_where_it_is_when_nothing_was_cut():
    text = _report("1. Outreach", "Bulletin", "The first paragraph ends well.",
                   "Two bulletins were published in 2031. in partnership with the Alpha Institute.")
    doc = parse_report(text)
    assert any(p.text.endswith("in partnership with the Alpha Institute.") and "Two bulletins" in p.text
               for p in doc.passages)
    assert split_tail("Ends in 2031. in partnership with A.") == ("Ends in 2031.", "in partnership with A.")
    assert split_tail("See e.g. the annex and i.e. nothing else.") is None


# ------------------------------------------------------------------ an entry that says nothing was done

def test_an_entry_saying_no_activity_took_place_that_year_has_no_undated_activity():
    assert activities.quiet_year("While no formal activities have taken place during the 2031 reporting "
                                 "period, the groundwork continues.", "2030") == "2031"
    assert activities.quiet_year("No new work was carried out in the year.", "2030") == "2030"
    assert activities.quiet_year("The ILO carried out new work in Chile.", "2030") is None
    text = _report(
        "1. Country results", "Americas", "Chile",
        "The ILO has provided technical assistance over the years to constituents in Chile to explore "
        "options for ratification. While no formal activities have taken place during the 2031 reporting "
        "period, the groundwork continues.",
        "Peru",
        "The ILO has provided technical assistance to constituents in Peru to explore options for ratification.",
    )
    kb = gx.run_all(parse_report(text), only=BASE)
    where = {f.object for f in kb.facts.values() if f.predicate == "activityIn"}
    assert eid("Country", "PER") in where and eid("Country", "CHL") not in where


# ------------------------------------------------------------------ projects in a list of evaluations

def test_projects_are_read_from_a_list_of_evaluations():
    from graph.extract.evaluated_projects import evaluated_items

    text = ("Lessons were drawn. In 2031, the following evaluations were conducted on projects in the partner "
            "countries: Building Pension Capacity in Mongolia - Final independent evaluation. Social Insurance "
            "for Fishers: Extending Coverage in Coastal Peru – Mid-term evaluation. Strengthening the Labour "
            "Inspectorate, Chile – Final joint evaluation. Support for the tripartite constituents in Ghana")
    assert evaluated_items(text) == [
        ("Building Pension Capacity in Mongolia", "final independent evaluation"),
        ("Social Insurance for Fishers: Extending Coverage in Coastal Peru", "mid-term evaluation"),
        ("Strengthening the Labour Inspectorate, Chile", "final joint evaluation"),
    ]
    assert evaluated_items("Two evaluations were planned: Pensions in Peru - Final evaluation.") == []
    report = _report("1. Managing for results", "Monitoring and evaluation", text)
    kb = gx.run_all(parse_report(report), only=("structure", "organizations", "schemes"))
    where = {(kb.entities[f.subject].label, f.object) for f in kb.facts.values() if f.predicate == "projectInCountry"}
    assert where == {("Building Pension Capacity in Mongolia", "Country:MNG"),
                     ("Social Insurance for Fishers: Extending Coverage in Coastal Peru", "Country:PER"),
                     ("Strengthening the Labour Inspectorate, Chile", "Country:CHL")}
    assert all(e.attrs.get("evaluation_year") == "2031" for e in kb.of_type("Project"))


# ------------------------------------------------------------------ contributors listed after a count

def test_contributors_counted_then_listed_fund_the_scheme_the_first_sentence_names():
    from graph.extract.named_contributors import listed_contributors

    first = "The Harvest Pension Pilot is funded by voluntary contributions from over 40 international brands and retailers."
    assert listed_contributors(first, "These include Acme Textiles, Borealis Wear, The Cobalt Group and many others.") \
        == (["Acme Textiles", "Borealis Wear", "Cobalt Group"], True)
    assert listed_contributors("The fund is financed by donations from 12 donors.", "Among them are Norway and Chile.") \
        == (["Norway", "Chile"], False)
    assert listed_contributors("The pilot covers 40 brands.", "These include Acme Textiles.") is None
    assert listed_contributors(first, "Coverage grew in 2031.") is None
    text = _report(
        "1. Country results", "Asia and the Pacific", "Mongolia",
        "In 2029, the Herders Injury Scheme (HIS) Pilot was launched in Mongolia for workers in cashmere "
        "processing. Currently, the HIS Pilot covers 40,000 workers, with monthly pensions funded by voluntary "
        "contributions from over 40 international brands and retailers. These include Acme Textiles, Next, "
        "Borealis Wear and many others.",
    )
    kb = gx.run_all(parse_report(text), only=BASE[:6] + ("named_contributors",))
    scheme = next(e for e in kb.entities.values() if e.type == "Scheme" and e.acronym == "HIS")
    funders = {kb.entities[f.object].label: kb.entities[f.object].role for f in kb.facts.values()
               if f.subject == scheme.id and f.predicate == "fundedBy"}
    assert funders == {"Acme Textiles": "private_company", "Borealis Wear": "private_company"}  # "Next" is a word
