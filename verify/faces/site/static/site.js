// Typeset the math as it nears the screen, mark wide maths and tables that scroll, keep anchors clear of the
// sticky header, make coloured equations and spans clickable, and run the search box (its index is
// loaded on first use).
(function () {
  "use strict";
  var root = document.body.dataset.root || "";

  // --- maths: typeset near the viewport (a long chapter is not typeset all at once) ---
  function typeset(el) {
    if (el.dataset.done || !window.katex) return;
    el.dataset.done = "1";
    katex.render(el.textContent, el, {displayMode: el.classList.contains("display"),
                                      throwOnError: false, strict: false, trust: false});
    var box = el.closest(".mathbox"), table = el.closest(".tablebox");
    if (box) markScroll(box);
    if (table) markScroll(table);
  }
  function markScroll(box) {  // wide maths scrolls in its own box, and says so
    var wide = box.scrollWidth > box.clientWidth + 1, hint = box.nextElementSibling;
    box.classList.toggle("scrolls", wide);
    if (box.tabIndex < 0 && wide) box.tabIndex = 0;
    var has = hint && hint.classList.contains("scroll-hint");
    if (wide && !has) {
      hint = document.createElement("span");
      hint.className = "scroll-hint";
      hint.textContent = "⇆ wider than the screen: scroll sideways";
      box.insertAdjacentElement("afterend", hint);
    } else if (!wide && has) { hint.remove(); }
  }
  var maths = document.querySelectorAll(".math");
  if (maths.length && window.katex) {
    if (maths.length > 400 && "IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) { if (e.isIntersecting) { typeset(e.target); io.unobserve(e.target); } });
      }, {rootMargin: "1200px 0px"});
      maths.forEach(function (el) { io.observe(el); });
    } else {
      maths.forEach(typeset);
    }
  }
  window.typesetAll = function () { document.querySelectorAll(".math").forEach(typeset); };
  document.querySelectorAll(".tablebox").forEach(markScroll);  // a wide table scrolls in its box, and says so
  // maths is first measured in a fallback font: measure again once KaTeX's fonts are in
  function remark() { document.querySelectorAll(".mathbox, .tablebox").forEach(markScroll); }
  window.addEventListener("load", remark);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(remark);
  window.addEventListener("resize", function () { document.querySelectorAll(".mathbox, .tablebox").forEach(markScroll); });
  // a folded box has no width until opened: mark it when it is ("toggle" does not bubble: capture it)
  document.addEventListener("toggle", function (ev) {
    ev.target.querySelectorAll(".mathbox").forEach(markScroll);
  }, true);

  // --- anchors: clear of the header whatever its height ---
  function headerOffset() {
    var h = document.querySelector("header");
    document.documentElement.style.setProperty("--header-h", (h ? h.offsetHeight : 0) + "px");
  }
  headerOffset();
  window.addEventListener("resize", headerOffset);

  // a deep link stays on its target while the page above it settles (maths typeset near the
  // viewport, sections sized on first paint, images): re-scrolled on every change of the page's
  // height until the reader scrolls, clicks or types; scroll-margin-top keeps it under the header
  var unpin = null;
  function pinTarget() {
    if (unpin) unpin();
    var id = decodeURIComponent(window.location.hash.slice(1)), t = id && document.getElementById(id);
    if (!t || !("ResizeObserver" in window)) return;
    var main = document.querySelector("main") || document.body, events = ["wheel", "touchstart", "keydown", "mousedown"];
    var ro = new ResizeObserver(function () { t.scrollIntoView({block: "start"}); });
    unpin = function () {
      ro.disconnect(); unpin = null;
      events.forEach(function (e) { window.removeEventListener(e, unpin_); });
    };
    var unpin_ = function () { if (unpin) unpin(); };
    events.forEach(function (e) { window.addEventListener(e, unpin_, {passive: true}); });
    ro.observe(main);
    t.scrollIntoView({block: "start"});
  }
  pinTarget();
  window.addEventListener("hashchange", pinTarget);

  // a click anywhere on a coloured equation or span opens its claim (links inside keep their own target)
  document.addEventListener("click", function (ev) {
    if (ev.target.closest("a, details, summary, .mathbox.scrolls")) return;
    var el = ev.target.closest("[data-href]");
    if (el) window.location.href = root + el.dataset.href;
  });

  // --- search ---
  var box = document.getElementById("search"), list = document.getElementById("search-results");
  var loading = null;
  function loadIndex() {
    if (window.SEARCH_INDEX) return Promise.resolve(window.SEARCH_INDEX);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = root + "search-index.js";
        s.onload = function () { resolve(window.SEARCH_INDEX); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return loading;
  }
  var NUM = /^([a-z]+\.?)?\s*[:.]?\s*(\()?\s*(\d+(?:\.\d+)?)\s*\)?$/i;

  function search(q) {
    var index = window.SEARCH_INDEX || [], kinds = window.SEARCH_KINDS || {};
    q = q.trim().toLowerCase().replace(/\s*[.,;:]+$/, "");  // "Theorem 8.5." as copied from a sentence
    if (!q) return [];
    var m = q.match(NUM), num = null, kind = null;
    if (m) {
      num = m[3];
      var word = (m[1] || "").replace(/\.$/, "");
      if (word) { kind = kinds[word] || null; if (!kind) num = null; }
      if (!word && m[2]) kind = "eq";            // "(8.8)" is an equation
    }
    var words = q.split(/\s+/).filter(Boolean);
    function all(s) { s = s.toLowerCase(); return words.every(function (w) { return s.indexOf(w) >= 0; }); }
    function any(s) { s = s.toLowerCase(); return words.filter(function (w) { return s.indexOf(w) >= 0; }).length; }
    var scored = [];
    index.forEach(function (e, k) {
      var score = 0, own = e.id.split(":")[1];
      if (e.id.toLowerCase() === q) score = 1000;
      if (num !== null) {
        if (own === num && (!kind || e.kind === kind)) score = Math.max(score, kind ? 1000 : 900);
        else if (e.numbers.indexOf(num) >= 0 && (!kind || kind === "eq")) score = Math.max(score, 400);
      }
      if (e.names.some(function (n) { return n.toLowerCase() === q; })) score = Math.max(score, 1000);
      var head = e.id + " " + e.names.join(" ") + " " + e.title;
      var tags = e.status + " " + e.strength;
      if (score < 400) {
        if (all(head)) score = Math.max(score, 200 + (e.title.toLowerCase().indexOf(q) >= 0 ? 50 : 0));
        else if (all(head + " " + tags)) score = Math.max(score, 150);
        else if (all(head + " " + tags + " " + e.text)) score = Math.max(score, 50 + any(head));
      }
      if (score > 0) scored.push([score, k, e]);
    });
    scored.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return scored.slice(0, 200).map(function (x) { return x[2]; });  // every erratum (66) still listed under "erratum"
  }

  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  var sel = -1;
  function select(k) {
    var items = list.querySelectorAll("a.hit");
    if (!items.length) return;
    sel = (k + items.length) % items.length;
    items.forEach(function (a, j) { a.classList.toggle("sel", j === sel); a.setAttribute("aria-selected", j === sel); });
    items[sel].scrollIntoView({block: "nearest"});
  }
  function show() {
    if (!box.value.trim()) { list.hidden = true; list.innerHTML = ""; box.setAttribute("aria-expanded", "false"); return; }
    loadIndex().then(function () {
      var res = search(box.value);
      list.innerHTML = res.length ? res.map(function (e) {
        return '<a class="hit" role="option" href="' + root + e.url + '" data-id="' + esc(e.id) + '">'
          + '<span class="sid">' + esc(e.id) + "</span>"
          + '<span class="pill st-' + esc(e.status) + '">' + esc(e.status) + "</span> "
          + esc(e.title) + "</a>";
      }).join("") : '<div class="empty">nothing found</div>';
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
      sel = -1;
      if (res.length) select(0);
    });
  }
  if (box) {
    box.addEventListener("focus", loadIndex);
    box.addEventListener("input", show);
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); select(sel + 1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); select(sel - 1); }
      else if (ev.key === "Enter") {
        var items = list.querySelectorAll("a.hit"), a = items[Math.max(sel, 0)];
        if (a) window.location.href = a.href;
      } else if (ev.key === "Escape") { list.hidden = true; }
    });
    document.addEventListener("click", function (ev) { if (!ev.target.closest(".search")) list.hidden = true; });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { box.value = q; show(); }
  }
  window.siteSearch = search;
  window.siteSearchReady = loadIndex;
})();
