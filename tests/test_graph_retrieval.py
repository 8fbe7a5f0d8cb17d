"""Graph-aware hybrid search over a real build of the bundled report (real model, real kb).

What must hold: passages mentioning the entities a query is about move up (whether the index
linked them itself or the caller passed ``boost_entities``); relation words and typos are
handled; and evidence recall on the tuning questions does not fall below a floor, nor below the
better of the two plain retrievers.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from index import PassageIndex
from index.graph_context import RelationWords
from index.lexical import tokenize

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def idx(built_data_dir) -> PassageIndex:
    index = PassageIndex.load(Path(built_data_dir) / "index")
    assert index.graph_context() is not None, index.graph_error
    return index


def _mentions(idx: PassageIndex, row: int, entity: str) -> bool:
    rows = idx.graph_context().entity_rows.get(entity)
    return rows is not None and row in set(rows.tolist())


def _first_rank(idx: PassageIndex, hits, entity: str) -> int | None:
    row_of = {p.id: i for i, p in enumerate(idx.passages)}
    return next((h.rank for h in hits if _mentions(idx, row_of[h.passage.id], entity)), None)


def test_boost_entities_moves_their_passages_up(idx):
    """A generic relation query ("financing support") boosted with a country puts a passage about
    that country first for most countries with a financing line (measured 56 of 64); without the
    boost the same query ranks other countries' lines first."""
    ctx = idx.graph_context()
    countries = sorted({f"Country:{c}" for p in idx.passages if p.kind == "financing" for c in p.countries}
                       & set(ctx.entity_rows))
    assert len(countries) >= 10
    first_boosted, improved = 0, 0
    for c in countries:
        plain = idx.search("financing support", k=10, graph=False)
        boosted = idx.search("financing support", k=10, boost_entities=[c])
        r_plain, r_boost = _first_rank(idx, plain, c), _first_rank(idx, boosted, c)
        first_boosted += r_boost == 1
        improved += r_boost is not None and (r_plain is None or r_boost < r_plain)
    assert first_boosted >= 0.8 * len(countries)
    assert improved >= 0.5 * len(countries)  # plain search cannot favour every country at once


def test_linked_entity_from_the_query_is_boosted_and_explicit_empty_list_disables_linking(idx):
    ctx = idx.graph_context()
    country = next(e for e in sorted(ctx.entity_rows) if e.startswith("Country:")
                   and any(p.kind == "financing" and e.split(":")[1] in p.countries for p in idx.passages))
    name = ctx.names[country][0]
    idx.search(f"{name} donors", k=5)
    assert country in idx.last_plan.entities
    assert "fundedBy" in idx.last_plan.relations
    idx.search(f"{name} donors", k=5, boost_entities=[])
    assert idx.last_plan.entities == []


def test_misspelt_query_word_is_corrected_against_the_index_vocabulary(idx):
    lex = idx._lexical
    word = next(w for w in sorted(lex._bm25.vocab_dict) if w.isalpha() and len(w) >= 9)
    typo = word[:3] + word[4] + word[3] + word[5:]  # swap two letters
    if lex.knows(typo):
        pytest.skip("the swapped spelling is itself a word of the report")
    assert lex.correct(typo) == word
    assert lex.correct(word) is None  # a known word is never "corrected"
    hits_typo = idx.search(f"{typo}", k=3)
    hits_right = idx.search(f"{word}", k=3)
    assert hits_typo[0].passage.id == hits_right[0].passage.id


def test_a_name_the_report_never_uses_is_searched_under_the_reports_names(idx):
    """A gazetteer variant of a country name (words the report never uses) links to the country,
    is not "spell-corrected" word by word, and the country's other names join the BM25 query."""
    ctx, lex = idx.graph_context(), idx._lexical
    variants = [(e, n) for e in sorted(ctx.entity_rows) if e.startswith("Country:") and ctx.share[e] <= 0.2
                for n in ctx.names.get(e, [])[1:] if n.isascii() and any(not lex.knows(t) for t in tokenize(n))]
    checked = 0
    for entity, name in variants[:10]:
        idx.search(f"financing of the work in {name}", k=5)
        plan = idx.last_plan
        if entity not in plan.entities:
            continue  # the linker did not take this spelling: nothing to expand
        assert set(tokenize(name)) <= set(plan.tokens), plan  # no word of the name was "corrected"
        others = {t for n in ctx.names[entity] for t in tokenize(n)} - set(tokenize(name))
        if others:  # "Federative Republic of Brazil" holds every word of "Brazil": nothing to add
            checked += 1
            assert others <= set(plan.alias_tokens), plan
    if not checked:
        pytest.skip("no country variant spelling in this build's names")


def test_relation_words_need_a_whole_keyword():
    rw = RelationWords({"fundedBy": ("donors", "financing", "funded by"),
                        "pathfinderOf": ("pathfinder countries",)})
    names, extra = rw.expand(["malawi", "donor"])
    assert names == ["fundedBy"] and "financing" in extra and "donors" not in extra
    assert rw.expand(["which", "countries"])[0] == []  # one word of a phrase is not the phrase
    assert rw.expand(["pathfinder", "countries"])[0] == ["pathfinderOf"]


def test_graph_false_is_plain_fusion(idx):
    idx.search("social protection financing", k=5, graph=False)
    assert idx.last_plan is None


def _questions(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def test_evidence_recall_floor_on_tuning_questions(idx):
    """Recall@5 of the evidence passage on the paraphrases of the dev questions (in the repository):
    graph-aware hybrid at least 0.87 (measured 0.90) and never below the better plain retriever."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from retrieval_eval import evaluate, gold_rows

    questions = _questions(ROOT / "data" / "eval" / "paraphrases.jsonl")
    gold = gold_rows(questions, idx.passages)
    assert sum(bool(g) for g in gold.values()) >= 0.95 * len(questions)
    r = {label: evaluate(idx, questions, gold, mode, graph)["recall@5"]
         for label, mode, graph in (("lexical", "lexical", False), ("dense", "dense", False),
                                    ("hybrid+graph", "hybrid", True))}
    assert r["hybrid+graph"] >= 0.87, r
    assert r["hybrid+graph"] >= max(r["lexical"], r["dense"]), r


def test_passages_stating_a_signalled_relation_of_a_named_entity_are_a_fusion_list(idx):
    """"<country> donors": the passages that state the country's funding facts (its short
    financing line) are fused as their own list, so the line is in the top 5 for most countries,
    and turning the list off does no better."""
    from dataclasses import replace

    ctx = idx.graph_context()
    pairs = [(e, rows) for (e, rel), rows in ctx.fact_rows.items() if rel == "fundedBy" and e.startswith("Country:")
             and e in ctx.entity_rows]
    assert len(pairs) >= 10
    scores = ctx.fact_scores([pairs[0][0]], ["fundedBy"])
    assert set(scores.nonzero()[0].tolist()) == set(pairs[0][1].tolist())

    def found(options) -> int:
        idx.options, base = options, idx.options
        try:
            n = 0
            for e, rows in pairs:
                name = ctx.names[e][0] if ctx.names.get(e) else e.split(":")[1]
                hits = idx.search(f"{name} donors", k=5)
                row_of = {p.id: i for i, p in enumerate(idx.passages)}
                n += any(row_of[h.passage.id] in set(rows.tolist()) for h in hits)
            return n
        finally:
            idx.options = base

    with_facts = found(idx.options)
    assert with_facts >= 0.8 * len(pairs)
    assert with_facts >= found(replace(idx.options, fact_weight=0.0))
