"""A keyword query ending in what is counted of a website, a course or a publication ("platform
page impressions 2024", "report downloads"): the figure said of that noun, not the first figure of
the sentence (only people nouns made a keyword query's last word its counted noun, so the
sentence's year-nearest figure answered: the users for the page impressions).

The real engine over the real build; the sentence and its figures are read from the report.
"""
from __future__ import annotations

import re

from app.qa.figures.numbers import counted_noun_last
from tests.support.engine import passage_with


def test_audience_nouns_are_counted():
    assert counted_noun_last("platform page impressions 2024")
    assert counted_noun_last("report downloads")
    assert not counted_noun_last("which countries had page impressions")


def test_figure_beside_the_audience_noun(engine):
    # a sentence with two figures, the second said of a noun of audience ("300,000 ... impressions")
    _, m = passage_with(engine, r"([\d,]+) users\b[^.]{0,60}?\b([\d,]+) (?:individual )?(page impressions|views)\b")
    noun = m.group(3)
    res = engine.ask(f"platform {noun} 2024" if "impressions" in noun else f"platform {noun}")
    got = [a["label"] for a in res["answers"]]
    assert got and re.sub(r"\D", "", got[0]) == re.sub(r"\D", "", m.group(2))
