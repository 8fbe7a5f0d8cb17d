"""A scheme the extractors found only by its description ("a community-based health insurance
scheme") takes the name its country's entry writes for it, capitalised with an acronym
("Community-Based Health Insurance (AMBC)") - graph.extract.written_forms.add_described_written_forms.
Answers then give the scheme's name and acronym, not the generic description; a question that
uses the description as a kind across countries still reads it as one (app.qa.names.common_names).

Names and sentences are made up, inserted as a country entry of the bundled report, and read by
the extractors: the rule is about the shape of the wording, not this report's names.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract.written_forms import _capitalised
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")
ONLY = ("structure", "organizations", "funding", "instruments", "initiatives", "schemes")


def _kb(entry: str):
    anchor = "Financing support: Japan. Visit our <u>country page</u>.\n\n"
    i = SOURCE.index(anchor) + len(anchor)
    return gx.run_all(parse_report(SOURCE[:i] + entry + SOURCE[i:]), only=ONLY)


_ENTRY = ("Mongolia\n\n"
          "In 2031, the Ministry of Herding established a employment injury insurance scheme in two provinces, "
          "reaching 900 herders.\n\n"
          "The Ministry of Herding also set up, with support from the ILO, the Employment Injury Insurance (EIIX) "
          "in Arkhangai, which has already enrolled 900 herders.\n\n"
          "Financing support: Japan. Visit our country page.\n\n")


@pytest.fixture(scope="module")
def entry_kb():
    return _kb(_ENTRY)


def _mongolian(kb):
    return [e for e in kb.of_type("Scheme") if e.attrs.get("country") == "MNG"]


def test_the_described_scheme_takes_its_written_name_and_acronym(entry_kb):
    found = [e for e in _mongolian(entry_kb) if e.acronym == "EIIX"]
    assert found, [(e.label, e.acronym) for e in _mongolian(entry_kb)]
    assert found[0].label == "Employment Injury Insurance"
    assert "employment injury insurance scheme" in found[0].alt_labels  # the description still links to it


def test_without_a_capitalised_form_the_description_stays(entry_kb):
    kb = _kb(_ENTRY.replace("the Employment Injury Insurance (EIIX)", "the employment injury insurance (EIIX)"))
    assert not [e for e in _mongolian(kb) if e.label == "Employment Injury Insurance"]


def test_a_name_that_goes_on_into_a_law_is_not_the_schemes():
    kb = _kb(_ENTRY.replace("the Employment Injury Insurance (EIIX) in", "the Employment Injury Insurance (EIIX) Act in"))
    assert not [e for e in _mongolian(kb) if e.acronym == "EIIX" and e.attrs.get("described")]


@pytest.mark.parametrize("form, ok", [("Community-Based Health Insurance", True),
                                      ("community-based Health Insurance", False),
                                      ("Employment Injury insurance", False)])
def test_capitalised_means_every_long_word(form, ok):
    assert _capitalised(form) is ok


class _K:
    def __init__(self, ents):
        self._e = ents

    def entity(self, eid):
        return self._e.get(eid)


def test_a_described_scheme_named_later_is_still_a_kind_to_the_engine():
    from app.qa.names.common_names import common_named

    k = _K({"Scheme:a": {"type": "Scheme", "label": "Employment Injury Insurance", "acronym": "EIIX",
                         "alt_labels": ["employment injury insurance scheme", "EIIX"], "attrs": {"described": True}},
            "Scheme:b": {"type": "Scheme", "label": "old-age pension scheme", "acronym": "JPX",
                         "alt_labels": ["JPX"], "attrs": {}},
            "Scheme:c": {"type": "Scheme", "label": "pension reform", "acronym": None, "alt_labels": [],
                         "attrs": {"described": True}}})
    assert common_named(k, "Scheme:a")       # "employment injury insurance countries" is a kind across countries
    assert not common_named(k, "Scheme:b")   # an acronym-named description is a proper name
    assert common_named(k, "Scheme:c")


def test_the_real_build_names_a_described_scheme_so(engine):
    """On the bundled report: some described scheme took a capitalised name with an acronym, and a
    question naming it by its country and its entry's words answers that name."""
    named = [e for e in engine.k.entities.values() if e["type"] == "Scheme" and (e.get("attrs") or {}).get("described")
             and e.get("acronym") and e["label"] != e["label"].lower()]
    assert named
    from graph import countries

    for e in named:
        c = countries.display_name(e["attrs"]["country"])
        description = next(n for n in e["alt_labels"] if n == n.lower() and " " in n)
        got = engine.ask(f"What is the name of the {description} in {c}?")
        assert got["answers"] and got["answers"][0]["label"].startswith(e["label"]), (description, got["answers"])
