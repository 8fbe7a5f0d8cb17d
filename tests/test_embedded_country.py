"""A described country inside the question (app/qa/multihop/embedded_country.py, via described_country.split).

"When did the country whose institute co-finances the ILO's work ratify Convention No. 102?" and
"ratification year of the country that X funds" ask a fact of one country they describe; the whole
reading answered the country itself.  The naming question is asked first, then the question proper
with the country's name written in.  The engine check compares with the question that names the
country, for every funder that funds exactly one ratifying country (knowledge base facts).
"""
from __future__ import annotations

import pytest

from app.qa.multihop.described_country import split
from tests.support.engine import answer_labels, funders_per_country


@pytest.mark.parametrize("question, inner, outer", [
    ("When did the country whose institute co-finances the work ratify Convention No. 102?",
     "Which country whose institute co-finances the work?", "When did {} ratify Convention No. 102?"),
    ("In what year did the country that Utopia funds join the Global Accelerator?",
     "Which country that Utopia funds?", "In what year did {} join the Global Accelerator?"),
    ("c102 ratification year of the country whose pension fund got an actuarial valuation",
     "Which country whose pension fund got an actuarial valuation?", "c102 ratification year of {}"),
    ("How many schemes has the small island country where the portal was launched introduced?",
     None, None),  # "introduced" is not where the description ends before the verb: no split is fine
])
def test_the_description_ends_at_the_question_propers_verb(question, inner, outer):
    named = split(question)
    if inner is None:
        assert named is None or "{}" in named.outer
        return
    assert named is not None and named.inner == inner and named.outer == outer


@pytest.mark.parametrize("question", [
    "When did Atlantis ratify Convention No. 102?",
    "Which countries does the country whose fund is largest work with?",  # no question-proper verb
    "Who funds the work in the country whose pension act passed?",  # a description ending a question: the engine's own
])
def test_no_embedded_description_no_split(question):
    named = split(question)
    assert named is None or not named.outer.startswith(("When did {}", "Which countries does {}"))


def _single_country_funders(engine) -> list[tuple[str, str]]:
    """(funder label, country label) for funders of exactly one country that ratified something."""
    k = engine.k
    ratifiers = {f["subject"] for f in k.facts if f["predicate"] == "ratified" and (f.get("attrs") or {}).get("year")}
    by_funder: dict[str, set[str]] = {}
    for c, fs in funders_per_country(k).items():
        for f in fs:
            by_funder.setdefault(f, set()).add(c)
    out = [(k.entity(f)["label"], k.entity(next(iter(cs)))["label"]) for f, cs in sorted(by_funder.items())
           if len(cs) == 1 and next(iter(cs)) in ratifiers]
    if not out:
        pytest.skip("no funder of exactly one ratifying country")
    return out[:3]


def test_a_year_asked_of_a_described_country_is_its_year(engine):
    for funder, country in _single_country_funders(engine):
        want = answer_labels(engine.ask(f"When did {country} ratify Convention No. 102?"))
        assert want
        for q in (f"When did the country that the {funder} funds ratify Convention No. 102?",
                  f"In which year did the country that the {funder} funds ratify Convention No. 102?"):
            assert answer_labels(engine.ask(q)) == want, q


def test_typos_in_the_frame_do_not_hide_the_described_country(engine):
    """"wat yaer did the contry that ... ratify ...": the frame's words are spelled before the split, so
    the typo question gets the same year as the one spelled right."""
    chained = lambda r: any("asked first" in step for step in r.get("path") or [])
    for funder, country in _single_country_funders(engine):
        right = engine.ask(f"In what year did the country that the {funder} funds ratify Convention No. 102?")
        assert answer_labels(right)
        q = f"wat yaer did the contry that the {funder} funds ratify Convention No. 102?"
        got = engine.ask(q)
        assert answer_labels(got) == answer_labels(right), (q, got.get("path"))
        assert chained(got) == chained(right), got.get("path")  # read as the chain the right spelling is read as
