"""A description read as one instrument ("the minimum standards of Convention ...") gives way to the
number cited right after its kind word ("... Convention No. 183"): the cited instrument is the one
named (app.qa.question._cited_numbers_win)."""
from __future__ import annotations

import pytest

from app.qa.question import Link, _cited_numbers_win


def test_the_cited_number_wins_over_a_description_ending_on_the_kind_word():
    q = "which country looked at reaching the minimum standards of Convention No. 183?"
    a0 = q.index("minimum standards of Convention")
    a = Link(a0, a0 + len("minimum standards of Convention"), "minimum standards of Convention", ["LegalInstrument:c102"])
    b0 = q.index("No. 183")
    b = Link(b0, b0 + len("No. 183"), "No. 183", ["LegalInstrument:c183"])
    got = _cited_numbers_win(q, [a, b])
    assert [(l.surface, l.ids) for l in got] == [("Convention No. 183", ["LegalInstrument:c183"])]


def test_a_description_with_no_number_after_it_stays():
    q = "which countries ratified the minimum standards convention"
    a0 = q.index("minimum standards convention")
    a = Link(a0, len(q), q[a0:], ["LegalInstrument:c102"])
    assert _cited_numbers_win(q, [a]) == [a]


def test_engine_links_the_cited_convention(engine):
    if engine.k.entity("LegalInstrument:c183") is None or engine.k.entity("LegalInstrument:c102") is None:
        pytest.skip("the build cites neither instrument")
    links = engine.lexicon.link("reaching the minimum standards of Convention No. 183")
    assert [l.ids for l in links if l.type == "LegalInstrument"] == [["LegalInstrument:c183"]]

