"""Readings found by round 42's probes, each in general form, through the real engine on the bundled
report.  Expected answers are read from the graph's facts and the report's passages, or from the
engine's own answer to the open question, never typed."""
from __future__ import annotations

import re

import pytest


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _year(res) -> int:
    assert res["answer_type"] == "Year" and len(res["answers"]) == 1, res["path"]
    return int(re.search(r"(?:19|20)\d\d", res["answers"][0]["label"]).group(0))


# ---- "Did the Vietnamese amendments ... take effect in 2024?": a stated year checked against the date

def test_a_stated_year_is_read_as_its_open_question():
    from app.qa.constraints.year_polar import read
    got = read("Did the Atlantis amendments to the Pension Law take effect in 2024?")
    assert got.year == 2024 and not got.by and got.stated == "in 2024"
    assert got.open_question == "When did the Atlantis amendments to the Pension Law take effect?"
    due = read("Is the Atlantis pilot due to finish by the end of 2025?")
    assert due.by and due.open_question == "When is the Atlantis pilot due to finish?"
    # a year naming a thing, a span, two years, a quantified or negated check: no stated date
    assert read("Did the 2024 report name Atlantis?") is None
    assert read("Did Atlantis run the scheme in 2021-2025?") is None
    assert read("Did Atlantis adopt the law in 2023 or in 2024?") is None
    assert read("Did any country ratify the convention in 2024?") is None
    assert read("Did Atlantis not ratify the convention in 2024?") is None


def test_a_stated_year_other_than_the_reports_date_is_no(engine):
    asked = "the amendments to the Law on Social Insurance in Viet Nam take effect"
    year = _year(engine.ask(f"When did {asked}?"))
    wrong = engine.ask(f"Did {asked} in {year - 1}?")
    assert _labels(wrong) == ["No"] and f"not in {year - 1}" in wrong["answer_text"], wrong["path"]
    assert wrong["strategy"] == "yes/no (stated year)"
    # "by" a later year agrees; an agreeing year is left to the readings that need the words written
    assert engine.ask(f"Did {asked} by {year + 1}?")["strategy"] != "yes/no (stated year)"
    assert engine.ask(f"Did {asked} in {year}?")["strategy"] != "yes/no (stated year)"

