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


def test_both_roles_asks_for_the_members_holding_each_of_them(engine):
    """"in both the pilot and the expanded phase of [initiative]": the members whose statements
    carry every role said, not the whole membership nor one list."""
    k = engine.k
    roles: dict[str, dict[str, set[str]]] = {}
    for f in k.facts_where(predicate="priorityCountryOf"):
        at = f.get("attrs") or {}
        for r in [at.get("role"), *(at.get("also_roles") or [])]:
            if r:
                roles.setdefault(f["object"], {}).setdefault(r, set()).add(k.entity(f["subject"])["label"])
    pairs = [(i, sorted(rs)) for i, rs in roles.items() if len(rs) == 2 and all(" " in r for r in rs)]
    assert pairs, "the build holds an initiative with two role lists"
    init, (r1, r2) = pairs[0]
    name = k.entity(init)["label"]
    want = roles[init][r1] & roles[init][r2]
    w1, w2 = r1.split()[0], r2.split()[0]  # "pilot country" -> "pilot"
    got = _labels(engine, f"Which countries took part in both the {w1} and the {w2} phase of the {name}?")
    assert got == want
    assert _labels(engine, f"Which {name} {w1} countries are also in its {w2} phase?") == want
