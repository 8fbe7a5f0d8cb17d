"""A year that dates one relation does not block the other one coordinated after it.

"Which countries ratified C102 since 2021 and joined the Global Accelerator?" answered every
country that ratified since 2021: any year in the question kept the role step ("joined [an
initiative]") from adding its constraint, for fear of a dated role.  The year sits in the clause
before "and joined": it dates the ratification.  Expected answers come from the graph."""
from __future__ import annotations

from app.qa.relation.roles import _dated_role


def _ids(engine, question: str) -> set[str]:
    return {engine.k.entity_by_iri(a["iri"])["id"] for a in engine.ask(question)["answers"]}


def test_the_role_still_filters(engine):
    k = engine.k
    ratified = _ids(engine, "Which countries ratified Convention No. 102 since 2021?")
    members = {f["subject"] for f in k.facts_where(predicate="memberOf", obj="Initiative:global-accelerator")}
    want = ratified & _ids(engine, "Which countries joined the Global Accelerator?")
    assert want and ratified - want, "the fixture needs ratifiers on both sides"
    assert want <= members | {f["subject"] for f in k.facts_where(predicate="pathfinderOf", obj="Initiative:global-accelerator")}
    assert _ids(engine, "Which countries ratified C102 since 2021 and joined the Global Accelerator?") == want


def test_which_years_date_the_role():
    q = "Which countries ratified C102 since 2021 and joined the Global Accelerator?"
    assert not _dated_role(q, ["2021"], [q.index("joined")])
    q = "Which countries joined the Global Accelerator in 2024?"
    assert _dated_role(q, ["2024"], [q.index("joined")])
    q = "In 2024, which countries joined the Global Accelerator?"
    assert _dated_role(q, ["2024"], [q.index("joined")])
