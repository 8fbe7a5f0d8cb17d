"""A "when" question answered by one year says the month the evidence dates the event by
(app/qa/figures/event_month.py); a question asking for the year by name keeps the bare year.

The engine case finds a sentence of the report that writes "<Month> <year>, the ILO published" and
asks when the publication it names came out; the expected month is read from that sentence."""
from __future__ import annotations

import re

import pytest

from app.qa.figures.event_month import asks_when, dated_label, with_month


@pytest.mark.parametrize("question, expected", [
    ("When did the Office publish its working paper?", True),
    ("Whenever the Office publishes a paper, who reads it?", False),  # "whenever" is no "when"
    ("In what year did the Office publish its working paper?", False),
    ("When, in which year, was it published?", False),
])
def test_asks_when(question, expected):
    assert asks_when(question) is expected


def _year_answer(text: str, year: str) -> dict:
    s = text.index(year)
    return {"label": year, "value": float(year), "evidence": [{"text": text, "highlights": [[s, s + len(year)]]}]}


def test_the_month_before_the_year_is_written_into_the_label():
    a = _year_answer("In April 2024, the Office published a working paper.", "2024")
    assert dated_label(a) == "April 2024"
    assert dated_label(_year_answer("On 12 December 2024 the brief came out.", "2024")) == "December 2024"
    assert dated_label(_year_answer("In 2024, the Office published a paper.", "2024")) is None
    got = with_month("When did the Office publish the paper?", [a])
    assert got[0]["label"] == "April 2024" and got[0]["value"] == 2024.0  # the value stays the year
    assert with_month("What year did the Office publish the paper?", [a])[0]["label"] == "2024"
    assert with_month("When did they publish?", [a, a]) == [a, a]  # several years: a list of years


def test_engine_says_the_month_of_a_dated_publication(engine):
    rx = re.compile(r"\bIn (January|February|March|April|May|June|July|August|September|October|November|December) "
                    r"((?:19|20)\d{2}), the ILO published (?:the|a|its) ([A-Z][\w ]+?) \"([^\"]{12,80})\"")
    for p in engine.k.passages.values():
        m = rx.search(p.text)
        if m:
            month, year, kind, title = m.groups()
            break
    else:
        pytest.skip("no sentence dates an ILO publication by month")
    r = engine.ask(f"When did the ILO publish the {kind} \"{title}\"?")
    assert [x["label"] for x in r["answers"]] == [f"{month} {year}"], r.get("path")
    r = engine.ask(f"In what year did the ILO publish the {kind} \"{title}\"?")
    assert [x["label"] for x in r["answers"]] == [year], r.get("path")
