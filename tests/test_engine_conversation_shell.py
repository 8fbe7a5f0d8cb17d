"""The conversational shell around a question is not part of it (qstyle7).

A hedge or opener before the question ("I'm not sure how to phrase this, but ...", "Sorry if this
was asked before; ...") and a remark after it ("- I need it for a presentation", "and could you
point me to where the report says so?") name nothing; read with the question, their words become
topics and relation cues.  The engine must answer the question inside the shell as it answers the
question alone, whether the core is a full question or a keyword query.

Expected answers are the engine's own answers to the bare question (and, for the funders, the
knowledge base's facts): nothing is typed from the report.
"""
from __future__ import annotations

import pytest

from app.qa.form.conversation import without_shell
from tests.support.engine import answer_ids, funders_per_country


def _names(text: str) -> bool:  # a stand-in linker: only "Utopia" and "Atlantis" are names
    return "Utopia" in text or "Atlantis" in text


@pytest.mark.parametrize("question, core", [
    ("I'm not entirely sure how to phrase this, but utopia pension scheme name - I need it for a presentation.",
     "utopia pension scheme name"),
    ("Sorry if this has been asked before; for a newsletter piece I'm drafting, what did Utopia publish?",
     "what did Utopia publish?"),
    ("This might be a basic one, but I'm new to the report and a colleague asked me - utopia donors",
     "utopia donors"),
    ("If I remember correctly the report covers this, so under which law did Utopia act, and could you point me "
     "to where the report says so?", "under which law did Utopia act?"),
    # asides inside the question: between dashes, commas, parentheses, or closing it
    ("Which donors - if I'm reading the report right - fund Utopia?", "Which donors fund Utopia?"),
    ("which pension, and correct me if I'm wrong, scheme did Utopia reform", "which pension scheme did Utopia reform?"),
    ("Which donors (this is for a slide, so a short answer is fine) fund Utopia?", "Which donors fund Utopia?"),
    ("utopia pension scheme - if I'm reading the report right -", "utopia pension scheme"),
])
def test_shell_clauses_before_and_after_are_dropped(question, core):
    r = without_shell(question, _names)
    assert r.question == core
    assert r.dropped


@pytest.mark.parametrize("question", [
    "Tell me which countries Utopia funds",  # the request is the question
    "utopia donors",  # one clause: nothing to drop
    "I work on Atlantis, so which donors fund Utopia?",  # the asker's clause names something: context stays
    "Which donors fund Utopia, not counting Atlantis?",  # no personal clause at all
    "Which donors, apart from my own, fund Utopia?",  # an exclusion inside the question stays
])
def test_clauses_that_ask_or_name_stay(question):
    r = without_shell(question, _names)
    assert not r.dropped or "Atlantis" not in " ".join(r.dropped)
    assert "utopia" in r.question.lower()


def test_a_trailing_request_is_dropped_even_with_a_question_word():
    r = without_shell("which donors fund Utopia - could you point me to where the report says so?", _names)
    assert r.question == "which donors fund Utopia?"


# -- the real engine over the bundled report -------------------------------------------------------
def _labels(res) -> set[str]:
    return {a["label"] for a in res["answers"]}


SHELLS = [
    ("I'm not entirely sure how to phrase this, but ", " - I need it for a presentation later this week."),
    ("I think the answer is somewhere in the report, but I can't find it: ", ", since my manager wants it checked."),
    ("Sorry if this has been asked before; for a newsletter piece I'm drafting, ", ""),
    ("This might be a basic one, but I'm new to the report and a colleague asked me earlier today - ",
     ", and could you point me to where the report says so?"),
]


@pytest.mark.parametrize("pre, post", SHELLS)
def test_keyword_funders_query_inside_a_shell(engine, pre, post):
    funders = funders_per_country(engine.k)
    country = max(funders, key=lambda c: len(funders[c]))  # the country with the most funders
    name = engine.k.entity(country)["label"].lower()
    bare = engine.ask(f"{name} donors")
    assert answer_ids(engine, bare) == funders[country]
    wrapped = engine.ask(f"{pre}{name} donors{post}")
    assert answer_ids(engine, wrapped) == funders[country]


@pytest.mark.parametrize("pre, post", SHELLS)
def test_plain_question_inside_a_shell_answers_as_alone(engine, pre, post):
    funders = funders_per_country(engine.k)
    country = sorted(funders, key=lambda c: (-len(funders[c]), c))[1]
    name = engine.k.entity(country)["label"]
    bare = engine.ask(f"Who funds the ILO's work in {name}?")
    assert _labels(bare)
    wrapped = engine.ask(f"{pre}who funds the ILO's work in {name}{post}")
    assert _labels(wrapped) == _labels(bare)


# -- keyword forms: the first type noun is the one asked; a trailing "number of" counts ------------
def test_first_type_noun_after_the_question_word_is_asked():
    from app.qa.graphstep import FUNDER_ASKED

    assert FUNDER_ASKED.search("which countries utopian government finance") is None  # the government is named
    assert FUNDER_ASKED.search("which governments contributed to the fund")
    assert FUNDER_ASKED.search("which european countries fund utopia")


def test_keyword_query_naming_a_government_asks_for_the_countries_it_funds(engine):
    funders = funders_per_country(engine.k)
    by_gov: dict[str, set[str]] = {}
    for country, fs in funders.items():
        for f in fs:
            if f.startswith("Organization:gov-"):
                by_gov.setdefault(f, set()).add(country)
    gov = sorted(by_gov, key=lambda g: (-len(by_gov[g]), g))[0]
    name = engine.k.entity("Country:" + gov.rsplit("-", 1)[1])["label"].lower()
    res = engine.ask(f"countries {name} government finance")
    assert answer_ids(engine, res) == by_gov[gov]


@pytest.mark.parametrize("query", ["utopia pathfinder countries number of", "countries utopia funds number of",
                                   "utopia funders number"])
def test_trailing_number_of_asks_how_many(query):
    from app.qa.form.keyword_order import question_word_first

    assert question_word_first(query).startswith("how many ")
