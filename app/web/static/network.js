/* floorgraph network explorer: sigma.js + graphology (served from /static/vendor/, never a CDN).
 * Nodes keep the layout precomputed by the build (x/y).  Colour by type or community, size by
 * degree or centrality, filters by relation / region / organisation kind, a search box that
 * focuses a node, a side panel filled from /api/entity/..., and a keyboard-usable node list.
 * Data is only ever written with textContent / attributes, never innerHTML.
 * State for tests and debugging: window.floorgraphNetwork. */
(function () {
  "use strict";
  var CFG = window.FLOORGRAPH_NETWORK || {};
  var app = document.getElementById("network-app");
  var countEl = document.getElementById("net-count");
  var state = window.floorgraphNetwork = { ready: false, error: null, visibleNodes: 0, visibleEdges: 0,
                                           totalNodes: 0, totalEdges: 0, selected: null, renderer: null };
  if (!app || !window.fetch) return;
  app.hidden = false;
  var edgeTable = document.getElementById("edge-table");
  if (edgeTable) edgeTable.open = false;

  var TYPE_COLORS = { country: "#1f6fb2", organization: "#c0392b", initiative: "#1e8449" };
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                 "#bcbd22", "#17becf", "#ff7f0e", "#393b79", "#637939", "#843c39", "#7b4173"];
  var el = function (id) { return document.getElementById(id); };
  var ui = {
    color: el("net-color"), size: el("net-size"), region: el("net-region"), kind: el("net-kind"),
    search: el("net-search"), searchGo: el("net-search-go"), searchMsg: el("net-search-msg"),
    names: el("net-node-names"), list: el("node-list"), listCount: el("node-list-count"),
    panel: el("node-panel"), panelBody: el("panel-body"), panelHint: el("panel-hint"),
    legend: el("net-legend"), container: el("sigma-container"), renderMsg: el("net-render-msg"),
  };
  var graph = null, renderer = null, visible = { nodes: {}, edges: {} };

  function text(tag, content, cls) {
    var n = document.createElement(tag);
    if (content !== undefined && content !== null) n.textContent = String(content);
    if (cls) n.className = cls;
    return n;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function checkedRelations() {
    var out = {};
    document.querySelectorAll('#net-controls input[name="relation"]').forEach(function (c) { if (c.checked) out[c.value] = true; });
    return out;
  }

  function nodeColor(attrs) {
    if (ui.color.value === "community") return PALETTE[(attrs.community || 0) % PALETTE.length];
    return TYPE_COLORS[attrs.nodeType] || "#555";
  }
  function nodeSize(attrs) {
    if (ui.size.value === "centrality") return 3 + Math.sqrt(attrs.centrality || 0) * 28;
    return 3 + Math.sqrt(attrs.degree || 0) * 2.2;
  }

  function computeVisible() {
    var rels = checkedRelations(), region = ui.region.value, kind = ui.kind.value;
    var nodeOk = {};
    graph.forEachNode(function (n, a) {
      var ok = true;
      if (region && a.nodeType === "country" && a.region !== region) ok = false;
      if (kind && a.nodeType === "organization" && a.kind !== kind) ok = false;
      nodeOk[n] = ok;
    });
    var nodes = {}, edges = {}, ne = 0, nn = 0;
    graph.forEachEdge(function (e, a, s, t) {
      if (rels[a.relation] && nodeOk[s] && nodeOk[t]) {
        edges[e] = true; ne++;
        nodes[s] = true; nodes[t] = true;
      }
    });
    // With a region filter, countries of that region stay visible even with no edge left.
    graph.forEachNode(function (n, a) { if (!nodes[n] && nodeOk[n] && region && a.nodeType === "country" && a.region === region) nodes[n] = true; });
    Object.keys(nodes).forEach(function () { nn++; });
    visible = { nodes: nodes, edges: edges };
    state.visibleNodes = nn; state.visibleEdges = ne;
    countEl.textContent = nn + " of " + state.totalNodes + " nodes, " + ne + " of " + state.totalEdges + " edges shown";
  }

  function restyle() {
    graph.forEachNode(function (n, a) {
      graph.mergeNodeAttributes(n, { color: nodeColor(a), size: nodeSize(a) });
    });
    drawLegend();
  }

  function drawLegend() {
    clear(ui.legend);
    ui.legend.appendChild(text("p", ui.color.value === "community" ? "Colours: communities (Louvain, computed at build time)" : "Colours: node type", "legend-title"));
    if (ui.color.value !== "community") {
      var ul = text("ul");
      Object.keys(TYPE_COLORS).forEach(function (t) {
        var li = text("li"); var sw = text("span", "", "swatch"); sw.style.background = TYPE_COLORS[t];
        li.appendChild(sw); li.appendChild(document.createTextNode(" " + t)); ul.appendChild(li);
      });
      ui.legend.appendChild(ul);
    }
  }

  function drawList() {
    clear(ui.list);
    var ids = Object.keys(visible.nodes).sort(function (a, b) {
      return graph.getNodeAttribute(a, "label").localeCompare(graph.getNodeAttribute(b, "label"));
    });
    ids.forEach(function (id) {
      var a = graph.getNodeAttributes(id);
      var li = text("li");
      var b = text("button", a.label, "node-button");
      b.type = "button";
      b.dataset.node = id;
      if (state.selected === id) b.setAttribute("aria-pressed", "true");
      var sw = text("span", "", "swatch"); sw.style.background = a.color; sw.setAttribute("aria-hidden", "true");
      b.insertBefore(sw, b.firstChild);
      b.appendChild(text("span", " · " + a.nodeType, "node-type"));
      b.addEventListener("click", function () { select(id, true); });
      li.appendChild(b); ui.list.appendChild(li);
    });
    ui.listCount.textContent = "(" + ids.length + ")";
  }

  function refresh() {
    computeVisible();
    drawList();
    if (renderer) renderer.refresh();
  }

  function focusCamera(id) {
    if (!renderer) return;
    var d = renderer.getNodeDisplayData(id);
    if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: 0.35 }, { duration: 400 });
  }

  function select(id, moveCamera) {
    state.selected = id;
    if (moveCamera) focusCamera(id);
    if (renderer) renderer.refresh();
    document.querySelectorAll("#node-list .node-button").forEach(function (b) {
      if (b.dataset.node === id) b.setAttribute("aria-pressed", "true"); else b.removeAttribute("aria-pressed");
    });
    showPanel(id);
  }

  function showPanel(id) {
    var a = graph.getNodeAttributes(id);
    ui.panelHint.hidden = true;
    clear(ui.panelBody);
    ui.panelBody.appendChild(text("h3", a.label, "panel-label"));
    ui.panelBody.appendChild(text("p", a.nodeType + (a.kind && a.kind !== a.nodeType ? " · " + a.kind.replace(/_/g, " ") : "") + (a.region ? " · " + a.region : ""), "panel-type"));
    var link = text("a", "Open the page of " + a.label);
    link.href = a.url || (CFG.entityPage + a.path);
    ui.panelBody.appendChild(link);
    var loading = text("p", "Loading relations…", "hint");
    ui.panelBody.appendChild(loading);
    state.panelLoaded = false;
    fetch(CFG.entityApi + a.path, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (card) {
        if (state.selected !== id) return;
        loading.remove();
        var groups = {};
        (card.relations || []).forEach(function (rel) {
          var key = rel.predicate + (rel.direction === "in" ? " (inverse)" : "");
          (groups[key] = groups[key] || []).push(rel);
        });
        var keys = Object.keys(groups).sort();
        if (!keys.length) ui.panelBody.appendChild(text("p", "No relations recorded.", "hint"));
        keys.forEach(function (key) {
          ui.panelBody.appendChild(text("h4", key + " (" + groups[key].length + ")"));
          var ul = text("ul", null, "panel-relations");
          groups[key].forEach(function (rel) {
            var li = text("li");
            var other = text("a", rel.other.label);
            other.href = rel.other.url || (CFG.entityPage + rel.other.path);
            li.appendChild(other);
            (rel.evidence || []).slice(0, 2).forEach(function (ev) {
              var q = text("blockquote", ev.text.length > 320 ? ev.text.slice(0, 320) + "…" : ev.text);
              li.appendChild(q);
              li.appendChild(text("p", ev.section, "section-path"));
            });
            ul.appendChild(li);
          });
          ui.panelBody.appendChild(ul);
        });
        state.panelLoaded = true;
      })
      .catch(function (err) { loading.textContent = "Could not load the relations (" + err.message + ")."; });
  }

  function findNode(q) {
    q = q.trim().toLowerCase();
    if (!q) return null;
    var exact = null, prefix = null, part = null;
    graph.forEachNode(function (n, a) {
      var l = a.label.toLowerCase();
      if (l === q || (a.iso3 && a.iso3.toLowerCase() === q)) exact = exact || n;
      else if (l.indexOf(q) === 0) prefix = prefix || n;
      else if (l.indexOf(q) >= 0) part = part || n;
    });
    return exact || prefix || part;
  }

  function doSearch() {
    var id = findNode(ui.search.value);
    if (!id) { ui.searchMsg.textContent = "No node matches “" + ui.search.value + "”."; return; }
    ui.searchMsg.textContent = "Focused on " + graph.getNodeAttribute(id, "label") + ".";
    select(id, true);
    ui.panel.focus();
  }

  function startRenderer() {
    var SigmaCls = window.Sigma && (window.Sigma.Sigma || window.Sigma.default || window.Sigma);
    try {
      renderer = new SigmaCls(graph, ui.container, {
        renderEdgeLabels: false, labelRenderedSizeThreshold: 7, defaultEdgeColor: "#b8c2cc",
        nodeReducer: function (n, a) {
          var r = Object.assign({}, a);
          if (!visible.nodes[n]) r.hidden = true;
          if (state.selected === n) { r.highlighted = true; r.forceLabel = true; }
          return r;
        },
        edgeReducer: function (e, a) {
          var r = Object.assign({}, a);
          if (!visible.edges[e]) r.hidden = true;
          else if (state.selected && (graph.source(e) === state.selected || graph.target(e) === state.selected)) { r.color = "#333"; r.size = 2; }
          return r;
        },
      });
      renderer.on("clickNode", function (ev) { select(ev.node, false); });
      renderer.on("enterNode", function () { ui.container.style.cursor = "pointer"; });
      renderer.on("leaveNode", function () { ui.container.style.cursor = ""; });
      state.renderer = renderer;
    } catch (err) {
      state.error = "renderer: " + err.message;
      ui.renderMsg.hidden = false;
      ui.renderMsg.textContent = "The network drawing needs WebGL, which this browser cannot provide (" + err.message + "). The node list and the relation table still work.";
    }
  }

  fetch(CFG.api, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (data) {
      var Graph = window.graphology && (window.graphology.MultiDirectedGraph || window.graphology.Graph);
      graph = new Graph({ multi: true, type: "directed" });
      state.graph = graph;
      data.nodes.forEach(function (n) {
        graph.addNode(n.id, { label: n.label, x: n.x, y: n.y, nodeType: n.type, kind: n.kind, region: n.region,
                              iso3: n.iso3, degree: n.degree, centrality: n.centrality, community: n.community,
                              path: n.path, url: n.url, size: 4, color: "#555" });
      });
      data.edges.forEach(function (e, i) {
        if (graph.hasNode(e.source) && graph.hasNode(e.target))
          graph.addDirectedEdgeWithKey("e" + i, e.source, e.target, { relation: e.relation, predicate: e.predicate, size: 1 });
      });
      state.totalNodes = graph.order; state.totalEdges = graph.size;
      data.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (n) {
        var o = document.createElement("option"); o.value = n.label; ui.names.appendChild(o);
      });
      restyle();
      computeVisible();
      startRenderer();
      drawList();
      document.querySelectorAll('#net-controls input[name="relation"], #net-region, #net-kind').forEach(function (c) {
        c.addEventListener("change", refresh);
      });
      [ui.color, ui.size].forEach(function (c) { c.addEventListener("change", function () { restyle(); drawList(); if (renderer) renderer.refresh(); }); });
      ui.searchGo.addEventListener("click", doSearch);
      ui.search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); doSearch(); } });
      state.ready = true;
      document.dispatchEvent(new CustomEvent("floorgraph:network-ready"));
    })
    .catch(function (err) {
      state.error = err.message;
      ui.renderMsg.hidden = false;
      ui.renderMsg.textContent = "Could not load the network (" + err.message + "). The relation table below lists every edge.";
      if (edgeTable) edgeTable.open = true;
    });
})();
