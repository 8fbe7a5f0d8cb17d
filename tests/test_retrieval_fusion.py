"""Fusion that is never worse than its best single retriever, and regions as graph context.

Mechanism tests on made-up passages (real model, real FAISS and BM25, no mocks):

* ``keep_heads``: each single retriever's first choice keeps a place in the top ``floor`` of the
  fused list, whatever the other lists (the graph's boosts) say;
* a passage under a region's heading counts as mentioning the region, so a query naming the region
  boosts that region's passages even when their text never names it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from graph.model import Passage
from index import Embedder, PassageIndex
from index.graph_context import GraphContext, RelationWords
from index.hybrid import keep_heads, rrf, unvetoed_heads


# ------------------------------------------------------------------ keep_heads (pure)
def _scores_non_increasing(fused) -> bool:
    return all(a[1] >= b[1] for a, b in zip(fused, fused[1:]))


@pytest.mark.parametrize("heads, floor", [([9], 4), ([9, 8], 4), ([8, 9], 3), ([9], 1), ([9, 8, 7], 5)])
def test_a_buried_head_is_lifted_into_the_floor_and_order_is_otherwise_kept(heads, floor):
    fused = [(row, 1.0 - row / 20) for row in range(10)]  # rows 0..9, best first
    out = keep_heads(fused, heads, floor)
    top = [row for row, _ in out[:floor]]
    assert all(h in top for h in heads)
    assert sorted(row for row, _ in out) == list(range(10))  # nothing lost or duplicated
    others = [row for row, _ in out if row not in heads]
    assert others == sorted(others)  # the fused order of everything else is unchanged
    assert _scores_non_increasing(out)


def test_heads_already_in_place_none_or_floor_zero_change_nothing():
    fused = [(row, 1.0 - row / 20) for row in range(6)]
    assert keep_heads(fused, [0, 2], 4) == fused
    assert keep_heads(fused, [None, None], 4) == fused
    assert keep_heads(fused, [5], 0) == fused


def test_a_head_the_fused_list_lacks_is_added_and_a_short_list_stays_valid():
    out = keep_heads([(1, 0.5)], [7, 1, 7], 4)  # repeated heads count once
    assert [row for row, _ in out] == [1, 7]
    assert _scores_non_increasing(out)
    assert keep_heads([], [3], 2) == [(3, 0.0)]


def test_keep_heads_after_rrf_lifts_one_lists_first_choice():
    """Two heavy lists agree on rows 1..6; a light list's first choice (row 9) is buried by
    weighted RRF and lifted by keep_heads."""
    fused = rrf([[1, 2, 3, 4, 5, 6], [2, 1, 3, 5, 4, 6], [9, 1, 2]], k=20, weights=[1.0, 1.0, 0.3])
    assert [r for r, _ in fused].index(9) >= 5
    assert 9 in [r for r, _ in keep_heads(fused, [9], 4)[:4]]


# ------------------------------------------------------------------ on a made-up index
ROWS = [
    # id, text, countries, region
    ("a1", "Financing support: Kingdom of the Netherlands.", ["KEN"], "Africa"),
    ("a2", "Financing support: European Union and Kuwait.", ["JOR"], "Arab States"),
    ("a3", "Financing support: European Union.", ["LBN"], "Arab States"),
    ("a4", "The unemployment insurance reform in Jordan was drafted with the social partners.", ["JOR"], "Arab States"),
    ("t1", "Funders of the programme: the funders listed below fund country work in many regions, "
     "and each funder reports on the countries it funds.", [], None),
    ("t2", "Funders and donors: a funder may fund several countries; donors fund work where the "
     "funders agree.", [], None),
    ("t3", "Old-age pensions were extended to rural workers with support from the programme's funders.", ["VNM"],
     "Asia and the Pacific"),
] + [(f"f{i}", f"{topic} was the subject of technical work in {year}.", [], None)
     for i, (topic, year) in enumerate((t, y) for t in ("Maternity protection", "Health insurance", "Child benefits",
                                                        "Disability allowances", "Actuarial valuation")
                                       for y in (2021, 2022, 2023, 2024))]
NAMES = {"Region:arab-states": ["Arab States"], "Region:africa": ["Africa"],
         "Region:asia-and-the-pacific": ["Asia and the Pacific"], "Country:JOR": ["Jordan"],
         "Country:KEN": ["Kenya"], "Country:LBN": ["Lebanon"], "Country:VNM": ["Viet Nam"]}


@dataclass
class _Link:
    ids: list[str]
    surface: str = ""
    start: int = 0
    end: int = 0
    extra: dict = field(default_factory=dict)


def _linker(question: str) -> list[_Link]:
    """Links every known name written in the question (a stand-in for the engine's lexicon)."""
    low = question.lower()
    return [_Link([e], n) for e, names in NAMES.items() for n in names if n.lower() in low]


def _passages() -> list[Passage]:
    return [Passage(id=i, section_id=f"s-{i}", section_path=["Report", i], text=t, start=0, end=len(t),
                    countries=c, region=r, section_kind="country" if r else "section", organizations=[])
            for i, t, c, r in ROWS]


def _context(index: PassageIndex, names=NAMES) -> GraphContext:
    return GraphContext(index.passages, {}, names, linker=_linker,
                        relation_words=RelationWords({"fundedBy": ("funders", "donors", "financing support")}))


@pytest.fixture(scope="module")
def idx() -> PassageIndex:
    index = PassageIndex(Embedder()).index(_passages())
    # 27 passages: every entity is in more than the default 5% of them
    index.options = replace(index.options, entity_max_share=0.2)
    return index.attach_graph(_context(index))


def test_passages_under_a_region_heading_mention_the_region():
    ctx = GraphContext(_passages(), {}, NAMES, linker=_linker, relation_words=RelationWords({}))
    rows = {ROWS[r][0] for r in ctx.entity_rows["Region:arab-states"].tolist()}
    assert rows == {"a2", "a3", "a4"}
    assert {ROWS[r][0] for r in ctx.entity_rows["Region:africa"].tolist()} == {"a1"}
    assert "Region:americas" not in ctx.entity_rows  # no passage, no rows (and no error)


def _best_rank(hits, region: str) -> int:
    return next((h.rank for h in hits if h.passage.region == region), 99)


@pytest.mark.parametrize("question", [
    "Which Arab States country has the fewest funders?",
    "arab states funders",
    "who are the donors of countries in the Arab States",
])
def test_a_region_named_in_the_query_boosts_its_passages(idx, question):
    """The financing lines never say "Arab States"; the region's heading does.  For every wording
    an Arab States passage is in the top 2, and higher than when regions are not entities."""
    hits = idx.search(question, k=len(ROWS), mode="hybrid")
    assert "Region:arab-states" in idx.last_plan.entities
    with_regions = _best_rank(hits, "Arab States")
    no_regions = {e: n for e, n in NAMES.items() if not e.startswith("Region:")}
    ctx = idx.graph_context()
    try:
        idx.attach_graph(_context(idx, no_regions))
        without = _best_rank(idx.search(question, k=len(ROWS), mode="hybrid"), "Arab States")
    finally:
        idx.attach_graph(ctx)
    assert with_regions <= 2 and with_regions < without, (with_regions, without)


def _rank(ids: list[str], pid: str) -> int | None:
    return ids.index(pid) + 1 if pid in ids else None


@pytest.mark.parametrize("question, kept", [
    ("subject of technical work: the elderly in villages", True),
    ("subject of technical work: elderly villagers", True),
    ("technical work in 2024 on the elderly in villages", False),
])
def test_a_retrievers_first_passage_is_kept_in_the_floor_unless_the_other_outvoted_it(idx, question, kept):
    """Words every filler passage shares ("technical work") fill BM25's list, so the weighted
    fusion buries the passage the embedding puts first below the floor.  When BM25 never saw that
    passage (it shares no word with the question), ``head_floor`` lifts it into the top places;
    when BM25 saw it and ranked it low, the fusion's order stands.  Scores stay sorted and
    nothing is added or lost."""
    floor, agree = idx.options.head_floor, idx.options.head_veto_by_lexical
    dense_first = idx.search(question, k=1, mode="dense")[0].passage.id
    lexical_rank = _rank([h.passage.id for h in idx.search(question, k=len(idx), mode="lexical")], dense_first)
    assert (lexical_rank is None or lexical_rank <= agree) == kept
    base = idx.options
    try:
        idx.options = replace(base, head_floor=0)
        buried = [h.passage.id for h in idx.search(question, k=len(idx))]
    finally:
        idx.options = base
    assert _rank(buried, dense_first) > floor  # the case the floor is for
    hits = idx.search(question, k=len(idx))
    ids = [h.passage.id for h in hits]
    assert (dense_first in ids[:floor]) == kept
    if not kept:
        assert ids == buried
    assert sorted(ids) == sorted(buried)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_unvetoed_heads():
    assert unvetoed_heads([(5, [1, 2, 3], 3), (7, [7, 1], 3)]) == [5, 7]  # unseen, agreed
    assert unvetoed_heads([(5, [1, 2, 3, 4, 5], 3), (None, [1], 3)]) == []  # outvoted at rank 5
    assert unvetoed_heads([(5, [1, 2, 3, 4, 5], 5)]) == [5]  # each vote has its own bar
    assert unvetoed_heads([(2, [1, 2], 3), (2, [2], 3)]) == [2]  # the same head once
