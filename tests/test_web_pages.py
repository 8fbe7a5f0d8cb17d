"""The site's pages over a real build of the bundled report, read as HTML (no browser): answers with
deduplicated evidence and table rows, the report reader, the entity index with facets and its CSV/JSON,
the dataset description, the map and chart data, human labels, the warming-up state."""
from __future__ import annotations

import csv
import io
import json
import re
import threading
from urllib.parse import quote

import pytest
import requests

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def page(srv, path: str) -> str:
    r = requests.get(srv.url + path, headers=HTML, timeout=60)
    assert r.status_code == 200, (path, r.status_code, r.text[:500])
    return r.text


def ask_page(srv, q: str) -> str:
    return page(srv, "/?q=" + quote(q))


def test_answer_page_shows_each_evidence_passage_once_with_a_cited_summary(web_server):
    html = ask_page(web_server, "Who funds the work in Jordan?")
    ids = re.findall(r'<li class="evidence" id="ev-(\d+)" data-passage="([^"]+)"', html)
    assert ids, "no evidence shown"
    passages = [p for _, p in ids]
    assert len(passages) == len(set(passages)), passages
    # the same passage is not repeated in the "more passages" list either
    more = re.findall(r'<li class="passage" id="p-([^"]+)"', html)
    assert not set(more) & set(passages)
    summary = re.search(r'<p class="answer-summary" id="answer-summary">(.*?)</p>', html, re.S).group(1)
    cited = set(re.findall(r'href="#ev-(\d+)"', summary))
    assert cited and cited <= {n for n, _ in ids}
    # every answer names the evidence that supports it; scores are not on the cards
    cards = re.findall(r'<li class="card answer-card">(.*?)</li>', html, re.S)
    assert len(cards) >= 3 and all('href="#ev-' in c for c in cards)
    assert not any("score" in c for c in cards)
    assert 'href="/report#' in html
    # the supported answers are highlighted inside the one passage
    ev = re.search(r'<li class="evidence" id="ev-1".*?</li>', html, re.S).group(0)
    assert ev.count("<mark>") >= 3
    assert "Supports:" in ev


def test_table_evidence_is_a_small_real_table(web_server, ):
    kb_tables = requests.get(web_server.url + "/api/charts", timeout=30).json()
    assert kb_tables["results"], "the graph holds no institutional results"
    html = ask_page(web_server, "Which countries achieved results in operations in Africa?")
    tables = re.findall(r'<table class="data-table evidence-table">(.*?)</table>', html, re.S)
    assert tables, "no table evidence"
    t = tables[0]
    assert "<thead>" in t and t.count("<th") >= 3
    rows = re.findall(r"<tr>(.*?)</tr>", t.split("<tbody>")[1], re.S)
    assert rows and all("<td>" in r for r in rows)
    assert "<mark>" in t  # the answer's own row is highlighted
    assert " | " not in t  # not the flattened conversion


def test_off_topic_question_shows_no_passages_and_offers_related_questions(web_server):
    html = ask_page(web_server, "best chocolate cake recipe with strawberries")
    assert '<li class="passage"' not in html and 'id="no-passages"' in html
    related = re.search(r'<nav class="related".*?</nav>', html, re.S)
    assert related and len(re.findall(r"<li><a href=\"/\?q=", related.group(0))) >= 3


def test_related_questions_come_from_the_registry_and_are_answerable(web_server):
    from app.web.api import get_knowledge
    from app.web.suggest import related_questions

    with web_server.app.app_context():
        kb = get_knowledge()
        qs = related_questions(kb, "What about the work in Jordan and its partners?", [])
    assert qs and any("Jordan" in q for q in qs)
    for q in qs[:2]:
        got = requests.get(web_server.url + "/api/ask", params={"q": q}, timeout=60).json()
        assert got["answers"], q


def test_report_reader_has_an_anchor_for_every_passage(web_server):
    html = page(web_server, "/report")
    anchors = set(re.findall(r'class="report-passage[^"]*"[^>]*id="([^"]+)"|class="report-passage[^"]*" id="([^"]+)"', html))
    ids = {a or b for a, b in anchors} | set(re.findall(r'<div class="report-passage table-scroll" id="([^"]+)"', html))
    answer = ask_page(web_server, "Who funds the work in Jordan?")
    linked = set(re.findall(r'href="/report#([^"]+)"', answer))
    assert linked and linked <= ids
    assert len(ids) >= 300
    assert "<table" in html  # tables are tables in the reader too


def test_entities_index_has_facets_with_counts_sorting_and_downloads(web_server):
    html = page(web_server, "/entities")
    total = int(re.search(r"<h1>Entities <span class=\"count\">\((\d+) of (\d+)\)", html).group(1))
    facets = re.findall(r'<section class="facet" aria-labelledby="facet-(\w+)">', html)
    assert set(facets) >= {"type", "region", "kind", "funder"}
    country = re.search(r'<a href="(/entities\?type=Country)">Country</a> <span class="count">(\d+)</span>', html)
    assert country
    n_countries = int(country.group(2))
    filtered = page(web_server, country.group(1))
    assert int(re.search(r"<h1>Entities <span class=\"count\">\((\d+)", filtered).group(1)) == n_countries < total
    # a second facet narrows further and its counts are counted within the first
    region = re.search(r'<a href="(/entities\?type=Country&amp;region=[^"]+)">([^<]+)</a> <span class="count">(\d+)</span>', filtered)
    both = page(web_server, region.group(1).replace("&amp;", "&"))
    assert int(re.search(r"\((\d+) of", both).group(1)) == int(region.group(3))
    # CSV and JSON of the same list (Datasette pattern: .csv / .json / ?_format=)
    rows = list(csv.DictReader(io.StringIO(requests.get(web_server.url + "/entities.csv?type=Country", timeout=30).text)))
    assert len(rows) == n_countries and {"label", "region", "funders", "relations"} <= set(rows[0])
    js = requests.get(web_server.url + "/entities?type=Country&_format=json", timeout=30).json()
    assert js["count"] == n_countries and js["filters"] == {"type": "Country"}
    # sorted by relations, descending
    by_rel = requests.get(web_server.url + "/entities.json?sort=relations&order=desc", timeout=30).json()["rows"]
    rel = [r["relations"] for r in by_rel]
    assert rel == sorted(rel, reverse=True) and rel[0] > rel[-1]
    # kinds are words, not codes
    assert not re.search(r">(un_agency|bilateral_donor|ifi|other)<", html)


def test_answers_download_as_csv_and_json(web_server):
    q = "Who funds the work in Jordan?"
    js = requests.get(web_server.url + "/answers.json", params={"q": q}, timeout=60).json()
    assert js["count"] >= 3 and js["question"] == q
    text = requests.get(web_server.url + "/answers", params={"q": q, "_format": "csv"}, timeout=60).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["label"] for r in rows] == [r["label"] for r in js["rows"]]


def test_dataset_page_and_home_page_carry_dcat_and_schema_org(web_server):
    for path in ("/dataset", "/"):
        html = page(web_server, path)
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert block, path
        doc = json.loads(block.group(1))
        assert "Dataset" in doc["@type"] and "dcat:Dataset" in doc["@type"]
        assert doc["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert doc["creator"]["name"] and doc["isBasedOn"]["identifier"].startswith("https://doi.org/10.")
        urls = {d["contentUrl"].rsplit("/", 1)[-1]: d for d in doc["distribution"]}
        assert {"graph.ttl", "graph.jsonld", "graph.nt"} <= set(urls)
    r = requests.get(urls["graph.ttl"]["contentUrl"], timeout=60)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle") and "@prefix" in r.text
    assert requests.get(web_server.url + "/download/kb.json", timeout=30).status_code == 404


def test_footer_attributes_the_report_under_its_licence(web_server):
    html = page(web_server, "/entities")
    footer = re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)
    assert 'rel="license"' in footer and "CC BY 4.0" in footer and "doi.org/10." in footer


def test_entity_page_labels_are_human(web_server):
    for path in ("/entity/country/JOR", "/entity/organization/ilo"):
        html = page(web_server, path)
        headings = re.findall(r"<h3>(.*?) <span class=\"count\">", html)
        assert headings, path
        for h in headings:
            assert "(inverse)" not in h and not re.search(r"[a-z][A-Z]", h), h
        assert not re.search(r'class="badge role-badge">[a-z]+_[a-z_]+<', html)
        assert "<dt>iso3</dt>" not in html.lower().replace(" ", "")


def test_map_and_chart_data_come_from_the_graph(web_server):
    countries = requests.get(web_server.url + "/api/countries", timeout=30).json()["rows"]
    assert len(countries) >= 50 and all(c["numeric"] for c in countries)
    assert any(c["funders"] for c in countries) and any(c["results"] for c in countries)
    charts = requests.get(web_server.url + "/api/charts", timeout=30).json()
    assert sum(r["results"] for r in charts["results"]) >= 20
    assert charts["funding"] and len(charts["funding"]["rows"]) >= 3 and charts["funding"]["unit"] == "US$"
    html = page(web_server, "/charts")
    assert "US$ " in html and not re.search(r">\d[\d,]*\.0<", html)  # no "8095069.0"


def test_warming_up_state(live_server_factory, web_config):
    """While the background warm-up runs, questions answer 503 "warming up" (the page says so and
    reloads itself) instead of waiting in silence."""
    srv = live_server_factory(web_config)
    srv.app.extensions["floorgraph.warm"] = threading.Event()  # a warm-up that has not finished
    r = requests.get(srv.url + "/api/ask", params={"q": "Who funds the work in Jordan?"}, timeout=30)
    assert r.status_code == 503 and r.json()["reason"] == "warming_up" and r.headers["Retry-After"]
    r = requests.get(srv.url + "/?q=" + quote("Who funds the work in Jordan?"), headers=HTML, timeout=30)
    assert r.status_code == 503 and 'data-status="warming_up"' in r.text and 'http-equiv="refresh"' in r.text
    srv.app.extensions["floorgraph.warm"].set()
    r = requests.get(srv.url + "/api/ask", params={"q": "Who funds the work in Jordan?"}, timeout=120)
    assert r.status_code == 200 and r.json()["answers"]


@pytest.mark.parametrize("value,unit,text", [(8100000.0, None, "8,100,000"), ("8100000.0", "US$", "US$ 8,100,000"),
                                             ("2024", None, "2024"), (0.25, None, "0.25"), ("n/a", None, "n/a")])
def test_numbers_are_formatted(value, unit, text):
    from app.web.labels import format_number

    assert format_number(value, unit) == text
