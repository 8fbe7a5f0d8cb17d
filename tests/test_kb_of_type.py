"""graph/kb.py keeps an index of entities by type (extractors ask for a type in every sentence):
whatever is added, replaced or removed, ``of_type`` answers what filtering every entity would."""
from __future__ import annotations

import pickle
import random

from graph.kb import Entity, KnowledgeBase


def _filtered(kb: KnowledgeBase, type_: str) -> list[Entity]:
    return [e for e in kb.entities.values() if e.type == type_]


def test_of_type_follows_every_change_in_insertion_order():
    kb = KnowledgeBase()
    rnd = random.Random(3)
    types = ("Country", "Organization", "Scheme")
    for step in range(3000):
        t, key = rnd.choice(types), f"k{rnd.randrange(60)}"
        op = rnd.random()
        if op < 0.5:
            kb.add_entity(t, key, key.upper())
        elif op < 0.6:  # a merge replaces an entity under the same id
            other = rnd.choice(types)
            kb.entities[f"{t}:{key}"] = Entity(other, key, "replaced")
        elif op < 0.7:
            kb.entities.pop(f"{t}:{key}", None)
        elif op < 0.75 and f"{t}:{key}" in kb.entities:
            del kb.entities[f"{t}:{key}"]
        elif op < 0.78:
            kb.entities.update({f"{t}:{key}x": Entity(t, key + "x", "via update")})
        for ty in types:
            if step % 7 == 0 or op >= 0.5:
                assert kb.of_type(ty) == _filtered(kb, ty)
    assert all(kb.of_type(ty) == _filtered(kb, ty) for ty in types)
    assert kb.of_type("Region") == []


def test_a_pickled_knowledge_base_keeps_its_index_right():
    kb = KnowledgeBase()
    for i in range(20):
        kb.add_entity("Country" if i % 2 else "Organization", f"k{i}", f"K{i}")
    assert kb.of_type("Country")  # the index exists before pickling
    back = pickle.loads(pickle.dumps(kb))
    back.add_entity("Country", "new", "New")
    assert [e.key for e in back.of_type("Country")] == [e.key for e in _filtered(back, "Country")]
    assert back.of_type("Country")[-1].key == "new"
