"""A wh-question closed by "first" / "last" asks for the earliest / latest by the year a statement
carries ("which country ratified C102 first?"), as "the first to" does; it listed every subject.

The relation, instrument and expected answers are read from the knowledge base's dated
statements, and the questions are written for these tests (in no tuning set)."""
from __future__ import annotations

import pytest

from app.qa.figures.aggregate import EARLIEST, LATEST
from tests.support.engine import answer_ids


@pytest.mark.parametrize("q", ["which country ratified it first", "Which country joined the network first?",
                               "who signed up first ?"])
def test_closing_first_is_earliest(q):
    assert EARLIEST.search(q) and not LATEST.search(q)


@pytest.mark.parametrize("q", ["which country ratified it last", "Who joined last?"])
def test_closing_last_is_latest(q):
    assert LATEST.search(q) and not EARLIEST.search(q)


@pytest.mark.parametrize("q", ["the country that ratified last year", "which countries came first and second",
                               "first, which countries ratified it"])
def test_first_or_last_elsewhere_is_no_superlative(q):
    assert not EARLIEST.search(q) and not LATEST.search(q)


def _dated_ratifications(engine) -> tuple[str, dict[str, int]]:
    """The instrument with the most registered ratifications and their years (an approval not yet
    registered is no ratification)."""
    by_inst: dict[str, dict[str, int]] = {}
    for f in engine.k.facts_where(predicate="ratified"):
        at = f.get("attrs") or {}
        y = str(at.get("year") or "")
        if f["subject"].startswith("Country:") and y.isdigit() and at.get("status") in (None, "registered"):
            by_inst.setdefault(f["object"], {})[f["subject"]] = int(y)
    inst, years = max(by_inst.items(), key=lambda kv: len(kv[1]), default=(None, {}))
    if inst is None or len(set(years.values())) < 3:
        pytest.skip("no instrument with ratifications in three different years")
    return inst, years


def test_closing_adverb_ranks_ratifications(engine):
    inst, years = _dated_ratifications(engine)
    name = min(engine.k.names(inst), key=len)
    first = {c for c, y in years.items() if y == min(years.values())}
    last = {c for c, y in years.items() if y == max(years.values())}
    for q in (f"which country ratified {name} first", f"Which country ratified {name} first?"):
        assert answer_ids(engine, engine.ask(q)) == first, q
    for q in (f"which countries ratified {name} last", f"Which country ratified {name} last?"):
        assert answer_ids(engine, engine.ask(q)) == last, q
