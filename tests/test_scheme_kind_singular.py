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


def _said_words(engine, s, pair, n=2):
    """n long words of the scheme's own passages, beyond its kind and name: what a question adds."""
    from app.qa.units import terms

    text = " ".join(engine.k.passage(p).text for p in engine.k.passages_mentioning(s) if engine.k.passage(p))
    name = {w.lower() for w in re.findall(r"[A-Za-z]+", " ".join(engine.k.names(s)))} | set(pair)
    return [w for w in dict.fromkeys(re.findall(r"[a-z]{8,}", text.lower())) if w not in name and terms(w)][:n]


def test_more_words_said_in_the_schemes_own_passages_still_name_it(engine):
    """"peru health insurance scheme ILO actuarial valuation": the kind in one country, and words its
    own sentence says, with the report's author named as context."""
    asked = 0
    for c, s, pair, head in _single_kind_schemes(engine):
        base = f"{engine.k.label(c).lower()} {' '.join(pair)} {head}"
        if head.endswith("s") or asked_kind(analyse(base + " name", engine.lexicon), engine.k) is None:
            continue  # a plural asks a list; a linked name is no question by kind
        q = f"{base} ILO {' '.join(_said_words(engine, s, pair))}"
        got = asked_kind(analyse(q, engine.lexicon), engine.k)
        assert got is not None and got[0] == [s], (q, got)
        asked += 1
    assert asked


def test_more_words_the_scheme_never_says_are_the_text_steps(engine):
    for c, s, pair, head in _single_kind_schemes(engine):
        base = f"{engine.k.label(c).lower()} {' '.join(pair)} {head}"
        if asked_kind(analyse(base + " name", engine.lexicon), engine.k) is not None:
            assert asked_kind(analyse(base + " quarrying bankruptcy", engine.lexicon), engine.k) is None
