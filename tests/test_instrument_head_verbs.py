"""A publication kind word that is the verb after an ILO instrument noun ("which recommendation
guides ...", "what convention reports ...") asks for the instrument, not a guide or a report
(app/qa/topics/spans.py breaks the asked phrase at an instrument noun; app/qa/things/titles.py reads no kind)."""
from __future__ import annotations

import pytest

from app.qa.topics.spans import asked_span
from app.qa.things.titles import PublicationFinder


@pytest.mark.parametrize("q", [
    "which recommendation guides the flagship programme",
    "Which ILO convention guides the pilot in Atlantis?",
    "what recommendation alongside c102 guides the valuation in Atlantis",
    "Which instrument reports on minimum standards?",
])
def test_an_instrument_head_with_a_kind_verb_is_not_a_title_asked(q):
    got = asked_span(q, [], "Convention")
    assert got is None or got.kind != "title"
    assert PublicationFinder._kind(q) is None


@pytest.mark.parametrize("q, kind", [
    ("which guides did the ILO publish", "guide"),
    ("what report covers pensions in Atlantis", "report"),
    ("the fact sheets on financing", "fact sheet"),
])
def test_a_kind_word_asked_is_still_read(q, kind):
    assert PublicationFinder._kind(q) == kind
