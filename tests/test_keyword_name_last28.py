"""A keyword query closing on "name" asks the name of the one thing it describes (qkey28).

"malawi new non-contributory pension 70 name": read as it stood, the number pulled the intent to a
year question and the year of a Malawi sentence answered.  Closing on "name" is the keyword form of
"what is ... called" (app.qa.form.keyword_order), as closing on "called" already was; "full name"
asks an acronym's expansion, and a plural kind ("p4h members name") the things' names, listed.

The real engine over the real build; the scheme and its figures are read from the report.
"""
from __future__ import annotations

import re

from app.qa.form.keyword_order import question_word_first
from tests.support.engine import passage_with


def test_name_last_is_the_called_form():
    assert question_word_first("atlantis new pension 70 name") == "what is atlantis new pension 70 called?"
    assert question_word_first("atlantis bpf full name") == "atlantis bpf full name"
    assert question_word_first("atlantis network members name") == "atlantis network members name"
    # a kind noun right before "name" already says what is named
    assert question_word_first("atlantis disability allowance scheme name") == "atlantis disability allowance scheme name"


def test_scheme_name_asked_with_its_figure(engine):
    p, m = passage_with(engine, r"established a new (non-contributory) [\w ]*?benefit, the ([A-Z][\w'’ ]+?) \(\w+\), "
                                r"which consists of a monthly benefit to people aged (\d+)")
    country = list(p.section_path)[-1]  # the country entry the sentence is in
    res = engine.ask(f"{country.lower()} new {m.group(1)} pension {m.group(3)} name")
    got = [a["label"] for a in res["answers"]]
    assert got and re.sub(r"\W", "", got[0].lower()).startswith(re.sub(r"\W", "", m.group(2).lower()))
