(function () {
  "use strict";
  // This script runs in the page head, before the body is parsed: charts are drawn as
  // soon as their spec has been read (see pump below); what needs the whole page
  // (table filters, the cited articles) is wired on DOMContentLoaded.
  var panel = null;
  function thePanel() {
    panel = panel || document.getElementById("evidence-panel");
    return panel;
  }

  function norm(text) {
    // search folds Arabic spelling variants and case, as the pipeline's matching does
    return (text || "").toLowerCase()
      .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064A").replace(/\u0629/g, "\u0647");
  }

  function shorten(text, n) {
    text = (text || "").replace(/\s+/g, " ").trim();
    return text.length > n ? text.slice(0, n - 1) + "\u2026" : text;
  }

  function showArticle(anchor) {
    var panel = thePanel();
    var mark = document.getElementById(anchor);
    var body = panel.querySelector(".panel-article");
    body.textContent = "";
    if (!mark) { return; }
    var article = mark.closest("article.evidence");
    var clone = article.cloneNode(true);
    clone.removeAttribute("id");
    var withIds = clone.querySelectorAll("[id]");
    for (var i = 0; i < withIds.length; i++) { withIds[i].removeAttribute("id"); }
    var details = clone.querySelector("details");
    if (details) { details.open = true; }
    var current = clone.querySelector('[data-s="' + anchor + '"]');
    if (current) { current.classList.add("current"); }
    body.appendChild(clone);
    var items = panel.querySelectorAll(".panel-list li");
    for (var j = 0; j < items.length; j++) {
      items[j].classList.toggle("active", items[j].getAttribute("data-s") === anchor);
    }
    if (current) { current.scrollIntoView({ block: "center" }); }
  }

  function showEvidence(anchors, total, heading) {
    var panel = thePanel();
    var list = panel.querySelector(".panel-list");
    list.textContent = "";
    var found = anchors.filter(function (a) { return document.getElementById(a); });
    panel.querySelector(".panel-title").textContent = heading || "Evidence";
    var n = total || found.length;
    panel.querySelector(".panel-count").textContent = found.length < n
      ? found.length + " of " + n + " statements shown (the first ones)"
      : n + (n === 1 ? " statement" : " statements");
    found.forEach(function (a) {
      var mark = document.getElementById(a);
      var article = mark.closest("article.evidence");
      var li = document.createElement("li");
      li.setAttribute("data-s", a);
      var meta = document.createElement("span");
      meta.textContent = article.getAttribute("data-outlet") + " · " + article.getAttribute("data-date") + ": ";
      var snippet = document.createElement("bdi");
      snippet.className = "snippet";
      snippet.textContent = shorten(mark.textContent, 140);
      li.appendChild(meta);
      li.appendChild(snippet);
      li.addEventListener("click", function () { showArticle(a); });
      list.appendChild(li);
    });
    panel.hidden = false;
    panel.scrollTop = 0;
    if (found.length) { showArticle(found[0]); }
  }
  window.narrativesShowEvidence = showEvidence;

  function wirePanel() {
    var panel = thePanel();
    panel.querySelector(".panel-close").addEventListener("click", function () { panel.hidden = true; });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { panel.hidden = true; } });
  }

  // table rows and their buttons
  document.addEventListener("click", function (e) {
    var target = e.target.closest ? e.target.closest("[data-ev]") : null;
    if (!target || thePanel().contains(target)) { return; }
    if (e.target.closest("a")) { return; }
    var row = target.closest("tr");
    var prev = document.querySelectorAll("tr.selected");
    for (var i = 0; i < prev.length; i++) { prev[i].classList.remove("selected"); }
    if (row) { row.classList.add("selected"); }
    var caption = target.closest("table") ? target.closest("table").querySelector("caption") : null;
    showEvidence(target.getAttribute("data-ev").split(" "), +target.getAttribute("data-n"),
      caption ? caption.textContent : "Evidence");
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.matches && e.target.matches("tr[data-ev]")) { e.target.click(); }
  });

  // search / filter of tables and of the cited articles
  function wireFilter(input, items, counter, noun) {
    var total = +counter.getAttribute("data-total");
    var embedded = items.length;
    input.addEventListener("input", function () {
      var q = norm(input.value.trim());
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var hit = !q || norm(items[i].textContent).indexOf(q) >= 0;
        items[i].hidden = !hit;
        if (hit) { shown++; }
      }
      counter.textContent = shown + " of " + total + " " + noun + " shown" +
        (q && embedded < total ? " (the search covers the " + embedded + " embedded)" : "");
    });
  }
  function wireTables() {
    var blocks = document.querySelectorAll(".table-block");
    for (var b = 0; b < blocks.length; b++) {
      var input = blocks[b].querySelector("input.filter");
      if (input) {
        wireFilter(input, blocks[b].querySelectorAll("tbody tr"), blocks[b].querySelector(".count"), "rows");
      }
    }
  }
  function wireArticles() {  // the cited articles come after this script in the page
    var artInput = document.querySelector("input.filter-articles");
    if (artInput) {
      wireFilter(artInput, document.querySelectorAll(".articles article.evidence"),
        artInput.parentNode.querySelector(".count"), "articles");
    }
  }

  // a link to #s-... opens the article holding it
  function openHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    var details = el.closest("details");
    if (details) { details.open = true; }
    if (el.classList.contains("st")) { el.classList.add("current"); }
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", openHash);

  // charts: drawn from their inert JSON specs, one after another (the first at once,
  // the others when the page is idle) so a large report shows its first chart quickly;
  // a click on a mark shows its evidence. window.narrativesTimes records when the first
  // and the last chart were drawn (ms since navigation start).
  window.narrativesTimes = {};
  function drawOne(block) {
    var target = document.getElementById(block.getAttribute("data-target"));
    if (!target || target.getAttribute("data-drawn")) { return Promise.resolve(); }
    target.setAttribute("data-drawn", "1");
    var spec = JSON.parse(block.textContent);
    var options = JSON.parse(block.getAttribute("data-options") || "{}");
    return vegaEmbed(target, spec, options).then(function (result) {
      target.setAttribute("data-ready", "1");
      if (!window.narrativesTimes.first) { window.narrativesTimes.first = performance.now(); }
      result.view.addEventListener("click", function (event, item) {
        var datum = item && item.datum;
        if (datum && datum._ev) {
          showEvidence(String(datum._ev).split(" "), datum._n,
            (spec.title && (spec.title.text || spec.title)) || "Evidence");
        }
      });
    }).catch(function (err) { console.error(err); });
  }
  // draw the charts in page order, each once its spec has been parsed (the parser has
  // moved past it, or the page is complete), one at a time so the page stays responsive
  var parsed = false, next = 0, busy = false;
  function pump() {
    if (busy) { return; }
    var blocks = document.querySelectorAll("script.narratives-spec");
    if (next >= blocks.length) {
      if (parsed) { window.narrativesTimes.all = performance.now(); } else { setTimeout(pump, 30); }
      return;
    }
    var block = blocks[next];
    if (!parsed && !block.nextSibling) { setTimeout(pump, 30); return; }
    busy = true;
    drawOne(block).then(function () {
      busy = false;
      next++;
      setTimeout(pump, 0);
    });
  }
  function ready() {
    parsed = true;
    wirePanel();
    wireTables();
    wireArticles();
    openHash();
    pump();
  }
  pump();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
