"""Initiatives named by a loose description of their long name: the real linker over the real build.

Descriptions are built from the knowledge base's own names (a reordered subset of a name's words
ending on its head noun), so the tests hold on another report.
"""
from __future__ import annotations

import re

import pytest

from app.qa.names.initiative_descriptions import HEAD_NOUNS
from app.qa.question import analyse
from app.qa.units import STOP


def _described(engine) -> list[tuple[str, str]]:
    """(initiative, description) pairs: the head noun and three other content words of a long
    name, reordered, that no other initiative's names hold all of."""
    out = []
    for e in engine.k.of_type("Initiative"):
        name = max(engine.k.names(e["id"]), key=len)
        words = [w for w in re.findall(r"[A-Za-z0-9]+", name) if w.lower() not in STOP]
        heads = [w for w in words if w.lower() in HEAD_NOUNS]
        others = [w for w in words if w.lower() not in HEAD_NOUNS]
        if not heads or len(others) < 4:
            continue
        pick = list(reversed(others[-3:]))  # a reordered subset
        out.append((e["id"], f"the {' '.join(pick).lower()} {heads[0].lower()}"))
    return out


def test_a_reordered_subset_of_a_long_name_links_its_initiative(engine):
    pairs = _described(engine)
    if not pairs:
        pytest.skip("no initiative with a long name")
    hits = 0
    for init, desc in pairs:
        a = analyse(f"Which countries take part in {desc}?", engine.lexicon)
        linked = {i for l in a.links for i in l.ids if i.startswith("Initiative:")}
        others = [i for i, w in __import__("app.qa.names.initiative_descriptions", fromlist=["_name_words"])
                  ._name_words(engine.k).items() if set(desc.split()[1:]) <= w and i != init]
        if not others:
            assert init in linked, desc
            hits += 1
    assert hits


def test_a_generic_phrase_links_nothing(engine):
    a = analyse("Which countries joined the network?", engine.lexicon)
    assert not [l for l in a.links if l.type == "Initiative"]
