"""Facts the report states in running text that the graph lacked (round 18): bodies named with a
head word "Mutual"/"Unit" or only by an acronym after a lower-case description, the governments a
sentence names as an event's organisers, and who put up an amount of money for a scheme.

Names and sentences are made up, inserted as a country entry of the bundled report, and read by
the extractors: the rules are about the shape of the wording, not this report's names.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract import organizations
from graph.extract.amount_contributors import CONTRIBUTED, contributor_list
from graph.extract.event_organisers import organiser_countries
from graph.extract.project_funders import funder_list
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")


@pytest.mark.parametrize("sentence, name, acronym", [
    ("In 2031, the National Mutual of Fishers (NMF) opened offices.", "National Mutual of Fishers", "NMF"),
    ("The ILO worked with the Pension Reform Unit (PRU) in the province.", "Pension Reform Unit", "PRU"),
])
def test_a_mutual_or_a_unit_named_with_its_acronym_is_a_body(sentence, name, acronym):
    assert (name, acronym) in [(n, a) for _s, _e, n, a, _i in organizations.inline_definitions(sentence)]


def test_a_body_named_by_acronym_after_a_description():
    found = organizations.described_bodies("support to the country's pension insurance fund (PIFX) and to the agency (AB)")
    assert [(acr, desc) for _s, _e, acr, desc, _i in found] == [("PIFX", "pension insurance fund")]
    # a bare kind word with no description names no body
    assert organizations.described_bodies("reporting to the agency (AB) monthly") == []


def test_organiser_countries_are_read_after_the_cue_and_stop_at_the_list_end():
    s = "Delegates joined a seminar co-organised by the ILO, the Government of Japan and France on pensions held in Kenya."
    assert organiser_countries(s, "KEN") == ["JPN", "FRA"]
    assert organiser_countries("The event was hosted by the ministry in Kenya with Japan.", "KEN") == []


def test_the_contributors_of_an_amount_end_after_their_and_item():
    s = ("With €5 million secured through contributions from the World Bank, Norway, and Japan, the Ministry "
         "introduced the Child Grant.")
    m = CONTRIBUTED.search(s)
    assert m.group("amount") == "€5 million"
    assert funder_list(contributor_list(m.group("list"))) == ["World Bank", "Norway", "Japan"]
    m = CONTRIBUTED.search("US$2 million was raised with funding from the Government of Japan to pilot the grant.")
    assert funder_list(contributor_list(m.group("list"))) == ["Government of Japan"]


@pytest.fixture(scope="module")
def entry_kb():
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    entry = ("Mongolia\n\n"
             "In 2031, with ILO's technical support and €9 million secured through contributions from Norway "
             "and Sweden, the Ministry of Labour introduced the Herder Child Allowance (HCA) for families. "
             "The National Mutual of Herders (NMH) expanded its membership. "
             "Officials attended a training workshop organized by the ILO and the Republic of Korea on "
             "pensions held in Ulaanbaatar in May 2031.\n\n"
             "Financing support: Japan. Visit our country page.\n\n")
    i = SOURCE.index(anchor) + len(anchor)
    return gx.run_all(parse_report(SOURCE[:i] + entry + SOURCE[i:]))


def _facts(kb, subject, predicate):
    return {f.object for f in kb.facts.values() if f.subject == subject and f.predicate == predicate}


def test_the_amount_funds_the_scheme_and_not_the_country(entry_kb):
    grant = next(e for e in entry_kb.of_type("Scheme") if e.acronym == "HCA")
    assert _facts(entry_kb, grant.id, "fundedBy") == {"Organization:gov-NOR", "Organization:gov-SWE"}
    # the entry's financing line still alone says who funds the work in the country
    assert _facts(entry_kb, "Country:MNG", "fundedBy") == {"Organization:gov-JPN"}


def test_the_mutual_is_a_national_institution_of_the_entry(entry_kb):
    mutual = next(e for e in entry_kb.of_type("Organization") if e.acronym == "NMH")
    assert mutual.label == "National Mutual of Herders" and mutual.attrs.get("country") == "MNG"
    assert "Country:MNG" in _facts(entry_kb, mutual.id, "institutionOf")


def test_the_organising_government_took_part_in_the_workshop(entry_kb):
    acts = [e for e in entry_kb.of_type("Activity") if e.attrs.get("country") == "MNG"
            and "workshop" in (e.attrs.get("sentence") or "")]
    assert acts
    involved = set().union(*(_facts(entry_kb, a.id, "activityInvolved") for a in acts))
    assert {"Organization:ilo", "Organization:gov-KOR"} <= involved

