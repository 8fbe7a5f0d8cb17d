"""Questions the metamorphic probe changed by dropping articles or capitals and the question mark
(pool offsets 6500-6899): the answer must not depend on them.
- "who foots bill for ILO in cabo verde": the idiom was read only with "the bill".
- "what share of ... went to activities in the arab states region": lower case with no question
  mark read the closing "region" as the asked kind (a list of regions), not the linked region's name."""
from __future__ import annotations

import pytest


def _labels(got: dict) -> list[str]:
    return sorted(a["label"] for a in got["answers"])


@pytest.mark.parametrize("question", ["who foots bill for ILO in cabo verde", "who picks up tab for the ILO in Cabo Verde"])
def test_paying_idioms_without_articles(engine, question):
    k = engine.k
    want = sorted(k.label(f["object"]) for f in k.facts_where(subject="Country:CPV", predicate="fundedBy"))
    assert want
    assert _labels(engine.ask(question)) == want


def test_a_closing_region_word_belongs_to_the_linked_region(engine):
    plain = engine.ask("What share of new 2024 project allocations went to activities in the Arab States region?")
    assert plain["answer_type"] == "Number" and plain["answers"]
    flat = engine.ask("what share of new 2024 project allocations went to activities in the arab states region")
    assert flat["answer_type"] == "Number"
    assert _labels(flat) == _labels(plain)


def test_a_division_asked_after_a_demonym_is_still_asked(engine):
    """The closing-word rule leaves "which indian state" alone: the same state as the full question."""
    full = engine.ask("Which Indian state is working on a social security bill for platform-based gig workers?")
    assert full["answers"] and all(a.get("type") != "Country" for a in full["answers"])
    assert _labels(engine.ask("gig workers bill which indian state")) == _labels(full)


def test_a_year_modifying_a_noun_is_no_strict_bound(engine):
    """'after 2021 ratification campaign was launched' (article dropped): the year dates the
    campaign, so 2021's ratifications count, as with 'after the 2021 ratification campaign'."""
    with_article = engine.ask("Which countries both ratified Convention No. 102 after the 2021 ratification campaign "
                              "was launched and joined the Global Accelerator as pathfinder countries?")
    assert with_article["answers"]
    without = engine.ask("Which countries both ratified Convention No. 102 after 2021 ratification campaign "
                         "was launched and joined Global Accelerator as pathfinder countries?")
    assert _labels(without) == _labels(with_article)
    strict = _labels(engine.ask("Which countries ratified Convention No. 102 after 2021?"))
    assert strict and not set(_labels(with_article)) & set(strict), "'after 2021' alone still leaves 2021 out"
