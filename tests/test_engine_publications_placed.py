"""Publications asked by the country they are about, and a graph answer narrowed to the named
country (app/qa/things/titles.py, app/qa/constraints/placed.py; issue 9, fresh_qconv4).

Expected sets are computed from the graph's own publicationAbout / publishedBy facts.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from app.qa.constraints.placed import in_named_countries, placing_relations
from tests.support.engine import answer_ids


def _about(engine) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for f in engine.k.facts_where(predicate="publicationAbout"):
        out[f["object"]].add(f["subject"])
    return out


def test_placing_relations_come_from_the_registry():
    assert "publicationAbout" in placing_relations("Publication")
    assert "schemeInCountry" in placing_relations("Scheme")
    assert placing_relations("Region") == []


def test_what_the_ilo_published_on_a_country(engine):
    about = _about(engine)
    singles = [c for c, pubs in about.items() if len(pubs) == 1]
    if not singles:
        pytest.skip("no country with exactly one publication about it")
    for c in singles[:3]:
        name = engine.k.label(c)
        for q in (f"what did the ILO publish on {name} in 2024", f"ilo publications about {name.lower()}"):
            assert answer_ids(engine, engine.ask(q)) == about[c], q


def test_a_co_author_answer_is_narrowed_to_the_named_country(engine):
    about = _about(engine)
    by_pub = defaultdict(set)
    for f in engine.k.facts_where(predicate="publishedBy"):
        by_pub[f["object"]].add(f["subject"])
    for org, pubs in by_pub.items():
        placed = {c: pubs & ps for c, ps in about.items() if pubs & ps}
        for c, ps in placed.items():
            if len(ps) == 1 and len(pubs) > 1:
                ids = sorted(pubs)
                assert in_named_countries(ids, [c], "Publication", engine.k) == sorted(ps)
                assert in_named_countries(ids, [], "Publication", engine.k) == ids
                return
    pytest.skip("no co-author with publications about several countries")
