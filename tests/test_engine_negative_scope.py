"""Negatives scoped to a region, and exclusion words typed wrong (qwordy8).

- "Which <region> countries are not funded by X" when X funds every country of the region the report
  has an entry for: the graph's empty answer is the report's "none", said as such, not a fall back
  to sentences (which answered with X's other countries and the region's other funders).
- "exept", "besdies", "excpet": a typo of a word that sets something aside is corrected, though
  the report never writes the word, so the exclusion is read.

Expected answers are computed from the knowledge base's facts: nothing is typed from the report.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from tests.support.engine import answer_ids, funders_per_country


def _regions(k) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    priority = {e for e, ent in k.entities.items() if ent["type"] == "Country" and ent["attrs"].get("priority")}
    for f in k.facts:
        if f["predicate"] == "inRegion" and f["subject"] in priority:
            out[f["object"]].add(f["subject"])
    return out


def _covering_funder(k):
    """A region and a funder that funds every priority country of it (none if the build has none)."""
    funders = funders_per_country(k)
    for region, countries in sorted(_regions(k).items()):
        common = set.intersection(*(funders.get(c, set()) for c in countries)) if countries else set()
        for funder in sorted(common):
            if not funder.startswith("Country:"):
                return region, funder
    return None


@pytest.mark.parametrize("frame", [
    "Which {r} countries are not funded by the {f}?",
    "{r} countries without {f} funding",
    "Which countries in {r} get no money from the {f} for their ILO work?",
])
def test_a_region_all_funded_by_one_funder_has_no_unfunded_country(engine, frame):
    found = _covering_funder(engine.k)
    if found is None:
        pytest.skip("no funder covers a whole region in this build")
    region, funder = found
    q = frame.format(r=engine.k.label(region), f=engine.k.label(funder))
    res = engine.ask(q)
    assert res["answers"] == [], (q, [a["label"] for a in res["answers"]])
    assert res["message"].startswith("None:"), res["message"]


@pytest.mark.parametrize("frame", ["Which {r} countries are not funded by the {f}?",
                                   "{r} countries without {f} funding"])
def test_a_region_partly_funded_keeps_its_complement(engine, frame):
    funders = funders_per_country(engine.k)
    for region, countries in sorted(_regions(engine.k).items()):
        by = defaultdict(set)
        for c in countries:
            for f in funders.get(c, ()):
                by[f].add(c)
        partial = [(f, cs) for f, cs in sorted(by.items()) if 0 < len(cs) < len(countries) and not f.startswith("Country:")]
        if partial:
            funder, funded = partial[0]
            break
    else:
        pytest.skip("no partial funder")
    res = engine.ask(frame.format(r=engine.k.label(region), f=engine.k.label(funder)))
    assert answer_ids(engine, res) == countries - funded, res["path"][:3]


@pytest.mark.parametrize("typo, word", [("exept", "except"), ("besdies", "besides"), ("excpet", "except"),
                                        ("exluding", "excluding")])
def test_a_typo_of_an_exclusion_word_is_corrected(engine, typo, word):
    fixed, _ = engine.speller.correct(f"countries funded by the eu {typo} those in africa")
    assert word in fixed.split(), fixed


def test_a_misspelt_exclusion_still_excludes(engine):
    funders = funders_per_country(engine.k)
    funded_by: dict[str, set[str]] = defaultdict(set)
    for c, fs in funders.items():
        for f in fs:
            funded_by[f].add(c)
    funder, countries = next((f, cs) for f, cs in sorted(funded_by.items(), key=lambda x: -len(x[1]))
                             if f.startswith("Organization:") and len(cs) >= 3)
    left_out = sorted(countries)[0]
    for typo in ("exept", "besdies"):
        res = engine.ask(f"countries funded by the {engine.k.label(funder)} {typo} {engine.k.label(left_out)}")
        assert answer_ids(engine, res) == countries - {left_out}, (typo, res["path"][:3])
