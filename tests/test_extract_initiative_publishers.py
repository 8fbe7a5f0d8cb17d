"""Publications an initiative, network or working group published (``publishedBy`` -> Initiative,
graph/extract/initiative_publishers.py): read from made-up sentences with made-up initiatives, and
checked on the bundled report's graph (only where no organisation published the piece)."""
from __future__ import annotations

from pathlib import Path

import pytest

import graph.extract as gx
from graph.parse import parse_report

REPORT = Path(__file__).resolve().parent.parent / "data/corpus/ilo-spf-flagship-annual-report-2024.md"


@pytest.fixture(scope="module")
def base_kb():
    return gx.run_all(parse_report(REPORT.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def initiative_names():
    from graph.extract.named import NameIndex
    from graph.kb import KnowledgeBase

    kb = KnowledgeBase()
    kb.add_entity("Initiative", "herders-network", "Herders Protection Network", alt_labels=["HPN"], acronym="HPN")
    kb.add_entity("Initiative", "wg-pastures", "HPN Working Group on Pastures")
    return NameIndex(kb, ("Initiative",))


@pytest.mark.parametrize("sentence, title, heading, expected", [
    # named before the verb
    ("The HPN herders working group launched its Guidance Note: Grazing Rights for All.",
     "Grazing Rights for All", None, "Initiative:herders-network"),
    # pointing back to the body the heading names
    ("To this end, the group also developed a policy brief on pasture insurance.",
     "Policy brief on pasture insurance", "Initiative:wg-pastures", "Initiative:wg-pastures"),
    ("Most importantly, a joint note on winter grazing was published ahead of the summit.",
     "Note on winter grazing", "Initiative:wg-pastures", "Initiative:wg-pastures"),
    # the owner in the title
    ("The first progress report of the Herders Protection Network was presented in May.",
     "Progress report of the Herders Protection Network", None, "Initiative:herders-network"),
    # an agent that is no initiative, or nothing pointing back: no publisher is guessed
    ("The note on winter grazing was published by the ministry.", "Note on winter grazing",
     "Initiative:wg-pastures", None),
    ("The ministry developed a policy brief on pasture insurance.", "Policy brief on pasture insurance",
     "Initiative:wg-pastures", None),
])
def test_the_initiative_that_published_a_piece_is_read_from_the_wording(initiative_names, sentence, title,
                                                                         heading, expected):
    from graph.extract.initiative_publishers import publisher

    assert publisher(sentence, title, heading, initiative_names) == expected


def test_initiative_publishers_are_initiatives_and_never_replace_an_organisation(base_kb):
    published = base_kb.facts_where(predicate="publishedBy")
    by_pub: dict = {}
    for f in published:
        by_pub.setdefault(f.subject, set()).add(base_kb.entities[f.object].type)
    assert {t for ts in by_pub.values() for t in ts} <= {"Organization", "Initiative"}
    assert "Initiative" in {t for ts in by_pub.values() for t in ts}
    assert not [p for p, ts in by_pub.items() if len(ts) > 1]  # an initiative only where no organisation
