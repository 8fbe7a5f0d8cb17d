"""A name several entities share, asked as a kind, and a plural description read as a set.

"Which countries adopted a national social protection policy in 2024?": three countries' policies
bear that name; the generic registry step took the link's first entity and answered one country.
"Who funds the countries that adopted ...?": the plural description was settled as one country by
retrieval.  Expected sets are computed from the knowledge base's facts, not typed; the questions
are written for these tests.
"""
from __future__ import annotations

import pytest

from tests.support.engine import funders_per_country

_NAME = "national social protection policy"


def _sharing(k, name: str) -> list[str]:
    return [i for i, e in k.entities.items() if e["type"] == "LegalInstrument"
            and name in {n.lower() for n in [e["label"], *e.get("alt_labels", [])]}]


def _countries_of(k, instruments: list[str], year: str) -> set[str]:
    return {f["object"] for i in instruments for f in k.facts_where(subject=i, predicate="instrumentOfCountry")
            if str((f.get("attrs") or {}).get("year")) == year}


def _ids(engine, res) -> set[str]:
    return {engine.k.entity_by_iri(a["iri"])["id"] for a in res["answers"] if a.get("iri")}


@pytest.fixture(scope="module")
def adopted(engine):
    shared = _sharing(engine.k, _NAME)
    if len(shared) < 2:
        pytest.skip("no name shared by several instruments in this build")
    got = _countries_of(engine.k, shared, "2024")
    if len(got) < 2:
        pytest.skip("fewer than two countries with such an instrument dated 2024")
    return got


def test_a_shared_name_asked_as_a_kind_is_every_entity_of_that_name(engine, adopted):
    res = engine.ask("Which countries adopted a national social protection policy in 2024?")
    assert _ids(engine, res) == adopted


def test_a_plural_description_is_a_set_not_one_country(engine, adopted):
    res = engine.ask("Who funds the ILO's work in the countries that adopted a national social protection policy in 2024?")
    got = _ids(engine, res)
    per = funders_per_country(engine.k)
    for country in adopted:
        assert per[country] & got or any(per.get(f, set()) & got for f in per[country]), country


def test_a_name_one_entity_bears_is_unchanged(engine):
    """One instrument of that exact title: the generic step's single entity, as before."""
    k = engine.k
    own = [i for i, e in k.entities.items() if e["type"] == "LegalInstrument" and "(" in e["label"]
           and len(_sharing(k, e["label"].lower())) == 1 and k.facts_where(subject=i, predicate="instrumentOfCountry")]
    if not own:
        pytest.skip("no instrument with a name of its own")
    i = own[0]
    res = engine.ask(f"Which country adopted the {k.entity(i)['label']}?")
    assert _ids(engine, res) == {f["object"] for f in k.facts_where(subject=i, predicate="instrumentOfCountry")}


def test_a_second_head_noun_coordinated_after_the_name_counts_too(engine):
    """'a national social protection policy or strategy': the strategies of that name count too."""
    k = engine.k
    both = _sharing(k, _NAME) + _sharing(k, "national social protection strategy")
    expected = _countries_of(k, both, "2024")
    policies = _countries_of(k, _sharing(k, _NAME), "2024")
    if expected == policies:
        pytest.skip("no strategy of that name dated 2024 in this build")
    res = engine.ask("Which countries adopted, launched or approved a national social protection policy or strategy in 2024?")
    assert _ids(engine, res) == expected
