"""A relation's declared subject types beyond the first two are asked too (fundedBy's initiatives,
schemes, publications and projects): "who funds [scheme]" and "[initiative] funders" have rows of
their own, so the vote no longer goes to the nearest relation of that token ("which institution
runs [scheme]", "[initiative] co-chairs").

Expected answers are read from the knowledge base's facts (never typed from the report).
"""
from __future__ import annotations

import re

import pytest

from app.qa.bank import TYPE_TOKEN, generate
from graph.relations import REGISTRY


def _rows(relation: str, token: str) -> list[str]:
    return [q.text for q in generate() if q.intent.relation == relation and token in q.text]


@pytest.mark.parametrize("token", ["[initiative]", "[scheme]", "[publication]", "[project]"])
def test_funded_things_other_than_countries_are_asked_for_their_funders(token):
    rows = _rows("fundedBy", token)
    assert f"who funds {token}" in rows and f"{token} funders" in rows and f"funders of {token}" in rows
    # (a seed that places its subject, "who funds the work in [country]", is not asked of a thing)
    assert not [t for t in rows if f"work in {token}" in t]
    keys = {q.intent.key for q in generate() if q.intent.relation == "fundedBy" and token in q.text}
    assert keys <= {"list|fundedBy|object|Organization", "count|fundedBy|object|Number"}


def test_only_declared_subject_types_with_a_named_object_grow():
    """hasQuantity's and onTopic's objects are figures and topics: no further rows; and no token of a
    type a relation does not declare appears in its rows."""
    bank = generate()
    for r in REGISTRY:
        allowed = {TYPE_TOKEN.get(t, f"[{t.lower()}]") for t in r.domain + r.range} | {"[country]", "[region]", "[year]"}
        used = {t for q in bank if q.intent.relation == r.name for t in re.findall(r"\[[a-z]+\]", q.text)}
        assert used <= allowed, (r.name, used - allowed)
    assert "Initiative" in REGISTRY["hasQuantity"].domain[2:] and not _rows("hasQuantity", "[initiative]")


def _funded(engine, type_prefix: str) -> tuple[str, set[str]]:
    """The thing of this type with the most funders in the graph, and their labels."""
    by: dict[str, set[str]] = {}
    for eid in engine.k.entities:
        if eid.startswith(type_prefix):
            got = {engine.k.label(f["object"]) for f in engine.k.facts_where(subject=eid, predicate="fundedBy")}
            if got:
                by[eid] = got
    if not by:
        pytest.skip(f"no {type_prefix} with funders in this build")
    best = max(by, key=lambda e: (len(by[e]), e))
    return engine.k.label(best), by[best]


@pytest.mark.parametrize("type_prefix,form", [("Initiative:", "who funds {}"), ("Initiative:", "{} funders"),
                                              ("Scheme:", "who funds the {}"), ("Publication:", "who funded {}")])
def test_funders_of_a_thing_are_read_as_its_funders(engine, type_prefix, form):
    name, funders = _funded(engine, type_prefix)
    r = engine.ask(form.format(name))
    assert r["path"][0].startswith("understood as: list fundedBy"), r["path"][:2]
    assert funders <= {a["label"] for a in r["answers"]}, (name, r["answers"])
