"""The question's own head noun and back-reference decide what is asked (round 16).

* app/qa/relation/kind_heads.py ``asks_body`` (engine): "Which national body in Malawi led the
  Global Accelerator roadmap?" was answered with every pathfinder country: the relation matched by
  meaning holds countries, and members are governments and organisations alike.  A body noun
  ("body", "ministry", "agency") asks for no government.
* app/qa/topics/spans.py ``_BODY_AFTER``: "Which Philippine health insurance corporation ..." asks
  for the corporation, not for an insurance scheme's name.
* app/qa/form/coreference.py ``fill_thing_name``: "... the joint policy paper the ILO did with the
  IMF on pensions in Iraq; what is its title?" asks the paper's title, not Iraq's.
* app/qa/form/background_clause.py: "Since the USP2030 partnership now has 53 members, which two
  organisations formally constituted it?": the clause is background and "it" is its partnership.
"""
from __future__ import annotations

import pytest

from app.qa.form.asides import Reduced
from app.qa.form.background_clause import also_without_background
from app.qa.form.coreference import fill_thing_name
from app.qa.relation.kind_heads import asked_kind, asks_body
from app.qa.topics.spans import asked_span
from tests.support.engine import answer_labels


@pytest.mark.parametrize("question, body", [
    ("Which national body in Utopia led the roadmap?", True),
    ("Which ministry in Utopia confirmed the commitment?", True),
    ("What agency runs the scheme?", True),
    ("Which organisations are members of the network?", False),
    ("Which countries joined the accelerator?", False),
])
def test_a_body_noun_asks_for_no_government(question, body):
    assert asks_body(question) is body


def test_a_body_after_a_scheme_word_is_the_head():
    assert asked_span("Which Utopian health insurance corporation was among the institutions?") is None
    assert asked_span("Which Utopian health insurance scheme was relaunched?") is not None
    assert asked_kind("Which Utopian health insurance corporation was among the institutions?") == "corporation"


def test_its_title_is_the_described_things():
    r = Reduced("what is its title as given in the report?",
                ["My supervisor asked me to dig up the joint policy paper the ILO did with Utopia on pensions"], True)
    assert fill_thing_name(r) == ("what is the title of the joint policy paper the ILO did with Utopia on pensions "
                                  "as given in the report?")
    assert fill_thing_name(Reduced("what is its capital?", ["I read about the scheme"], True)) is None


def test_a_background_clause_pointed_back_at_is_written_in(engine):
    from app.qa.question import analyse

    k = engine.k
    founded = {}
    for f in k.facts_where(predicate="founderOf"):
        founded.setdefault(f["object"], set()).add(f["subject"])
    members = {}
    for f in k.facts_where(predicate="memberOf"):
        members.setdefault(f["object"], set()).add(f["subject"])
    init = next((i for i in sorted(founded, key=lambda i: -len(members.get(i, ()))) if len(founded[i]) >= 2), None)
    if init is None:
        pytest.skip("no initiative with two founders")
    name = k.label(init)
    # any membership figure: read as a condition it would leave no initiative (or the wrong one)
    q = f"Since the {name} now has {len(members.get(init, ())) + 41} members, which organisations formally constituted it?"
    reduced = also_without_background(Reduced(q, []), lambda t: analyse(t, engine.lexicon))
    assert reduced.dropped and "constituted" in reduced.question and " it?" not in reduced.question
    assert set(answer_labels(engine.ask(q))) == {k.label(i) for i in founded[init]}


def test_a_national_body_is_never_a_country(engine):
    k = engine.k
    by_init = {}
    for f in k.facts_where(predicate="pathfinderOf"):
        by_init.setdefault(f["object"], []).append(f["subject"])
    if not by_init:
        pytest.skip("no pathfinders")
    init = max(by_init, key=lambda i: len(by_init[i]))
    for c in sorted(by_init[init])[:3]:
        res = engine.ask(f"Which national body in {k.label(c)} led the {k.label(init)} roadmap?")
        assert not [x for x in res["answers"] if x.get("type") == "Country"], c


def test_its_title_of_a_described_joint_paper(engine):
    """A publication the graph holds with one country and a co-publisher beside the author: asked
    by description, then "what is its title?"."""
    k = engine.k
    about, by = {}, {}
    for f in k.facts_where(predicate="publicationAbout"):
        about.setdefault(f["subject"], set()).add(f["object"])
    for f in k.facts_where(predicate="publishedBy"):
        by.setdefault(f["subject"], set()).add(f["object"])
    picks = [(p, next(iter(about[p])), sorted(by[p] - {"Organization:ilo"}))
             for p in sorted(about) if len(about[p]) == 1 and len(by.get(p, set()) - {"Organization:ilo"}) >= 1]
    if not picks:
        pytest.skip("no joint publication about one country")
    pub, country, with_ = picks[0]
    partners = " and the ".join(k.label(o) for o in with_)
    q = f"I was asked to dig up the joint paper the ILO did with the {partners} on {k.label(country)}; what is its title?"
    assert k.label(pub) in answer_labels(engine.ask(q)), q


def _funded_pathfinders(k):
    """(funder, its countries, the initiative's pathfinders) for a funder some of whose countries
    are pathfinders and have other funders too (so "funded only by" would read differently)."""
    funded, funders_of = {}, {}
    for f in k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:"):
            funded.setdefault(f["object"], set()).add(f["subject"])
            funders_of.setdefault(f["subject"], set()).add(f["object"])
    paths = {}
    for f in k.facts_where(predicate="pathfinderOf"):
        paths.setdefault(f["object"], set()).add(f["subject"])
    if not paths:
        pytest.skip("no pathfinders")
    init = max(paths, key=lambda i: len(paths[i]))
    for org, cs in sorted(funded.items(), key=lambda x: -len(x[1])):
        both = cs & paths[init]
        if 2 <= len(both) < len(cs) and any(len(funders_of[c]) > 1 for c in both):
            return org, cs, paths[init], init
    pytest.skip("no funder with several pathfinders among its countries")


def test_only_the_ones_that_are_pathfinders_keeps_the_funding(engine):
    k = engine.k
    org, cs, paths, init = _funded_pathfinders(k)
    q = f"Which countries does the {k.label(org)} fund - only the ones that are {k.label(init)} pathfinders?"
    assert set(answer_labels(engine.ask(q))) == {k.label(c) for c in cs & paths}, q


def test_a_listed_head_noun_asks_for_countries(engine):
    k = engine.k
    org, cs, paths, init = _funded_pathfinders(k)
    res = engine.ask(f"Could you list the pathfinder countries that the {k.label(org)} funds? Many thanks.")
    assert res["answers"] and all(x.get("type") == "Country" for x in res["answers"])
    assert {x["label"] for x in res["answers"]} <= {k.label(c) for c in cs}
