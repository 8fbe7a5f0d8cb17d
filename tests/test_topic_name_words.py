"""A topic word written only inside a name or a quoted title is no statement on the topic
(app.qa.topics.name_words): "which countries worked on just transition" is not answered by every
country that joined an initiative whose name ends "for Just Transitions", nor "refugees" by the
country an evaluation's title names; a country's own instrument ("... Injury Scheme") still says
what it does.  Sentences in the unit tests are invented; the engine tests read the report.
"""
from __future__ import annotations

import re

import pytest

from app.qa.topics.name_words import name_spans, terms_outside_names
from app.qa.units import terms
from graph import countries
from tests.support.engine import answer_ids


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in name_spans(text)]


def test_an_initiatives_name_is_a_name():
    t = "In May the country joined the Global Alliance on Jobs for Green Futures, as the minister confirmed."
    assert _names(t) == ["Global Alliance on Jobs for Green Futures"]
    assert terms("green")[0] not in terms_outside_names(t)


def test_a_countrys_instrument_is_its_work():
    t = "the National Green Jobs Scheme was launched in June with new benefits."
    assert not any("Green" in n for n in _names(t))
    assert terms_outside_names(t) is None or terms("green")[0] in terms_outside_names(t)


def test_a_sentences_first_word_and_quoted_titles():
    assert _names("Refugees were included in the national scheme.") == []
    t = 'The event "For a green future: the role of social protection" was held in the capital.'
    assert any(n.startswith('"For a green') for n in _names(t))


def test_a_name_the_question_asks_about_stays():
    t = "the country joined the Global Alliance on Jobs for Green Futures."
    asked = set(terms("alliance"))
    got = terms_outside_names(t, asked)
    assert got is None or terms("green")[0] in got


def _countries_only_named_with(engine, phrase_in_name: str, statement: str) -> set[str]:
    """Countries whose entry writes ``phrase_in_name`` (a name's capitalised words) and never
    ``statement`` (the same topic as a statement, lower case)."""
    named, stated = set(), set()
    for p in engine.k.passages.values():
        isos = {iso for *_, iso in countries.find_countries(p.text)}
        if re.search(phrase_in_name, p.text):
            named |= isos
        if re.search(statement, p.text):
            stated |= isos
    return {f"Country:{i}" for i in named - stated}


def test_engine_topic_inside_an_initiatives_name_adds_no_country(engine):
    only_named = _countries_only_named_with(engine, r"for Just Transitions", r"\bjust transition\b")
    got = answer_ids(engine, engine.ask("Which countries worked on just transition?"))
    assert only_named, "the report names an initiative 'for Just Transitions' in country entries"
    assert not got & only_named


def test_engine_topic_inside_a_title_adds_no_country(engine):
    only_named = _countries_only_named_with(engine, r"[A-Z]\w+ Refugee [A-Z]\w+", r"\brefugees?\b")
    got = answer_ids(engine, engine.ask("refugees social protection ilo countries"))
    assert got  # the topic is still answered from the sentences that state it
    assert not got & only_named


def test_a_name_headed_by_the_asked_word_is_one_of_its_kind():
    # "the third Annual Bulletin on Labour Markets" is a bulletin: asked about bulletins, it says so
    t = "The ministry published the third Annual Bulletin on Labour Markets last spring."
    assert _names(t) == ["Annual Bulletin on Labour Markets"]
    got = terms_outside_names(t, keys=terms("bulletin"))  # None: no name left out, every word counts
    assert got is None or terms("bulletin")[0] in got
    assert terms("bulletin")[0] not in terms_outside_names(t)


def test_an_acronym_and_the_next_name_are_two_names():
    # "in partnership with GIZ and the European Union": no title joins them
    t = "the work went on in partnership with GIZ and the European Union in the capital."
    assert _names(t) == []


def test_a_text_cut_inside_a_name():
    t = "Support for tripartite constituents under the Comprehensive Refugee"
    assert _names(t) == ["Comprehensive Refugee"]


def test_engine_topic_inside_a_title_adds_no_country_when_one_is_set_aside(engine):
    """The same with a country set aside ("... besides X"): the sweep over the topic word's sentences
    (app.qa.topics.sweep) reads the word as a statement too."""
    only_named = _countries_only_named_with(engine, r"[A-Z]\w+ Refugee [A-Z]\w+", r"\brefugees?\b")
    stating = sorted(e.get("label") for i, e in engine.k.entities.items() if e.get("type") == "Country"
                     and any(re.search(r"\brefugees\b", p.text) and e.get("label") in p.text
                             for p in (engine.k.passage(x) for x in e.get("passages", [])) if p))
    if not stating:
        pytest.skip("no country entry states refugees")
    got = answer_ids(engine, engine.ask(f"refugee social protection work countries besides {stating[-1].lower()}"))
    assert got
    assert not got & only_named
