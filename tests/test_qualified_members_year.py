"""A membership picked by how it came about ("confirmed their commitment to [initiative] in
<year>") keeps the question's year: the qualified statement itself is dated, as a plain "joined in
<year>" is. Years and members come from the graph, not from here."""
from __future__ import annotations


def _labels(engine, q):
    return {x["label"] for x in engine.ask(q)["answers"]}


def test_a_commitment_in_a_year_keeps_only_the_commitments_dated_that_year(engine):
    k = engine.k
    init = "Initiative:global-accelerator"
    by_year: dict[str, set[str]] = {}
    for f in k.facts_where(predicate="memberOf", obj=init):
        at = f.get("attrs") or {}
        if at.get("role") == "committed" and at.get("year"):
            by_year.setdefault(at["year"], set()).add(k.entity(f["subject"])["label"])
    assert len(by_year) >= 2, "the build dates commitments in more than one year"
    everyone = _labels(engine, "Which countries confirmed their commitment to the Global Accelerator?")
    seen = []
    for year, committed in sorted(by_year.items()):
        got = _labels(engine, f"Which countries confirmed their commitment to the Global Accelerator in {year}?")
        assert got and got < everyone
        assert committed <= got
        seen.append(got)
    assert not (seen[0] & seen[1])
