"""Statements of one year ordered by the day or month the text dates them by (round 26,
fresh_qinit26): "which country was the first to join the Global Accelerator as a pathfinder" got
every pathfinder of the earliest year; the report dates each joining to the day ("on 7 June 2023"),
so the extractor keeps that date (``fg:date``) and the earliest / latest ranking breaks a tie on it.

Pure pieces run on invented text; the engine test compares with the dates of the graph's own facts,
never typed in.
"""
from __future__ import annotations

import pytest

from app.qa.figures.aggregate import Row, _by_date
from graph.dates import iso_date
from tests.support.engine import answer_ids


# -- pure pieces ------------------------------------------------------------------------------------
def test_a_sentence_dates_its_event_by_day_or_month():
    assert iso_date("Freedonia joined the Alliance on 3 March 2031.", "2031") == "2031-03-03"
    assert iso_date("In October 2031, the Minister confirmed the commitment.", "2031") == "2031-10"
    assert iso_date("On May 9, 2031 it joined; in 2030 it had asked.", "2031") == "2031-05-09"
    assert iso_date("The plan for 2031 was drafted.", "2031") is None
    assert iso_date("It joined on 3 March 2030.", "2031") is None  # not the year the statement carries


def _row(key):
    return Row(key, key, 2031, ["2031"])


def test_a_tie_on_the_year_is_broken_by_the_date():
    rows = [_row("A"), _row("B"), _row("C")]
    top, runner = _by_date(rows, {"A": "2031-07-28", "B": "2031-06-07", "C": "2031-11"}, latest=False)
    assert [x.key for x in top] == ["B"] and runner.key == "A"
    top, runner = _by_date(rows, {"A": "2031-07-28", "B": "2031-06-07", "C": "2031-11"}, latest=True)
    assert [x.key for x in top] == ["C"] and runner.key == "A"


def test_no_break_when_a_date_is_missing_or_cannot_be_told_apart():
    rows = [_row("A"), _row("B")]
    assert _by_date(rows, {"A": "2031-07-28"}, latest=False) is None
    assert _by_date(rows, {"A": "2031-12", "B": "2031-12-05"}, latest=False) is None


# -- the real engine --------------------------------------------------------------------------------
def test_the_first_pathfinder_is_the_earliest_dated_one(engine):
    facts = [f for f in engine.k.facts_where(predicate="pathfinderOf") if (f.get("attrs") or {}).get("year")]
    if not facts:
        pytest.skip("no dated pathfinders")
    init = max({f["object"] for f in facts}, key=lambda i: sum(f["object"] == i for f in facts))
    facts = [f for f in facts if f["object"] == init]
    first_year = min(int(f["attrs"]["year"]) for f in facts)
    tied = [f for f in facts if int(f["attrs"]["year"]) == first_year]
    dates = {f["subject"]: f["attrs"].get("date") for f in tied}
    if len(tied) < 2 or not all(dates.values()) or len(set(dates.values())) < 2:
        pytest.skip("no tie on the year that the dates break")
    want = {s for s, d in dates.items() if d == min(dates.values())}
    res = engine.ask(f"which country was the first to join the {engine.k.label(init)} as a pathfinder?")
    assert answer_ids(engine, res) == want, res["path"]
