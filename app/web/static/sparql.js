/* floorgraph SPARQL page: mounts the YASGUI editor (whitelisted asset) over the plain form, which
 * keeps working without JavaScript.  Fixes for people: Tab and Shift-Tab move focus out of the
 * editor (no keyboard trap; Ctrl-] / Ctrl-[ indent), links in results go to local entity pages
 * with the entity's label, typed literals show their value, and the widgets get accessible names.
 * State for tests: window.floorgraphYasgui. */
(function () {
  "use strict";
  var host = document.getElementById("yasgui");
  var form = document.getElementById("sparql-form");
  var textarea = document.getElementById("query");
  if (!host || !window.Yasgui) return;
  var ENDPOINT = document.getElementById("endpoint-url").textContent.trim();
  var ID_PREFIX = "https://w3id.org/floorgraph/id/";
  var Yasgui = window.Yasgui;

  // Offline page: drop the autocompleters that call prefix.cc / LOV on the internet.
  if (Yasgui.Yasqe && Yasgui.Yasqe.defaults) {
    var d = Yasgui.Yasqe.defaults;
    d.autocompleters = (d.autocompleters || []).filter(function (n) { return !/prefix|class|propert/i.test(n); });
    d.extraKeys = Object.assign({}, d.extraKeys || {}, { Tab: false, "Shift-Tab": false,
      "Ctrl-]": "indentMore", "Ctrl-[": "indentLess" });
  }
  var yasgui;
  host.hidden = false; // visible before YASGUI measures its editor
  try {
    yasgui = new Yasgui(host, {
      requestConfig: { endpoint: ENDPOINT, method: "POST" },
      copyEndpointOnNewTab: false,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: ENDPOINT }]; } },
      persistenceId: "floorgraph-sparql",
    });
  } catch (err) {
    host.hidden = true;
    return; // the form stays
  }
  window.floorgraphYasgui = yasgui;
  form.hidden = true;
  function freeTab(t) {  // Tab / Shift-Tab leave the editor: no keyboard trap
    var yq = t && t.getYasqe && t.getYasqe();
    if (!yq || yq.__floorgraphTab) return;
    yq.__floorgraphTab = true;
    yq.setOption("extraKeys", Object.assign({}, yq.getOption("extraKeys") || {},
      { Tab: function (cm) { focusNext(cm.getWrapperElement(), 1); },
        "Shift-Tab": function (cm) { focusNext(cm.getWrapperElement(), -1); },
        "Ctrl-]": "indentMore", "Ctrl-[": "indentLess" }));
    yq.setOption("lineWrapping", true);  // no sideways scrolling on a phone
  }
  function focusNext(wrapper, dir) {
    var all = Array.prototype.filter.call(document.querySelectorAll(
      "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"), function (n) {
      return !wrapper.contains(n) && !n.disabled && n.offsetParent !== null && n.tabIndex >= 0;
    });
    var after = all.filter(function (n) { return wrapper.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING; });
    var before = all.filter(function (n) { return wrapper.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING; });
    var target = dir > 0 ? after[0] : before[before.length - 1];
    if (target) target.focus();
  }
  freeTab(yasgui.getTab());
  yasgui.on("tabSelect", function () { setTimeout(function () { freeTab(yasgui.getTab()); }, 0); });
  yasgui.on("tabAdd", function () { setTimeout(function () { freeTab(yasgui.getTab()); }, 0); });
  var tab = yasgui.getTab();
  var fromUrl = /[#&]query=/.test(location.hash);
  if (tab && !fromUrl && (!tab.getQuery().match(/fg:/) || document.getElementById("sparql-table"))) tab.setQuery(textarea.value);

  document.querySelectorAll(".example-link").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var q = new URL(a.href, location.href).searchParams.get("query");
      var t = yasgui.getTab();
      t.setQuery(q);
      t.setEndpoint(ENDPOINT);
      t.query();
      host.scrollIntoView({ block: "start" });
    });
  });

  // -- accessibility and readability fixes, re-applied whenever YASGUI redraws ----------------------
  var labels = null;
  function loadLabels() {
    if (labels) return;
    labels = {};
    fetch("/api/entities?limit=1000", { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { results: [] }; })
      .then(function (data) { (data.results || []).forEach(function (e) { labels[e.iri] = e; }); fix(); })
      .catch(function () {});
  }
  function fix() {
    host.querySelectorAll("a[href^='" + ID_PREFIX + "'], a[data-iri]").forEach(function (a) {
      var iri = a.dataset.iri || a.getAttribute("href"), e = labels && labels[iri];
      a.dataset.iri = iri;
      a.setAttribute("href", "/entity/" + iri.slice(ID_PREFIX.length));
      a.removeAttribute("target");
      a.title = iri;
      if (e && a.textContent !== e.label) a.textContent = e.label;
      var box = a.parentNode;  // YASR writes "<" + link + ">": keep the link only
      if (box && box !== host && box.childNodes.length > 1) { while (box.firstChild) box.removeChild(box.firstChild); box.appendChild(a); }
    });
    host.querySelectorAll("a[target='_blank']").forEach(function (a) {
      if (/^https?:/.test(a.getAttribute("href") || "")) { a.replaceWith(document.createTextNode(a.textContent)); }
    });
    // typed literals: "3"^^<...#integer> -> 3
    host.querySelectorAll(".yasr td").forEach(function (td) {
      var m = /^"([\s\S]*)"\^\^(?:<[^>]*>|\S+)$/.exec(td.textContent.trim());
      if (m && !td.querySelector("a")) td.textContent = m[1];
    });
    host.querySelectorAll("textarea:not([aria-label]), input:not([aria-label]):not([id]), select:not([aria-label])").forEach(function (f) {
      var name = f.closest(".CodeMirror") ? "SPARQL query editor" : (f.placeholder || f.name || f.className || "Editor option");
      f.setAttribute("aria-label", name);
    });
    // a tablist may hold only tabs: move YASGUI's "add tab" button out of it
    host.querySelectorAll("[role='tablist']").forEach(function (list) {
      Array.prototype.slice.call(list.children).forEach(function (n) {
        var role = n.getAttribute("role");
        if (role === "tab" || n.querySelector("[role='tab']")) return;
        if (n.matches("button, a, input") || n.querySelector("button, a, input")) list.parentNode.insertBefore(n, list.nextSibling);
        else n.setAttribute("role", "presentation");
      });
    });
    host.querySelectorAll(".CodeMirror-scroll:not([data-fg-focus])").forEach(function (n) {
      n.dataset.fgFocus = "1";
      n.setAttribute("tabindex", "0"); n.setAttribute("aria-label", "SPARQL query (scrollable)");
    });
    host.querySelectorAll("button:not([aria-label])").forEach(function (b) {
      if (!b.textContent.trim()) b.setAttribute("aria-label", b.title || b.className.replace(/[-_]/g, " ") || "Editor button");
    });
    host.querySelectorAll("a:not([href])").forEach(function (a) { if (!a.textContent.trim() && !a.getAttribute("aria-label")) a.setAttribute("aria-label", a.title || "Editor control"); });
  }
  var pending = null;
  new MutationObserver(function () {
    if (pending) return;
    pending = setTimeout(function () { pending = null; loadLabels(); fix(); }, 50);
  }).observe(host, { childList: true, subtree: true });
  loadLabels();
  fix();
})();
