"""Thematic questions worded the ways people write them reach the same countries as the plain
wording: a keyword query with "where" at either end, a section named with layout words
("highlights", "listed among"), the field's own name before a head noun ("their social security
schemes"), an acronym the section's items spell out ("MIS")."""

import pytest

from app.qa.topics.theme_sections import answer as theme_answer
from app.qa.topics.topic_rerank import asks_for_many


@pytest.mark.parametrize("q", ["work accident insurance where", "child labour - where?",
                               "where employment injury insurance", "maternity protection where?"])
def test_a_keyword_query_with_where_asks_for_every_country(q):
    assert asks_for_many(q)


@pytest.mark.parametrize("q", ["Where was the forum held?", "Where is the secretariat based?"])
def test_where_with_a_verb_still_asks_one_place(q):
    assert not asks_for_many(q)


def _countries(engine, q):
    return {a["iso3"] for a in engine.ask(q)["answers"] if a.get("iso3")}


@pytest.mark.parametrize("keyword,plain", [
    ("employment injury insurance where", "Where did the ILO work on employment injury insurance?"),
])
def test_where_last_gets_the_plain_questions_countries(engine, keyword, plain):
    want = _countries(engine, plain)
    assert len(want) >= 2
    assert _countries(engine, keyword) == want


def test_social_security_before_schemes_narrows_nothing(engine):
    plain = _countries(engine, "Which countries did the ILO help with actuarial valuations?")
    worded = _countries(engine, "Which countries did the ILO help with actuarial valuations of their social security schemes?")
    assert len(plain) >= 4
    assert worded == plain


def _section(engine, word):
    from app.qa.topics.theme_sections import theme_sections

    return next(s for s in theme_sections(engine.text) if word in s.title.lower())


@pytest.mark.parametrize("word,q", [
    ("health", "Which countries does the report highlight for social health protection results?"),
    ("humanitarian", "Which countries are listed among the humanitarian crisis and climate change highlights?"),
    ("informal", "Which countries does the informal economy section list as highlights of extending social security to all workers?"),
])
def test_a_section_named_with_layout_words_gives_its_items(engine, word, q):
    sec = _section(engine, word)
    assert _countries(engine, q) == {iso for iso, _ in sec.items}


def test_an_acronym_the_items_spell_out_is_the_themes_own_word(engine):
    from app.qa import engine as E

    stop = E._GENERIC | E._RELATION_WORDS | E._QUESTION_STEMS | E._FRAME
    sec = theme_answer(engine.text, "digitalisation of social protection MIS countries", stop)
    assert sec is not None and sec is _section(engine, "digital")
    # a word the items do not write still narrows the theme to the sentence ranking
    assert theme_answer(engine.text, "digitalisation of social protection for refugees countries", stop) is None


def test_coordinated_key_words_are_alternatives():
    from app.qa.topics.topic_coverage import coordinated, said_with_alternatives

    pairs = coordinated("farmers and agricultural workers: in which countries", ["farm", "agricultural"])
    assert [(l, r) for l, r, _ in pairs] == [({"farm"}, {"agricultural"})]
    # the shared head noun must be written with the other run
    assert set(said_with_alternatives(["agricultural"], pairs, "agricultural workers")) == {"farm", "agricultural"}
    assert said_with_alternatives(["agricultural"], pairs, "working with agricultural cooperatives") == ["agricultural"]
    # a compound run on one side must be written whole to stand for the other side
    from app.qa.units import terms

    q = "climate change or humanitarian crises"
    pairs = coordinated(q, terms(q))
    assert set(said_with_alternatives(["change"], pairs, "a change")) == {"change"}
    assert set(said_with_alternatives(terms("humanitarian crises"), pairs, "humanitarian crises")) == set(terms(q))
    # words not joined by a conjunction are one topic, not alternatives
    assert coordinated("value chain cocoa coffee", ["value", "chain", "cocoa", "coffee"]) == []


def _sentence_countries(engine, word):
    """Countries whose own entry has a sentence writing the word (the report's text, not a list)."""
    from app.qa.topics.topic_coverage import unit_country

    units = engine.text.units
    out = set()
    for u in units.units:
        if u.kind == "sentence" and word in u.text.lower():
            iso = unit_country(engine.text, u)
            if iso:
                out.add(iso)
    return out


def test_either_coordinated_word_brings_its_countries(engine):
    got = _countries(engine, "farmers and agricultural workers: in which countries did the ILO work to cover them?")
    alone = _countries(engine, "farmers: in which countries did the ILO work to cover them?")
    assert alone <= got
    # countries whose sentences say only the other word are added too
    assert (got - alone) & _sentence_countries(engine, "agricultur")


def test_a_keyword_query_listing_a_topics_words_takes_sentences_writing_two(engine):
    got = _countries(engine, "value chain social protection cocoa coffee rubber castor countries")
    assert len(got) >= 3
    assert got & _sentence_countries(engine, "castor") and got & _sentence_countries(engine, "cocoa")
