// Typeset the math, make coloured equations and spans clickable, and run the search box.
(function () {
  "use strict";
  var root = document.body.dataset.root || "";
  document.querySelectorAll(".math").forEach(function (el) {
    katex.render(el.textContent, el, {displayMode: el.classList.contains("display"),
                                      throwOnError: false, strict: false, trust: false});
  });
  // a click anywhere on a coloured equation or span opens its claim (links inside keep their own target)
  document.addEventListener("click", function (ev) {
    if (ev.target.closest("a")) return;
    var el = ev.target.closest("[data-href]");
    if (el) window.location.href = root + el.dataset.href;
  });

  var box = document.getElementById("search"), list = document.getElementById("search-results");
  var index = window.SEARCH_INDEX || [];
  var NUM = /^(?:eq(?:uation)?|lemma|thm|theorem|def(?:inition)?|remark|example|obs|figure|footnote)?\s*[:.]?\s*\(?(\d+(?:\.\d+)?)\)?$/i;

  function search(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var exact = index.filter(function (e) { return e.id.toLowerCase() === q; });
    var m = q.match(NUM), hits = [];
    if (m) {
      var num = m[1], prefix = q.match(/^[a-z]+/);
      hits = index.filter(function (e) {
        return e.numbers.indexOf(num) >= 0 && (!prefix || e.id.toLowerCase().indexOf(prefix[0]) === 0
                                                || e.id.split(":")[1] !== num);
      });
      // the objects numbered exactly so come first (eq:8.17, lemma:8.17), then the claims covering (8.17)
      hits.sort(function (a, b) { return (b.id.split(":")[1] === num) - (a.id.split(":")[1] === num); });
    }
    var words = q.split(/\s+/);
    function has(s) { s = s.toLowerCase(); return words.every(function (w) { return s.indexOf(w) >= 0; }); }
    var byTitle = index.filter(function (e) { return has(e.id + " " + e.title); });
    var byText = index.filter(function (e) { return has(e.text); });
    var seen = {}, out = [];
    exact.concat(hits, byTitle, byText).forEach(function (e) { if (!seen[e.id]) { seen[e.id] = 1; out.push(e); } });
    return out.slice(0, 40);
  }

  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }

  function show() {
    var res = search(box.value);
    if (!box.value.trim()) { list.hidden = true; list.innerHTML = ""; return; }
    list.innerHTML = res.length ? res.map(function (e) {
      return '<a class="hit st-' + e.status + '" href="' + root + e.url + '" data-id="' + esc(e.id) + '"><span class="sid">'
        + esc(e.id) + "</span>" + esc(e.title) + "</a>";
    }).join("") : '<div class="empty">nothing found</div>';
    list.hidden = false;
  }
  if (box) {
    box.addEventListener("input", show);
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { var a = list.querySelector("a"); if (a) window.location.href = a.href; }
      if (ev.key === "Escape") { list.hidden = true; }
    });
    document.addEventListener("click", function (ev) { if (!ev.target.closest(".search")) list.hidden = true; });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { box.value = q; show(); }
  }
  window.siteSearch = search;
})();
