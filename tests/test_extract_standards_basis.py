"""guidedBy: what a country's work, a programme, a scheme or a national law follows among the ILO
standards ("in line with Convention No. 102 and Recommendation No. 202", "anchored in ...").

Made-up sentences are inserted into the bundled report as a country entry and as a cut sentence
(a page break between its halves), then read by the real extractors: the rules are about the shape
of the wording, not this report's names.  The last test reads the report itself: every statement
carries a sentence that names its standard after a cue.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract import standards_basis
from graph.extract.instruments import instrument_mentions
from graph.kb import eid
from graph.parse import parse_report
from graph.relations import REGISTRY

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")
ONLY = ("structure", "organizations", "funding", "instruments", "initiatives", "schemes")


def _kb(text: str):
    doc = parse_report(text)
    kb = gx.run_all(doc, only=ONLY)
    standards_basis.extract(doc, kb)
    return kb


def test_the_relation_is_declared_with_its_extractor():
    r = REGISTRY["guidedBy"]
    assert r.range == ("LegalInstrument",) and "Country" in r.domain and "Initiative" in r.domain
    assert r.extractor is not None


@pytest.mark.parametrize("sentence, keys", [
    ("The ILO helped Ruritania in line with Convention No. 102 (ratified in 2031) and Recommendation No. 202.",
     ["c102", "r202"]),
    ("The reform is aligned with the principles and benchmarks established by ILO social security standards, "
     "including Convention No. 128.", ["c128"]),
    ("The pilot works in line with ILO Employment Injury Benefits Convention, 1964 [Schedule I amended in 1980] (No. 121).",
     ["c121"]),
])
def test_the_standards_a_cue_introduces_are_read(sentence, keys):
    cue = standards_basis.CUE.search(sentence)
    assert [k for _s, _e, k in standards_basis._standards_after(sentence, cue.end())] == keys


def test_a_standard_after_the_clause_or_far_from_the_cue_is_not_taken():
    s = ("The study was based on household data; Convention No. 102 was discussed separately.")
    cue = standards_basis.CUE.search(s)
    assert standards_basis._standards_after(s, cue.end()) == []


@pytest.fixture(scope="module")
def entry_kb():
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    entry = ("Mongolia\n\n"
             "In 2031, the ILO supported the Herder Pension Scheme (HPS) in line with Convention No. 128 "
             "(ratified in 2030) and Recommendation No. 202. The ILO is assessing how the country's system "
             "aligns with Convention No. 168. The reform was based on a household survey.\n\n"
             "Financing support: Japan. Visit our country page.\n\n")
    i = SOURCE.index(anchor) + len(anchor)
    return _kb(SOURCE[:i] + entry + SOURCE[i:])


def test_a_country_entry_sentence_links_the_country_and_the_scheme_it_names(entry_kb):
    got = {(f.subject, f.object) for f in entry_kb.facts.values() if f.predicate == "guidedBy"}
    mng = eid("Country", "MNG")
    assert (mng, eid("LegalInstrument", "c128")) in got and (mng, eid("LegalInstrument", "r202")) in got
    schemes = [e.id for e in entry_kb.of_type("Scheme") if e.acronym == "HPS"]
    assert schemes and (schemes[0], eid("LegalInstrument", "c128")) in got


def test_an_alignment_assessment_is_not_guidance(entry_kb):
    assert not [f for f in entry_kb.facts.values() if f.predicate == "guidedBy" and f.object == eid("LegalInstrument", "c168")]


def test_a_sentence_cut_by_a_page_break_is_read_whole():
    """'Anchored in ... Recommendation, 1944 (No. 67) and the ILO Medical' | a heading and a
    paragraph | 'Care and Sickness Benefits Convention, 1969 (No. 130), the <initiative> is guided
    by ...': both standards guide the initiative, and both passages are the evidence."""
    init = next(e for e in gx.run_all(parse_report(SOURCE), only=ONLY).of_type("Initiative") if e.acronym)
    text = ("Anchored in international standards, in particular the ILO Income Security Recommendation, 1944 "
            "(No. 67) and the ILO Medical\n\n"
            "1.9 An interlude\n\n"
            "Step 1. Something else\n\n"
            f"Care and Sickness Benefits Convention, 1969 (No. 130), the {init.acronym} strategy is guided by "
            "a two-pillar approach.\n\n")
    i = SOURCE.rindex("Pillar 2: Thematic support")  # the chapter's heading, not the contents table's row
    kb = _kb(SOURCE[:i] + text + SOURCE[i:])
    facts = [f for f in kb.facts.values() if f.predicate == "guidedBy" and f.subject == init.id]
    assert {f.object for f in facts} >= {eid("LegalInstrument", "r67"), eid("LegalInstrument", "c130")}
    assert all(len(f.passages) == 2 for f in facts if f.object in (eid("LegalInstrument", "r67"),
                                                                   eid("LegalInstrument", "c130")))


def test_every_statement_in_the_report_has_its_cue_and_standard_in_its_sentence():
    kb = gx.run_all(parse_report(SOURCE))
    facts = [f for f in kb.facts.values() if f.predicate == "guidedBy"]
    assert len(facts) >= 5
    for f in facts:
        sent = f.attrs["sentence"]
        cue = standards_basis.CUE.search(sent)
        assert cue, sent
        num = int(re.sub(r"\D", "", f.object.split(":")[1]))
        assert any(n == num and st > cue.start() for st, _e, _k, n in instrument_mentions(sent)), sent
