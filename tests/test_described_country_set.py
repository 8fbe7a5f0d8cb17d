"""'The countries where <something happened>' is a set, never one country found by retrieval:
when no relation of the graph holds the description, the countries its own question answers
("In which countries ...?") are the set the outer relation is asked over (app/qa/engine.py,
_described_set_read).  It had answered the funders of the one country of the best sentence."""
from __future__ import annotations


def test_a_plural_description_is_a_set_of_countries(engine):
    k = engine.k
    inner = engine.ask("In which countries the ILO is helping bring refugees into national social protection?")
    countries = {x["label"] for x in inner["answers"] if x.get("type") == "Country"}
    assert len(countries) >= 2
    ids = {i for i, e in k.entities.items() if e["type"] == "Country" and e["label"] in countries}
    funders = {k.label(f["object"]) for c in ids for f in k.facts_where(subject=c, predicate="fundedBy")}
    got = engine.ask("Who funds the countries where the ILO is helping bring refugees into national social protection?")
    assert {a["label"] for a in got["answers"]} == funders
    assert any(p.startswith("funders of") and " or " in p for p in got["path"])
