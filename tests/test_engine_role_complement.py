"""Two of one initiative's lists around a negation ("which <initiative> pilot countries are not in
its expanded phase"): the list named before the negation minus the list named after it
(app.qa.constraints.role_complement).

The real engine over the real build.  The initiative and its two role-told lists are read from the
knowledge base, so the test holds on another report with such an initiative (or skips, saying why).
"""
from __future__ import annotations

import pytest

from app.qa.constraints.role_complement import _lists
from tests.support.engine import answer_ids


def _two_lists(engine) -> tuple[str, str, str, set[str], set[str]]:
    """An initiative with two dated country lists that overlap without being equal: (initiative,
    earlier role, later role, earlier countries, later countries)."""
    for f in engine.k.facts:
        init = f["object"]
        if not init.startswith("Initiative:"):
            continue
        for rel, roles in _lists(engine.k, init).items():
            dated = {r: ys for r, ys in roles.items() if ys}
            if len(dated) != 2:
                continue
            early, late = sorted(dated, key=lambda r: max(dated[r]))
            if max(dated[early]) == max(dated[late]):
                continue
            members: dict[str, set[str]] = {early: set(), late: set()}
            for g in engine.k.facts_where(predicate=rel, obj=init):
                at = g.get("attrs") or {}
                for role in [at.get("role"), *(at.get("also_roles") or [])]:
                    if role in members and g["subject"].startswith("Country:"):
                        members[role].add(g["subject"])
            if members[early] & members[late] and members[early] - members[late]:
                return init, early, late, members[early], members[late]
    pytest.skip("no initiative holds two dated, overlapping country lists")


def _word(role: str) -> str:
    return role.split()[0]  # "pilot country" -> "pilot"


@pytest.mark.parametrize("ask", [
    "Which {i} {e} countries are not part of the {l} phase?",
    "Which of the {i}'s {e} countries were left out of its new phase?",
    "{i} {e} countries not in new phase",
])
def test_the_earlier_list_minus_the_later(engine, ask):
    init, early, late, early_set, late_set = _two_lists(engine)
    q = ask.format(i=engine.k.label(init), e=_word(early), l=_word(late))
    assert answer_ids(engine, engine.ask(q)) == early_set - late_set, q


def test_the_later_list_minus_the_earlier(engine):
    init, early, late, early_set, late_set = _two_lists(engine)
    q = f"Which {_word(late)} phase countries of the {engine.k.label(init)} were not {_word(early)} countries?"
    assert answer_ids(engine, engine.ask(q)) == late_set - early_set, q


def test_one_list_with_a_negated_region_is_not_read_as_two_lists(engine):
    """A negation that names no second list ("... pilot countries not in Africa") keeps its
    region reading: the earlier list is asked, never emptied by a second list."""
    init, early, late, early_set, _ = _two_lists(engine)
    res = engine.ask(f"Which {engine.k.label(init)} {_word(early)} countries are not in Africa?")
    assert not any(str(p).startswith(f"not: {late}") for p in res["path"]), res["path"]
    assert answer_ids(engine, res) <= early_set
