"""A ratification approved at home but not yet registered, asked by the steps still to come:
"still awaits submission of the instrument", "a resolution approving the ratification", "the
instrument has not yet reached the ILO".  Such wording selects the ratifications whose status is
not "registered" and negates nothing; the engine test reads the pending ones from the graph.
"""
from __future__ import annotations

import pytest

from app.qa.question import _NOT_YET_STATUS, STATUS_PENDING
from tests.support.engine import answer_ids


@pytest.mark.parametrize("q", [
    "which country's ratification still awaits submission of the instrument",
    "which parliament passed a resolution approving the ratification",
    "the instrument has not yet reached the Director General",
    "ratification not yet submitted to the ILO",
    "ratification awaiting registration",
])
def test_steps_still_to_come_say_pending(q):
    assert STATUS_PENDING.search(q)


def test_a_not_yet_status_is_no_negation():
    assert _NOT_YET_STATUS.search("the instrument has not yet reached the ILO")
    assert _NOT_YET_STATUS.search("not yet submitted")
    assert not _NOT_YET_STATUS.search("countries that have not ratified")


def test_ratified_is_not_pending():
    assert not STATUS_PENDING.search("which countries ratified the convention in 2024")


@pytest.mark.parametrize("form", [
    "Which country's C{n} ratification still awaits submission of the instrument to the ILO?",
    "which country passed a resolution approving ratification of convention {n}",
    "which country has ratified C{n} at home but the instrument has not yet reached the ILO",
])
def test_pending_ratifications_answer_status_wordings(engine, form):
    from app.qa.names.instrument_names import instrument_number

    pending: dict[str, set[str]] = {}
    for f in engine.k.facts_where(predicate="ratified"):
        if (f.get("attrs") or {}).get("status") not in (None, "registered"):
            pending.setdefault(f["object"], set()).add(f["subject"])
    if not pending:
        pytest.skip("no pending ratification in this build")
    inst, countries = sorted(pending.items())[0]
    res = engine.ask(form.format(n=instrument_number(engine.k.label(inst))))
    assert answer_ids(engine, res) == countries
