"""The year a ratification took effect is no year while it is not registered (app.qa.constraints.valid_years)."""

import pytest

from app.qa.constraints.valid_years import asks_effect


@pytest.mark.parametrize("q,effect", [
    ("In what year did that ratification become valid at the international level?", True),
    ("When did the ratification enter into force?", True),
    ("when was it registered with the ILO", True),
    ("In what year did the parliament approve the ratification?", False),
    ("what year did it ratify c102", False),
])
def test_asking_when_a_ratification_took_effect(q, effect):
    assert asks_effect(q) is effect


def _ratifications(k, registered):
    out = []
    for f in k.facts:
        if f["predicate"] == "ratified" and (f.get("attrs") or {}).get("year"):
            status = (f.get("attrs") or {}).get("status") in (None, "", "registered")
            if status is registered:
                out.append(f)
    return out


@pytest.mark.parametrize("asking", [
    "In what year did {c}'s ratification of {i} become valid?",
    "When did the ratification of {i} by {c} enter into force?",
])
def test_no_year_of_effect_for_an_unregistered_ratification_and_the_reason_is_said(engine, asking):
    k = engine.k
    pending = _ratifications(k, registered=False)
    assert pending
    for f in pending:
        out = engine.ask(asking.format(c=k.label(f["subject"]), i=k.label(f["object"])))
        assert out["answers"] == [] and "not yet registered" in (out.get("message") or "")


def test_a_registered_ratifications_year_of_effect_is_answered(engine):
    k = engine.k
    for f in _ratifications(k, registered=True)[:3]:
        out = engine.ask(f"In what year did {k.label(f['subject'])}'s ratification of {k.label(f['object'])} become valid?")
        assert [x["label"] for x in out["answers"]] == [str(f["attrs"]["year"])]


def test_the_approval_year_of_an_unregistered_ratification_is_still_answered(engine):
    k = engine.k
    for f in _ratifications(k, registered=False):
        out = engine.ask(f"In what year did {k.label(f['subject'])} approve the ratification of {k.label(f['object'])}?")
        assert [x["label"] for x in out["answers"]] == [str(f["attrs"]["year"])]
