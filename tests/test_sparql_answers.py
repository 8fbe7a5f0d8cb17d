"""A proven-cheap request's serialised answer is kept and sent again to the same request
(app/sparql_answers.py): never to another request (format, base IRI, row limit, query text), never
past a change of the store, never before the checks every request passes (read-only, size and
nesting, SERVICE/FROM verdict, admission control), and within its size bounds."""
from __future__ import annotations

import pytest

import app.graphstore as graphstore
from app.graphstore import QueryOverloaded, QueryResult
from app.sparql_answers import AnswerCache, AnswerPolicy
from app.sparql_cheap import CheapPolicy
from app.sparql_guard import QueryLimits, QueryTooComplex
from tests.conftest import write_ntriples
from tests.test_sparql_cheap import store  # noqa: F401  (the fixture: a small graph, a budget no run exceeds)

LOOKUPS = ["SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 3",
           "ASK { ?s ?p ?o }",
           "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2"]


@pytest.fixture
def evaluations(monkeypatch):
    """Every evaluation on the store, in this process (a spy: the real evaluation runs)."""
    seen: list[str] = []
    real = graphstore._evaluate

    def spy(store, sparql, *args, **kwargs):
        seen.append(sparql)
        return real(store, sparql, *args, **kwargs)

    monkeypatch.setattr(graphstore, "_evaluate", spy)
    return seen


def _ask(gs, sparql, formats=("json", "turtle"), base_iri=None, row_limit=100):
    return gs.query(sparql, timeout=5.0, row_limit=row_limit, formats=formats, base_iri=base_iri)


def _proven_and_kept(gs, sparql, **kw):
    """A worker proves it cheap, an in-process run keeps its answer."""
    return _ask(gs, sparql, **kw), _ask(gs, sparql, **kw)


@pytest.mark.parametrize("sparql", LOOKUPS)
def test_the_same_request_gets_the_kept_answer_without_an_evaluation(store, evaluations, sparql):
    by_worker, in_process = _proven_and_kept(store, sparql)
    assert evaluations == [sparql]  # the worker's run is in its own process; this is the in-process one
    again = [_ask(store, sparql) for _ in range(3)]
    assert evaluations == [sparql], "a kept answer was evaluated again"
    assert all(a.body == by_worker.body == in_process.body and a.kind == by_worker.kind for a in again)
    assert by_worker.body


def test_another_format_base_row_limit_or_text_is_another_request(store, evaluations):
    sparql = LOOKUPS[0]
    json_body = _proven_and_kept(store, sparql)[1].body
    csv = _proven_and_kept(store, sparql, formats=("csv", "turtle"))[1]
    assert csv.body != json_body and b"head" not in csv.body
    one_row = _proven_and_kept(store, sparql, row_limit=1)[1]
    assert one_row.truncated and one_row.body != json_body
    relative = "SELECT ?x WHERE { BIND(<thing> AS ?x) }"
    here = _proven_and_kept(store, relative, base_iri="http://a.example/")[1]
    there = _proven_and_kept(store, relative, base_iri="http://b.example/")[1]
    assert b"http://a.example/thing" in here.body and b"http://b.example/thing" in there.body
    spaced = sparql.replace("LIMIT 3", "LIMIT  3")
    assert _ask(store, spaced).body == json_body  # another text: a worker's answer, not the kept one
    assert spaced not in evaluations and len(store._answers) == 5
    assert len(evaluations) == 5  # one in-process run per distinct request, none for the repeats


def test_every_check_still_runs_before_a_kept_answer_is_sent(store, monkeypatch):
    sparql = LOOKUPS[0]
    _proven_and_kept(store, sparql)
    screened = []
    real_check = store._verdicts.check
    monkeypatch.setattr(store._verdicts, "check", lambda *a, **k: screened.append(a[0]) or real_check(*a, **k))
    _ask(store, sparql)
    assert screened == [sparql], "the SERVICE/FROM verdict was not consulted for a kept answer"
    store.limits = QueryLimits(max_chars=20)  # the size check runs on every request, kept or not
    with pytest.raises(QueryTooComplex):
        _ask(store, sparql)
    store.limits = QueryLimits()
    with store.pool().admitted(5), store.pool().admitted(5):  # every admission slot taken (1 + queue 1)
        with pytest.raises(QueryOverloaded):
            _ask(store, sparql)
    assert _ask(store, sparql).body


def test_a_change_of_the_store_forgets_every_kept_answer(store, tmp_path):
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = _proven_and_kept(store, sparql)[1].body
    assert len(store._answers) == 1
    store.load(write_ntriples(tmp_path / "more.nt", [("<http://example.org/new>", "<http://example.org/p>", '"x"')]))
    assert len(store._answers) == 0
    after = _ask(store, sparql).body  # a worker's fresh answer over the new data
    assert after != before


def test_a_demoted_request_loses_its_kept_answer(store):
    sparql = LOOKUPS[0]
    _ask(store, sparql)
    store._cheap.policy = CheapPolicy(max_ms=0.000001, max_kb=64)  # its in-process run will be over budget
    _ask(store, sparql)
    assert len(store._answers) == 0


def _result(size: int) -> QueryResult:
    return QueryResult(kind="solutions", body=b"x" * size, format="json")


def test_the_cache_keeps_within_its_bounds_least_recently_used_first():
    cache = AnswerCache(AnswerPolicy(max_bytes=300, max_entry_bytes=150, max_entries=3))
    for k in "abc":
        cache.put((k,), _result(100))
    assert cache.bytes == 300 and len(cache) == 3
    assert cache.get(("a",)).body == b"x" * 100  # a is now the most recently used
    cache.put(("d",), _result(100))
    assert cache.get(("b",)) is None and cache.get(("a",)) is not None and cache.bytes == 300
    cache.put(("big",), _result(151))  # over the per-answer bound: not kept, nothing dropped for it
    assert cache.get(("big",)) is None and len(cache) == 3
    cache.put(("e",), QueryResult(kind="solutions", rows=[("x",)]))  # not serialised: not kept
    assert cache.get(("e",)) is None
    kept = cache.get(("a",))
    kept.elapsed_s = 99.0  # a copy: the kept answer is not changed by its user
    assert cache.get(("a",)).elapsed_s == 0.0
    off = AnswerCache(AnswerPolicy(max_bytes=0))
    off.put(("a",), _result(1))
    assert not off.enabled and off.get(("a",)) is None
