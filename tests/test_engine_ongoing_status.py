"""A relation asked in the present keeps the statements the report tells as under way (round 26,
fresh_qinit26): "how many countries is the ILO supporting in assessing how their systems align with
Convention No. 102" is the campaign's list of ongoing assessments, not that list plus an assessment
a country entry tells as done; a question in the past keeps both.

Pure pieces run on invented text; engine tests compare with sets computed from the graph's own
facts (their ``status`` / ``also_status``), never typed in.
"""
from __future__ import annotations

import pytest

from app.qa.constraints.ongoing_status import asks_ongoing, mixed
from graph.relations import REGISTRY
from tests.support.engine import answer_ids

_REL = "alignmentAssessed"


# -- pure pieces ------------------------------------------------------------------------------------
def test_the_present_asks_ongoing_and_the_past_does_not():
    assert asks_ongoing("How many countries is the agency helping assess against Convention No. 301?")
    assert asks_ongoing("c301 alignment assessments supported countries")
    assert not asks_ongoing("Which country did the agency help compare its law against Convention No. 301?")
    assert not asks_ongoing("which law was compared with Convention No. 301 in a report validated in May?")
    assert not asks_ongoing("Which country's comparative report led to a roadmap for ratifying Convention No. 301?")
    assert not asks_ongoing("Which country developed a roadmap towards Convention No. 301 after its gap report?")


def test_only_a_mixed_set_of_statuses_is_narrowed():
    r = REGISTRY[_REL]
    on, done = r.ongoing_status, "conducted"
    assert mixed(r, [{"attrs": {"status": on}}, {"attrs": {"status": done}}])
    assert mixed(r, [{"attrs": {"status": done, "also_status": [on]}}, {"attrs": {"status": done}}])
    assert not mixed(r, [{"attrs": {"status": on}}, {"attrs": {"status": done, "also_status": [on]}}])
    assert not mixed(REGISTRY["ratified"], [{"attrs": {"status": "x"}}, {"attrs": {"status": "y"}}])


# -- the real engine --------------------------------------------------------------------------------
def _sides(engine, inst: str = "LegalInstrument:c102") -> tuple[set[str], set[str]]:
    status = REGISTRY[_REL].ongoing_status
    ongoing, other = set(), set()
    for f in engine.k.facts_where(predicate=_REL, obj=inst):
        at = f.get("attrs") or {}
        (ongoing if status in {at.get("status"), *(at.get("also_status") or ())} else other).add(f["subject"])
    if not ongoing or not other:
        pytest.skip("the build holds no assessments in both statuses")
    return ongoing, other


def test_a_country_told_both_ways_keeps_the_ongoing_status(engine):
    status = REGISTRY[_REL].ongoing_status
    both = [f for f in engine.k.facts_where(predicate=_REL)
            if status in ((f.get("attrs") or {}).get("also_status") or ())]
    assert both, "an assessment told as done in its entry and as under way in a list keeps both statuses"


def test_the_present_counts_the_ongoing_assessments(engine):
    ongoing, _ = _sides(engine)
    for q in ("How many countries is the ILO supporting in assessing how their social security systems align "
              "with Convention No. 102?",
              "number of countries ILO supporting to assess alignment with Convention 102"):
        res = engine.ask(q)
        assert [x["label"] for x in res["answers"]] == [str(len(ongoing))], q


def test_the_present_lists_the_ongoing_assessments(engine):
    ongoing, other = _sides(engine)
    res = engine.ask("Which countries is the ILO helping check against Convention No. 102?")
    assert answer_ids(engine, res) == ongoing
    assert not answer_ids(engine, res) & (other - ongoing)


def test_the_past_keeps_every_assessment(engine):
    ongoing, other = _sides(engine)
    res = engine.ask("Which countries had their social security systems compared against Convention No. 102?")
    assert answer_ids(engine, res) == ongoing | other


def test_a_done_assessment_asked_in_the_past_is_found(engine):
    """"which country's comparative report led to a roadmap ...": an assessment told as done only."""
    _, other = _sides(engine)
    done = [f for f in engine.k.facts_where(predicate=_REL, obj="LegalInstrument:c102") if f["subject"] in other]
    if not any("comparative report" in (f["attrs"].get("sentence") or "") for f in done):
        pytest.skip("no done assessment told as a comparative report")
    res = engine.ask("Which country's comparative report on its social security legislation led to a roadmap for "
                     "ratifying Convention No. 102?")
    assert answer_ids(engine, res) & other
