"""A count qualified by a common word ("new" allocations, "newly" funded) is the list a sentence
writes beside that word and the named organisation (app/qa/figures/listed_subset.py QUALIFIERS and its
anchor), not the organisation's whole funding relation.

The expected count is read from the passages by another route (the sentence writing both the
organisation's acronym in its section and "new" beside a list of countries), never typed; the
questions are written here.
"""
from __future__ import annotations

import re

import pytest

from app.qa.figures import listed_subset
from graph import countries


def _new_allocation_list(engine) -> tuple[str, set[str], set[str]]:
    """(acronym, countries of the sentence that allocates to new activities, the acronym's funded set)."""
    for p in engine.k.passages.values():
        head = " ".join(p.section_path)
        acr = re.search(r"\b([A-Z]{4})\b", head)
        if not acr or "new" not in head.lower():
            continue
        for sent in re.split(r"(?<=\.)\s+", p.text):
            if re.search(r"\bnew activities\b", sent):
                listed = {iso for *_, iso in countries.find_countries(sent)}
                if len(listed) >= 3:
                    org = next((e["id"] for e in engine.k.of_type("Organization") if acr.group(1) in engine.k.names(e["id"])), None)
                    funded = {f["subject"].split(":", 1)[1] for f in engine.k.facts_where(predicate="fundedBy", obj=org)
                              if f["subject"].startswith("Country:")} if org else set()
                    return acr.group(1), listed, funded
    pytest.skip("the report lists no countries of new activities under an acronym's heading")


@pytest.mark.parametrize("question", [
    "How many countries received new {acr} allocations in 2024?",
    "how many countrys got the new {acr} allocations in 2024",
    "In how many countries were new activities funded from {acr} in 2024?",
    "{acr} new allocations 2024 how many countries",
])
def test_new_allocations_counted_from_the_list(engine, question):
    acr, listed, funded = _new_allocation_list(engine)
    if listed == funded:
        pytest.skip("the list and the funding relation agree: nothing to tell apart")
    res = engine.ask(question.format(acr=acr))
    assert [a["label"] for a in res["answers"]] == [str(len(listed))]


def test_the_plain_count_stays_the_relation(engine):
    """Without the qualifier, the count is the organisation's funding relation."""
    acr, listed, funded = _new_allocation_list(engine)
    res = engine.ask(f"How many countries does the {acr} fund?")
    assert [a["label"] for a in res["answers"]] == [str(len(funded))]


def test_qualifiers_are_common_words():
    assert {"new", "first"} <= listed_subset.QUALIFIERS
