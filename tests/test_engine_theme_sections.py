"""A question on a thematic section's whole theme is answered by the section's country items
(app.qa.topics.theme_sections); a narrower question is left to the sentence ranking."""

import pytest

from app.qa.topics.theme_sections import _item_country, same_word, theme_sections


@pytest.mark.parametrize("text,iso", [
    ("In Moldova, the ILO supported the government to develop ...", "MDA"),
    ("2 In Burundi, the government has validated a roadmap ...", "BDI"),
    ("In the Occupied Palestinian Territory (OPT), the ILO has continued ...", "PSE"),
])
def test_a_sentence_opening_on_a_country_is_that_countrys_item(text, iso):
    assert _item_country(text) == iso


@pytest.mark.parametrize("text", [
    "In 2024, the ILO contributed to strengthen the global knowledge ...",
    "In March, the ILO was invited by the Executive Committee ...",
    "The ILO worked in Kenya and Jordan on ...",  # names countries, but opens on no country
])
def test_other_sentences_are_no_items(text):
    assert _item_country(text) is None


def test_stems_of_one_word_match_and_other_words_do_not():
    assert same_word("cris", "crisi")  # crises / crisis
    assert same_word("digitalis", "digital")  # digitalisation / Digital transformation
    assert not same_word("health", "heal")
    assert not same_word("financ", "fiscal")


def _sections(engine):
    return theme_sections(engine.text)


def _items(section):
    return {iso for iso, _ in section.items}


def _asked(engine, q):
    out = engine.ask(q)
    return {a["iso3"] for a in out["answers"] if a.get("iso3")}, out["path"]


def _section_with(engine, word):
    sec = next((s for s in _sections(engine) if word in s.title.lower()), None)
    assert sec is not None, f"the parsed report has a thematic section on {word}"
    return sec


def test_the_reports_thematic_sections_are_read_with_their_country_items(engine):
    secs = _sections(engine)
    assert len(secs) >= 3
    for s in secs:
        assert len(s.items) >= 2 and s.title_terms
        assert "social" not in s.title_terms  # a frame word of every title is no theme


@pytest.mark.parametrize("word,wordings", [
    ("health", ["Where did the ILO work on social health protection in 2024?",
                "which countries got ilo support for social health protection",
                "In which countries did the ILO support social health protection and health insurance?"]),
    ("digital", ["Where did the ILO support the digital transformation of social protection systems?",
                 "countries where the ilo supported digitalisation of social protection",
                 "Which countries did the ILO help to digitalize their social protection systems?"]),
])
def test_a_question_on_the_whole_theme_gets_every_country_item(engine, word, wordings):
    sec = _section_with(engine, word)
    for q in wordings:
        got, path = _asked(engine, q)
        assert got == _items(sec), q
        assert any(sec.title in p for p in path), q


def test_a_country_set_aside_is_left_out(engine):
    sec = _section_with(engine, "digital")
    first = sorted(_items(sec))[0]
    from graph import countries
    name = countries.display_name(first)
    got, _ = _asked(engine, f"Which countries did the ILO support on digitalisation of social protection, apart from {name}?")
    assert got == _items(sec) - {first}


@pytest.mark.parametrize("q", [
    "Which countries did the ILO help with health insurance for refugees?",  # a word the items do not write
    "health insurance actuarial valuation countries",  # a word only a few items write narrows the theme
    "Where did the ILO help extend health insurance to workers in the informal economy?",
    "In which countries did the ILO work on social protection and climate change?",  # one part of a joined title
])
def test_a_narrower_question_is_left_to_the_sentence_ranking(engine, q):
    _, path = _asked(engine, q)
    assert not any("thematic section" in p for p in path), q


def _title_part_words(sec) -> str:
    """The title's words as a question would write them (the whole title, lower case)."""
    return sec.title.lower()


@pytest.mark.parametrize("ask", [
    "Where did the ILO contribute to {t}?",
    "In which countries did the ILO engage on {t}?",
    "Which countries were assisted by the ILO on {t}?",
    "Where has the ILO been active on {t}, according to the thematic results?",
    "Which countries are highlighted in the report's box of results on {t}?",
    "For my catalogue: which countries are featured in the report's section on {t}?",
])
def test_verbs_of_taking_part_and_layout_words_do_not_narrow_the_theme(engine, ask):
    """'contribute', 'engage', 'assisted' say that something was done, and 'thematic results'
    where the report says it: neither is a narrower topic, so every item of the section answers."""
    for word in ("climate", "digital"):
        sec = _section_with(engine, word)
        q = ask.format(t=_title_part_words(sec))
        got, path = _asked(engine, q)
        assert got == _items(sec), q
        assert any(sec.title in p for p in path), q


def test_an_example_clause_is_read_from_a_title():
    from app.qa.topics.theme_sections import _EXAMPLE_CLAUSE

    title = "Extending coverage to workers in all types of employment, including those in the informal economy"
    assert [m.group(1).strip() for m in _EXAMPLE_CLAUSE.finditer(title)] == ["those in the informal economy"]
    assert not list(_EXAMPLE_CLAUSE.finditer("Social protection in climate change and humanitarian crisis contexts"))


def test_a_question_on_a_titles_example_asks_the_sections_theme(engine):
    import re

    sec = next((s for s in _sections(engine) if re.search(r",\s*including\b", s.title)), None)
    if sec is None:
        pytest.skip("no thematic section title gives an example clause")
    example = re.split(r",\s*including\b", sec.title)[1]
    words = [w for w in re.findall(r"[a-z]+", example.lower()) if len(w) > 4 and w not in ("those", "their")]
    got, path = _asked(engine, " ".join(words) + " thematic highlights countries")
    assert got == _items(sec), path
    # a word of the general part alone ("employment") does not ask the example's section
    general = re.split(r",\s*including\b", sec.title)[0]
    word = max((w for w in re.findall(r"[a-z]+", general.lower()) if len(w) > 6), key=len)
    got, _ = _asked(engine, f"which countries did the ILO help with {word} injury insurance")
    assert got != _items(sec)
