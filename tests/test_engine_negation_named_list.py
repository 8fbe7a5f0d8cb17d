"""A negated list named by its owner ("... not among the Flagship Programme's priority countries",
"... not part of <initiative>'s countries"): the set asked from is the other named list, and the
negated owner's list is taken out of it (app.qa.constraints.negated_names, app.qa.question._NEG_AMONG).

The real engine over the real build.  The initiatives and their countries are read from the
knowledge base's priority-country facts, so the test holds on another report with two such lists
(or skips, saying why).
"""
from __future__ import annotations

import pytest

from app.qa.constraints.negated_names import negated_ids
from tests.support.engine import answer_ids


def _lists(engine) -> dict[str, set[str]]:
    """Each initiative's priority (selected) countries, by initiative id."""
    out: dict[str, set[str]] = {}
    for f in engine.k.facts:
        if f["predicate"] == "priorityCountryOf":
            out.setdefault(f["object"], set()).add(f["subject"])
    return out


def _pair(engine) -> tuple[str, str, set[str], set[str]]:
    """The biggest list (the programme's own) and a smaller one partly outside it, by name."""
    lists = _lists(engine)
    if len(lists) < 2:
        pytest.skip("the report holds fewer than two lists of priority countries")
    big = max(lists, key=lambda i: len(lists[i]))
    small = next((i for i in sorted(lists, key=lambda i: -len(lists[i]))
                  if i != big and lists[i] - lists[big] and lists[i] & lists[big]), None)
    if small is None:
        pytest.skip("no smaller list lies partly outside the biggest one")
    return big, small, lists[big], lists[small]


def _name(engine, eid: str) -> str:
    return engine.k.label(eid)


@pytest.mark.parametrize("ask", [
    "Which {s} countries are not among the {b}'s priority countries?",
    "Which {s} countries are not part of the {b}'s priority countries?",
    "Of the {s} countries, which ones are not one of the {b}'s priority countries?",
])
def test_the_negated_owners_list_is_taken_out_of_the_other(engine, ask):
    big, small, big_set, small_set = _pair(engine)
    q = ask.format(s=_name(engine, small), b=_name(engine, big))
    got = answer_ids(engine, engine.ask(q))
    assert got == small_set - big_set, q


def test_part_of_is_read_as_a_negated_membership(engine):
    big, small, _, _ = _pair(engine)
    q = f"Which {_name(engine, small)} countries are not part of the {_name(engine, big)}'s priority countries?"
    assert big in negated_ids(q, engine.lexicon.link(q))
    # without the negation nothing is governed
    q2 = f"Which {_name(engine, small)} countries are part of the {_name(engine, big)}'s priority countries?"
    assert not negated_ids(q2, engine.lexicon.link(q2))
