// The Map page's tree: Graphviz's SVG at a legible size, panned and zoomed rather than shrunk;
// a click (or Enter on a focused node) selects a node; arrow keys move between nodes; on a narrow
// screen the map reads one node at a time as a card. Python gets the chosen id as the trigger
// value "select". Everything here is drawn from `data`; the SVG comes from Graphviz (user text
// escaped there), every other piece of user text goes in as textContent.

const STATE = new WeakMap(); // per mounted component: zoom, mode, what is drawn

export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  let st = STATE.get(parentElement);
  if (!st) {
    st = { zoom: null, mode: null, svgKey: null, focusWanted: false };
    STATE.set(parentElement, st);
  }
  let root = parentElement.querySelector(".am-root");
  if (!root) {
    root = document.createElement("div");
    root.className = "am-root";
    root.innerHTML =
      '<div class="am-bar" role="toolbar" aria-label="Map view">' +
      '<button type="button" data-act="out" aria-label="Zoom out" title="Zoom out">\u2212</button>' +
      '<span class="am-zoom" aria-live="polite"></span>' +
      '<button type="button" data-act="in" aria-label="Zoom in" title="Zoom in">+</button>' +
      '<button type="button" data-act="legible" title="Labels at reading size (100%)">Reading size</button>' +
      '<button type="button" data-act="fit" title="The whole map in view (labels may get small)">Whole map</button>' +
      '<button type="button" data-act="mode" class="am-mode"></button>' +
      '<span class="am-hint">Click a box to select it \u00b7 Tab and arrow keys move, Enter selects</span>' +
      "</div>" +
      '<div class="am-view" role="group"></div>' +
      '<div class="am-cards" hidden></div>';
    parentElement.appendChild(root);
  }
  const view = root.querySelector(".am-view");
  const cardsEl = root.querySelector(".am-cards");
  const bar = root.querySelector(".am-bar");
  const select = (id) => {
    if (id) {
      st.focusWanted = true;
      setTriggerValue("select", id);
    }
  };

  // --- mode: tree or cards (cards by default on a narrow screen) ---------------------------
  // A phone (a narrow window, not a narrow column beside the text) reads one node at a time,
  // until the reader picks a mode with the button; turning the phone picks again.
  const autoMode = () => (window.innerWidth < 600 ? "cards" : "tree");
  if (st.mode === null || !st.chosen) st.mode = data.mode === "auto" ? autoMode() : data.mode;
  if (!st.onResize) {
    st.onResize = () => {
      if (!st.chosen && st.auto && autoMode() !== st.mode) st.showMode(autoMode());
    };
    window.addEventListener("resize", st.onResize);
  }
  const modeBtn = bar.querySelector(".am-mode");
  function showMode(mode) {
    st.mode = mode;
    modeBtn.textContent = mode === "cards" ? "Show the tree" : "One node at a time";
    for (const x of bar.querySelectorAll('[data-act="in"],[data-act="out"],[data-act="fit"],[data-act="legible"],.am-zoom'))
      x.hidden = mode === "cards" || !data.svg;
    bar.querySelector(".am-hint").hidden = mode === "cards";
    view.hidden = mode === "cards";
    cardsEl.hidden = mode !== "cards";
    if (mode === "cards") drawCard();
    else if (svg) layout(st.zoom);
  }

  // --- the tree -----------------------------------------------------------------------------
  let svg = view.querySelector("svg");
  if (data.svg && st.svgKey !== data.svg) {
    const keep = st.svgKey !== null ? { left: view.scrollLeft, top: view.scrollTop } : null;
    view.innerHTML = data.svg;
    st.svgKey = data.svg;
    svg = view.querySelector("svg");
    prepare(svg, data);
    layout(st.zoom);
    if (keep) {
      view.scrollLeft = keep.left;
      view.scrollTop = keep.top;
    }
    requestAnimationFrame(reveal);
  }
  view.setAttribute("aria-label", data.title || "Argument map");

  function fontMin(s) {
    let min = Infinity;
    for (const t of s.querySelectorAll("text")) {
      const f = parseFloat(t.getAttribute("font-size"));
      if (f && f < min) min = f;
    }
    return min === Infinity ? 12 : min;
  }

  // Scale: CSS px per SVG unit (Graphviz's points). `legible` puts the smallest text at minPx.
  function scales() {
    const vb = svg.viewBox.baseVal;
    const legible = (data.minPx || 12) / fontMin(svg);
    const avail = Math.max(200, view.clientWidth - 8);
    return { vb, legible, fit: Math.min(avail / vb.width, 560 / vb.height) };
  }

  function layout(zoom) {
    if (!svg) return;
    const { vb, legible, fit } = scales();
    // At first: reading size, or larger for a small map that fits (never past 1.4 × reading size).
    if (zoom === null || zoom === undefined) zoom = Math.max(1, Math.min(fit / legible, 1.4));
    st.zoom = zoom;
    const s = legible * zoom;
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.style.width = vb.width * s + "px";
    svg.style.height = vb.height * s + "px";
    view.style.height = Math.min(vb.height * s + 24, Math.max(320, window.innerHeight * 0.72)) + "px";
    root.querySelector(".am-zoom").textContent = Math.round(zoom * 100) + "%";
  }

  function prepare(s, d) {
    s.setAttribute("role", "group"); // its boxes are buttons: a group, not a flat image
    s.setAttribute("aria-label", d.title || "Argument map");
    s.removeAttribute("aria-hidden");
    const groups = s.querySelectorAll("g.node");
    for (const g of groups) {
      const title = g.querySelector("title");
      const id = title ? title.textContent : null;
      if (!id || !(id in (d.nodes || {}))) continue; // junction points are not nodes to select
      g.dataset.id = id;
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      // The name starts with what the box shows (its header: role, or rating) and goes on with the
      // whole statement (the box may show it cut).
      const head = g.querySelector("text");
      const words = (d.texts || {})[id];
      g.setAttribute("aria-label", head && words ? head.textContent.trim() + ": " + words : d.nodes[id]);
      if (id === d.selected) g.setAttribute("aria-current", "true");
      g.addEventListener("click", (e) => {
        e.preventDefault();
        select(id);
      });
      g.addEventListener("keydown", (e) => onKey(e, g));
    }
  }

  function nodes() {
    return [...view.querySelectorAll("g.node[data-id]")];
  }

  function centre(g) {
    const r = g.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }

  function onKey(e, g) {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      select(g.dataset.id);
      return;
    }
    const dirs = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const d = dirs[e.key];
    if (!d) return;
    e.preventDefault();
    const c = centre(g);
    let best = null;
    let bestScore = Infinity;
    for (const other of nodes()) {
      if (other === g) continue;
      const o = centre(other);
      const dx = o.x - c.x;
      const dy = o.y - c.y;
      const along = dx * d[0] + dy * d[1];
      if (along <= 4) continue;
      const across = Math.abs(dx * d[1]) + Math.abs(dy * d[0]);
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = other;
      }
    }
    if (best) {
      best.focus({ preventScroll: true });
      best.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }

  function reveal() {
    const g = data.selected ? view.querySelector(`g.node[data-id="${CSS.escape(data.selected)}"]`) : null;
    if (!g) return;
    const r = g.getBoundingClientRect();
    const v = view.getBoundingClientRect();
    if (r.left < v.left || r.right > v.right || r.top < v.top || r.bottom > v.bottom) {
      view.scrollLeft += r.left - v.left - (v.width - r.width) / 2;
      view.scrollTop += r.top - v.top - (v.height - r.height) / 2;
    }
    if (st.focusWanted) {
      g.focus({ preventScroll: true });
      st.focusWanted = false;
    }
  }

  // --- the cards ----------------------------------------------------------------------------
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function nodeButton(id, prefix) {
    const c = data.cards[id];
    const b = el("button", "am-child role-" + (c ? c.role.split(" ")[0] : "x"));
    b.type = "button";
    b.appendChild(el("span", "am-child-role", (prefix ? prefix + " \u00b7 " : "") + (c ? c.role : "")));
    b.appendChild(el("span", "am-child-text", c ? c.text : id));
    b.addEventListener("click", () => select(id));
    return b;
  }

  function drawCard() {
    cardsEl.replaceChildren();
    if (!data.cards) return;
    const id = data.selected && data.cards[data.selected] ? data.selected : data.main;
    const c = id ? data.cards[id] : null;
    if (!c) {
      cardsEl.appendChild(el("p", "", "The map is empty."));
      return;
    }
    if (c.path && c.path.length > 1) {
      const nav = el("nav", "am-crumbs");
      nav.setAttribute("aria-label", "From the main conclusion");
      c.path.forEach((pid, n) => {
        if (n) nav.appendChild(el("span", "am-sep", " \u203a "));
        const last = n === c.path.length - 1;
        const words = data.cards[pid] ? data.cards[pid].text : pid;
        const b = el(last ? "span" : "button", "am-crumb", words.length > 28 ? words.slice(0, 27) + "\u2026" : words);
        if (!last) {
          b.type = "button";
          b.addEventListener("click", () => select(pid));
        } else b.setAttribute("aria-current", "true");
        nav.appendChild(b);
      });
      cardsEl.appendChild(nav);
    }
    const card = el("article", "am-card role-" + c.role.split(" ")[0]);
    card.appendChild(el("p", "am-role", c.role));
    card.appendChild(el("p", "am-text", c.text));
    if (c.up && data.cards[c.up]) {
      const up = el("p", "am-up");
      up.appendChild(el("span", "", c.up_how + ": "));
      const b = el("button", "am-link", data.cards[c.up].text);
      b.type = "button";
      b.addEventListener("click", () => select(c.up));
      up.appendChild(b);
      card.appendChild(up);
    }
    cardsEl.appendChild(card);
    const section = (title, ids, prefix) => {
      if (!ids.length) return;
      cardsEl.appendChild(el("h3", "am-h", `${title} (${ids.length})`));
      const ul = el("ul", "am-list");
      for (const x of ids) {
        const li = el("li");
        li.appendChild(nodeButton(x, prefix));
        ul.appendChild(li);
      }
      cardsEl.appendChild(ul);
    };
    const reasons = [];
    for (const group of c.reasons) for (const p of group) reasons.push(p);
    section("Reasons for it", reasons, "");
    section("Objections to it", c.objections, "");
    section("Evidence", c.evidence, "");
    if (!reasons.length && !c.objections.length && !c.evidence.length)
      cardsEl.appendChild(el("p", "am-none", "Nothing argues for or against this yet."));
  }
  st.showMode = showMode; // the resize listener, added once, uses this render's
  st.auto = data.mode === "auto";
  showMode(st.mode);

  // --- toolbar --------------------------------------------------------------------------------
  bar.onclick = (e) => {
    const b = e.target.closest("button");
    if (!b) return;
    const act = b.dataset.act;
    if (act === "mode") {
      st.chosen = true;
      showMode(st.mode === "cards" ? "tree" : "cards");
      return;
    }
    if (!svg) return;
    const { legible, fit } = scales();
    if (act === "in") layout(Math.min(st.zoom * 1.25, 4));
    if (act === "out") layout(Math.max(st.zoom / 1.25, Math.min(1, fit / legible)));
    if (act === "legible") layout(1);
    if (act === "fit") layout(fit / legible);
  };

  // Drag the background to pan (the view also scrolls, and pans by touch natively).
  view.onpointerdown = (e) => {
    if (e.pointerType !== "mouse" || e.target.closest("g.node")) return;
    const start = { x: e.clientX, y: e.clientY, left: view.scrollLeft, top: view.scrollTop };
    const move = (m) => {
      view.scrollLeft = start.left - (m.clientX - start.x);
      view.scrollTop = start.top - (m.clientY - start.y);
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      view.classList.remove("am-panning");
    };
    view.classList.add("am-panning");
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };
}
