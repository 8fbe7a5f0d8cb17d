"""The number a described publication carries ("... what is its number?", "what number does the
working paper on X carry"): the publication is found from the question's description and its
recorded number answers; an ambiguous description answers nothing.

Engine tests build their questions from the graph's numbered publications (their title words),
never from typed-in titles or numbers.
"""
from __future__ import annotations

import pytest

from app.qa.things.publication_number import asks_publication_number


@pytest.mark.parametrize("q, asked", [
    ("I remember a working paper on rivers - what is its number?", True),
    ("What number does the working paper on rivers carry?", True),
    ("which number was it?", True),
    ("rivers working paper number", True),
    ("how many working papers did the ILO publish", False),
    ("what is the number of countries covered", False),
    ("rivers working paper number of low income countries covered", False),
])
def test_asking_for_a_publication_number(q, asked):
    assert asks_publication_number(q) is asked


def _numbered(engine):
    pubs = [p for p in engine.titles.pubs if p.number]
    if len(pubs) < 2:
        pytest.skip("fewer than two numbered publications")
    return pubs


def _distinctive(engine, pub, pubs):
    """Two of the publication's title words that no other numbered title holds, rarest first."""
    others = set().union(*(p.title_terms for p in pubs if p is not pub))
    import re

    words = [w for w in re.findall(r"[A-Za-z]{5,}", pub.label) if w.lower()[:5] not in {o[:5] for o in others}]
    return words[:2]


@pytest.mark.parametrize("form", [
    "I remember an ILO {kind} about {words} - what is its number?",
    "What number does the {kind} on {words} carry?",
])
def test_the_number_of_a_publication_described_by_its_title_words(engine, form):
    pubs = _numbered(engine)
    for pub in pubs:
        words = _distinctive(engine, pub, pubs)
        if len(words) == 2:
            res = engine.ask(form.format(kind=pub.kind or "paper", words=" and ".join(words)))
            assert [a["label"] for a in res["answers"]] == [pub.number]
            return
    pytest.skip("no numbered title with two distinctive words")


def test_a_description_every_numbered_title_fits_singles_out_none(engine):
    from app.qa.things.publication_number import publication_number
    from app.qa.question import analyse

    pubs = _numbered(engine)
    q = f"what number is the {pubs[0].kind or 'paper'} on social protection?"
    assert publication_number(q, analyse(q, engine.lexicon).links, engine.titles) is None
