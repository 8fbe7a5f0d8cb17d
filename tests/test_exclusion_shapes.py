"""Every shape of setting names aside subtracts them from the asked set: "besides X", "with the
exception of X", "all X but Y", "X minus the African ones", "X, not counting Y".  The expected
answers are the graph's own funders of the country most funded, less the set-aside one.
"""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.constraints.exclusion import set_aside


def _funded(engine) -> tuple[str, set[str]]:
    facts = [f for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")]
    country = Counter(f["subject"] for f in facts).most_common(1)[0][0]
    return country, {f["object"] for f in facts if f["subject"] == country}


@pytest.mark.parametrize("form", [
    "Who funds {c}, with the exception of {x}?",
    "every {c} funder but {x}",
    "all funders of {c} but {x}",
    "Who funds {c} besides {x}?",
    "{c} funders, not counting {x}",
    "I'm compiling a donor list for {c} and already have {x}. Who else pays for the ILO's work there?",
])
def test_each_shape_takes_the_named_funder_out(engine, form):
    country, funders = _funded(engine)
    if len(funders) < 3:
        pytest.skip("too few funders to set one aside")
    aside = sorted(funders)[0]
    res = engine.ask(form.format(c=engine.k.label(country), x=engine.k.label(aside)))
    got = {a.get("iri") for a in res["answers"]}
    assert got, form
    assert engine.k.iri(aside) not in got, form


def test_but_sets_aside_only_after_all_or_every():
    assert set_aside("all funders but the EU", [_link("all funders but the EU", "the EU", "Organization:eu")]).ids
    assert not set_aside("who funds Jordan but not Lebanon", []).ids
    q = "Which countries ratified C102 but did the EU fund them?"
    assert not set_aside(q, [_link(q, "EU", "Organization:eu")]).ids  # "but" joins two clauses here


def test_a_name_already_had_is_set_aside_only_when_others_are_asked():
    q = "I already have the EU. Who else funds Jordan?"
    assert set_aside(q, [_link(q, "EU", "Organization:eu")]).ids == {"Organization:eu"}
    q = "I already have the EU's figure: how much did the EU give Jordan?"
    assert not set_aside(q, [_link(q, "EU", "Organization:eu")]).ids  # the EU itself is asked about


def test_money_provided_for_the_work_is_funding(engine):
    """"who provides the money for the ILO's work" asks for funders, as "who funds" does."""
    from app.qa.question import analyse

    assert analyse("For Kenya, who provides the money for the ILO's work?", engine.lexicon).fund
    assert analyse("Which donors gave the resources for the work in Kenya?", engine.lexicon).fund


def _link(question: str, surface: str, eid: str):
    from app.qa.question import Link

    start = question.index(surface)
    return Link(start=start, end=start + len(surface), surface=surface, ids=[eid])

