"""Facts the graph lacked because of how the report words them (round 12): a programme name with a
version mark and a "pilot" before its head ("the Estidama++ pilot programme"), a safety net named
with an acronym, an institution in apposition to its role ("X (ACR), administrative entity of the
Y"), joining an initiative worded as a change of state ("became part of"), and a status verb whose
object is a study of the scheme, not the scheme ("completed the actuarial valuation of the X").

Names and sentences are made up, inserted as a country entry of the bundled report, and read by the
extractors: the rules are about the shape of the wording, not this report's names.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract import milestones, schemes
from graph.kb import eid
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")
ONLY = ("structure", "organizations", "funding", "instruments", "initiatives", "schemes")
GA = "Initiative:global-accelerator"


def _with_entry(body: str, only: tuple[str, ...] = ONLY):
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    i = SOURCE.index(anchor) + len(anchor)
    entry = f"Mongolia\n\n{body}\n\nFinancing support: Japan. Visit our country page.\n\n"
    return gx.run_all(parse_report(SOURCE[:i] + entry + SOURCE[i:]), only=only)


@pytest.fixture(scope="module")
def entry_kb():
    return _with_entry(
        "The Ministry closed registrations for the donor-supported Malchin+ pilot programme in 2031. "
        "A new project will give the Herder Safety Net (HSN) a digital facelift, while safety nets remain "
        "fragmented. The ILO trained representatives of the National Herders Fund (NHF), administrative "
        "entity of the Special Regime of Herders and Nomads (SRHN), which workshops promoted. In 2031, the "
        "ILO completed the actuarial valuation of the Steppe Pension Scheme (SPS) of the national institute. "
        "In May 2031, Mongolia formally became part of the UN Global Accelerator on Jobs and Social "
        "Protection for Just Transitions, as confirmed by the Ministry.")


def _schemes(kb):
    return {e.label: e for e in kb.of_type("Scheme") if e.attrs.get("country") == "MNG"}


def test_a_marked_name_before_pilot_programme_is_a_scheme(entry_kb):
    assert "Malchin+ programme" in _schemes(entry_kb)


@pytest.mark.parametrize("sentence, names", [
    ("the donor-supported Kuvuka++ pilot programme closed", ["Kuvuka"]),
    ("following the Kuvuka programme, a pilot", ["Kuvuka"]),
    ("a pilot programme was launched", []),
])
def test_lower_case_heads_after_a_name(sentence, names):
    assert [m.group("name") for m in schemes.LOWER_NAME.finditer(sentence)] == names


def test_a_safety_net_is_a_scheme_only_when_named_with_an_acronym(entry_kb):
    found = _schemes(entry_kb)
    assert found["Herder Safety Net"].acronym == "HSN"
    assert not [label for label in found if label.lower().startswith("safety net")]
    # without an acronym "X Safety Net" is not taken as a scheme's name
    kb = _with_entry("A project will give the Herder Safety Net a digital facelift.")
    assert "Herder Safety Net" not in _schemes(kb)


def test_an_institution_in_apposition_to_its_role_administers_the_scheme(entry_kb):
    srhn = _schemes(entry_kb)["Special Regime of Herders and Nomads"]
    admins = {entry_kb.entities[f.object].label for f in entry_kb.facts_where(subject=srhn.id, predicate="administeredBy")}
    assert admins == {"National Herders Fund"}


def test_a_completed_study_of_a_scheme_is_not_the_scheme_completed(entry_kb):
    sps = _schemes(entry_kb)["Steppe Pension Scheme"]
    assert sps.attrs.get("status") not in ("finalized", "completed")


@pytest.mark.parametrize("sentence, name, expected", [
    ("In 2031, the ILO completed the actuarial valuation of the Steppe Pension Scheme.", "Steppe Pension Scheme", None),
    ("The Ministry completed an assessment of the Herder Grant in 2031.", "Herder Grant", None),
    ("In 2031, the Ministry launched the Herder Grant.", "Herder Grant", "launched"),
])
def test_status_verbs_and_studies_between(sentence, name, expected):
    st = sentence.index(name)
    status = milestones.status_event(sentence, st, st + len(name), finite_only=True)[0]
    assert status == expected


@pytest.mark.parametrize("verb", ["formally became part of", "became a member of", "officially joined"])
def test_joining_worded_as_a_change_of_state(verb):
    kb = _with_entry(f"In May 2031, Mongolia {verb} the UN Global Accelerator on Jobs and Social Protection "
                     "for Just Transitions, as confirmed by the Ministry.")
    fact = kb.facts.get((eid("Country", "MNG"), "memberOf", GA))
    assert fact is not None and fact.attrs.get("year") == "2031"


def test_joining_reported_by_a_gerund():
    # "took a step ... by officially joining <I>, with ... in September 2031": the act, dated
    kb = _with_entry("Finally, Mongolia, with the support of the ILO, took another important step, by officially "
                     "joining the Global Accelerator on Jobs and Social Protection, with the Government's endorsement "
                     "of the country's national roadmap in September 2031.")
    fact = kb.facts.get((eid("Country", "MNG"), "memberOf", GA))
    assert fact is not None and fact.attrs.get("year") == "2031"


def test_joining_only_discussed_is_no_membership():
    kb = _with_entry("In 2031, Mongolia held discussions on joining the UN Global Accelerator on Jobs and Social "
                     "Protection for Just Transitions.")
    fact = kb.facts.get((eid("Country", "MNG"), "memberOf", GA))
    assert fact is None or fact.attrs.get("role") != "member"



@pytest.fixture(scope="module")
def entry_kb2():
    return _with_entry(
        "In 2031, the ILO supported the operationalization of the Steppe Herders Scheme (SHS), activating 12 "
        "regional units. The Herder Insurance Scheme (HIS), launched in collaboration with the SHS, has since "
        "concluded agreements with 212 clinics. The Government renewed "
        "the Steppe Recovery and Resilience (SRR) Programme, of which a second phase runs until 2033. "
        "The reimbursement rate was revised through the adoption of Decree 517/MOL/ 2031.",
        only=ONLY + ("quantities",))


def test_an_acronym_between_a_name_and_its_head(entry_kb2):
    srr = _schemes(entry_kb2)["Steppe Recovery and Resilience Programme"]
    assert srr.acronym == "SRR" and "SRR" in srr.alt_labels


def test_a_participial_aside_does_not_take_the_subjects_figure(entry_kb2):
    owners = {entry_kb2.entities[f.subject].label: entry_kb2.entities[f.object].attrs.get("value")
              for f in entry_kb2.facts_where(predicate="hasQuantity")
              if entry_kb2.entities[f.object].attrs.get("value") == "212"}
    assert owners == {"Herder Insurance Scheme": "212"}


def test_a_partner_after_launched_with_is_not_launched(entry_kb2):
    assert _schemes(entry_kb2)["Steppe Herders Scheme"].attrs.get("status") != "launched"


def test_a_decree_with_a_coded_number(entry_kb2):
    laws = {e.label for e in entry_kb2.of_type("LegalInstrument") if e.attrs.get("country") == "MNG"}
    assert "Decree 517/MOL/2031" in laws


@pytest.mark.parametrize("text", ["Decree 12/MOF/2030 set the rate", "Act 7/2029 was passed", "Decree No. 44 of 2030"])
def test_numbered_instrument_shapes(text):
    from graph.extract.instruments import LAW_NO
    assert LAW_NO.search(text)


@pytest.mark.parametrize("text", ["in Decree 2030 terms", "the Law 12 of the code"])
def test_a_bare_number_is_not_a_numbered_instrument(text):
    from graph.extract.instruments import LAW_NO
    assert not LAW_NO.search(text)
