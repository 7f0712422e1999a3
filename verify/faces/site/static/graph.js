// The dependency graph: zoom and pan (fit is the starting view), a focus on one claim's ancestors or
// descendants and a section filter (both re-laid out by dot at build time, loaded from graph/*.js),
// and status/strength filters that hide nodes. The view is kept in the URL: #focus=thm:8.33&dir=up, #sec=8.3.
(function () {
  "use strict";
  var form = document.getElementById("graph-filters"), count = document.getElementById("graph-count");
  var pane = document.getElementById("graph"), note = document.getElementById("graph-view");
  var data = window.GRAPH_NODES || {}, whole = pane.innerHTML, svg = null, vb = null, full = null;
  var byId = {};
  Object.keys(data).forEach(function (k) { byId[data[k].id] = data[k]; });

  // --- zoom and pan, on the SVG's viewBox ---
  function setup() {
    svg = pane.querySelector("svg");
    var b = svg.viewBox.baseVal;
    full = {x: b.x, y: b.y, w: b.width, h: b.height};
    svg.removeAttribute("width"); svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    fit();
  }
  function apply_vb() { svg.setAttribute("viewBox", [vb.x, vb.y, vb.w, vb.h].join(" ")); }
  function fit() { vb = {x: full.x, y: full.y, w: full.w, h: full.h}; apply_vb(); }
  function zoom(f, cx, cy) {  // f < 1 zooms in, about (cx, cy) in [0, 1] of the pane
    var r = pane.getBoundingClientRect(), s = Math.max(vb.w / r.width, vb.h / r.height);
    var px = vb.x + (vb.w - r.width * s) / 2 + cx * r.width * s, py = vb.y + (vb.h - r.height * s) / 2 + cy * r.height * s;
    var w = Math.min(Math.max(vb.w * f, full.w / 40), full.w * 2), k = w / vb.w;
    vb = {x: px - (px - vb.x) * k, y: py - (py - vb.y) * k, w: w, h: vb.h * k};
    apply_vb();
  }
  pane.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = pane.getBoundingClientRect();
    zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, (ev.clientX - r.left) / r.width, (ev.clientY - r.top) / r.height);
  }, {passive: false});
  var drag = null, moved = false, pointers = {};
  pane.addEventListener("pointerdown", function (ev) {
    pointers[ev.pointerId] = ev;
    drag = {x: ev.clientX, y: ev.clientY, vb: {x: vb.x, y: vb.y, w: vb.w, h: vb.h}};
    moved = false;
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var r = pane.getBoundingClientRect(), s = Math.max(drag.vb.w / r.width, drag.vb.h / r.height);
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) moved = true;
    if (moved) { vb.x = drag.vb.x - dx * s; vb.y = drag.vb.y - dy * s; apply_vb(); }
  });
  window.addEventListener("pointerup", function (ev) { delete pointers[ev.pointerId]; drag = null; });
  pane.addEventListener("click", function (ev) { if (moved) { ev.preventDefault(); ev.stopPropagation(); moved = false; } }, true);
  pane.addEventListener("keydown", function (ev) {
    var step = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]}[ev.key];
    if (step) { vb.x += step[0] * vb.w / 10; vb.y += step[1] * vb.h / 10; apply_vb(); ev.preventDefault(); }
    if (ev.key === "+" || ev.key === "=") zoom(1 / 1.3, 0.5, 0.5);
    if (ev.key === "-") zoom(1.3, 0.5, 0.5);
    if (ev.key === "0") fit();
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.3, 0.5, 0.5); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.3, 0.5, 0.5); });
  document.getElementById("zoom-fit").addEventListener("click", fit);

  // --- views: the whole graph, a section, a focus ---
  function loadView(key) {
    window.GRAPH_VIEWS = window.GRAPH_VIEWS || {};
    if (window.GRAPH_VIEWS[key]) return Promise.resolve(window.GRAPH_VIEWS[key]);
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = "graph/" + key + ".js";
      s.onload = function () { window.GRAPH_VIEWS[key] ? resolve(window.GRAPH_VIEWS[key]) : reject(key); };
      s.onerror = function () { reject(key); };
      document.head.appendChild(s);
    });
  }
  function show(svgText, label) {
    pane.innerHTML = svgText;
    note.textContent = label;
    setup();
    filter();
    window.graphReady = true;
  }
  function markFocus(id) {
    var k = Object.keys(data).find(function (n) { return data[n].id === id; });
    var me = k && pane.querySelector("#" + CSS.escape(k));
    if (me) me.classList.add("focused");
  }
  function route() {
    var h = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    var focus = h.get("focus"), dir = h.get("dir") === "down" ? "down" : "up", sec = h.get("sec");
    window.graphReady = false;
    if (focus && byId[focus] && !byId[focus][dir]) {
      form.elements.focus.value = focus; form.elements.dir.value = dir; form.elements.section.value = "";
      show(whole, dir === "up" ? focus + " rests on no other claim (the whole graph is shown)."
                               : "No claim rests on " + focus + " (the whole graph is shown).");
      markFocus(focus);
    } else if (focus && byId[focus]) {
      form.elements.focus.value = focus; form.elements.dir.value = dir; form.elements.section.value = "";
      loadView(dir + "-" + byId[focus].key).then(function (s) {
        show(s, (dir === "up" ? "What " + focus + " rests on: its ancestors" : "What rests on " + focus + ": its descendants")
          + " (" + (s.split("class=\"node").length - 1) + " nodes).");
        markFocus(focus);
      });
    } else if (sec) {
      form.elements.section.value = sec; form.elements.focus.value = "";
      loadView("sec-" + sec.replace(/\./g, "_")).then(function (s) { show(s, "§" + sec + " on its own."); },
                                                      function () { show(whole, "§" + sec + " has no claims."); });
    } else {
      form.elements.section.value = ""; form.elements.focus.value = "";
      show(whole, focus ? "No claim " + focus + " in the graph; the whole graph is shown." : "The whole graph.");
    }
  }
  function go(hash) {
    if (window.location.hash === hash || (!hash && !window.location.hash)) route();
    else window.location.hash = hash;
  }
  window.addEventListener("hashchange", route);
  document.getElementById("graph-focus").addEventListener("click", function () {
    var f = form.elements.focus.value.trim();
    go(f ? "#focus=" + f + "&dir=" + form.elements.dir.value : "");
  });
  form.elements.focus.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") document.getElementById("graph-focus").click();
  });
  form.elements.dir.addEventListener("change", function () {
    if (form.elements.focus.value.trim()) document.getElementById("graph-focus").click();
  });
  document.getElementById("graph-all").addEventListener("click", function () { history.replaceState(null, "", "#"); route(); });
  form.elements.section.addEventListener("change", function () {
    var s = form.elements.section.value;
    if (s) go("#sec=" + s); else { history.replaceState(null, "", "#"); route(); }
  });

  // --- status and strength filters: hide nodes (and their edges, and emptied sections) ---
  function filter() {
    var st = {}, sg = {}, shown = 0, total = 0, visible = {};
    form.querySelectorAll("input[name=status]").forEach(function (i) { st[i.value] = i.checked; });
    form.querySelectorAll("input[name=strength]").forEach(function (i) { sg[i.value] = i.checked; });
    svg.querySelectorAll("g.node").forEach(function (g) {
      var d = data[g.id];
      if (!d) return;
      var ok = st[d.status] !== false && sg[d.strength] !== false;
      g.classList.toggle("hidden", !ok);
      visible[g.id] = ok;
      total += 1; shown += ok;
    });
    svg.querySelectorAll("g.edge").forEach(function (g) {
      var m = g.id.match(/^e-(.*)--(n-.*)$/);
      g.classList.toggle("hidden", !(m && visible[m[1]] && visible[m[2]]));
    });
    svg.querySelectorAll("g.cluster").forEach(function (g) {
      var any, sc = g.id.replace(/^sec-/, "").replace(/_/g, ".");
      any = Object.keys(visible).some(function (k) {
        var s = data[k].section || ""; return visible[k] && (s === sc || s.indexOf(sc + ".") === 0);
      });
      g.classList.toggle("hidden", !any);
    });
    count.textContent = shown + " of " + total + " shown";
  }
  form.addEventListener("change", function (ev) { if (ev.target.type === "checkbox") filter(); });
  route();
})();
