"""A list of figures the report writes over several paragraphs of one subsection, ranked whole.

"The largest share ... the European Union (53 per cent)" and, after a box, "Meanwhile, ... the
RBSA represented the next largest share (20 per cent) ...": no one passage held two named items,
so "which partner classification provided the second-largest share" read the top item's sentence
and answered the largest.  The questions are written for these tests; the expected order is the
figures' own (read back from the answers' evidence), never typed.
"""
from __future__ import annotations

import re


def _one(res) -> dict:
    assert len(res["answers"]) == 1, [a["label"] for a in res["answers"]]
    return res["answers"][0]


def test_second_largest_share_is_the_runner_up_from_another_paragraph(engine):
    top = _one(engine.ask("Which partner classification provided the largest share of resources for new projects in 2024?"))
    second = _one(engine.ask("Which partner classification gave the second-largest share of the resources for new "
                             "projects in 2024?"))
    assert top["type"] == second["type"] == "Organization"
    assert top["iri"] != second["iri"]
    assert second["value"] < top["value"]
    # the two figures are written in different paragraphs
    assert top["evidence"][0]["passage_id"] != second["evidence"][0]["passage_id"]
    for a in (top, second):
        assert re.search(r"\d+\s*per\s*cent", a["evidence"][0]["text"])


def test_merged_list_does_not_rank_from_the_bottom(engine):
    """Items the paragraphs write without a name of the asked type are left out of a merged list,
    so its smallest named item is not the smallest share: no ranking is made from it."""
    res = engine.ask("Which partner classification provided the smallest share of resources for new projects in 2024?")
    assert not any(p.startswith("ranked by the figures") for p in res.get("path") or [])


def test_a_later_paragraph_ranked_a_little_lower_still_joins_the_list(engine):
    """'which source ...': the word 'source' ranks other passages of the subsection first, so the
    paragraph with the runner-up's share is past the first few; the list is still gathered whole."""
    top = _one(engine.ask("Which partner classification provided the largest share of resources for new projects in 2024?"))
    res = engine.ask("which source gave the largest share of resources for new projects in 2024")
    assert _one(res)["iri"] == top["iri"]
    assert any(p.startswith("ranked by the figures") for p in res["path"])


def test_a_figure_written_as_a_bound_clears_that_bar():
    """'accounted for over 10 per cent': the item clears 'more than 10 per cent' (it was read as
    exactly 10 and left out), and ranks above an exact 10."""
    from app.qa.figures.figure_rank import Ask, items, rank
    from app.qa.figures.thresholds import read

    sentence = ("The North got 30 per cent, the South 10 per cent, while the East accounted for over 10 per cent "
                "and the West for less than 5 per cent.")
    found = items(sentence, Ask(False, "percent", None, []), [])
    by_word = {w: next(it for it in found if w in it.text) for w in ("North", "South", "East", "West")}
    bar = read("which parts got more than 10 per cent")
    assert [w for w, it in by_word.items() if bar.test(it.value)] == ["North", "East"]
    order = [found[i].text for i in rank(found, False)]
    assert order.index(by_word["East"].text) < order.index(by_word["South"].text)
    assert by_word["West"].value < 5
