"""A capitalised name typed with two slips ("Cmaroon": two letters swapped and one dropped) is
still the name when nothing of the report is one edit away (app/qa/form/spelling.py,
``Speller._name_two_slips``).  Before, a six- or seven-letter capitalised word had a budget of one
edit, so "Cmaroon" became the English word "maroon" (one letter added at the front) and the
question answered nothing; the metamorphic probe of round 27 saw it and left it.

Only towards a name of the report at least as long, first letter kept, and only when one name is
that near: a demonym or a name the report never writes stays as typed."""
from __future__ import annotations

from collections import Counter

from app.qa.form.spelling import Speller


def _speller() -> Speller:
    # a toy vocabulary of general words, not the report's
    counts = Counter({"cameroon": 6, "verde": 4, "funds": 50, "work": 80, "the": 900, "in": 900,
                      "colombia": 5, "columbia": 3})
    return Speller(counts, names={"cameroon", "verde", "colombia", "columbia"}, common_english=True)


def test_two_slips_on_a_capitalised_name_reach_the_name():
    sp = _speller()
    assert sp.correct("who funds the work in Cmaroon?")[0] == "who funds the work in Cameroon?"


def test_a_shorter_name_or_a_tie_is_not_reached():
    sp = _speller()
    assert sp.correct("Verdean work")[0] == "Verdean work"  # the name is shorter: a demonym, not a slip
    # two names equally near: no guess ("Clmbia" is two edits from Colombia and from Columbia)
    assert sp.correct("work in Clmbia")[0] == "work in Clmbia"


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


def test_two_slipped_country_names_get_the_same_funders(engine):
    """Every one-word country of seven or eight letters that the graph gives funders for, typed
    with its second and third letters swapped and its second-to-last letter dropped."""
    names = sorted({e["label"] for e in engine.k.entities.values() if e.get("type") == "Country"
                    and e["label"].isalpha() and 7 <= len(e["label"]) <= 8})
    pairs = []
    for name in names:
        want = _labels(engine, f"who funds the work in {name}?")
        if want:
            slipped = name[0] + name[2] + name[1] + name[3:-2] + name[-1]
            pairs.append((name, slipped, want, _labels(engine, f"who funds the work in {slipped}?")))
    assert len(pairs) >= 5, "too few countries with funders to check"
    same = [p for p in pairs if p[2] == p[3]]
    # before: 3 of 18 on the bundled report; a name the report writes once is not a known name
    assert len(same) >= 0.8 * len(pairs), [(p[0], p[1]) for p in pairs if p[2] != p[3]]
