"""An empty answer says why on the page, and shows the sentence that says so first: the engine's
message ("approved in 2024, not yet registered"; "the report does not mention X") is what a reader
needs, not a generic "no answer"."""
from __future__ import annotations

import html as htmllib
import re
from urllib.parse import quote

import pytest
import requests

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def _page(srv, q: str) -> str:
    r = requests.get(srv.url + "/?q=" + quote(q), headers=HTML, timeout=60)
    assert r.status_code == 200, r.text[:500]
    return r.text


def _status(page: str) -> str:
    m = re.search(r'<p class="notice" id="status-message">(.*?)</p>', page, re.S)
    assert m, "no status message on an empty answer"
    return htmllib.unescape(m.group(1))


def _only_unregistered(kb) -> list[dict]:
    out = []
    for f in kb.facts_where(predicate="ratified"):
        own = kb.facts_where(subject=f["subject"], predicate="ratified")
        if all((g.get("attrs") or {}).get("status") not in (None, "", "registered") for g in own):
            out.append(f)
    return out


def test_the_page_says_what_an_unregistered_ratification_is_and_shows_its_sentence_first(web_server, engine):
    facts = _only_unregistered(engine.k)
    if not facts:
        pytest.skip("no country with only an unregistered ratification in this report")
    f = facts[0]
    country, inst = engine.k.label(f["subject"]), engine.k.label(f["object"])
    page = _page(web_server, f"which conventions did {country} ratify")
    said = _status(page)
    assert country in said and inst in said and "not yet registered" in said
    assert "has no answer" not in said
    first = re.search(r'<li class="passage" id="p-([^"]+)"', page)
    assert first and first.group(1) in f["passages"]
    # the API carries the same message and marks the passage it rests on
    body = requests.get(web_server.url + "/api/ask", params={"q": f"which conventions did {country} ratify"},
                        timeout=60).json()
    result = body.get("result", body)
    assert result["message"] == said.split(" The passages below")[0]
    assert [p["passage_id"] for p in result["passages"] if p.get("backs_message")][:1] == [first.group(1)]


def test_a_name_the_report_never_writes_is_said_on_the_page(web_server):
    said = _status(_page(web_server, "What is the Zorblax Qwertuvian Facility?"))
    assert "does not mention" in said and "Zorblax" in said


def test_an_ordinary_empty_answer_keeps_the_generic_notice(web_server):
    said = _status(_page(web_server, "best chocolate cake recipe with strawberries"))
    assert said.startswith("The knowledge graph has no answer")


def test_related_questions_are_never_about_the_reports_author_as_a_place(engine):
    from app.qa.graphstep import AUTHOR_ORGS
    from app.web.suggest import related_questions

    authors = [engine.k.label(a) for a in AUTHOR_ORGS if engine.k.entity(a)]
    assert authors
    # passages that name the author and a country: the question list is about the country
    pids = [p for a in AUTHOR_ORGS for p in engine.k.passages_mentioning(a)][:40]
    asked = related_questions(engine.k, "which conventions did the ILO ratify", pids, limit=20)
    assert asked
    assert not any(name in q for q in asked for name in authors), asked
