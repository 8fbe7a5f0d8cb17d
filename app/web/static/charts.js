/* floorgraph charts: Observable Plot (whitelisted assets) over /api/charts.  Each chart's data is also a
 * table in the page, so nothing depends on this script.  State for tests: window.floorgraphCharts. */
(function () {
  "use strict";
  var app = document.getElementById("charts-app");
  var state = window.floorgraphCharts = { ready: false, error: null, drawn: [] };
  if (!app || !window.Plot || !window.fetch) return;
  function put(id, node) {
    var fig = document.getElementById(id);
    if (!fig) return;
    while (fig.firstChild) fig.removeChild(fig.firstChild);
    // Plot labels its mark groups with aria-label; a <g> needs a role for that label to be valid.
    node.querySelectorAll("g[aria-label]:not([role])").forEach(function (g) { g.setAttribute("role", "group"); });
    var svg = node.tagName && node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
    if (svg) { svg.setAttribute("role", "img"); svg.setAttribute("aria-labelledby", fig.closest("section").querySelector("h2").id); }
    fig.appendChild(node);
    state.drawn.push(id);
  }
  function width(id) { var f = document.getElementById(id); return Math.max(300, Math.min(900, (f && f.clientWidth) || 640)); }
  fetch(app.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (d) {
      if (d.results && d.results.length) {
        put("chart-results", Plot.plot({
          width: width("chart-results"), marginLeft: 150, height: 60 + 40 * new Set(d.results.map(function (r) { return r.region; })).size,
          x: { label: "Institutional results", grid: true }, y: { label: null },
          color: { legend: true, scheme: "tableau10" },
          marks: [Plot.barX(d.results, Plot.stackX({ y: "region", x: "results", fill: "type", tip: true, sort: { y: "-x" } })), Plot.ruleX([0])],
        }));
      }
      if (d.funding && d.funding.rows) {
        put("chart-funding", Plot.plot({
          width: width("chart-funding"), marginLeft: 80,
          y: { label: d.funding.measure, grid: true, tickFormat: "~s" }, x: { label: null, type: "band" },
          marks: [Plot.barY(d.funding.rows, { x: "year", y: "amount", fill: "#0b5394", tip: true }), Plot.ruleY([0])],
        }));
      }
      if (d.funders && d.funders.length) {
        put("chart-funders", Plot.plot({
          width: width("chart-funders"), marginLeft: 230, height: 40 + 24 * d.funders.length,
          x: { label: "Countries funded", grid: true }, y: { label: null },
          marks: [Plot.barX(d.funders, { y: "funder", x: "countries", fill: "#b03a2e", sort: { y: "-x" }, tip: true }), Plot.ruleX([0])],
        }));
      }
      state.ready = true;
    })
    .catch(function (err) { state.error = err.message; });
})();
