"""One scheme asked by its kind in one named country: "zambia cash transfer programme name", "what is
Malawi's old persons grant called".  The kind words are read from the graph's scheme labels; the
answer is the country's one scheme of that kind, even when the intent guess read the question as a
funding one ("cash transfer" is money).  A singular kind that fits several schemes, or none, or a
question with no country, is left to the other steps.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from app.qa.question import analyse
from app.qa.things.scheme_kind_list import asked_kind, kind_words
from tests.support.engine import answer_ids


def _single_kind_schemes(engine):
    """(country id, scheme id, two label words) for schemes whose two-word kind no other scheme of
    their country shares."""
    by_country = defaultdict(list)
    for f in engine.k.facts_where(predicate="schemeInCountry"):
        by_country[f["object"]].append(f["subject"])
    out = []
    for c, schemes in sorted(by_country.items()):
        for s in schemes:
            label = engine.k.label(s)
            words = re.findall(r"[A-Za-z]{4,}", label)
            if len(words) < 3 or label == label.lower():
                continue
            pair = [w.lower() for w in words[-3:-1]]  # the words before the head noun
            if sum(all(w in engine.k.label(o).lower() for w in pair) for o in schemes) == 1:
                out.append((c, s, pair, words[-1].lower()))
    if not out:
        pytest.skip("no country scheme with a kind of its own")
    return out


def test_the_kind_before_a_singular_noun_is_read(engine):
    c, s, pair, head = _single_kind_schemes(engine)[0]
    q = f"{engine.k.label(c).lower()} {' '.join(pair)} {head} name"
    a = analyse(q, engine.lexicon)
    found = kind_words(q, engine.k, a.links)
    assert found is not None and found[1] == "one Scheme"


@pytest.mark.parametrize("form", ["{country} {kind} {head} name", "what is {country}'s {kind} {head} called"])
def test_one_country_scheme_of_a_kind(engine, form):
    for c, s, pair, head in _single_kind_schemes(engine)[:3]:
        res = engine.ask(form.format(country=engine.k.label(c), kind=" ".join(pair), head=head))
        assert answer_ids(engine, res) == {s}


def test_without_a_country_a_singular_kind_names_no_one_scheme(engine):
    c, s, pair, head = _single_kind_schemes(engine)[0]
    a = analyse(f"{' '.join(pair)} {head} name", engine.lexicon)
    assert asked_kind(a, engine.k) is None
