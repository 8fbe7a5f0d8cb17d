"""The question engine's precomputed indexes give the same figures as the direct computation they
replace (they exist for speed only; answers must not change)."""
from __future__ import annotations

import numpy as np

from app.qa.units import UnitIndex, make_units, terms
from graph.model import Passage


def _brute(idx: UnitIndex, sets: list[set[str]], query: list[str]) -> np.ndarray:
    q = set(query)
    total = sum(idx.idf.get(t, idx.default_idf) for t in q)
    return np.array([sum(idx.idf.get(t, idx.default_idf) for t in q & ts) / total for ts in sets], dtype=np.float32)


def test_inverted_lexical_overlap_matches_a_pass_over_every_unit():
    texts = ["Kenya extended pensions to informal workers. The fund grew; members rose; benefits doubled.",
             "The ILO supported Jordan with actuarial valuations. Funders included the European Union.",
             "Workers in Kenya and Jordan joined social insurance. Pensions were indexed to prices."]
    passages = [Passage(id=f"p{i}", section_id="s", section_path=["s"], text=t, start=0, end=len(t))
                for i, t in enumerate(texts)]
    units = make_units(passages)
    idx = UnitIndex(units, np.zeros((len(units), 4), dtype=np.float32))
    for question in ("pensions for informal workers in Kenya", "who funds actuarial valuations", "nothing here", ""):
        q = terms(question)
        if not q:
            assert not idx.lexical_in_context(q).any()
            continue
        want = 0.5 * _brute(idx, idx.unit_terms, q) + 0.5 * _brute(idx, idx.context_terms, q)
        assert np.array_equal(idx.lexical_in_context(q), want)
        assert np.array_equal(idx.lexical(q), _brute(idx, idx.unit_terms, q))
    assert idx.lexical_in_context(terms("Kenya pensions")).argmax() == 0
