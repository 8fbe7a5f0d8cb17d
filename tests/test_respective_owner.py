"""A figure the question states picks its owner from a "respectively" list (app/qa/figures/numbers.py,
respective_item): "Which country contributed €20 million to the Global Accelerator?" of "contributions
from Ireland and Germany €1.2 million (US$1.24 million) and €20 million (US$20.7 million)
respectively" is the second name, not both."""
from __future__ import annotations

import re

from app.qa.figures.numbers import respective_item

SENTENCE = ("In 2024, additional resources were mobilised with contributions from Ireland and Germany "
            "€1.2 million (US$1.24 million) and €20 million (US$20.7 million) respectively.")


def test_the_stated_figure_names_its_item():
    assert respective_item(SENTENCE, "Which country contributed 20 million euros in 2024?") == "Germany"
    assert respective_item(SENTENCE, "who gave €1.2 million?") == "Ireland"
    # no figure stated, or a year only: no pick
    assert respective_item(SENTENCE, "Who contributed in 2024?") is None
    assert respective_item("Ireland and Germany gave money.", "who gave 20 million?") is None


def test_the_engine_answers_the_owner_only(engine):
    said = next(u.text for u in engine.units.units if u.kind == "sentence" and "respectively" in u.text
                and re.search(r"€20 million", u.text))
    owner = respective_item(said, "Which country contributed 20 million euros to the Global Accelerator in 2024?")
    assert owner
    got = engine.ask("Which country contributed 20 million euros to the Global Accelerator in 2024?")
    assert [a["label"] for a in got["answers"]] == [owner]
