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
    ("Quick one - rbsa contributors", "rbsa contributors"),
    ("btw wat did mozambiques INSS publish", "wat did mozambiques INSS publish"),
    ("Sorry if this is a basic question, but japanese financing recipients", "japanese financing recipients"),
    ("sorry to bother you, but who funds Nepal?", "Who funds Nepal?"),
    ("Any idea egypt health insurance scheme refugees", "egypt health insurance scheme refugees"),
    ('"pathfinder countries count"', "pathfinder countries count"),
    ("“whose ILO programe is financd by Kuwiat”", "whose ILO programe is financd by Kuwiat"),
])
def test_the_marker_is_dropped(question, plain):
    assert without_marker(question) == plain


@pytest.mark.parametrize("question", [
    "Now that Kenya joined, who funds it?",
    "So far which countries joined?",
    "So?",
    "Well-known donors in Africa",
    '"Haba Haba" scheme country',       # quotation marks around a name, not the question
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


@pytest.mark.parametrize("question, plain", [
    ("nda lebanon beneficiaries pls", "nda lebanon beneficiaries"),
    ("Which funders, please?", "Which funders?"),
    ("which ILO convention covers employment injury benefits??", "which ILO convention covers employment injury benefits?"),
    ("who funds it?!", "who funds it?"),
    ("japanese financing recipients?", "japanese financing recipients"),   # a keyword query's mark asks nothing more
    ("any kenya funders?", "any kenya funders?"),                          # a yes/no question keeps it
    ("the pls scheme countries", "the pls scheme countries"),
])
def test_closing_please_and_marks(question, plain):
    from app.qa.form.sign_off import strip

    assert strip(question) == plain
