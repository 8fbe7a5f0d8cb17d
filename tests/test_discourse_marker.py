"""A discourse marker opening the question ("So, ...", "Ok so ...", "Well... ") asks nothing: the
question reads as without it; a clause that only looks like one ("Now that ...", "So far ...")
stays."""
from __future__ import annotations

import pytest

from app.qa.form.discourse_marker import without_marker


@pytest.mark.parametrize("question, plain", [
    ("So, uk funded countries", "uk funded countries"),
    ("So, who has ratified 102 in the arab states", "who has ratified 102 in the arab states"),
    ("Ok so what did the ILO release on tuberculosis?", "What did the ILO release on tuberculosis?"),
    ("Well... which donors fund Nepal?", "Which donors fund Nepal?"),
    ("Right - malawi donors", "malawi donors"),
    ("Also, which ones are in Asia?", "Which ones are in Asia?"),
])
def test_the_marker_is_dropped(question, plain):
    assert without_marker(question) == plain


@pytest.mark.parametrize("question", [
    "Now that Kenya joined, who funds it?",
    "So far which countries joined?",
    "So?",
    "Well-known donors in Africa",
])
def test_clauses_and_bare_markers_stay(question):
    assert without_marker(question) == question


@pytest.mark.parametrize("bare", ["uk funded countries", "who has ratified 102 in the arab states",
                                  "work accident insurance where"])
def test_the_engine_answers_as_without_the_marker(engine, bare):
    plain = [a["label"] for a in engine.ask(bare)["answers"]]
    assert plain
    assert [a["label"] for a in engine.ask("So, " + bare)["answers"]] == plain
    assert [a["label"] for a in engine.ask("For a piece I'm writing on social protection, " + bare)["answers"]] == plain
