"""A described set of countries at the end of a question, with up to three words before its noun.

"Who financed the Flagship work in the Global Accelerator pathfinder countries that formally
endorsed their national roadmaps in 2024?": three modifiers before "countries" were one too many
for the described-set reader, so the set itself came back instead of its funders.  The expected
answer is the engine's own answer about the set's countries named one by one.
"""
from __future__ import annotations


def test_three_modifiers_before_the_set_noun_still_describe_the_set(engine):
    inner = engine.ask("Which Global Accelerator pathfinder countries formally endorsed their national roadmaps in 2024?")
    names = [a["label"] for a in inner["answers"]]
    assert len(names) >= 2 and all(a["type"] == "Country" for a in inner["answers"])
    named = engine.ask(f"Who funds the ILO's work in {', '.join(names[:-1])} or {names[-1]}?")
    res = engine.ask("Who financed the Flagship work in the Global Accelerator pathfinder countries that formally "
                     "endorsed their national roadmaps in 2024?")
    assert res["answers"] and all(a["type"] != "Country" for a in res["answers"])
    assert {a["label"] for a in res["answers"]} == {a["label"] for a in named["answers"]}
