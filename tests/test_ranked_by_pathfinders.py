""""Which donor funds the most pathfinders of the Global Accelerator?" ranks funders by the
pathfinder countries they fund, as "which funder backs the most pathfinder countries" does:
"pathfinders" is a counted noun of countries.  Before, the ranking went unread once the initiative
was named, and the question listed every funder of the pathfinders (or one odd body)."""
from __future__ import annotations

import pytest

PLAIN = "which funder backs the most pathfinder countries"


@pytest.mark.parametrize("question", [
    "which funder funds the most Global Accelerator pathfinders",
    "Which donor funds the most pathfinders of the Global Accelerator?",
])
def test_pathfinders_counted_like_pathfinder_countries(engine, question):
    want = engine.ask(PLAIN)
    assert want["strategy"] == "graph-aggregate" and len(want["answers"]) == 1
    got = engine.ask(question)
    assert got["strategy"] == "graph-aggregate", got["path"]
    assert [a["label"] for a in got["answers"]] == [a["label"] for a in want["answers"]]
    assert any(p.startswith("runner-up") for p in got["path"])
