// The dependency graph's filters: hide claims (and their edges, and emptied sections) by status, strength, section.
(function () {
  "use strict";
  var form = document.getElementById("graph-filters"), count = document.getElementById("graph-count");
  var svg = document.querySelector("#graph svg"), data = window.GRAPH_NODES || {};
  function apply() {
    var st = {}, sg = {}, sec = form.elements.section.value, shown = 0, total = 0, visible = {};
    form.querySelectorAll("input[name=status]").forEach(function (i) { st[i.value] = i.checked; });
    form.querySelectorAll("input[name=strength]").forEach(function (i) { sg[i.value] = i.checked; });
    svg.querySelectorAll("g.node").forEach(function (g) {
      var d = data[g.id];
      if (!d) return;
      var s = d.section || "";
      var ok = st[d.status] !== false && sg[d.strength] !== false && (!sec || s === sec || s.indexOf(sec + ".") === 0);
      g.classList.toggle("hidden", !ok);
      visible[g.id] = ok;
      total += 1; shown += ok;
    });
    svg.querySelectorAll("g.edge").forEach(function (g) {
      var m = g.id.match(/^e-(.*)--(n-.*)$/);
      g.classList.toggle("hidden", !(m && visible[m[1]] && visible[m[2]]));
    });
    svg.querySelectorAll("g.cluster").forEach(function (g) {
      var sc = g.id.replace(/^sec-/, "").replace(/_/g, ".");
      var any = Object.keys(data).some(function (k) {
        var s = data[k].section || ""; return visible[k] && (s === sc || s.indexOf(sc + ".") === 0);
      });
      g.classList.toggle("hidden", !any);
    });
    count.textContent = shown + " of " + total + " shown";
  }
  form.addEventListener("change", apply);
  document.getElementById("graph-fit").addEventListener("change", function (ev) {
    document.getElementById("graph").classList.toggle("fit", ev.target.checked);
  });
  apply();
  window.graphReady = true;
})();
