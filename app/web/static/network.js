/* floorgraph network explorer: sigma 4 + graphology (whitelisted assets, never a CDN).
 *
 * What is drawn is decided by sigma 4's reducers: a node or edge outside the current filters gets
 * `visibility: "hidden"` (sigma 4 replaced v2/v3's `hidden: true`, which it silently ignores), the
 * largest nodes get `labelVisibility: "visible"`, and hovering or focusing a node dims everything
 * but its neighbourhood.  The layout is re-fitted to the canvas: the main component fills it, the
 * small components sit in a corner strip.  Filters, colouring, selection and camera live in the
 * URL (history.replaceState), so a view can be shared.  Data is only ever written with textContent.
 * State for tests: window.floorgraphNetwork. */
(function () {
  "use strict";
  var app = document.getElementById("network-app");
  var countEl = document.getElementById("net-count");
  var state = window.floorgraphNetwork = { ready: false, error: null, visibleNodes: 0, visibleEdges: 0,
    totalNodes: 0, totalEdges: 0, selected: null, hovered: null, renderer: null, visible: null, forcedLabels: [] };
  if (!app || !window.fetch) return;
  app.hidden = false;
  var CFG = { api: app.dataset.api, entityApi: app.dataset.entityApi, entityPage: app.dataset.entityPage };
  var edgeTable = document.getElementById("edge-table");
  if (edgeTable) edgeTable.open = false;

  var TYPE_COLORS = { country: "#1f6fb2", organization: "#b03a2e", initiative: "#1e7b45" };
  var TYPE_NAMES = { country: "Country", organization: "Organisation", initiative: "Initiative" };
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                 "#bcbd22", "#17becf", "#ff7f0e", "#393b79", "#637939", "#843c39", "#7b4173"];
  var DIM = "#e3e7eb";
  var el = function (id) { return document.getElementById(id); };
  var ui = {
    form: el("net-controls"), drawer: el("net-drawer"),
    color: el("net-color"), size: el("net-size"), region: el("net-region"), kind: el("net-kind"),
    community: el("net-community"), neighbourhood: el("net-neighbourhood"),
    search: el("net-search"), searchMsg: el("net-search-msg"),
    names: el("net-node-names"), list: el("node-list"), listCount: el("node-list-count"),
    panel: el("node-panel"), panelBody: el("panel-body"), panelHint: el("panel-hint"),
    legend: el("net-legend"), container: el("sigma-container"), renderMsg: el("net-render-msg"),
    shareMsg: el("net-share-msg"),
  };
  var graph = null, renderer = null, visible = { nodes: {}, edges: {} }, forced = {}, focusSet = null;
  var KIND_NAMES = {};
  Array.prototype.forEach.call(ui.kind.options, function (o) { if (o.value) KIND_NAMES[o.value] = o.textContent; });

  // Wide screens show the controls; phones keep them in the closed drawer below the canvas.
  var wide = window.matchMedia ? window.matchMedia("(min-width: 60rem)") : { matches: true };
  if (wide.matches) ui.drawer.open = true;

  function text(tag, content, cls) {
    var n = document.createElement(tag);
    if (content !== undefined && content !== null) n.textContent = String(content);
    if (cls) n.className = cls;
    return n;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function relationBoxes() { return Array.prototype.slice.call(document.querySelectorAll('#net-controls input[name="relation"]')); }
  function checkedRelations() {
    var out = {};
    relationBoxes().forEach(function (c) { if (c.checked) out[c.value] = true; });
    return out;
  }
  function typeName(a) { return a.nodeType === "organization" && a.kind && KIND_NAMES[a.kind] ? KIND_NAMES[a.kind] : (TYPE_NAMES[a.nodeType] || a.nodeType); }

  // -- styling -----------------------------------------------------------------------------------
  function nodeColor(a) {
    if (ui.color.value === "community") return PALETTE[(a.community || 0) % PALETTE.length];
    return TYPE_COLORS[a.nodeType] || "#555";
  }
  var maxDegree = 1, maxCentrality = 1e-9;
  function sizeScale() {
    var w = ui.container.clientWidth || 800;
    return w < 500 ? 0.75 : 1;
  }
  function nodeSize(a) {
    var v = ui.size.value === "centrality" ? Math.sqrt((a.centrality || 0) / maxCentrality)
                                           : Math.sqrt((a.degree || 0) / maxDegree);
    return (5 + 17 * v) * sizeScale();
  }
  function restyle() {
    graph.forEachNode(function (n, a) { graph.mergeNodeAttributes(n, { color: nodeColor(a), size: nodeSize(a) }); });
    chooseForcedLabels();
    drawLegend();
  }
  // Labels of the largest visible nodes are always drawn (sigma adds more as room allows), skipping
  // any whose label box would overlap a larger node's label at the current view.
  function chooseForcedLabels() {
    var small = (ui.container.clientWidth || 800) < 500, k = small ? 6 : 14;
    var ids = Object.keys(visible.nodes).sort(function (x, y) {
      return graph.getNodeAttribute(y, "size") - graph.getNodeAttribute(x, "size");
    });
    var boxes = [], chosen = [];
    for (var i = 0; i < ids.length && chosen.length < k; i++) {
      var id = ids[i], a = graph.getNodeAttributes(id), box = null;
      if (renderer) {
        var d = renderer.getNodeDisplayData(id);
        if (d) {
          var v = renderer.framedGraphToViewport({ x: d.x, y: d.y }), r = renderer.scaleSize(d.size);
          box = [v.x + r, v.y - 11, v.x + r + 6 + 7 * String(a.label).length, v.y + 11];
        }
      }
      if (box && boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; })) continue;
      if (box) boxes.push(box);
      chosen.push(id);
    }
    forced = {};
    chosen.forEach(function (id) { forced[id] = true; });
    state.forcedLabels = chosen;
  }

  // -- layout: the main component fills the canvas, small components go to a corner strip ---------
  function components() {
    var seen = {}, comps = [];
    graph.forEachNode(function (start) {
      if (seen[start]) return;
      var comp = [], stack = [start];
      seen[start] = true;
      while (stack.length) {
        var n = stack.pop(); comp.push(n);
        graph.forEachNeighbor(n, function (m) { if (!seen[m]) { seen[m] = true; stack.push(m); } });
      }
      comps.push(comp);
    });
    return comps.sort(function (a, b) { return b.length - a.length; });
  }
  // Half linear, half rank: keeps the drawing's shape but spreads a dense core over the canvas.
  function spread(values) {
    var min = Math.min.apply(null, values), max = Math.max.apply(null, values), span = (max - min) || 1;
    var order = values.map(function (v, i) { return [v, i]; }).sort(function (a, b) { return a[0] - b[0]; });
    var rank = new Array(values.length);
    order.forEach(function (p, r) { rank[p[1]] = values.length > 1 ? r / (values.length - 1) : 0.5; });
    return values.map(function (v, i) { return 0.5 * (v - min) / span + 0.5 * rank[i]; });
  }
  function fitLayout() {
    var w = ui.container.clientWidth || 800, h = ui.container.clientHeight || 600;
    var aspect = Math.max(0.5, Math.min(2.5, w / h));
    var comps = components();
    if (!comps.length) return;
    var main = comps[0], small = comps.slice(1);
    var landscape = aspect >= 1;
    // main area and the inset strip (graph y grows upwards in sigma)
    var mainBox = small.length ? (landscape ? [0, 0, aspect * 0.8, 1] : [0, 0.2, aspect, 1]) : [0, 0, aspect, 1];
    var xs = spread(main.map(function (n) { return graph.getNodeAttribute(n, "x0"); }));
    var ys = spread(main.map(function (n) { return graph.getNodeAttribute(n, "y0"); }));
    main.forEach(function (n, i) {
      graph.mergeNodeAttributes(n, { x: mainBox[0] + xs[i] * (mainBox[2] - mainBox[0]),
                                     y: mainBox[1] + ys[i] * (mainBox[3] - mainBox[1]) });
    });
    if (!small.length) return;
    var strip = landscape ? [aspect * 0.84, 0, aspect, 0.45] : [0, 0, aspect * 0.6, 0.14];
    var cols = landscape ? 2 : Math.min(6, small.length), rows = Math.ceil(small.length / cols);
    var cw = (strip[2] - strip[0]) / cols, ch = (strip[3] - strip[1]) / Math.max(rows, 1);
    small.forEach(function (comp, i) {
      var cx = strip[0] + (i % cols + 0.5) * cw, cy = strip[1] + (Math.floor(i / cols) + 0.5) * ch;
      comp.forEach(function (n, j) {
        var angle = comp.length > 1 ? (2 * Math.PI * j) / comp.length : 0;
        var r = comp.length > 1 ? Math.min(cw, ch) * 0.3 : 0;
        graph.mergeNodeAttributes(n, { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle), inset: true });
      });
    });
  }

  // -- filters -------------------------------------------------------------------------------------
  function computeVisible() {
    var rels = checkedRelations(), region = ui.region.value, kind = ui.kind.value, community = ui.community.value;
    var nodeOk = {};
    graph.forEachNode(function (n, a) {
      var ok = true;
      if (region && a.nodeType === "country" && a.region !== region) ok = false;
      if (kind && a.nodeType === "organization" && a.kind !== kind) ok = false;
      if (community !== "" && String(a.community) !== community) ok = false;
      nodeOk[n] = ok;
    });
    if (ui.neighbourhood.checked && state.selected && graph.hasNode(state.selected)) {
      var keep = {}; keep[state.selected] = true;
      graph.forEachNeighbor(state.selected, function (m) { keep[m] = true; });
      Object.keys(nodeOk).forEach(function (n) { if (!keep[n]) nodeOk[n] = false; });
    }
    var nodes = {}, edges = {}, ne = 0, nn = 0;
    graph.forEachEdge(function (e, a, s, t) {
      if (rels[a.relation] && nodeOk[s] && nodeOk[t]) { edges[e] = true; ne++; nodes[s] = true; nodes[t] = true; }
    });
    // A filtered region or community keeps its own members even when no edge is left.
    graph.forEachNode(function (n, a) {
      if (nodes[n] || !nodeOk[n]) return;
      if ((region && a.nodeType === "country" && a.region === region) || community !== "" ||
          (ui.neighbourhood.checked && n === state.selected)) nodes[n] = true;
    });
    nn = Object.keys(nodes).length;
    visible = { nodes: nodes, edges: edges };
    state.visible = visible;
    state.visibleNodes = nn; state.visibleEdges = ne;
    countEl.textContent = nn + " of " + state.totalNodes + " nodes, " + ne + " of " + state.totalEdges + " edges shown";
  }

  function updateFocusSet() {
    var focus = state.hovered || state.selected;
    if (!focus || !graph.hasNode(focus)) { focusSet = null; return; }
    focusSet = {}; focusSet[focus] = true;
    graph.forEachNeighbor(focus, function (m) { focusSet[m] = true; });
  }

  // -- legend (type, or communities with their best-connected members) ----------------------------
  function drawLegend() {
    clear(ui.legend);
    if (ui.color.value !== "community") {
      ui.legend.appendChild(text("p", "Colour: kind of node. Size: " + ui.size.options[ui.size.selectedIndex].textContent.toLowerCase() + ".", "legend-title"));
      var ul = text("ul", null, "legend-types");
      Object.keys(TYPE_COLORS).forEach(function (t) {
        var li = text("li"); var sw = text("span", "", "swatch"); sw.style.background = TYPE_COLORS[t];
        sw.setAttribute("aria-hidden", "true");
        li.appendChild(sw); li.appendChild(document.createTextNode(TYPE_NAMES[t])); ul.appendChild(li);
      });
      ui.legend.appendChild(ul);
      return;
    }
    ui.legend.appendChild(text("p", "Colour: communities found by the Louvain method (groups of nodes linked more to each other than to the rest). Choose one to show only it.", "legend-title"));
    var ol = text("ol", null, "legend-communities");
    communities().forEach(function (c) {
      var li = text("li");
      var b = text("button", null, "legend-community");
      b.type = "button";
      var sw = text("span", "", "swatch"); sw.style.background = PALETTE[c.id % PALETTE.length]; sw.setAttribute("aria-hidden", "true");
      b.appendChild(sw);
      b.appendChild(text("strong", "Community " + (c.id + 1) + " (" + c.members.length + ")"));
      b.appendChild(text("span", ": " + c.top.join(", ") + (c.members.length > c.top.length ? "…" : ""), "legend-members"));
      if (ui.community.value === String(c.id)) b.setAttribute("aria-pressed", "true");
      b.addEventListener("click", function () {
        ui.community.value = ui.community.value === String(c.id) ? "" : String(c.id);
        onFilterChange();
      });
      li.appendChild(b); ol.appendChild(li);
    });
    ui.legend.appendChild(ol);
  }
  function communities() {
    var by = {};
    graph.forEachNode(function (n, a) {
      var c = a.community === undefined || a.community === null ? -1 : a.community;
      (by[c] = by[c] || []).push(n);
    });
    return Object.keys(by).filter(function (c) { return c !== "-1"; }).map(function (c) {
      var members = by[c].sort(function (x, y) { return graph.getNodeAttribute(y, "degree") - graph.getNodeAttribute(x, "degree"); });
      return { id: Number(c), members: members, top: members.slice(0, 3).map(function (n) { return graph.getNodeAttribute(n, "label"); }) };
    }).sort(function (a, b) { return b.members.length - a.members.length || a.id - b.id; });
  }
  function fillCommunitySelect() {
    communities().forEach(function (c) {
      var o = document.createElement("option");
      o.value = String(c.id);
      o.textContent = "Community " + (c.id + 1) + " (" + c.members.length + "): " + c.top.slice(0, 2).join(", ");
      ui.community.appendChild(o);
    });
  }

  // -- node list (keyboard access to every visible node) ---------------------------------------------
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
      b.appendChild(text("span", " · " + typeName(a), "node-type"));
      b.addEventListener("click", function () { select(id, true); });
      li.appendChild(b); ui.list.appendChild(li);
    });
    ui.listCount.textContent = "(" + ids.length + ")";
  }

  function redraw() {
    updateFocusSet();
    if (renderer) renderer.refresh({ skipIndexation: true });
  }
  function onFilterChange() {
    computeVisible();
    chooseForcedLabels();
    drawList();
    drawLegend();
    redraw();
    saveUrl();
  }

  // -- selection and the side panel ------------------------------------------------------------------
  function focusCamera(id, ratio) {
    if (!renderer) return;
    var d = renderer.getNodeDisplayData(id);
    if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: ratio || 0.5 }, { duration: 400 });
  }
  function select(id, moveCamera) {
    state.selected = id;
    if (ui.neighbourhood.checked) computeVisible();
    if (moveCamera) focusCamera(id);
    redraw();
    if (ui.neighbourhood.checked) drawList();
    document.querySelectorAll("#node-list .node-button").forEach(function (b) {
      if (b.dataset.node === id) b.setAttribute("aria-pressed", "true"); else b.removeAttribute("aria-pressed");
    });
    if (id) showPanel(id); else { clear(ui.panelBody); ui.panelHint.hidden = false; }
    saveUrl();
  }

  function showPanel(id) {
    var a = graph.getNodeAttributes(id);
    ui.panelHint.hidden = true;
    clear(ui.panelBody);
    ui.panelBody.appendChild(text("h3", a.label, "panel-label"));
    ui.panelBody.appendChild(text("p", typeName(a) + (a.region ? " · " + a.region : "") + " · " + a.degree + " links", "panel-type"));
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
        var groups = {}, order = [];
        (card.relations || []).forEach(function (rel) {
          var key = rel.label || rel.predicate;
          if (!groups[key]) { groups[key] = []; order.push(key); }
          groups[key].push(rel);
        });
        if (!order.length) ui.panelBody.appendChild(text("p", "No relations recorded.", "hint"));
        order.sort().forEach(function (key) {
          var h = key.charAt(0).toUpperCase() + key.slice(1);
          ui.panelBody.appendChild(text("h4", h + " (" + groups[key].length + ")"));
          var ul = text("ul", null, "panel-relations");
          groups[key].forEach(function (rel) {
            var li = text("li");
            var other = text("a", rel.other.label);
            other.href = rel.other.url || (CFG.entityPage + rel.other.path);
            li.appendChild(other);
            (rel.evidence || []).slice(0, 1).forEach(function (ev) {
              li.appendChild(text("blockquote", ev.text.length > 280 ? ev.text.slice(0, 280) + "…" : ev.text));
            });
            ul.appendChild(li);
          });
          ui.panelBody.appendChild(ul);
        });
        state.panelLoaded = true;
      })
      .catch(function (err) { loading.textContent = "Could not load the relations (" + err.message + ")."; });
  }

  // Search: an acronym or exact name first ("ILO" is the ILO, not "ILO Regular Budget"), then the
  // best-connected node whose name starts with or contains the words.
  function findNode(q) {
    q = q.trim().toLowerCase();
    if (!q) return null;
    var best = null, bestScore = -1;
    graph.forEachNode(function (n, a) {
      var l = a.label.toLowerCase(), score = 0;
      var names = [l].concat((a.altLabels || []).map(function (s) { return s.toLowerCase(); }));
      if ((a.acronym && a.acronym.toLowerCase() === q) || names.indexOf(q) >= 0 || (a.iso3 && a.iso3.toLowerCase() === q)) score = 3;
      else if (names.some(function (s) { return s.indexOf(q) === 0; })) score = 2;
      else if (names.some(function (s) { return s.indexOf(q) >= 0; })) score = 1;
      if (!score) return;
      var rankScore = score * 10000 + (a.degree || 0);
      if (rankScore > bestScore) { best = n; bestScore = rankScore; }
    });
    return best;
  }
  function doSearch() {
    var id = findNode(ui.search.value);
    if (!id) { ui.searchMsg.textContent = "No node matches “" + ui.search.value + "”."; return; }
    ui.searchMsg.textContent = "Focused on " + graph.getNodeAttribute(id, "label") + ".";
    if (!visible.nodes[id]) { resetFilters(); }
    select(id, true);
    ui.panel.focus();
  }
  function resetFilters() {
    relationBoxes().forEach(function (c) { c.checked = true; });
    ui.region.value = ""; ui.kind.value = ""; ui.community.value = "";
    computeVisible(); chooseForcedLabels(); drawList(); drawLegend();
  }

  // -- URL state -------------------------------------------------------------------------------------
  var restoring = false, camTimer = null;
  function saveUrl() {
    if (restoring || !window.history || !history.replaceState) return;
    var p = new URLSearchParams();
    var rels = relationBoxes();
    if (rels.some(function (c) { return !c.checked; })) p.set("relations", rels.filter(function (c) { return c.checked; }).map(function (c) { return c.value; }).join(","));
    if (ui.region.value) p.set("region", ui.region.value);
    if (ui.kind.value) p.set("kind", ui.kind.value);
    if (ui.community.value !== "") p.set("community", ui.community.value);
    if (ui.color.value !== "type") p.set("color", ui.color.value);
    if (ui.size.value !== "degree") p.set("size", ui.size.value);
    if (state.selected) p.set("node", state.selected);
    if (ui.neighbourhood.checked) p.set("only", "neighbours");
    if (renderer) {
      var c = renderer.getCamera().getState();
      if (Math.abs(c.ratio - 1) > 1e-3 || Math.abs(c.x - 0.5) > 1e-3 || Math.abs(c.y - 0.5) > 1e-3)
        p.set("view", [c.x.toFixed(4), c.y.toFixed(4), c.ratio.toFixed(4)].join(","));
    }
    var qs = p.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  }
  function setSelect(sel, value) {
    if (value === null) return;
    if (Array.prototype.some.call(sel.options, function (o) { return o.value === value; })) sel.value = value;
  }
  function restoreControls(p) {
    if (p.has("relations")) {
      var want = p.get("relations").split(",");
      relationBoxes().forEach(function (c) { c.checked = want.indexOf(c.value) >= 0; });
    }
    setSelect(ui.region, p.get("region")); setSelect(ui.kind, p.get("kind")); setSelect(ui.community, p.get("community"));
    setSelect(ui.color, p.get("color")); setSelect(ui.size, p.get("size"));
    ui.neighbourhood.checked = p.get("only") === "neighbours";
    var node = p.get("node");
    if (node && graph.hasNode(node)) state.selected = node;
  }
  function restoreCamera(p) {
    var v = (p.get("view") || "").split(",").map(Number);
    if (v.length === 3 && v.every(isFinite) && v[2] > 0) renderer.getCamera().setState({ x: v[0], y: v[1], ratio: v[2] });
  }

  // -- export: PNG (the WebGL canvas read right after a render) and SVG (rebuilt from display data) --
  function download(name, href) {
    var a = document.createElement("a");
    a.href = href; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  function exportPng() {
    renderer.refresh();
    var src = renderer.getStageCanvas ? renderer.getStageCanvas() : ui.container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = src.width; out.height = src.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(src, 0, 0);
    var url = out.toDataURL("image/png");
    state.lastPng = url.length;
    download("floorgraph-network.png", url);
  }
  function esc(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
  function exportSvg() {
    var dim = renderer.getDimensions(), parts = [];
    parts.push('<svg xmlns="http://www.w3.org/2000/svg" width="' + dim.width + '" height="' + dim.height +
               '" viewBox="0 0 ' + dim.width + " " + dim.height + '" font-family="sans-serif">');
    parts.push('<rect width="100%" height="100%" fill="#ffffff"/>');
    var pos = {};
    graph.forEachNode(function (n) {
      var d = renderer.getNodeDisplayData(n);
      if (!d || d.visibility === "hidden") return;
      var v = renderer.framedGraphToViewport({ x: d.x, y: d.y });
      pos[n] = { x: v.x, y: v.y, r: renderer.scaleSize(d.size), d: d };
    });
    graph.forEachEdge(function (e, a, s, t) {
      var d = renderer.getEdgeDisplayData(e);
      if (!d || d.visibility === "hidden" || !pos[s] || !pos[t]) return;
      parts.push('<line x1="' + pos[s].x.toFixed(1) + '" y1="' + pos[s].y.toFixed(1) + '" x2="' + pos[t].x.toFixed(1) +
                 '" y2="' + pos[t].y.toFixed(1) + '" stroke="' + esc(d.color) + '" stroke-width="' + Math.max(0.5, d.size) + '"/>');
    });
    var labels = renderer.getNodeDisplayedLabels();
    Object.keys(pos).forEach(function (n) {
      var p = pos[n];
      parts.push('<circle cx="' + p.x.toFixed(1) + '" cy="' + p.y.toFixed(1) + '" r="' + p.r.toFixed(1) + '" fill="' + esc(p.d.color) + '"><title>' + esc(p.d.label || n) + "</title></circle>");
    });
    labels.forEach(function (n) {
      var p = pos[n];
      if (!p) return;
      parts.push('<text x="' + (p.x + p.r + 3).toFixed(1) + '" y="' + (p.y + 4).toFixed(1) + '" font-size="12" fill="#1b1f23">' + esc(p.d.label || "") + "</text>");
    });
    parts.push("</svg>");
    var svg = parts.join("\n");
    state.lastSvg = svg;
    download("floorgraph-network.svg", URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })));
  }

  // -- renderer --------------------------------------------------------------------------------------
  function startRenderer() {
    var SigmaCls = window.Sigma && (window.Sigma.Sigma || window.Sigma.default || window.Sigma);
    try {
      renderer = new SigmaCls(graph, ui.container, {
        settings: { itemSizesReference: "screen", renderEdgeLabels: false, labelRenderedSizeThreshold: 15, labelDensity: 0.4,
                    labelGridCellSize: 90, stagePadding: 24, zIndex: true, minCameraRatio: 0.08, maxCameraRatio: 3 },
        nodeReducer: function (key, data) {
          var r = Object.assign({}, data);
          if (!visible.nodes[key]) { r.visibility = "hidden"; r.labelVisibility = "hidden"; return r; }
          r.visibility = "visible";
          if (forced[key]) r.labelVisibility = "visible";
          if (focusSet) {
            if (focusSet[key]) { r.labelVisibility = "visible"; r.depth = "topNodes"; r.highlighted = key === (state.hovered || state.selected); }
            else { r.color = DIM; r.labelVisibility = "hidden"; }
          }
          return r;
        },
        edgeReducer: function (key, data) {
          var r = Object.assign({}, data);
          if (!visible.edges[key]) { r.visibility = "hidden"; return r; }
          r.visibility = "visible";
          if (focusSet) {
            var focus = state.hovered || state.selected;
            if (graph.source(key) === focus || graph.target(key) === focus) { r.color = "#4a5560"; r.size = 2; r.depth = "topEdges"; }
            else r.color = "#eef1f4";
          }
          return r;
        },
      });
      renderer.on("clickNode", function (ev) { select(ev.node, false); });
      renderer.on("clickStage", function () { if (state.selected) select(null, false); });
      renderer.on("enterNode", function (ev) { state.hovered = ev.node; ui.container.style.cursor = "pointer"; redraw(); });
      renderer.on("leaveNode", function () { state.hovered = null; ui.container.style.cursor = ""; redraw(); });
      renderer.getCamera().on("updated", function () { clearTimeout(camTimer); camTimer = setTimeout(saveUrl, 250); });
      state.renderer = renderer;
    } catch (err) {
      state.error = "renderer: " + err.message;
      ui.renderMsg.hidden = false;
      ui.renderMsg.textContent = "The network drawing needs WebGL, which this browser cannot provide (" + err.message + "). The node list and the relation table still work.";
    }
  }
  // What the renderer really draws (tests compare it with the filtered set).
  state.renderedNodes = function () {
    var out = [];
    graph.forEachNode(function (n) { var d = renderer.getNodeDisplayData(n); if (d && d.visibility !== "hidden") out.push(n); });
    return out.sort();
  };
  state.renderedLabels = function () { return Array.from(renderer.getNodeDisplayedLabels()).sort(); };

  function wireControls() {
    ui.form.addEventListener("submit", function (ev) { ev.preventDefault(); doSearch(); });
    document.querySelectorAll('#net-controls input[name="relation"], #net-region, #net-kind, #net-community').forEach(function (c) {
      c.addEventListener("change", onFilterChange);
    });
    ui.neighbourhood.addEventListener("change", onFilterChange);
    [ui.color, ui.size].forEach(function (c) {
      c.addEventListener("change", function () { restyle(); drawList(); redraw(); saveUrl(); });
    });
    el("net-export-png").addEventListener("click", exportPng);
    el("net-export-svg").addEventListener("click", exportSvg);
    el("net-zoom-in").addEventListener("click", function () { renderer.getCamera().animatedZoom({ duration: 250 }); });
    el("net-zoom-out").addEventListener("click", function () { renderer.getCamera().animatedUnzoom({ duration: 250 }); });
    el("net-reset").addEventListener("click", function () { renderer.getCamera().animatedReset({ duration: 250 }); });
    el("net-share").addEventListener("click", function () {
      saveUrl();
      var done = function () { ui.shareMsg.textContent = "Link copied."; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(location.href).then(done, function () { ui.shareMsg.textContent = "The address bar holds the link."; });
      else ui.shareMsg.textContent = "The address bar holds the link.";
    });
  }

  fetch(CFG.api, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (data) {
      var Graph = window.graphology && (window.graphology.MultiDirectedGraph || window.graphology.Graph);
      graph = new Graph({ multi: true, type: "directed" });
      state.graph = graph;
      data.nodes.forEach(function (n) {
        graph.addNode(n.id, { label: n.label, x: n.x, y: n.y, x0: n.x, y0: n.y, nodeType: n.type, kind: n.kind,
                              region: n.region, iso3: n.iso3, acronym: n.acronym, altLabels: n.alt_labels || [],
                              degree: n.degree || 0, centrality: n.centrality || 0, community: n.community,
                              path: n.path, url: n.url, size: 5, color: "#555" });
        maxDegree = Math.max(maxDegree, n.degree || 0);
        maxCentrality = Math.max(maxCentrality, n.centrality || 0);
      });
      data.edges.forEach(function (e, i) {
        if (graph.hasNode(e.source) && graph.hasNode(e.target))
          graph.addDirectedEdgeWithKey("e" + i, e.source, e.target, { relation: e.relation, predicate: e.predicate, size: 1, color: "#b8c2cc" });
      });
      state.totalNodes = graph.order; state.totalEdges = graph.size;
      data.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (n) {
        var o = document.createElement("option"); o.value = n.label; ui.names.appendChild(o);
      });
      fillCommunitySelect();
      var params = new URLSearchParams(location.search);
      restoring = true;
      restoreControls(params);
      fitLayout();
      computeVisible();
      restyle();
      updateFocusSet();
      startRenderer();
      if (renderer) { chooseForcedLabels(); renderer.refresh({ skipIndexation: true }); }
      drawList();
      if (renderer) restoreCamera(params);
      if (state.selected) showPanel(state.selected);
      restoring = false;
      wireControls();
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
