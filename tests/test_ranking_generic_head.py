"""A symmetric relation's noun names either party of anything ("which *partner* funds the most
countries"): it types the answer (organisations) but the verb chooses the relation (app/qa/figures/ranking.py
worded_by_head_only and _choose); and the very word breaks a tie between two relations sharing a
stem ("funds": funding, not a national fund).

Expected rankings are computed from the knowledge base's facts in Python; the questions are written
here, several wordings.
"""
from __future__ import annotations

from collections import Counter

import pytest


def _most_funding(engine) -> set[str]:
    per = Counter(f["object"] for f in engine.k.facts if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:"))
    top = max(per.values())
    return {engine.k.label(o) for o, n in per.items() if n == top}


@pytest.mark.parametrize("question", [
    "Which development partner finances the largest number of priority countries?",
    "which partner funds the most countries",
    "Which partner bankrolls the greatest number of countries?",
])
def test_generic_noun_with_a_funding_verb_ranks_by_funding(engine, question):
    res = engine.ask(question)
    assert {a["label"] for a in res["answers"]} == _most_funding(engine), res["path"]
    assert any("fundedBy" in p for p in res["path"])


@pytest.mark.parametrize("question", [
    "which partner works with the most countries",
    "which partner collaborates with the most countries",
])
def test_generic_noun_with_its_own_verb_keeps_its_relation(engine, question):
    res = engine.ask(question)
    assert any("partneredWith" in p for p in res["path"]), res["path"]


def test_specific_noun_still_decides(engine):
    res = engine.ask("which funder supports the most countries")
    assert {a["label"] for a in res["answers"]} == _most_funding(engine)
