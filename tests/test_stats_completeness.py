"""`floorgraph stats --json` says how complete the graph is: a count for every registered relation,
duplicate entities (0), table cells held as observations (>= 100), SHACL conformance."""
from __future__ import annotations

import pytest

from app.config import BUNDLED_REPORT
from graph.build import build_in_memory
from graph.relations import REGISTRY
from graph.stats import compute_stats


@pytest.fixture(scope="module")
def stats():
    return compute_stats(build_in_memory([BUNDLED_REPORT]))


def test_completeness_figures(stats):
    by_rel = stats["statements_by_relation"]
    assert set(by_rel) == {r.name for r in REGISTRY}
    held = [r for r, n in by_rel.items() if n]
    print(f"\n{len(held)} of {len(by_rel)} relations hold statements; empty: "
          f"{sorted(r for r, n in by_rel.items() if not n)}")
    assert len(held) >= 20 and stats["relations_with_statements"] == len(held)
    assert stats["duplicate_entities"] == 0 and stats["duplicate_entity_pairs"] == []
    assert stats["table_observations"] >= 100
    assert stats["shacl_conforms"] and stats["statements_without_provenance"] == 0


@pytest.mark.parametrize("relation", ["founderOf", "chairOf", "secretariatOf", "hostOf", "constituentOf",
                                      "governmentOf", "agencyOf", "institutionOf", "inquiredAbout",
                                      "alignmentAssessed"])
def test_each_new_relation_holds_statements(stats, relation):
    assert stats["statements_by_relation"][relation] > 0
