"""Two reading rules for a name read out of a sentence.

* app/qa/constraints/superseded.py: "the transition from the former National Health Insurance Fund
  to the newly established Social Health Authority" answers "which body took over ..." with the
  authority only; the former fund stays when the question asks about the past one.
* app/qa/topics/spans.py ``_initials``: "trained on the ILO/EII model" writes "Employment Injury
  Insurance" as its initials, so that expansion is a name the question gives, not the fund asked.
"""
from __future__ import annotations

import re

import pytest

from app.qa.constraints.superseded import current_only, is_past
from app.qa.textstep import Found
from app.qa.topics.spans import _initials
from tests.support.engine import answer_labels

_TEXT = "The transition from the former Utopia Health Fund (UHF) to the newly established Utopia Health Authority was completed."


def _found(text: str, *names: str) -> list[Found]:
    return [Found("Organization", f"Organization:{n}", n, [(text.index(n), text.index(n) + len(n))]) for n in names]


def test_a_name_marked_former_is_past():
    assert is_past(_TEXT, _TEXT.index("Utopia Health Fund"))
    assert not is_past(_TEXT, _TEXT.index("Utopia Health Authority"))


def test_the_current_name_is_kept_and_the_former_dropped():
    got = current_only(_found(_TEXT, "Utopia Health Fund", "Utopia Health Authority"), _TEXT,
                       "Which body took over administering health benefits?")
    assert [f.label for f in got] == ["Utopia Health Authority"]


@pytest.mark.parametrize("question", ["Which fund did the authority replace?",
                                      "What was the previous body called?"])
def test_a_question_about_the_past_thing_keeps_it(question):
    found = _found(_TEXT, "Utopia Health Fund", "Utopia Health Authority")
    assert current_only(found, _TEXT, question) == found


def test_nothing_is_dropped_when_every_name_is_past_or_alone():
    text = "The former Utopia Health Fund and the former Utopia Pension Board merged."
    found = _found(text, "Utopia Health Fund", "Utopia Pension Board")
    assert current_only(found, text, "Which bodies merged?") == found
    assert current_only(found[:1], text, "Which body merged?") == found[:1]


def test_initials_of_a_name():
    assert _initials("Employment Injury Insurance") == "EII"
    assert _initials("Workers' Compensation Fund (WCF)") == "WCF"
    assert _initials("Fund") == ""


def test_the_engine_answers_the_current_body(engine):
    """A sentence of the report that names a former body and another of the same type: the body
    asked as the one that acts now is never the former one."""
    for p in engine.k.passages.values():
        m = re.search(r"\bthe former ((?:[A-Z][\w'’]+ ){1,5}[A-Z][\w'’]+)", p.text)
        if m and p.section.count(">") >= 3:
            break
    else:
        pytest.skip("the report names no former body in a country entry")
    country = p.section.split(">")[-1].strip()
    sent = next(s for s in re.split(r"(?<=\.)\s+", p.text) if m.group(0) in s)
    # the sentence's own closing words, lower case only (no name of it is written into the question)
    tail = " ".join(re.findall(r"\b[a-z]+\b", sent.split(m.group(0))[-1])[-5:])
    got = answer_labels(engine.ask(f"Which national body in {country} is {tail}?"))
    assert got and m.group(1) not in got


def test_an_acronym_the_question_writes_is_not_answered_by_its_expansion(engine):
    for p in engine.k.passages.values():
        m = re.search(r"\b([A-Z]{2,})/([A-Z]{2,}) \(((?:[A-Z][a-z]+ ){1,4}[A-Z][a-z]+)\)", p.text)
        if m and _initials(m.group(3)) == m.group(2) and p.section.count(">") >= 3:
            break
    else:
        pytest.skip("no 'ORG/ACR (Expansion)' in a country entry")
    country = p.section.split(">")[-1].strip()
    got = answer_labels(engine.ask(f"Which fund in {country} had its staff trained on the {m.group(1)}/{m.group(2)} model?"))
    assert m.group(3) not in got and got
