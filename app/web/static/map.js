/* floorgraph map: Leaflet with the world-atlas country shapes (whitelisted assets, no tile server).
 * Countries are coloured by relation count, by one funder, or by one result type; a click opens the
 * country's page.  ISO numeric codes join the shapes to the graph's countries.
 * State for tests: window.floorgraphMap. */
(function () {
  "use strict";
  var app = document.getElementById("map-app");
  var state = window.floorgraphMap = { ready: false, error: null, coloured: 0, layers: {} };
  if (!app || !window.L || !window.topojson || !window.fetch) return;
  app.hidden = false;
  var colourSel = document.getElementById("map-colour"), funderSel = document.getElementById("map-funder"),
      resultSel = document.getElementById("map-result"), legend = document.getElementById("map-legend");
  var RAMP = ["#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b"];
  var ON = "#b03a2e", OFF = "#c6d3df", NONE = "#f1f3f5";

  Promise.all([fetch(app.dataset.countries).then(function (r) { return r.json(); }),
               fetch(app.dataset.world).then(function (r) { return r.json(); })])
    .then(function (res) {
      var rows = res[0].rows, world = res[1];
      var byNumeric = {};
      rows.forEach(function (r) { if (r.numeric) byNumeric[String(Number(r.numeric))] = r; });
      var maxRel = Math.max.apply(null, rows.map(function (r) { return r.relations; }).concat([1]));
      var geo = topojson.feature(world, world.objects.countries);
      // Rings that cross the antimeridian (e.g. the far east of Russia) jump from +180 to -180 and
      // draw a stripe across the map: continue them east of 180 instead.
      function unwrapRing(ring) {
        var jumps = ring.some(function (p, i) { return i && Math.abs(p[0] - ring[i - 1][0]) > 180; });
        return jumps ? ring.map(function (p) { return p[0] < 0 ? [p[0] + 360, p[1]] : p; }) : ring;
      }
      geo.features.forEach(function (f) {
        var g = f.geometry;
        if (!g) return;
        if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrapRing);
        else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map(function (poly) { return poly.map(unwrapRing); });
      });
      var map = L.map("map", { worldCopyJump: false, minZoom: 1, maxZoom: 6, zoomSnap: 0.25, attributionControl: true,
                               maxBounds: [[-75, -200], [90, 200]] });
      map.attributionControl.setPrefix("");
      map.attributionControl.addAttribution("Shapes: Natural Earth via world-atlas");
      function row(f) { return byNumeric[String(Number(f.id))]; }
      function colour(f) {
        var r = row(f);
        if (!r) return NONE;
        if (colourSel.value === "funder") return r.funders.indexOf(funderSel.value) >= 0 ? ON : OFF;
        if (colourSel.value === "result") return r.results.indexOf(resultSel.value) >= 0 ? ON : OFF;
        var i = Math.min(RAMP.length - 1, Math.floor((r.relations / maxRel) * RAMP.length));
        return RAMP[i];
      }
      var layer = L.geoJSON(geo, {
        style: function (f) { return { color: "#ffffff", weight: 0.6, fillColor: colour(f), fillOpacity: 1 }; },
        onEachFeature: function (f, lyr) {
          var r = row(f);
          if (!r) return;
          state.layers[r.iso3] = lyr;
          lyr.bindTooltip(r.label + " · " + r.relations + " relations" + (r.funders.length ? " · funded by " + r.funders.slice(0, 3).join(", ") + (r.funders.length > 3 ? "…" : "") : ""), { sticky: true });
          lyr.on("click", function () { location.href = r.url; });
        },
      }).addTo(map);
      map.fitBounds([[-50, -170], [80, 180]]);
      function restyle() {
        funderSel.parentNode && (funderSel.disabled = colourSel.value !== "funder");
        resultSel.disabled = colourSel.value !== "result";
        var n = 0;
        layer.eachLayer(function (l) {
          var c = colour(l.feature);
          l.setStyle({ fillColor: c });
          if (c === ON || (colourSel.value === "relations" && row(l.feature))) n++;
        });
        state.coloured = n;
        drawLegend(n);
      }
      function swatch(c, text) {
        var li = document.createElement("li"), s = document.createElement("span");
        s.className = "swatch square"; s.style.background = c; s.setAttribute("aria-hidden", "true");
        li.appendChild(s); li.appendChild(document.createTextNode(text)); return li;
      }
      function drawLegend(n) {
        while (legend.firstChild) legend.removeChild(legend.firstChild);
        var ul = document.createElement("ul"); ul.className = "legend-types";
        if (colourSel.value === "relations") {
          RAMP.forEach(function (c, i) {
            ul.appendChild(swatch(c, Math.round(i * maxRel / RAMP.length) + "–" + Math.round((i + 1) * maxRel / RAMP.length) + " relations"));
          });
        } else {
          var what = colourSel.value === "funder" ? "funded by " + funderSel.value : "with a result of type " + resultSel.value;
          ul.appendChild(swatch(ON, n + " countries " + what));
          ul.appendChild(swatch(OFF, "other countries in the report"));
        }
        ul.appendChild(swatch(NONE, "not in the report"));
        legend.appendChild(ul);
      }
      [colourSel, funderSel, resultSel].forEach(function (s) { s.addEventListener("change", restyle); });
      document.getElementById("map-controls").addEventListener("submit", function (ev) { ev.preventDefault(); });
      restyle();
      state.map = map;
      state.ready = true;
    })
    .catch(function (err) { state.error = err.message; });
})();
