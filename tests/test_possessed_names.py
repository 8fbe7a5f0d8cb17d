"""Of a sentence's owners ("Timor-Leste's Bolsa da Mãe program, Pakistan's Benazir Income Support
Programme (BISP) initiative, and Mexico's efforts"), the country asked is the one whose owned name
the question says (app.qa.multihop.country_roles._by_possessed_name): "bolsa da mae programme which
country" answered all three countries.

The rule tests use invented sentences; the engine test reads a sentence of the bundled report that
names two or more owners, and asks for each owner by the words of what it owns.
"""
from __future__ import annotations

import re

import pytest

from graph import countries
from tests.test_engine_described_events import _narrowed


@pytest.mark.parametrize("question, kept", [
    ("vaso de leche programme which country", {"Country:PER"}),
    ("Which country runs the Bono scheme?", {"Country:CHL"}),
    ("bono escuela program country", {"Country:CHL"}),                     # accents aside ("Bonô")
])
def test_the_owner_of_the_named_thing_is_kept(question, kept):
    text = "The event showcased Peru's Vaso de Leche program, Chile's Bonô Escuela scheme and Kenya's efforts."
    assert _narrowed(text, question) == kept


@pytest.mark.parametrize("question", [
    "which countries programmes were showcased at the event",            # no owned name said: all stand
    "which country's scheme",                                            # kind words pick nothing
])
def test_without_an_owned_name_every_country_stands(question):
    text = "The event showcased Peru's Vaso de Leche program, Chile's Bono scheme and Kenya's efforts."
    assert _narrowed(text, question) == {"Country:PER", "Country:CHL", "Country:KEN"}


def test_two_owners_saying_the_words_equally_decide_nothing():
    text = "The event showcased Peru's milk program and Chile's milk scheme."
    assert _narrowed(text, "milk programme which country") == {"Country:PER", "Country:CHL"}


_OWNERS = re.compile(r"([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)['’]s\s+((?:[A-Z][\w\-]*|da|de|do)(?:\s+(?:[A-Z][\w\-]*|da|de|do)){1,4})")


def test_the_report_s_owned_names_answer_their_owner(engine):
    """A sentence naming two or more countries each as the owner of a capitalised name: asking for
    that name's country answers its owner alone."""
    asked = 0
    for p in engine.k.passages.values():
        for sent in re.split(r"(?<=\.)\s+", p.text):
            owned = [(countries.lookup(m.group(1)), m.group(2)) for m in _OWNERS.finditer(sent)]
            owned = [(iso, name) for iso, name in owned if iso]
            if len({iso for iso, _ in owned}) < 2:
                continue
            for iso, name in owned:
                q = f"{name.lower()} programme which country"
                got = engine.ask(q)
                isos = {x.get("iso3") for x in got["answers"]}
                if iso in isos:  # the sentence was found: only the owner is answered
                    assert isos == {iso}, (q, isos)
                    asked += 1
    assert asked >= 1
