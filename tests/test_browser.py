"""The web pages in a real browser (Debian chromium driven by Playwright), against a real server.

Screenshots go to tests/artifacts/*.png; with FLOORGRAPH_UPDATE_SCREENSHOTS=1 the three main pages also to docs/screenshots/ for the
README.  Skipped, with the reason, only when chromium or Playwright is absent.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = os.environ.get("FLOORGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
ENGINE_PRESENT = importlib.util.find_spec("app.qa") is not None and \
    importlib.util.find_spec("app.qa.engine") is not None
XSS = "<script>alert(1)</script>"

if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
    pytest.skip(f"chromium not found at {CHROMIUM} (apt-get install -y chromium chromium-driver)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, web_server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=web_server.url)
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    pg.dialogs = []
    pg.console_errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    # Nothing may be loaded from outside the test server (no CDN).
    pg.outside = []
    pg.on("request", lambda req: None if req.url.startswith((web_server.url, "data:", "blob:"))
          else pg.outside.append(req.url))
    yield pg
    ctx.close()


def shot(pg, name: str, docs: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)
    if docs and os.environ.get("FLOORGRAPH_UPDATE_SCREENSHOTS"):  # refresh the README's pictures on demand
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_ask_a_question(page):
    page.goto("/")
    box = page.get_by_label("Your question")
    box.fill("Who funds the work in Jordan?")
    box.press("Enter")
    page.wait_for_url("**/?q=Who+funds+the+work+in+Jordan%3F")
    if ENGINE_PRESENT:
        cards = page.locator(".answer-card")
        sync_api.expect(cards.first).to_be_visible()
        assert cards.count() >= 1
        assert page.locator(".answer-card .evidence mark").count() >= 1
        first = cards.first.locator(".answer-label a")
        assert first.get_attribute("href").startswith("/entity/")
        page.locator("details.why summary").click()
        sync_api.expect(page.locator("details.why pre.sparql")).to_be_visible()
    else:
        sync_api.expect(page.locator("#status-message")).to_contain_text("question engine is unavailable")
    sync_api.expect(page.locator(".passage").first).to_be_visible()
    assert page.locator(".passage mark").count() >= 1
    shot(page, "search", docs=True)
    assert not page.console_errors and not page.outside and not page.dialogs


def test_script_question_never_runs(page):
    page.goto("/?q=" + quote(XSS))
    assert page.get_by_label("Your question").input_value() == XSS
    assert XSS in page.title()
    page.get_by_label("Your question").fill(XSS)
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.locator("script:not([src])").evaluate_all("els => els.map(e => e.textContent)") == []


def test_entity_page_from_a_search_result(page):
    if ENGINE_PRESENT:
        page.goto("/?q=" + quote("Who funds the work in Jordan?"))
        # an answer card links to its funder; the funder's page links back to Jordan
        page.locator(".answer-card .answer-label a").first.click()
        page.wait_for_url("**/entity/**")
        page.locator('a[href="/entity/country/JOR"]').first.click()
    else:
        page.goto("/")
        page.get_by_label("Your question").fill("Jordan")
        page.get_by_label("Your question").press("Enter")
        page.goto("/entity/country/JOR")
    page.wait_for_url("**/entity/country/JOR")
    sync_api.expect(page.locator("h1")).to_have_text("Jordan")
    funders = page.locator('[data-predicate="fundedBy"]')
    sync_api.expect(funders).to_contain_text("Funded by")
    assert funders.locator("li.relation a").count() >= 1
    sync_api.expect(funders.locator("blockquote").first).to_be_visible()
    shot(page, "entity", docs=True)
    assert not page.console_errors and not page.outside


def test_network_explorer(page):
    page.goto("/network")
    page.wait_for_function("window.floorgraphNetwork && (window.floorgraphNetwork.ready || window.floorgraphNetwork.error)")
    state = page.evaluate("({ready: floorgraphNetwork.ready, error: floorgraphNetwork.error, n: floorgraphNetwork.visibleNodes,"
                          " total: floorgraphNetwork.totalNodes, e: floorgraphNetwork.visibleEdges})")
    assert state["ready"], state
    assert state["error"] is None, state  # the WebGL renderer started
    assert state["n"] == state["total"] > 50
    assert page.locator("#sigma-container canvas").count() >= 1
    assert page.locator("#node-list li").count() == state["n"]
    sync_api.expect(page.locator("#net-count")).to_contain_text(f"{state['n']} of {state['total']} nodes")
    page.wait_for_timeout(300)
    shot(page, "network", docs=True)

    # filter: drop the funding edges -> fewer nodes and edges
    page.get_by_label("funds").uncheck()
    after = page.evaluate("({n: floorgraphNetwork.visibleNodes, e: floorgraphNetwork.visibleEdges})")
    assert after["e"] < state["e"] and after["n"] < state["n"]
    assert page.locator("#node-list li").count() == after["n"]
    page.get_by_label("funds").check()
    page.get_by_label("Region (countries)").select_option("Africa")
    africa = page.evaluate("floorgraphNetwork.visibleNodes")
    assert 0 < africa < state["n"]
    page.get_by_label("Region (countries)").select_option("")
    page.get_by_label("Colour by").select_option("community")
    page.get_by_label("Size by").select_option("centrality")

    # search box focuses a node; the side panel is filled from /api/entity
    page.get_by_label("Name").fill("Jordan")
    page.get_by_label("Name").press("Enter")
    sync_api.expect(page.locator("#panel-body h3")).to_have_text("Jordan")
    page.wait_for_function("floorgraphNetwork.panelLoaded === true")
    sync_api.expect(page.locator("#panel-body")).to_contain_text("fundedBy")
    assert page.locator("#panel-body blockquote").count() >= 1
    assert page.evaluate("floorgraphNetwork.selected") == "Country:JOR"

    # keyboard: a node in the list is a button reachable with Tab, activated with Enter
    btn = page.locator("#node-list .node-button").first
    btn.focus()
    page.keyboard.press("Enter")
    label = btn.evaluate("b => b.childNodes[1].textContent.trim()")
    sync_api.expect(page.locator("#panel-body h3")).to_have_text(label)
    outline = btn.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline != "none"

    # export links
    for fmt in ("gexf", "graphml", "json"):
        assert page.locator(f'a[href="/api/network?format={fmt}"]').count() >= 1
    shot(page, "network-selected")
    assert not page.console_errors and not page.outside


def test_network_without_javascript(browser, web_server):
    ctx = browser.new_context(java_script_enabled=False, base_url=web_server.url)
    pg = ctx.new_page()
    pg.goto("/network")
    assert pg.locator("#network-app").is_hidden()
    assert pg.locator("#edge-table tbody tr").count() > 50
    assert pg.locator("#edge-table a[href^='/entity/']").count() > 100
    pg.goto("/?q=" + quote("fiscal space"))
    assert pg.locator(".passage").count() >= 1
    ctx.close()


def test_phone_width_layout(browser, web_server):
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, base_url=web_server.url)
    pg = ctx.new_page()
    for path in ("/?q=" + quote("Who funds the work in Jordan?"), "/entity/country/JOR", "/network"):
        pg.goto(path)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, (path, overflow)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "network-phone.png"))
    ctx.close()


def test_sparql_editor_runs_a_query(page):
    query = ("PREFIX fg: <https://w3id.org/floorgraph/ontology#>\n"
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
             "SELECT ?country ?label WHERE { ?country a fg:Country ; skos:prefLabel ?label } ORDER BY ?label LIMIT 5")
    page.goto("/sparql#query=" + quote(query, safe=""))
    table = page.locator(".yasr table.dataTable, .yasr table").first
    sync_api.expect(table).to_be_visible(timeout=30_000)
    sync_api.expect(table).to_contain_text("https://w3id.org/floorgraph/id/country/")
    assert table.locator("tbody tr").count() == 5
    assert "LIMIT 5" in page.evaluate("window.floorgraphYasgui.getTab().getQuery()")
    shot(page, "sparql")
    assert not page.outside


def test_entity_describe_link_opens_the_editor(page):
    page.goto("/entity/country/JOR")
    page.get_by_role("link", name="SPARQL DESCRIBE query").click()
    page.wait_for_url("**/sparql**")
    page.wait_for_function("window.floorgraphYasgui && window.floorgraphYasgui.getTab()")
    q = page.evaluate("window.floorgraphYasgui.getTab().getQuery()")
    assert q.endswith("DESCRIBE <https://w3id.org/floorgraph/id/country/JOR>")
    # YASGUI runs a query that comes in the URL: the DESCRIBE result (Turtle) is shown
    sync_api.expect(page.locator(".yasr")).to_contain_text("Jordan", timeout=30_000)
