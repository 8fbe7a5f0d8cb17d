"""Facts the extractors missed by kind of wording (round 14), each read from made-up sentences:

* a sentence's topic told by a benefit's name ("the ILO/XYZ (Employment Injury Insurance) model")
  while an institution's name says nothing ("the Ministry of Agriculture and Rural Development");
* an act's status told by a noun whose object is the act ("through the Adoption of Decree 55");
* an act described without a name in a summary bullet about one country ("the adoption of the
  Government's decree on contribution rates for the X Scheme (XS)"), unless the country already
  has a named act of that kind (the bullet retells it);
* an institution defined by a name in brackets made of two words run together ("(HerdCare)");
* an acronym of another country's national body written in a country's sentence is not that body.

(Tried and dropped: a "... Mutual of ... (ACR)" health mutual as a scheme - as a named scheme it took
over its sentence's figures from the country, and a hand-judged statement "<country> has figure
..." was no longer produced, tests/test_statement_precision.py.)

Names and sentences are made up and inserted into the bundled report (a country entry, a summary
bullet), so the rules are checked on the shape of the wording, not on this report's names.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract import milestones
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")


@pytest.mark.parametrize("sentence, topic", [
    ("Staff were trained in the use of the ILO/XYZ (Employment Injury Insurance) model.", "employment injury"),
    ("The ILO supported the Grand Duchy Disability Allowance delivered to 5,000 people.", "disability"),
    ("Managers of the workers' compensation scheme were trained on actuarial methods.", "employment injury"),
    ("Inspectors learnt how workers compensation claims are handled.", "employment injury"),
])
def test_a_benefit_name_or_a_plain_term_tells_the_topic(sentence, topic):
    assert topic in milestones.topics(sentence)


@pytest.mark.parametrize("sentence", [
    "The Ministry of Agriculture and Rural Development convened the partners.",
    "The Department of Gender and Children Affairs hosted the meeting.",
])
def test_an_institution_name_tells_no_topic(sentence):
    assert milestones.topics(sentence) == []


@pytest.mark.parametrize("sentence, name, status", [
    ("With ILO support, the country revised its co-payments through the Adoption of Decree 55/ABC/ 2031.",
     "Decree 55/ABC/ 2031", "adopted"),
    ("The approval of the Herders Pension Law was a milestone.", "Herders Pension Law", "approved"),
    ("The enactment of the Carers Allowance Act followed.", "Carers Allowance Act", "enacted"),
    ("The expected adoption of the Herders Pension Law will extend coverage.", "Herders Pension Law", "planned"),
    # a noun that is not a legal act's, or that does not take the name as its object, says nothing
    ("Establishment of Herders Benefit Fund in the Steppes: Towards Coverage for All", "Herders Benefit Fund", None),
    ("The adoption process around the Herders Pension Law is slow.", "Herders Pension Law", None),
])
def test_a_legal_act_noun_before_the_name_gives_its_status(sentence, name, status):
    start = sentence.index(name)
    assert milestones.status_event(sentence, start, start + len(name), finite_only=True)[0] == status


def _foreign_acronym(kb) -> tuple[str, str]:
    """An acronym of a national body of some country the graph holds (picked from the build)."""
    for e in sorted(kb.of_type("Organization"), key=lambda e: e.key):
        if e.role == "national_institution" and e.acronym and e.attrs.get("country") not in (None, "MNG") \
                and re.fullmatch(r"[A-Z]{2,5}", e.acronym):
            return e.acronym, e.id
    raise AssertionError("no national body with an acronym in the graph")


@pytest.fixture(scope="module")
def base_kb():
    return gx.run_all(parse_report(SOURCE))


@pytest.fixture(scope="module")
def altered(base_kb):
    acronym, foreign = _foreign_acronym(base_kb)
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    entry = ("Mongolia\n\n"
             "In 2031, the National Social Mutual of Herders (NHMS) expanded its membership to 3,000 herders. "
             "The ILO supported the Mongolian Herder Insurance Corporation (HerdCare) in registering workers. "
             f"With ILO support, Mongolia revised its co-payments in 2031 through the Adoption of Resolution 55/{acronym}/ 2031. "
             "In 2031, Mongolia passed the Herders Pension Act.\n\n"
             "Financing support: Japan. Visit our country page.\n\n")
    i = SOURCE.index(anchor) + len(anchor)
    text = SOURCE[:i] + entry + SOURCE[i:]
    # two summary bullets outside any entry: an unnamed decree, and an unnamed law the entry names
    bullet = re.search(r"^- In \*\*[^*]+\*\*, .*$", text, re.M)
    assert bullet, "no summary bullet about one country in the report"
    bullets = ("\n- In **Mongolia**, the adoption of the Government's decree on herder contribution rates for "
               "the Steppe Herders Pension Scheme (SHPS) led to the affiliation of 4,000 people.\n"
               "- In **Mongolia**, adoption of a new law increasing the protection of herders introduced a pension.\n")
    text = text[:bullet.end()] + bullets + text[bullet.end():]
    return gx.run_all(parse_report(text)), foreign


def _of_mng(kb, type_: str) -> list:
    return [e for e in kb.of_type(type_) if e.attrs.get("country") == "MNG"]


def test_a_run_together_name_in_brackets_defines_an_institution(altered):
    kb, _ = altered
    found = [e for e in kb.of_type("Organization") if "HerdCare" in [e.acronym, *e.alt_labels]]
    assert found and found[0].label == "Mongolian Herder Insurance Corporation"
    assert found[0].attrs.get("country") == "MNG"


def test_the_adopted_resolution_has_its_status_and_no_foreign_body(altered):
    kb, foreign = altered
    decree = [e for e in _of_mng(kb, "LegalInstrument") if e.label.startswith("Resolution 55/")]
    assert decree and decree[0].attrs.get("status") == "adopted"
    acts = [f.subject for f in kb.facts_where(obj=decree[0].id, predicate="activityConcerns")]
    assert acts
    for a in acts:
        assert not kb.facts_where(subject=a, predicate="activityInvolved", obj=foreign)


def test_an_unnamed_decree_in_a_summary_bullet_is_held_but_a_retold_named_law_is_not(altered, base_kb):
    kb, _ = altered
    decrees = [e for e in _of_mng(kb, "LegalInstrument") if e.label.lower().startswith("decree on herder")]
    assert decrees, sorted(e.label for e in _of_mng(kb, "LegalInstrument"))
    # its label stops before the scheme it is for, and that scheme keeps its own name
    assert decrees[0].label == "Decree on herder contribution rates" and decrees[0].attrs.get("status") == "adopted"
    assert [e for e in _of_mng(kb, "Scheme") if e.acronym == "SHPS"]
    laws = [e for e in _of_mng(kb, "LegalInstrument") if milestones.measure_kind(e.label) == "law"]
    assert [e.label for e in laws] == ["Herders Pension Act"]
    # nothing of the kind was added for the report's own countries
    base = {e.id for e in base_kb.of_type("LegalInstrument")}
    assert {e.id for e in kb.of_type("LegalInstrument") if e.attrs.get("country") != "MNG"} == base

