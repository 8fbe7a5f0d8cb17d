"""A national strategy's act told without a year, and a strategy named with its topic after "on".

"Which countries adopted a national social protection policy or strategy in 2024?" is answered from
the year on each instrument's ``instrumentOfCountry`` statement.  Two kinds of policy were missing:
one launched in a sentence that gives no year ("Zambia finalised and launched a new National Social
Protection Policy", told in the 2024 report's country entry: that year's act, as the activity the same
sentence yields was already dated), and one named "National Strategy on Social Protection" (the same
kind, written with the topic after "on", which the name-linker did not group with the others).

Pure pieces run on invented names; the engine test derives the expected countries from the graph's
own dated activities, never from a typed list.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from graph.extract.instruments import compound_forms
from graph.extract.schemes import DONE_ACTS, undated_act_year
from tests.support.engine import answer_ids


def test_a_topic_after_on_or_for_is_also_written_before_the_head():
    assert compound_forms("National Strategy on Social Protection") == ["National Social Protection Strategy"]
    assert compound_forms("Policy for Rural Welfare") == ["Rural Welfare Policy"]
    # a long or lower-case tail, a year or another head keeps its one name
    assert compound_forms("Strategy for the Development of the Informal Economy") == []
    assert compound_forms("National Strategy on Social Protection 2024-2030") == []
    assert compound_forms("Law on Social Insurance") == []


def test_an_undated_done_act_takes_the_reports_year_unless_the_entry_says_nothing_was_done():
    told = {"p1": SimpleNamespace(text="Freedonia finalised and launched a new National Welfare Policy."),
            "p2": SimpleNamespace(text="While no formal activities have taken place during the 2031 reporting "
                                       "period, Freedonia launched a National Welfare Policy.")}
    assert undated_act_year(None, told, "p1", "launched", None, "2031") == "2031"
    assert undated_act_year(None, told, "p1", "launched", "2029", "2031") == "2029"  # the sentence's own year
    assert undated_act_year(None, told, "p1", "drafted", None, "2031") is None  # a draft is no act done
    assert undated_act_year(None, told, "p2", "launched", None, "2031") is None
    assert "drafted" not in DONE_ACTS and "under development" not in DONE_ACTS


def _strategies_done_in(k, year: str) -> set[str]:
    """Countries with an activity of that year that adopted/launched/... a national social protection
    policy or strategy (however its name orders the words), read from the activity facts."""
    def kind_of(label: str) -> bool:
        low = label.lower()
        return "national" in low and "social protection" in low and ("policy" in low or "strategy" in low) \
            and "plan" not in low and "financing" not in low
    out = set()
    for f in k.facts:
        if f["predicate"] != "activityConcerns" or not f["object"].startswith("LegalInstrument:"):
            continue
        status = (f.get("attrs") or {}).get("status")
        inst = k.entity(f["object"]) or {}
        if status in DONE_ACTS and f["subject"].split("-")[1:2] == [year] and kind_of(inst.get("label") or ""):
            out.add("Country:" + (inst.get("attrs") or {}).get("country", ""))
    return out


def test_which_countries_adopted_a_national_policy_or_strategy_in_the_year(engine):
    expected = _strategies_done_in(engine.k, "2024")
    assert len(expected) >= 3
    res = engine.ask("Which countries adopted a new national social protection policy or strategy in 2024?")
    got = answer_ids(engine, res)
    assert expected <= got, sorted(expected - got)


# -- laws, decrees, resolutions asked by kind, none named ------------------------------------------
from app.qa.constraints.measure_acts import asked_kinds  # noqa: E402


def test_the_legal_kind_is_read_from_the_question_not_from_a_verb():
    assert asked_kinds("which countries passed new laws in 2031") == ["law"]
    assert asked_kinds("decrees adopted 2031 which countries") == ["decree"]
    assert set(asked_kinds("new legislation or resolutions adopted in 2031")) == {"law", "resolution"}
    assert asked_kinds("how did the ILO act on this in 2031") == []
    assert asked_kinds("which countries adopted a strategy in 2031") == []
    # a measure that is a detail of another deed is not what was done
    assert asked_kinds("where did the ILO help set up an inspection service, with a decree, in 2031") == []


def _measures_done_in(k, kind: str, year: str) -> set[str]:
    """Countries with a measure of that kind whose act the graph dates to that year."""
    return {f["object"] for f in k.facts if f["predicate"] == "instrumentOfCountry"
            and (f.get("attrs") or {}).get("kind_of") == kind and (f.get("attrs") or {}).get("year") == year
            and (f.get("attrs") or {}).get("status") in DONE_ACTS}


def _measures_done_before(k, kind: str, year: str) -> set[str]:
    return {f["object"] for f in k.facts if f["predicate"] == "instrumentOfCountry"
            and (f.get("attrs") or {}).get("kind_of") == kind and ((f.get("attrs") or {}).get("year") or year) < year}


@pytest.mark.parametrize("question,kind", [
    ("Which countries passed a new social protection law in 2024?", "law"),
    ("decrees adopted 2024 which countries", "decree"),
])
def test_countries_that_passed_a_measure_of_a_kind_in_the_year(engine, question, kind):
    expected = _measures_done_in(engine.k, kind, "2024")
    assert expected, f"the graph dates no {kind} to 2024"
    got = answer_ids(engine, engine.ask(question))
    assert got == expected
    # a law adopted in an earlier year (and never again) is no answer
    assert not (_measures_done_before(engine.k, kind, "2024") - expected) & got
