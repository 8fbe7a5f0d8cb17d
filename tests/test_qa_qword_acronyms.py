"""A question word that is an organisation's acronym, written as that name, stays a name (round 12,
qlook12; app/qa/form/qword_acronyms.py).  Pure pieces on invented acronyms; the engine tests ask keyword
queries written for these tests, with the publication expected read from the graph.
"""
from __future__ import annotations

import pytest

from app.qa.form.keyword_order import question_word_first
from app.qa.form.qword_acronyms import acronym_spans, organisation_spans, reorder_keeping_names

_ACRONYMS = {"WHO", "NLO", "TBK"}


def _held(q):
    return acronym_spans(q, _ACRONYMS, organisation_spans(q, _ACRONYMS, []))


@pytest.mark.parametrize("q", ["joint nlo who guidance tides", "nlo-who joint paper", "who/nlo paper on tides",
                               "who and the nlo paper", "joint NLO WHO publication tides"])
def test_an_acronym_question_word_beside_another_body_is_a_name(q):
    assert [a for _, _, a in _held(q)] == ["WHO"]


@pytest.mark.parametrize("q", ["who funds tides", "besides tbk who did the nlo partner with", "tides funders who",
                               "tidal who pays"])
def test_a_question_word_that_asks_is_not_held(q):
    assert _held(q) == []


def test_a_held_name_stays_in_place_while_the_query_is_reordered():
    q = "joint nlo who guidance tides where"
    assert reorder_keeping_names(q, _held(q), question_word_first).startswith("where joint nlo WHO guidance")
    assert reorder_keeping_names("tides who", [], question_word_first) == question_word_first("tides who")


# -- engine, real build -----------------------------------------------------------------------------
def _joint_who_publication(engine):
    """A publication whose passage says the WHO and the ILO published it jointly."""
    import re
    k = engine.k
    for e in k.of_type("Publication"):
        for pid in k.passages_mentioning(e["id"]):
            if re.search(r"\bWHO and (?:the )?ILO (?:also )?published a joint\b", k.passage(pid).text):
                return e
    pytest.skip("no joint WHO-ILO publication in this build")


@pytest.mark.parametrize("form", ["joint ilo who publication {t}", "who ilo joint publication {t}",
                                  "ILO/WHO joint publication {t}"])
def test_a_joint_publication_of_the_who_is_asked_as_a_publication(engine, form):
    pub = _joint_who_publication(engine)
    topic = pub["label"].split()[-1]  # the last word of its title: what it is about
    d = engine.ask(form.format(t=topic))
    assert d["answer_type"] == "Publication" and pub["label"] in {x["label"] for x in d["answers"]}
