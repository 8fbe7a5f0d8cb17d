"""Publications named loosely: a title in another language described in English, a report title
whose year is no paper number, a thematic area as the topic of a title, and the general nouns
("document", "treaty") and pronoun endings ("what was it called?") that say what kind of thing is
asked.

Pure pieces run on invented titles; engine tests build their questions from the graph's own
publication records, never from typed-in titles of the report.
"""
from __future__ import annotations

import re

import pytest

from app.qa.question import answer_type
from app.qa.things.titles import PublicationFinder, cognates
from tests.support.engine import answer_ids


class _K:
    """A knowledge stub with invented publications."""

    def __init__(self, pubs):
        self.pubs = pubs

    def of_type(self, t):
        return self.pubs if t == "Publication" else []

    def facts_where(self, **kw):
        return []


def _pub(key, label, language="en", kind="brief", number=""):
    return {"id": f"Publication:{key}", "label": label,
            "attrs": {"language": language, "kind": kind, "number": number}}


_FR = [_pub("a", "Protéger les travailleurs du secteur minier", "fr"),
       _pub("b", "Protéger les travailleurs de l'économie rurale", "fr"),
       _pub("c", "Pensions for rural workers in mining regions")]


def test_cognates_are_accent_free_word_openings():
    assert cognates("Étendre au secteur culturel") == {"eten", "sect", "cult"}
    assert cognates("the cultural sector") & cognates("secteur culturel") == {"sect", "cult"}


@pytest.mark.parametrize("q, key", [
    ("which French brief is about the mining sector", "a"),
    ("the brief in french on the rural economy", "b"),
])
def test_an_english_description_names_the_one_foreign_title_it_echoes(q, key):
    found = PublicationFinder(_K(_FR)).find(q, [], plural=False)
    assert found is not None and found.ids == [f"Publication:{key}"]


def test_no_foreign_title_is_chosen_on_words_other_titles_share_or_on_one_word_unless_the_language_is_said():
    finder = PublicationFinder(_K(_FR))
    # "rural" is also in the English title, "workers" ("travailleurs") is no cognate
    assert finder._by_cognates(finder.pubs, "which brief is about rural workers") is None
    # one distinctive word ("economy") with the English title in the pool: not enough ...
    assert finder._by_cognates(finder.pubs, "the brief on the economy") is None
    # ... but enough among the French titles only
    french = [p for p in finder.pubs if p.language == "fr"]
    assert finder._by_cognates(french, "the brief on the economy").eid == "Publication:b"


def test_a_year_after_report_is_no_paper_number():
    pubs = [_pub("w", "World Widget Report 2031-33: Widgets for all", kind="report"),
            _pub("r", "World Widget Report 2031-33: Regional companion report for Oceania", kind="report"),
            _pub("n", "Widget numbers", kind="working paper", number="2031")]
    found = PublicationFinder(_K(pubs)).find("Which regional companion report complemented the World Widget Report 2031-33?",
                                             [], plural=False)
    assert found is not None and found.ids == ["Publication:r"]


@pytest.mark.parametrize("q, t", [
    ("which documents did the ILO publish with the WHO", "Publication"),
    ("I recall a 2031 document on mining safety - what was it called?", "Publication"),
    ("I recall a scheme for miners in Freedonia - what is it called?", "Scheme"),
    ("which treaties did Freedonia ratify", "Convention"),
    ("which accelerator does Freedonia belong to", "Initiative"),
])
def test_general_nouns_and_a_pronoun_ending_say_the_kind_asked(q, t):
    assert answer_type(q) == t


# -- the real engine ----------------------------------------------------------------------------------
def test_a_foreign_title_is_found_from_its_english_description(engine):
    foreign = [p for p in engine.titles.pubs if p.language != "en"]
    if len(foreign) < 2:
        pytest.skip("fewer than two publications in another language")
    for p in foreign:
        own = cognates(p.label) - set().union(*(cognates(o.label) for o in foreign if o is not p))
        words = [w for w in re.findall(r"[^\W\d_]{5,}", p.label) if w.lower()[:4] in own
                 or re.sub(r"[^a-z]", "", w.lower())[:4] in own]
        if not words:
            continue
        res = engine.ask(f"which brief in {'French' if p.language == 'fr' else 'Spanish'} is about {' '.join(words)}")
        assert answer_ids(engine, res) == {p.eid}


def test_a_thematic_area_in_a_title_is_its_topic(engine):
    """A publication whose title holds a thematic area's whole name: asked what was published on that
    area, the engine answers with publications, among them the title holding it (others on the same
    area may join it)."""
    areas = [e for e in engine.k.of_type("ThematicArea")]
    for area in areas:
        name = area["label"].lower()
        holding = [p for p in engine.titles.pubs if name in p.label.lower()]
        if len(holding) == 1:
            res = engine.ask(f"what did the ILO publish on {name}")
            assert holding[0].eid in answer_ids(engine, res)
            assert {a["type"] for a in res["answers"]} == {"Publication"}
            return
    pytest.skip("no thematic area named whole in exactly one title")
