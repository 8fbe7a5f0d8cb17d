"""Initiatives named as people type them and their members asked by the noun "members":
an acronym run into a number is also written apart ("USP 2030"), and "which members of <network>"
asks for bodies and governments alike, as "who are the members" does ("which member states" still
asks for countries).

Pure pieces on invented names; engine tests read the expected members and parts from the graph.
"""
from __future__ import annotations

import re

import pytest

from app.qa.names.name_forms import written_forms
from app.qa.question import answer_type
from tests.support.engine import answer_ids


@pytest.mark.parametrize("name, form", [("ABC2040", "ABC 2040"), ("ABC2040 Working Group on Rivers", "ABC 2040 Working Group on Rivers"),
                                        ("COP31", "COP 31")])
def test_an_acronym_run_into_a_number_is_also_written_apart(name, form):
    assert form in written_forms(name)


@pytest.mark.parametrize("name", ["P4H Network", "Global Accelerator", "G20"])
def test_no_spaced_form_without_an_acronym_and_a_number(name):
    assert not any(re.search(r"[A-Z] \d", f) for f in written_forms(name))


@pytest.mark.parametrize("q, t", [
    ("which members of the Freedonia network does the report name", "Organization"),
    ("Besides the ILO itself, which members of the Freedonia network are named?", "Organization"),
    ("which member states ratified the convention", "Country"),
    ("which member countries joined the network", "Country"),
])
def test_which_members_asks_for_bodies_and_governments(q, t):
    assert answer_type(q) == t


def _acronym_with_number(engine):
    for e in engine.k.of_type("Initiative"):
        for n in engine.k.names(e["id"]):
            m = re.fullmatch(r"([A-Z]{2,})(\d{2,4})", n)
            if m:
                return e["id"], f"{m.group(1)} {m.group(2)}"
    pytest.skip("no initiative named by an acronym run into a number")


def test_parts_of_an_initiative_typed_with_its_acronym_apart(engine):
    init, spaced = _acronym_with_number(engine)
    parts = {f["subject"] for f in engine.k.facts_where(predicate="partOf", obj=init)}
    if not parts:
        pytest.skip("the initiative has no parts")
    res = engine.ask(f"{spaced} working groups")
    assert answer_ids(engine, res) == parts


def test_which_members_of_a_network_are_all_its_members(engine):
    holders: dict[str, set[str]] = {}
    for f in engine.k.facts_where(predicate="memberOf"):
        holders.setdefault(f["object"], set()).add(f["subject"])
    mixed = {i: m for i, m in holders.items() if {x.split(":")[0] for x in m} >= {"Country", "Organization"}}
    if not mixed:
        pytest.skip("no initiative with both countries and organisations as members")
    init, members = sorted(mixed.items())[0]
    res = engine.ask(f"which members of the {engine.k.label(init)} does the report name?")
    assert members <= answer_ids(engine, res) | {"Organization:ilo"}
