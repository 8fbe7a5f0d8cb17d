"""A name the query sets aside ("pathfinders not in Qaland", "funders other than the ZFU") is not
boosted or expanded by the graph (index/set_aside.py, used by GraphContext.link): its passages are
where the answer is not.  Made-up entities, passages and wordings.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from graph.model import Passage
from index.graph_context import GraphContext
from index.set_aside import set_aside

NAMES = {"Organization:zfu": ["Zentral Forest Union", "ZFU"], "Region:qaland": ["Qaland"],
         "Country:VRL": ["Varland"]}


@dataclass
class _Link:
    ids: list[str]
    surface: str
    start: int


def _linker(query: str):
    out = []
    for eid, names in NAMES.items():
        for n in names:
            at = query.lower().find(n.lower())
            if at >= 0:
                out.append(_Link([eid], query[at:at + len(n)], at))
                break
    return out


def _context() -> GraphContext:
    texts = ["Financing support: Zentral Forest Union.", "Qaland pathfinders met.", "Varland joined.",
             *[f"Filler passage {i}." for i in range(20)]]
    passages = [Passage(id=f"p{i}", section_id="s", section_path=["S"], text=t, start=0, end=len(t))
                for i, t in enumerate(texts)]
    mentions = {"p0": ["Organization:zfu"], "p1": ["Region:qaland"], "p2": ["Country:VRL"]}
    return GraphContext(passages, mentions, NAMES, linker=_linker)


@pytest.mark.parametrize("query, aside, kept", [
    ("which pathfinder countries are not in Qaland", "Region:qaland", None),
    ("pathfinders outside of qaland", "Region:qaland", None),
    ("who funds Varland other than the ZFU?", "Organization:zfu", "Country:VRL"),
    ("Varland donors besides the Zentral Forest Union", "Organization:zfu", "Country:VRL"),
    ("ZFU funded countries excluding those in Qaland", "Region:qaland", "Organization:zfu"),
])
def test_a_set_aside_name_is_not_boosted(query, aside, kept):
    links = _context().link(query)
    assert aside not in links.ids, links
    assert kept is None or kept in links.ids, links
    assert any(s.lower() in query.lower() for s in links.surfaces)  # its words stay protected


@pytest.mark.parametrize("query", ["pathfinder countries in Qaland", "who funds Varland?",
                                   "is Varland not a pathfinder", "not only in Qaland but also elsewhere"])
def test_a_plainly_named_entity_is_still_boosted(query):
    ids = _context().link(query).ids
    assert ids and all(i in NAMES for i in ids), ids
    if "Qaland" in query:
        assert "Region:qaland" in ids


def test_cue_needs_to_sit_right_before_the_name():
    q = "not in 2024 but in Qaland"
    assert not set_aside(q, q.index("Qaland"))
    assert not set_aside("Qaland", 0)
    assert not set_aside("anything", None)
