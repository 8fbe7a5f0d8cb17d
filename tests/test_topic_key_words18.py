"""How a thematic question's key words are read (app.qa.topics.topic_coverage, app.qa.form.spelling):

- a verb form of a word the report writes is meant as typed ("costed" of "cost"), never a slip for
  another word one letter away ("hosted");
- a defined acronym's long form spelled out in the question ("a management information system")
  is a key word as its acronym, though each of its words is too common to be one;
- the question's rarest word, written by the sentence before the best one, is a key too (the
  best sentence alone may write only the frame: "introduction");
- a key word offered as one of two alternatives with a common word ("introduced or extended") is
  not required.

Pure pieces use ordinary English words stemmed as the index stems them; the engine tests ask the
real engine over the real build and compare with what the report's own sentences write.
"""
from __future__ import annotations

import re
from collections import Counter

from app.qa.form.spelling import Speller
from app.qa.topics.topic_coverage import MIN_KEY_IDF, either_of_common, spelled_acronyms
from app.qa.units import terms
from graph import countries
from tests.support.engine import answer_ids, entry_countries_saying


def test_a_verb_form_of_a_known_word_is_meant_as_typed():
    sp = Speller(Counter({"cost": 5, "costing": 8, "hosted": 40, "budget": 6, "planned": 3}), common_english=True)
    assert sp.inflects_known("costed") and sp.inflects_known("budgeted")
    assert sp.correct("which schemes were costed")[0] == "which schemes were costed"
    assert not sp.inflects_known("hoisted")  # no such word in the report: a slip may still be corrected


def test_an_inflection_of_an_unknown_stem_is_still_a_slip():
    sp = Speller(Counter({"ratified": 30, "ratify": 2}), common_english=True)
    assert sp.correct("did kenya ratifyed")[0] == "did kenya ratified"  # not English: corrected as before


def test_a_spelled_out_acronym_is_a_key():
    forms = {"mis": terms("Management Information System"), "spf": terms("social protection floor")}
    q = "Which countries got help to build a management information system?"
    best = set(terms("the development of digital modules for the management information system (MIS)"))
    assert spelled_acronyms(q, best, forms) == ["mis"]
    # the words apart, or a best sentence writing neither form, are no acronym
    assert spelled_acronyms("information on system management", best, forms) == []
    assert spelled_acronyms(q, set(terms("an actuarial valuation of the fund")), forms) == []


def test_a_key_beside_a_common_alternative_is_not_required():
    idf = {"introduc": 4.3, "extend": 3.2, "disabil": 3.8, "allowanc": 6.1, "refuge": 4.3, "migrant": 4.6}
    assert MIN_KEY_IDF > idf["extend"]
    keys = ["introduc", "disabil", "allowanc"]
    assert either_of_common("Which countries introduced or extended disability allowances?", keys, idf) == {"introduc"}
    # two topics offered as alternatives are both topics; "and" asks for both
    assert either_of_common("countries covering refugees or migrants", ["migrant"], idf) == set()
    assert either_of_common("countries that introduced and extended allowances", keys, idf) == set()


def test_engine_costed_is_not_rewritten(engine):
    res = engine.ask("Which countries had new benefit schemes costed by the ILO?")
    assert not any("costed" in p and "spelling" in p for p in res["path"])
    costing = entry_countries_saying(engine, r"\bcost(?:ing|ed)\b")
    got = answer_ids(engine, res)
    assert got and len(got & costing) >= len(got) / 2


def test_engine_sickness_benefits_are_the_entries_that_write_sickness(engine):
    sick = entry_countries_saying(engine, r"\bsickness\b")
    if not sick:
        import pytest
        pytest.skip("the report writes no entry on sickness")
    got = answer_ids(engine, engine.ask("Which countries are introducing sickness benefits?"))
    assert got and got <= sick


def test_engine_mis_question_reaches_the_entries_that_build_one(engine):
    rx = re.compile(r"\b(?:MIS|[Mm]anagement [Ii]nformation [Ss]ystem)\b")
    mis = {f"Country:{iso}" for p in engine.k.passages.values() if rx.search(p.text)
           for iso in [engine.text._entry_country(p)] + [c[-1] for c in countries.find_countries(p.text)] if iso}
    if len(mis) < 2:
        import pytest
        pytest.skip("the report has fewer than two entries on a management information system")
    got = answer_ids(engine, engine.ask(
        "Which countries got ILO help to digitalise their social protection systems or build a management information system?"))
    assert len(got & mis) >= 2


def test_engine_either_verb_keeps_the_entries_of_the_other(engine):
    disab = entry_countries_saying(engine, r"\bdisabilit(?:y|ies)\b[^.]*\ballowances?\b|\ballowances?\b[^.]*\bdisabilit")
    both = answer_ids(engine, engine.ask("Which countries introduced or extended disability allowances?"))
    one = answer_ids(engine, engine.ask("Which countries introduced disability allowances?"))
    assert both and both <= disab and len(both) >= len(one)
