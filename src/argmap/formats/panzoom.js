(function () {
  "use strict";
  // Pan and zoom for the map (no requests: this page's CSP allows this one script by its hash).
  var fig = document.querySelector("#map .figure.tree");
  var svg = fig && fig.querySelector("svg");
  if (!svg || !svg.viewBox || !svg.viewBox.baseVal) return;
  var vb = svg.viewBox.baseVal;
  var min = Infinity;
  Array.prototype.forEach.call(svg.querySelectorAll("text"), function (t) {
    var f = parseFloat(t.getAttribute("font-size"));
    if (f && f < min) min = f;
  });
  var legible = 12 / (min === Infinity ? 12 : min); // px per point at which the smallest text is 12 px
  var zoom = 1;
  var label = document.createElement("span");
  label.className = "zoom-level";
  label.setAttribute("aria-live", "polite");
  function set(z) {
    zoom = Math.max(0.1, Math.min(z, 4));
    var s = legible * zoom;
    svg.setAttribute("width", vb.width * s + "px");
    svg.setAttribute("height", vb.height * s + "px");
    label.textContent = Math.round(zoom * 100) + "%";
  }
  function fit() {
    return Math.min(1, (fig.clientWidth - 16) / (vb.width * legible));
  }
  var bar = document.createElement("div");
  bar.className = "zoombar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Map zoom");
  [
    ["\u2212", "Zoom out", function () { set(zoom / 1.25); }],
    [null],
    ["+", "Zoom in", function () { set(zoom * 1.25); }],
    ["Reading size", "Labels at reading size (100%)", function () { set(1); }],
    ["Whole map", "The whole map in view (labels may get small)", function () { set(fit()); }]
  ].forEach(function (b) {
    if (!b[0]) { bar.appendChild(label); return; }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = b[0];
    button.title = b[1];
    button.setAttribute("aria-label", b[1]);
    button.addEventListener("click", b[2]);
    bar.appendChild(button);
  });
  fig.parentNode.insertBefore(bar, fig);
  set(1);
  // Drag the background to pan; the figure also scrolls (and pans by touch).
  fig.addEventListener("pointerdown", function (e) {
    if (e.pointerType !== "mouse" || e.target.closest("a")) return;
    var x = e.clientX, y = e.clientY, left = fig.scrollLeft, top = fig.scrollTop;
    function move(m) { fig.scrollLeft = left - (m.clientX - x); fig.scrollTop = top - (m.clientY - y); }
    function up() { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); }
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  });
})();
