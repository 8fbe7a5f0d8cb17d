"""What the engine keeps while it reads (app/qa/question.py ``Lexicon.link``, app/qa/engine.py
``_ask_whole``): kept work must never change an answer, leak between questions or threads, or be
shared with a caller that edits what it got.  Questions are the report's general vocabulary and a
chained question's own frame; the expected answers are the engine's own fresh readings."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

QUESTIONS = [
    "Who funds the ILO's work in the country that ratified C102 in 2024?",
    "Which countries ratified Convention No. 102?",
    "who funds the work in jordan",
    "Is Kenya a Global Accelerator pathfinder?",
]


def _answers(out: dict) -> tuple:
    return (out.get("answer_type"), tuple(a.get("label") for a in out.get("answers") or []), out.get("answer_text"))


def test_links_are_copies(engine):
    """A caller that narrows a link's ids in place does not change the next reading of that text."""
    q = "Who funds the ILO's work in Jordan and Lebanon?"
    first = engine.lexicon.link(q)
    assert first and all(l.ids for l in first)
    kept = [(l.start, l.end, list(l.ids)) for l in first]
    for l in first:
        l.ids.clear()
    again = engine.lexicon.link(q)
    assert [(l.start, l.end, l.ids) for l in again] == kept


def test_kept_readings_match_fresh_ones(engine):
    """With the per-question memo and without it (reading each text anew), the same answers."""
    kept = [_answers(engine.ask(q)) for q in QUESTIONS]
    fresh = []
    for q in QUESTIONS:
        engine.__dict__.pop("_link_memo", None)
        fresh.append(_answers(engine._ask_question(q)))  # no memo is active outside ask()
    assert kept == fresh
    assert any(a[1] for a in kept)


def test_an_answer_edited_by_its_caller_does_not_leak(engine):
    q = QUESTIONS[1]
    out = engine.ask(q)
    want = _answers(out)
    out["answers"].clear()
    out["path"] = ["edited"]
    assert _answers(engine.ask(q)) == want


def test_threads_do_not_share_a_question(engine):
    want = {q: _answers(engine.ask(q)) for q in QUESTIONS}
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda q: (q, _answers(engine.ask(q))), QUESTIONS * 3))
    assert all(want[q] == a for q, a in got)
    assert getattr(engine.__dict__.get("_local"), "whole", None) is None  # nothing held after a question
