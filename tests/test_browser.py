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
        assert page.locator(".evidence mark").count() >= 1
        sync_api.expect(page.locator("#answer-summary a.cite").first).to_be_visible()
        # each evidence passage once
        pids = page.locator(".evidence[data-passage]").evaluate_all("els => els.map(e => e.dataset.passage)")
        assert pids and len(pids) == len(set(pids))
        first = cards.first.locator(".answer-label a")
        assert first.get_attribute("href").startswith("/entity/")
        page.locator("details.why summary").click()
        sync_api.expect(page.locator("details.why pre.sparql")).to_be_visible()
    else:
        sync_api.expect(page.locator("#status-message")).to_contain_text("question engine is unavailable")
    if not ENGINE_PRESENT:
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
    page.wait_for_function("() => window.floorgraphNetwork && (window.floorgraphNetwork.ready || window.floorgraphNetwork.error)")
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
    page.wait_for_function("() => floorgraphNetwork.panelLoaded === true")
    sync_api.expect(page.locator("#panel-body")).to_contain_text("Funded by")
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

    # export links and buttons
    for fmt in ("gexf", "graphml", "json"):
        assert page.locator(f'a[href="/api/network?format={fmt}"]').count() >= 1
    with page.expect_download() as dl:
        page.get_by_role("button", name="PNG image").click()
    assert dl.value.suggested_filename.endswith(".png")
    assert page.evaluate("floorgraphNetwork.lastPng") > 5000
    with page.expect_download() as dl:
        page.get_by_role("button", name="SVG image").click()
    svg = page.evaluate("floorgraphNetwork.lastSvg")
    assert svg.count("<circle") == page.evaluate("floorgraphNetwork.renderedNodes().length") and "<text" in svg
    import re as _re

    width = float(_re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))
    xs = [float(x) for x in _re.findall(r'<circle cx="([-\d.]+)"', svg)]
    want = page.evaluate("""() => { const r = floorgraphNetwork.renderer; return floorgraphNetwork.graph.nodes()
        .map(n => r.getNodeDisplayData(n)).filter(d => d.visibility !== 'hidden')
        .map(d => r.framedGraphToViewport({x: d.x, y: d.y}).x); }""")
    assert width > 100 and len(xs) == len(want)
    assert all(abs(a - b) < 1 for a, b in zip(xs, want))  # the SVG is what the canvas shows
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
    # IRIs are shown as the entity's label and link to the local entity page, never off-site
    link = table.locator("a[href^='/entity/country/']").first
    sync_api.expect(link).to_be_visible()
    page.wait_for_function("() => !document.querySelector('.yasr tbody a').textContent.includes('w3id.org')")
    assert table.locator("a[href^='http']").count() == 0
    assert "<" not in table.locator("tbody tr").first.inner_text()
    assert table.locator("tbody tr").count() == 5
    assert "LIMIT 5" in page.evaluate("window.floorgraphYasgui.getTab().getQuery()")
    # no keyboard trap: Tab leaves the editor
    page.locator(".CodeMirror").first.click()
    assert page.evaluate("!!document.activeElement.closest('.CodeMirror')")
    page.keyboard.press("Tab")
    assert not page.evaluate("!!(document.activeElement && document.activeElement.closest('.CodeMirror'))")
    assert "LIMIT 5" in page.evaluate("window.floorgraphYasgui.getTab().getQuery()")  # no tab character typed
    assert page.locator(".example-link").count() >= 12
    shot(page, "sparql")
    assert not page.outside


def test_entity_describe_link_opens_the_editor(page):
    page.goto("/entity/country/JOR")
    page.get_by_role("link", name="SPARQL DESCRIBE query").click()
    page.wait_for_url("**/sparql**")
    page.wait_for_function("() => window.floorgraphYasgui && window.floorgraphYasgui.getTab()")
    q = page.evaluate("window.floorgraphYasgui.getTab().getQuery()")
    assert q.endswith("DESCRIBE <https://w3id.org/floorgraph/id/country/JOR>")
    # YASGUI runs a query that comes in the URL: the DESCRIBE result (Turtle) is shown
    sync_api.expect(page.locator(".yasr")).to_contain_text("Jordan", timeout=30_000)


def _pixels_differ(a: bytes, b: bytes) -> float:
    """Share of pixels that differ between two PNG screenshots of the same size."""
    import io

    from PIL import Image, ImageChops

    ia, ib = Image.open(io.BytesIO(a)).convert("RGB"), Image.open(io.BytesIO(b)).convert("RGB")
    diff = ImageChops.difference(ia, ib).convert("L").point(lambda v: 255 if v > 24 else 0)
    return sum(diff.histogram()[255:]) / (ia.width * ia.height)


def _network_ready(pg) -> None:
    pg.wait_for_function("() => window.floorgraphNetwork && (floorgraphNetwork.ready || floorgraphNetwork.error)")
    assert pg.evaluate("floorgraphNetwork.error") is None
    pg.wait_for_timeout(300)


def test_network_filters_change_the_drawing(page):
    """The renderer's own display data (sigma 4 `visibility`) follows the filters, and the canvas changes."""
    page.goto("/network")
    _network_ready(page)
    canvas = page.locator("#sigma-container")
    before = canvas.screenshot()
    total = page.evaluate("floorgraphNetwork.totalNodes")
    assert len(page.evaluate("floorgraphNetwork.renderedNodes()")) == total
    # labels of the largest nodes are drawn at the default zoom
    labels = page.evaluate("floorgraphNetwork.renderedLabels()")
    assert len(labels) >= 8, labels
    assert set(page.evaluate("floorgraphNetwork.forcedLabels")) <= set(labels)

    page.get_by_label("Region (countries)").select_option("Africa")
    page.wait_for_timeout(300)
    filtered = sorted(page.evaluate("Object.keys(floorgraphNetwork.visible.nodes)"))
    rendered = page.evaluate("floorgraphNetwork.renderedNodes()")
    assert 0 < len(filtered) < total
    assert rendered == filtered
    regions = page.evaluate("floorgraphNetwork.renderedNodes().map(n => floorgraphNetwork.graph.getNodeAttributes(n))"
                            ".filter(a => a.nodeType === 'country').map(a => a.region)")
    assert regions and set(regions) == {"Africa"}
    after = canvas.screenshot()
    assert _pixels_differ(before, after) > 0.01
    shot(page, "network-filtered", docs=True)

    # unticking a relation hides its edges in the renderer too
    page.get_by_label("Region (countries)").select_option("")
    page.get_by_label("funds").uncheck()
    page.wait_for_timeout(200)
    hidden_funding = page.evaluate("""floorgraphNetwork.graph.edges().filter(e =>
        floorgraphNetwork.graph.getEdgeAttribute(e, 'relation') === 'funds')
        .every(e => floorgraphNetwork.renderer.getEdgeDisplayData(e).visibility === 'hidden')""")
    assert hidden_funding

    # search + "only its neighbours": the drawing is the node and its neighbourhood
    page.get_by_label("funds").check()
    page.get_by_label("Name").fill("Jordan")
    page.get_by_label("Name").press("Enter")
    page.get_by_label("Show only the focused node").check()
    page.wait_for_timeout(200)
    want = sorted(page.evaluate("[floorgraphNetwork.selected, ...floorgraphNetwork.graph.neighbors(floorgraphNetwork.selected)]"))
    assert page.evaluate("floorgraphNetwork.renderedNodes()") == want and 1 < len(want) < total
    assert not page.console_errors and not page.outside


def test_network_url_restores_a_view(page):
    page.goto("/network")
    _network_ready(page)
    page.get_by_label("Region (countries)").select_option("Asia and the Pacific")
    page.get_by_label("Colour by").select_option("community")
    page.get_by_label("Name").fill("ILO")
    page.get_by_label("Name").press("Enter")
    sync_api.expect(page.locator("#panel-body h3")).to_have_text("International Labour Organization")
    page.wait_for_timeout(700)  # camera animation, then the URL is written
    url = page.url
    assert "region=Asia+and+the+Pacific" in url and "node=" in url and "view=" in url
    want = page.evaluate("({v: Object.keys(floorgraphNetwork.visible.nodes).sort(), s: floorgraphNetwork.selected,"
                         " c: floorgraphNetwork.renderer.getCamera().getState()})")
    page.goto("/network")
    _network_ready(page)
    page.goto(url)
    _network_ready(page)
    got = page.evaluate("({v: floorgraphNetwork.renderedNodes(), s: floorgraphNetwork.selected,"
                        " c: floorgraphNetwork.renderer.getCamera().getState()})")
    assert got["v"] == want["v"] and got["s"] == want["s"]
    assert abs(got["c"]["ratio"] - want["c"]["ratio"]) < 0.01 and abs(got["c"]["x"] - want["c"]["x"]) < 0.01
    assert page.get_by_label("Colour by").input_value() == "community"
    assert page.locator(".legend-community").count() >= 3
    sync_api.expect(page.locator("#net-legend")).to_contain_text("Community 1")


def test_network_hover_highlights_the_neighbourhood(page):
    page.goto("/network")
    _network_ready(page)
    node = page.evaluate("floorgraphNetwork.forcedLabels[0]")
    pos = page.evaluate("""(n) => { const r = floorgraphNetwork.renderer, d = r.getNodeDisplayData(n),
        v = r.framedGraphToViewport({x: d.x, y: d.y}), b = r.getContainer().getBoundingClientRect();
        return {x: b.left + v.x, y: b.top + v.y}; }""", node)
    page.mouse.move(pos["x"], pos["y"])
    page.wait_for_function("(n) => floorgraphNetwork.hovered === n", arg=node)
    page.wait_for_timeout(200)
    out = page.evaluate("""(n) => { const g = floorgraphNetwork.graph, r = floorgraphNetwork.renderer;
        const nb = new Set(g.neighbors(n)); const others = g.nodes().filter(m => m !== n && !nb.has(m));
        return {nbLabels: [...nb].every(m => r.getNodeDisplayData(m).labelVisibility === 'visible'),
                dimmed: others.every(m => r.getNodeDisplayData(m).color !== g.getNodeAttribute(m, 'color')),
                others: others.length}; }""", node)
    assert out["others"] > 0 and out["dimmed"] and out["nbLabels"], out
    page.mouse.move(2, 2)
    page.wait_for_function("() => floorgraphNetwork.hovered === null")


def test_network_on_a_phone_shows_the_canvas_first(browser, web_server):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, base_url=web_server.url, is_mobile=True)
    pg = ctx.new_page()
    pg.goto("/network")
    _network_ready(pg)
    box = pg.locator("#sigma-container").bounding_box()
    assert box["y"] < 400 and box["y"] + box["height"] <= 844 + 1, box
    assert pg.locator("#net-drawer").evaluate("d => d.open") is False
    assert pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 1
    ctx.close()


AXE_JS = ROOT / "app" / "static" / "node_modules" / "axe-core" / "axe.min.js"
AXE_PAGES = ["/", "/?q=" + quote("Who funds the work in Jordan?"), "/entity/country/JOR", "/entities", "/network",
             "/sparql", "/dataset", "/map", "/charts"]


@pytest.mark.parametrize("viewport", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violations_and_nothing_overflows(browser, web_server, viewport):
    """axe-core (npm, injected from the local file through the DevTools protocol, so the pages' CSP
    stays on) on every main page: 0 serious or critical violations; no page scrolls sideways."""
    if not AXE_JS.is_file():
        pytest.skip("axe-core is not installed in app/static (npm ci)")
    axe = AXE_JS.read_text(encoding="utf-8")
    w, h = viewport
    ctx = browser.new_context(viewport={"width": w, "height": h}, base_url=web_server.url)
    pg = ctx.new_page()
    problems = {}
    for path in AXE_PAGES:
        pg.goto(path)
        pg.wait_for_load_state("networkidle")
        pg.wait_for_timeout(300)
        pg.evaluate(axe)
        bad = pg.evaluate("""() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | ')))""")
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if bad or overflow > 1:
            problems[path] = {"axe": bad, "overflow": overflow}
    ctx.close()
    assert not problems, problems


def test_entities_and_sparql_work_without_javascript(browser, web_server):
    ctx = browser.new_context(java_script_enabled=False, base_url=web_server.url)
    pg = ctx.new_page()
    pg.goto("/entities")
    total = pg.locator("#entity-table tbody tr").count()
    pg.locator(".facet a", has_text="Country").first.click()
    pg.wait_for_url("**/entities?type=Country")
    countries = pg.locator("#entity-table tbody tr").count()
    assert 0 < countries < total
    pg.get_by_role("link", name="Relations").click()  # sort by a column header
    first = int(pg.locator("#entity-table tbody tr").first.locator("td.num").inner_text())
    last = int(pg.locator("#entity-table tbody tr").last.locator("td.num").inner_text())
    assert first >= last and "sort=relations" in pg.url

    pg.goto("/sparql")
    assert pg.locator("#sparql-form").is_visible()
    pg.get_by_label("Query").fill("PREFIX fg: <https://w3id.org/floorgraph/ontology#>\n"
                                  "SELECT ?country WHERE { ?country a fg:Country } LIMIT 7")
    pg.get_by_role("button", name="Run query").click()
    pg.wait_for_load_state("load")
    assert pg.locator("#sparql-table tbody tr").count() == 7
    assert pg.locator("#sparql-table a[href^='/entity/country/']").count() == 7
    assert pg.locator("nav[aria-label='Main']").is_visible()
    # an example link runs its query with the plain form too
    pg.locator(".example-link").first.click()
    pg.wait_for_load_state("load")
    assert pg.locator("#sparql-table tbody tr").count() >= 1
    ctx.close()


def test_map_colours_countries_and_opens_their_pages(page):
    page.goto("/map")
    page.wait_for_function("() => window.floorgraphMap && (floorgraphMap.ready || floorgraphMap.error)")
    assert page.evaluate("floorgraphMap.error") is None
    total = page.evaluate("Object.keys(floorgraphMap.layers).length")
    assert total >= 50
    shot(page, "map", docs=True)
    page.get_by_label("Colour countries by").select_option("funder")
    funded = page.evaluate("floorgraphMap.coloured")
    assert 0 < funded < total
    fills = page.evaluate("new Set(Object.values(floorgraphMap.layers).map(l => l.options.fillColor)).size")
    assert fills == 2  # funded by the chosen funder, or not
    page.evaluate("floorgraphMap.layers['JOR'].fire('click')")
    page.wait_for_url("**/entity/country/JOR")
    assert not page.console_errors and not page.outside


def test_charts_are_drawn(page):
    page.goto("/charts")
    page.wait_for_function("() => window.floorgraphCharts && (floorgraphCharts.ready || floorgraphCharts.error)")
    assert page.evaluate("floorgraphCharts.error") is None
    assert page.locator("#chart-results svg rect").count() >= 5
    assert page.locator("#chart-funding svg rect").count() >= 3
    assert not page.console_errors and not page.outside


def test_entities_page_screenshot(page):
    page.goto("/entities?type=Country")
    sync_api.expect(page.locator("#entity-table")).to_be_visible()
    shot(page, "entities", docs=True)
