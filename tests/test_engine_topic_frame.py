"""Topic questions whose asking outweighs their topic ("which countries did the ILO support on ...
for migrant workers"), answered from the sentences that say the topic: the real engine over the
real build of the bundled report.

Questions are written for these tests (not in any tuning set).  Expected sets are read from the
report's passages by pattern, so the tests hold on another report with the same kinds of facts.
"""
from __future__ import annotations

import re

from app.qa.topic_rerank import topic_words
from app.qa.units import terms
from tests.support.engine import answer_ids as _ids


def _entry_countries_saying(engine, pattern: str) -> set[str]:
    rx = re.compile(pattern, re.I)
    out = set()
    for p in engine.k.passages.values():
        iso = engine.text._entry_country(p)
        if iso and rx.search(p.text):
            out.add(f"Country:{iso}")
    return out


def _evidence_text(res) -> list[str]:
    return [" ".join(e["text"] for e in a.get("evidence", [])) for a in res["answers"]]


def test_topic_words_leave_the_frame_out():
    stop = set(terms("which countries did the ilo support on social protection for workers"))
    assert topic_words("Which countries did the ILO support on social protection for migrant workers?", stop, set()) == \
        ["migrant"]


def test_a_frame_heavy_question_is_answered_from_the_topic_sentences(engine):
    """The whole question's embedding prefers 'the ILO has provided technical support to ...'; the
    answer must come from the sentences that write the topic word."""
    want = _entry_countries_saying(engine, r"\bmigrant")
    assert len(want) >= 2
    res = engine.ask("In which countries did the ILO support social protection for migrant workers?")
    got = _ids(engine, res)
    assert res["answer_type"] == "Country"
    assert len(got & want) >= 2 and got <= want, (got, want)
    for text in _evidence_text(res):
        assert re.search(r"migrant", text, re.I), text


def test_a_name_holding_a_topic_word_does_not_stand_for_the_topic(engine):
    """'Department of Labor and Employment' writes one of 'employment injury': the sentences that
    write both say the topic, and only their countries are answers."""
    want = {f"Country:{engine.text._entry_country(p)}" for p in engine.k.passages.values()
            if engine.text._entry_country(p) and re.search(r"employment injury", p.text, re.I)}
    assert want
    res = engine.ask("which countries did the ILO help with employment injury insurance")
    got = _ids(engine, res)
    assert got and len(got) <= 6, got
    for text in _evidence_text(res):
        assert re.search(r"employment injury|injur", text, re.I), text
    assert want & got, (got, want)
