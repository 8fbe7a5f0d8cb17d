"""A ratification approved at home but not registered with the ILO is not a ratification, and
the answer says what the report does say about it rather than nothing (app.qa.constraints.unregistered)."""

import pytest


def _unregistered(engine) -> list[dict]:
    return [f for f in engine.k.facts_where(predicate="ratified")
            if (f.get("attrs") or {}).get("status") not in (None, "", "registered")]


def _only_unregistered(engine) -> list[dict]:
    """Unregistered ratifications of countries with no registered one of any instrument."""
    out = []
    for f in _unregistered(engine):
        own = engine.k.facts_where(subject=f["subject"], predicate="ratified")
        if all((g.get("attrs") or {}).get("status") not in (None, "", "registered") for g in own):
            out.append(f)
    return out


def test_an_empty_list_of_ratifications_says_what_was_approved(engine):
    facts = _only_unregistered(engine)
    if not facts:
        pytest.skip("no country with only an unregistered ratification in this report")
    for f in facts:
        country, inst = engine.k.label(f["subject"]), engine.k.label(f["object"])
        res = engine.ask(f"which conventions did {country} ratify")
        assert res["answers"] == []
        assert country in res["message"] and inst in res["message"] and "not" in res["message"]
        if f["attrs"].get("year"):
            assert f["attrs"]["year"] in res["message"]
        # the sentence that says so is the first passage shown
        assert res["passages"][0]["passage_id"] in f["passages"]
        assert res["passages"][0]["text"]


def test_a_yes_no_question_says_no_registered_ratification_and_cites_the_approval(engine):
    facts = _only_unregistered(engine)
    if not facts:
        pytest.skip("no country with only an unregistered ratification in this report")
    f = facts[0]
    country, inst = engine.k.label(f["subject"]), engine.k.label(f["object"])
    res = engine.ask(f"Did {country} ratify {inst}?")
    assert [a["label"] for a in res["answers"]] == ["No"]
    assert "approved" in res["answer_text"] and inst in res["answer_text"]
    assert res["citations"] and set(res["citations"].values()) <= set(f["passages"])


def test_registered_ratifications_are_unchanged(engine):
    registered = [f for f in engine.k.facts_where(predicate="ratified")
                  if (f.get("attrs") or {}).get("status") in (None, "registered")]
    assert registered
    f = sorted(registered, key=lambda f: f["subject"])[0]
    country, inst = engine.k.label(f["subject"]), engine.k.label(f["object"])
    res = engine.ask(f"Did {country} ratify {inst}?")
    assert [a["label"] for a in res["answers"]] == ["Yes"]
    assert "approved" not in res["answer_text"]
    listed = engine.ask(f"which conventions did {country} ratify")
    assert inst in [a["label"] for a in listed["answers"]] and "message" not in listed
