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


def test_function_words_are_no_modifiers_of_the_set_noun(engine):
    """'the funders of the countries where ...', 'the ILO in the countries where ...': the described
    set starts at its own article; 'funders of the' is no modifier of 'countries' (read so, the
    funders were answered by the partners of the set's sentence)."""
    k = engine.k
    funders = {f["object"] for f in k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")}
    res = engine.ask("Who are the funders of the countries where the ILO works with UNHCR?")
    got = {k.entity_by_iri(a["iri"])["id"] for a in res["answers"] if a.get("iri")}
    assert got and got <= funders | {f["object"] for f in k.facts_where(predicate="fundedBy") if f["subject"] in funders}
