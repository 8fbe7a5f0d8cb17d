"""A month the question writes dates the event it asks about (app/qa/constraints/month_dated.py):
of a graph answer's items, those whose evidence sentence names them and writes that month.

The engine cases take the relation's holders from the graph and the dated sentence from the
report's passages, never typed: a relation with several holders where exactly one holder's
evidence writes a month is found in the build, and the question is written from it.
"""
from __future__ import annotations

import re

import pytest

from app.qa.constraints.month_dated import asked_month, dates_answer, narrowed


# -- pure pieces ---------------------------------------------------------------------------------
@pytest.mark.parametrize("question, expected", [
    ("Who took on the secretariat of the network in December 2024?", ("december", "2024")),
    ("which country joined the accelerator in march", ("march", None)),
    ("What did the ILO publish on 12 December 2024?", ("december", "2024")),
    ("Which countries held workshops in May 2024?", ("may", "2024")),
    ("Which fund was relaunched in May?", ("may", None)),
    # no event month: a bound on a figure, two months, the verb "may", no month at all
    ("How many staff, as of March 2025, work on social protection?", None),
    ("attendance at the meetings held in September and November 2024", None),
    ("Which countries may join the accelerator?", None),
    ("Which countries joined the accelerator in 2024?", None),
])
def test_asked_month(question, expected):
    assert asked_month(question) == expected


def _answer(label: str, text: str) -> dict:
    marks = [[m.start(), m.end()] for m in re.finditer(re.escape(label), text)]
    return {"label": label, "evidence": [{"text": text, "highlights": marks}]}


def test_only_the_sentence_naming_the_answer_dates_it():
    text = "In 2024, Atlantis joined the network. In December 2024, Utopia set up its secretariat."
    a, u = _answer("Atlantis", text), _answer("Utopia", text)
    assert not dates_answer(a["evidence"], "december", "2024")  # the month is in another sentence
    assert dates_answer(u["evidence"], "december", "2024")
    assert not dates_answer(u["evidence"], "december", "2023")  # the year asked must be written too
    kept, why = narrowed("Who set up the secretariat in December 2024?", [a, u])
    assert [x["label"] for x in kept] == ["Utopia"] and "December 2024" in why


def test_a_month_that_dates_every_answer_or_none_narrows_nothing():
    text = "In March 2024, Atlantis and Utopia joined."
    both = [_answer("Atlantis", text), _answer("Utopia", text)]
    assert narrowed("Which countries joined in March 2024?", both) is None
    assert narrowed("Which countries joined in June 2024?", both) is None


# -- the real engine over the real build -------------------------------------------------------------
def _dated_holder(engine):
    """(relation, object, the holder whose evidence is dated, the month and year, all holders): a
    relation whose object has several subjects in the graph, where exactly one subject's statement
    passage has a sentence naming it and a "<Month> <year>" date."""
    month_rx = re.compile(r"\bIn\s+(January|February|March|April|June|July|August|September|October|November|December)"
                          r"\s+((?:19|20)\d{2})\b")
    for pred in ("secretariatOf", "memberOf"):
        by_object: dict[str, set[str]] = {}
        for f in engine.k.facts_where(predicate=pred):
            by_object.setdefault(f["object"], set()).add(f["subject"])
        for obj, subjects in sorted(by_object.items()):
            if not 2 <= len(subjects) <= 25:
                continue
            dated = {}
            for s in subjects:
                names = [n for n in engine.k.names(s) if len(n) > 3]
                for f in engine.k.facts_where(subject=s, predicate=pred, obj=obj):
                    for pid in f["passages"]:
                        for sent in re.split(r"(?<=[.;])\s+", engine.k.passage(pid).text):
                            m = month_rx.search(sent)
                            if m and any(n in sent for n in names):
                                dated.setdefault(s, set()).add((m.group(1), m.group(2)))
            if len(dated) == 1:
                (s, when), = dated.items()
                if len(when) == 1:
                    return pred, obj, s, next(iter(when)), subjects
    pytest.skip("no relation with one dated holder among several")


def test_a_month_keeps_the_holder_the_report_dates(engine):
    pred, obj, holder, (month, year), holders = _dated_holder(engine)
    name = engine.k.label(obj)
    asks = {"secretariatOf": [f"Who took on the secretariat of {name} in {month} {year}?",
                              f"{name} secretariat {month} {year}"],
            "memberOf": [f"Which country joined {name} in {month} {year}?",
                         f"who became a member of {name} in {month} {year}"]}[pred]
    for q in asks:
        r = engine.ask(q)
        got = {x.get("iri") for x in r["answers"]}
        assert got == {str(engine.k.iri(holder))}, (q, [x["label"] for x in r["answers"]], r.get("path"))
        assert any(month in step for step in r["path"]), r["path"]
    # without the month, every holder the graph has stays an answer
    undated = engine.ask(asks[0].replace(f" in {month} {year}", ""))
    assert len(undated["answers"]) > 1
