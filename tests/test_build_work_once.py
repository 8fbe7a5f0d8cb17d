"""Work the build used to do twice is done once (issue 10: a 10 MB report in <= 60 s): the
artefacts process writes Turtle/JSON-LD from the N-Triples text the build made before forking it,
and the ONNX export is checked on distinct sample passages only."""
from __future__ import annotations

import rdflib
import rdflib.compare
import pytest

from graph.artefacts_process import InBackground, can_fork, turtle_and_jsonld
from graph.build import GraphBuild
from graph.kb import KnowledgeBase
from index.embed_process import CHECK_TEXTS, check_sample


def _small_build() -> GraphBuild:
    g = rdflib.Graph()
    ex = rdflib.Namespace("http://example.org/")
    g.bind("ex", ex)
    for i in range(20):
        g.add((ex[f"s{i}"], ex.label, rdflib.Literal(f"thing {i}")))
        g.add((ex[f"s{i}"], ex.next, ex[f"s{i + 1}"]))
    return GraphBuild(docs=[], kb=KnowledgeBase(), graph=g, network=None)


def test_ntriples_text_is_made_once_and_is_the_graphs():
    b = _small_build()
    nt = b.ntriples()
    assert b.ntriples() is nt  # cached, not made again
    again = rdflib.Graph().parse(data=nt, format="nt")
    assert len(again) == len(b.graph) == 40 and rdflib.compare.isomorphic(again, b.graph)


@pytest.mark.skipif(not can_fork(), reason="the artefacts process is forked (Linux)")
def test_artefacts_process_reuses_the_parents_ntriples(monkeypatch):
    import graph.serialise

    b = _small_build()
    b.ntriples()  # made here, before the fork, as app.pipeline does

    def made_again(graph):
        raise AssertionError("the N-Triples text was made a second time")

    monkeypatch.setattr(graph.serialise, "ntriples", made_again)
    job = InBackground.start(b, jobs=(("turtle_jsonld", turtle_and_jsonld),))
    files = job.result()
    assert job.ran_in == "a second process"  # a failing child would have fallen back (and raised) here
    ttl = rdflib.Graph().parse(data=files["graph.ttl"].decode("utf-8"), format="turtle")
    assert rdflib.compare.isomorphic(ttl, b.graph)
    jsonld = rdflib.Graph().parse(data=files["graph.jsonld"].decode("utf-8"), format="json-ld")
    assert len(jsonld) == len(b.graph)


def test_check_sample_is_distinct_spread_and_bounded():
    # a report made of 9 copies: the same 50 documents over and over
    docs = [f"passage {i % 50}" for i in range(450)]
    got = check_sample(docs)
    assert len(got) == len(set(got)) <= CHECK_TEXTS
    assert got[0] == "passage 0" and int(got[-1].split()[1]) >= 40  # spread to the end, not the first few
    assert check_sample(["only one"]) == ["only one"] and check_sample([]) == []
    many = [f"t{i}" for i in range(1000)]
    assert len(check_sample(many)) == CHECK_TEXTS
