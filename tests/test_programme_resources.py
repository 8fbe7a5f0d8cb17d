"""Who provided a programme's resources, read from its resource-mobilisation section
(graph/extract/programme_resources.py).  "Who funds the Flagship Programme?" had no graph answer:
the programme's funders are named only in that section, never on a financing line.

Checked three ways: the list reader on made-up sentences; the bundled report, where every funder
the extractor gives the programme is named in its evidence sentence, and the engine's answer is
that set; and an altered report whose section names other funders (the rules read the wording's
shape, not this report's names)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import graph.extract as gx
from graph.extract.programme_resources import FROM_SHARE, PROVIDED, funders_named
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")


@pytest.mark.parametrize("sentence, rx, want", [
    ("The largest share of resources received for new projects in 2031 were provided by the World Bank (40 per cent) "
     "(see Figure 7), including for new projects in Chad.", PROVIDED, ["the World Bank"]),
    ("Over 9 per cent of resources were provided by bilateral partners, including Japan through a new project on "
     "pensions and by Norway for a new global project.", PROVIDED, ["Japan", "Norway"]),
    ("Meanwhile, allocations from the Joint Fund for Work (JFW) represented the next largest share of resources "
     "received (30 per cent).", FROM_SHARE, ["the Joint Fund for Work (JFW)"]),
])
def test_the_funders_a_sentence_names(sentence, rx, want):
    m = rx.search(sentence)
    assert m is not None
    assert funders_named(m.group("list")) == want


def test_a_sentence_without_a_provider_gives_nothing():
    assert PROVIDED.search("Resources for new projects were allocated across 14 countries.") is None
    assert FROM_SHARE.search("Contributions from partners are welcome.") is None


def test_the_programme_funders_of_the_bundled_report(engine):
    k = engine.k
    programme = next(e["id"] for e in k.entities.values() if e["type"] == "Initiative" and e["label"] == "Flagship Programme")
    facts = [f for f in k.facts_where(subject=programme, predicate="fundedBy")]
    assert len(facts) >= 3
    for f in facts:  # each funder is named in the sentence the fact cites, a sentence of money provided
        said = (f.get("attrs") or {}).get("sentence") or ""
        assert PROVIDED.search(said) or FROM_SHARE.search(said), said
        names = [re.sub(r"^the\s+", "", n) for n in k.names(f["object"]) if len(n) > 2]
        assert any(n.lower() in said.lower() for n in names), (f["object"], said[:200])
    got = {a["label"] for a in engine.ask("Who funds the Flagship Programme?")["answers"]}
    assert got == {k.label(f["object"]) for f in facts}


@pytest.fixture(scope="module")
def altered_kb():
    """The bundled report with its resource-mobilisation section's funders replaced by others."""
    start = SOURCE.index("3.4 Resource mobilization\n")
    end = SOURCE.index("4. Conclusion", start)
    section = ("3.4 Resource mobilization\n\n"
               "An additional US$5 million in resources were mobilized and received for the Flagship Programme "
               "across 9 new development cooperation projects begun in 2031.\n\n"
               "The largest share of resources received for new projects in 2031 were provided by the Asian "
               "Development Bank (61 per cent). Over 20 per cent of resources received for new projects were "
               "provided by bilateral partners, including Japan through a new project on pensions and by "
               "Canada for a new global project.\n\n")
    return gx.run_all(parse_report(SOURCE[:start] + section + SOURCE[end:]))


def test_an_altered_section_names_its_own_funders(altered_kb):
    programme = next(e.id for e in altered_kb.of_type("Initiative") if e.label == "Flagship Programme")
    funders = {f.object for f in altered_kb.facts.values() if f.subject == programme and f.predicate == "fundedBy"}
    labels = {altered_kb.entities[i].label for i in funders}
    assert {"Organization:gov-JPN", "Organization:gov-CAN"} <= funders
    assert any(re.search(r"Asian Development Bank", lab) for lab in labels)
    assert "Organization:eu" not in funders  # the original section's funders are gone with it


def test_a_financing_network_is_a_kind_of_body_not_a_funding(engine):
    """Once a country funds the programme, 'Which health financing network counts the Swiss among
    its members?' must still ask for a membership ('financing' heads a compound with 'network')."""
    k = engine.k
    member_of = {k.label(f["object"]) for f in k.facts_where(subject="Country:CHE", predicate="memberOf")} | \
        {k.label(f["object"]) for f in k.facts_where(subject="Organization:gov-CHE", predicate="memberOf")}
    assert member_of
    got = {a["label"] for a in engine.ask("Which health financing network counts the Swiss among its members?")["answers"]}
    assert got and got <= member_of
