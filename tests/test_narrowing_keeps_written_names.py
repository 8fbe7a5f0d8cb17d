"""A sentence that narrows a graph answer keeps a graph answer it writes in apposition to an entity
its reading found, one mention with two names ("France (Expertise France) and Spain (FIIAPP)": the
agencies were read, the funders France and Spain are written beside them); a name written elsewhere
in the sentence (another role, "respectively") does not come back.
Without it a wording whose topic words a hyphenated compound supplies ("country-level work")
narrowed an initiative's funders to the two the reading named."""
from __future__ import annotations

import re

import pytest


def _initiatives_with_funders(engine, least=3):
    for e in engine.k.of_type("Initiative"):
        funders = {f["object"] for f in engine.k.facts_where(subject=e["id"], predicate="fundedBy")}
        if len(funders) >= least:
            yield e["id"], funders


def test_a_narrowing_sentence_keeps_the_funders_it_writes(engine):
    checked = 0
    for init, funders in _initiatives_with_funders(engine):
        acronym = next((n for n in engine.k.names(init) if n.isupper() and len(n) >= 3), engine.k.label(init))
        out = engine.ask(f"Who funds or co-funds the {engine.k.label(init)} ({acronym}) — including partners who "
                         f"joined in 2024 or support country-level work?")
        got = {(engine.k.entity_by_iri(x["iri"]) or {}).get("id") for x in out["answers"]}
        if not got or not got <= funders:
            continue  # not answered with the initiative's funders
        cited = {ev.get("text", "") for x in out["answers"] for ev in x.get("evidence", [])}
        orgs = [e["id"] for e in engine.k.of_type("Organization")]
        for text in cited:
            for f in funders:
                if engine._apposed_in(f, [o for o in orgs if o != f and o not in funders], text):
                    assert f in got, (engine.k.label(init), engine.k.label(f), text[:120])
                    checked += 1
    assert checked >= 1


def test_apposition_is_one_mention_two_names(engine):
    countries = {engine.k.label(e["id"]): e["id"] for e in engine.k.of_type("Country")}
    orgs = [e["id"] for e in engine.k.of_type("Organization") if len(engine.k.label(e["id"])) >= 6]
    if "France" not in countries or not orgs:
        pytest.skip("no France or no organisation")
    fra, org = countries["France"], orgs[0]
    name = engine.k.label(org)
    assert engine._apposed_in(fra, [org], f"as well as France ({name}) through their support")
    assert engine._apposed_in(fra, [org], f"as well as {name} (France) through their support")
    assert not engine._apposed_in(fra, [org], f"in France and in {name}, respectively")
    assert not engine._apposed_in(fra, [org], f"as well as Francesca ({name})")
