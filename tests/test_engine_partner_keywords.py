"""Keyword partner questions: "X partner countries Y funded" gives each name its own relation word;
a compound "partner countries" asks for countries; "who works with X where" asks for places.
The real engine over the real build; expected answers from the knowledge base's facts.
"""
from __future__ import annotations

import pytest

from tests.support.engine import answer_ids


def _partner_countries(engine, org: str) -> set[str]:
    out = {f["subject"] for p in ("partneredWith", "supportedBy") for f in engine.k.facts_where(predicate=p, obj=org)}
    out |= {f["object"] for f in engine.k.facts_where(subject=org, predicate="partneredWith")}
    return {c for c in out if c.startswith("Country:")}


def _funded(engine, funder: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=funder) if f["subject"].startswith("Country:")}


def _pair(engine):
    """A partner organisation and a funder whose country sets overlap without one holding the other."""
    orgs = sorted({f["object"] for f in engine.k.facts_where(predicate="partneredWith") if f["object"].startswith("Organization:")})
    funders = sorted({f["object"] for f in engine.k.facts_where(predicate="fundedBy") if f["object"].startswith("Organization:")})
    for o in orgs:
        pc = _partner_countries(engine, o)
        for f in funders:
            both = pc & _funded(engine, f)
            if f != o and len(both) >= 2 and both != pc and both != _funded(engine, f):
                return o, f, both
    pytest.skip("no overlapping partner and funder")


def _short(engine, eid: str) -> str:
    e = engine.k.entity(eid)
    return e.get("acronym") or e["label"]


def test_keyword_partner_and_funder_each_take_their_word(engine):
    org, funder, want = _pair(engine)
    o, f = _short(engine, org), _short(engine, funder)
    for q in (f"{o.lower()} partner countries {f.lower()} funded", f"Which {o} partner countries are funded by the {f}?"):
        res = engine.ask(q)
        assert answer_ids(engine, res) == want, q


def test_who_works_with_a_named_body_where_asks_for_places(engine):
    org, _f, _both = _pair(engine)
    res = engine.ask(f"who works with {_short(engine, org).lower()} where")
    assert res["answer_type"] == "Country"
    assert answer_ids(engine, res) == _partner_countries(engine, org)
