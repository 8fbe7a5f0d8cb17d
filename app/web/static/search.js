/* floorgraph search page: progressive enhancement only (the page works without it).
 * - entity-name suggestions in the question box (from /api/entities), as <option> values;
 * - "/" focuses the question box.
 * Data is only ever written with .value / .textContent, never innerHTML. */
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("entity-suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null, last = "";

  function lastWords(text) {
    var words = text.trim().split(/\s+/);
    return words.slice(-2).join(" ");
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = input.value;
      var term = lastWords(text);
      if (term.length < 3 || term === last) return;
      last = term;
      fetch("/api/entities?limit=8&q=" + encodeURIComponent(term), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          while (list.firstChild) list.removeChild(list.firstChild);
          var prefix = text.slice(0, text.length - term.length);
          (data.results || []).forEach(function (e) {
            var opt = document.createElement("option");
            opt.value = prefix + e.label;
            opt.label = e.type_label || e.type;
            list.appendChild(opt);
          });
        })
        .catch(function () { /* suggestions are optional */ });
    }, 200);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== input &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test((document.activeElement || {}).tagName || "")) {
      ev.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
