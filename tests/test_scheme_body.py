"""The body that runs a scheme the question describes (app.qa.multihop.scheme_body).

The pure tests use a made-up country and scheme; the engine tests ask questions written for these
tests over the real build and read the expected body from the graph (the administeredBy fact of the
scheme the question describes), never typed in.
"""
from __future__ import annotations

import pytest

from app.qa.multihop.scheme_body import asks_body_of_scheme, body_of_described
from app.qa.question import Analysis, Link
from tests.test_described_scheme import _K, _P, _scheme


def _k() -> _K:
    k = _K()
    s = _scheme("dock", "Dockworkers Accident Scheme", acronym="DAS")
    k.entities[s["id"]] = s
    k.entities["Organization:ports"] = {"id": "Organization:ports", "type": "Organization", "label": "Ports Agency",
                                        "alt_labels": [], "attrs": {"country": "ATL"}}
    k.entities["Country:ATL"] = {"id": "Country:ATL", "type": "Country", "label": "Atlantis", "alt_labels": [], "attrs": {}}
    k.facts.append({"subject": "Scheme:dock", "predicate": "administeredBy", "object": "Organization:ports",
                    "passages": ["p1"]})
    k.facts.append({"subject": "Scheme:dock", "predicate": "schemeInCountry", "object": "Country:ATL", "passages": ["p1"]})
    k.passages["p1"] = _P("The Ports Agency runs the Dockworkers Accident Scheme (DAS), which covers crane operators "
                          "after a workplace injury.")
    return k


def _a(q: str, linked: dict[str, list[str]]) -> Analysis:
    a = Analysis(question=q, answer_type="Organization")
    for surface, ids in linked.items():
        i = q.lower().index(surface)
        a.links.append(Link(i, i + len(surface), q[i:i + len(surface)], ids))
    return a


@pytest.mark.parametrize("q, asks", [
    ("Which fund in Atlantis runs the crane operators' accident scheme?", True),
    ("What national agency administers it?", True),
    ("atlantis agency running the crane operators injury scheme", True),
    ("Which fund finances the scheme?", False),              # financing, not running: the funders' relation
    ("atlantis accident scheme fund", False),                # no verb of running
])
def test_a_body_is_asked_by_a_verb_of_running(q, asks):
    assert asks_body_of_scheme(q) is asks


def test_the_described_schemes_body_is_the_answer():
    q = "Which agency in Atlantis runs the crane operators' workplace injury scheme?"
    got = body_of_described(_a(q, {"atlantis": ["Country:ATL"]}), _k())
    assert got is not None and got[0] == "Scheme:dock" and [f["object"] for f in got[2]] == ["Organization:ports"]


def test_a_linked_scheme_is_left_to_the_usual_relation():
    q = "Which agency in Atlantis runs the Dockworkers Accident Scheme?"
    a = _a(q, {"atlantis": ["Country:ATL"], "dockworkers accident scheme": ["Scheme:dock"]})
    assert body_of_described(a, _k()) is None


def test_nothing_described_gives_nothing():
    q = "Which agency in Atlantis runs the fishing fleet?"
    assert body_of_described(_a(q, {"atlantis": ["Country:ATL"]}), _k()) is None


# -- over the real build -------------------------------------------------------------------------
def _body_of_scheme_with(engine, iso: str, word: str) -> str:
    k = engine.k
    schemes = [e["id"] for e in k.of_type("Scheme") if (e.get("attrs") or {}).get("country") == iso
               and any(word in n.lower() for n in k.names(e["id"]))]
    assert len(schemes) == 1, schemes
    bodies = [f["object"] for f in k.facts_where(subject=schemes[0], predicate="administeredBy")]
    assert len(bodies) == 1, bodies
    return k.label(bodies[0])


@pytest.mark.parametrize("q, iso, word", [
    ("Which fund in Nepal runs the new contributory schemes for informal, self-employed and migrant workers?",
     "NPL", "migrant"),
    ("nepal fund running contributory schemes for informal and migrant workers", "NPL", "migrant"),
])
def test_engine_answers_the_body_of_the_described_scheme(engine, q, iso, word):
    want = _body_of_scheme_with(engine, iso, word)
    got = engine.ask(q)
    assert got["answer_type"] == "Organization" and [x["label"] for x in got["answers"]] == [want]
