/* argmap: the HTML view of a map. Plain script, no library; it fetches
   nothing unless the page is served live by `argmap serve`. */
(function () {
  "use strict";
  var main = document.getElementById("argmap");
  var words = readJSON("argmap-words") || {};
  var data = { elements: {} };
  var box = null;
  var svg = null;
  var base = null; // the drawing's own box (viewBox as drawn)
  var view = null; // the part of the drawing shown: x, y, w, h
  var pointers = {};
  var drag = null;
  var pinch = null;

  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }
  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  function groups(id) {
    return svg ? all('[data-element="' + id + '"]', svg) : [];
  }

  /* -- pan and zoom: the viewBox of the <svg> is the view -- */
  function size() {
    var w = box.clientWidth || 1;
    var h = box.clientHeight || 1;
    return { w: w, h: h };
  }
  /* During a gesture the view moves as a CSS transform of the drawing as last
     drawn (the browser only recomposes it); the viewBox is written, and the
     text drawn sharp again, once the view has been still for a moment. */
  var drawn = null;
  var settle = null;
  function apply() {
    if (!svg || !view) return;
    if (!drawn) return commit();
    var k = size().w / view.w;
    svg.style.transform = "translate(" + (drawn.x - view.x) * k + "px," + (drawn.y - view.y) * k +
      "px) scale(" + drawn.w / view.w + ")";
    clearTimeout(settle);
    settle = setTimeout(commit, 150);
  }
  function commit() {
    clearTimeout(settle);
    if (!svg || !view) return;
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    svg.style.transform = "";
    drawn = { x: view.x, y: view.y, w: view.w, h: view.h };
  }
  function show(x, y, w, h, margin) {
    var s = size();
    var scale = Math.min(s.w / (w * margin), s.h / (h * margin));
    var vw = s.w / scale;
    var vh = s.h / scale;
    view = { x: x + w / 2 - vw / 2, y: y + h / 2 - vh / 2, w: vw, h: vh };
    apply();
  }
  function fit() {
    if (base) show(base.x, base.y, base.w, base.h, 1.02);
  }
  function scale() {
    return view ? size().w / view.w : 1;
  }
  function zoom(factor, px, py) {
    if (!view) return;
    var s = size();
    var fitScale = Math.min(s.w / base.w, s.h / base.h);
    var next = Math.max(fitScale / 4, Math.min(scale() * factor, Math.max(fitScale * 4, 8)));
    factor = next / scale();
    px = px === undefined ? s.w / 2 : px;
    py = py === undefined ? s.h / 2 : py;
    var ux = view.x + (px * view.w) / s.w;
    var uy = view.y + (py * view.h) / s.h;
    view.w /= factor;
    view.h /= factor;
    view.x = ux - (px * view.w) / s.w;
    view.y = uy - (py * view.h) / s.h;
    apply();
  }
  function pan(dx, dy) {
    if (!view) return;
    var k = view.w / size().w;
    view.x -= dx * k;
    view.y -= dy * k;
    apply();
  }
  function resized() {
    if (!view) return;
    var s = size();
    var k = view.w / (view.prev || s.w);
    var cx = view.x + view.w / 2;
    var cy = view.y + view.h / 2;
    view.w = s.w * k;
    view.h = s.h * k;
    view.x = cx - view.w / 2;
    view.y = cy - view.h / 2;
    view.prev = s.w;
    apply();
  }
  /* Centre the view on elements, zooming out when they do not fit. */
  function centre(els) {
    if (!els.length || !view) return;
    var r = box.getBoundingClientRect();
    var k = view.w / size().w;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    els.forEach(function (el) {
      var b = el.getBoundingClientRect();
      x0 = Math.min(x0, b.left); y0 = Math.min(y0, b.top);
      x1 = Math.max(x1, b.right); y1 = Math.max(y1, b.bottom);
    });
    var x = view.x + (x0 - r.left) * k;
    var y = view.y + (y0 - r.top) * k;
    var w = (x1 - x0) * k;
    var h = (y1 - y0) * k;
    if (w * 1.2 > view.w || h * 1.2 > view.h) {
      show(x, y, w, h, 1.3);
    } else {
      view.x = x + w / 2 - view.w / 2;
      view.y = y + h / 2 - view.h / 2;
      apply();
    }
    view.prev = size().w;
  }

  function point(e) {
    var r = box.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }
  function spread() {
    var ps = Object.keys(pointers).map(function (k) { return pointers[k]; });
    var dx = ps[0].x - ps[1].x;
    var dy = ps[0].y - ps[1].y;
    return { d: Math.sqrt(dx * dx + dy * dy) || 1, x: (ps[0].x + ps[1].x) / 2, y: (ps[0].y + ps[1].y) / 2 };
  }
  function down(e) {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    pointers[e.pointerId] = point(e);
    var n = Object.keys(pointers).length;
    if (n === 1) drag = { start: point(e), moved: false, target: e.target, id: e.pointerId };
    if (n === 2) { pinch = spread(); if (drag) drag.moved = true; }
  }
  function move(e) {
    var p = pointers[e.pointerId];
    if (!p) return;
    var now = point(e);
    var dx = now.x - p.x;
    var dy = now.y - p.y;
    pointers[e.pointerId] = now;
    if (pinch && Object.keys(pointers).length === 2) {
      var s = spread();
      zoom(s.d / pinch.d, s.x, s.y);
      pan(s.x - pinch.x, s.y - pinch.y);
      pinch = s;
      return;
    }
    if (!drag) return;
    if (!drag.moved && Math.abs(now.x - drag.start.x) + Math.abs(now.y - drag.start.y) > 4) {
      drag.moved = true;
      box.classList.add("dragging");
      if (box.setPointerCapture) box.setPointerCapture(e.pointerId);
    }
    if (drag.moved) pan(dx, dy);
  }
  function up(e) {
    if (!pointers[e.pointerId]) return;
    delete pointers[e.pointerId];
    if (drag && drag.id === e.pointerId && !drag.moved && e.type === "pointerup") {
      var g = drag.target.closest ? drag.target.closest("[data-element]") : null;
      if (g) select(g.getAttribute("data-element"));
    }
    if (!Object.keys(pointers).length) {
      drag = null;
      pinch = null;
      box.classList.remove("dragging");
    } else if (Object.keys(pointers).length < 2) {
      pinch = null;
    }
  }
  function wheel(e) {
    e.preventDefault();
    var p = point(e);
    zoom(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), p.x, p.y);
  }
  function key(e) {
    var step = 60;
    var actions = {
      "+": function () { zoom(1.25); }, "=": function () { zoom(1.25); },
      "-": function () { zoom(0.8); }, "_": function () { zoom(0.8); },
      "0": fit,
      ArrowLeft: function () { pan(step, 0); }, ArrowRight: function () { pan(-step, 0); },
      ArrowUp: function () { pan(0, step); }, ArrowDown: function () { pan(0, -step); }
    };
    var act = actions[e.key];
    if (act && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      act();
    }
  }

  /* -- findings and elements -- */
  function mark(cls, ids) {
    all("." + cls, svg || main).forEach(function (el) { el.classList.remove(cls); });
    var found = [];
    ids.forEach(function (id) { found = found.concat(groups(id)); });
    found.forEach(function (el) { el.classList.add(cls); });
    return found;
  }
  function showFinding(li) {
    all("li.finding.active", main).forEach(function (x) {
      x.classList.remove("active");
      x.removeAttribute("aria-current");
    });
    li.classList.add("active");
    li.setAttribute("aria-current", "true");
    var ids = (li.getAttribute("data-elements") || "").split(" ").filter(Boolean);
    centre(mark("highlight", ids));
  }
  function findingsOf(id) {
    return all("#findings li.finding", main).filter(function (li) {
      return (li.getAttribute("data-elements") || "").split(" ").indexOf(id) >= 0;
    });
  }
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = text;
    return x;
  }
  function row(dl, label, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
    dl.appendChild(dd);
  }
  function refs(ids) {
    var span = el("span");
    ids.forEach(function (id, i) {
      if (i) span.appendChild(document.createTextNode(" "));
      var b = el("button", "ref", id);
      b.type = "button";
      b.setAttribute("data-ref", id);
      span.appendChild(b);
    });
    return span;
  }
  function select(id) {
    var item = data.elements[id];
    var details = document.getElementById("details");
    var groupsShown = mark("selected", [id]);
    if (!item || !details) return groupsShown;
    var body = details.querySelector(".body") || details.appendChild(el("div", "body"));
    body.textContent = "";
    body.appendChild(el("h3", "what", id + " · " + item.name));
    var dl = el("dl");
    row(dl, words.text, item.text);
    if (item.kind === "inference") {
      row(dl, words.premises, refs(item.premises));
      row(dl, words.concludes, refs([item.conclusion]));
      row(dl, words.marker, item.marker);
      row(dl, words.scheme, item.scheme);
      row(dl, words.strength, item.strength);
    }
    if (item.kind === "attack") {
      row(dl, words.from, refs([item.source]));
      row(dl, words.against, refs([item.target]));
    }
    if (item.attacks) row(dl, words.attacks, refs(item.attacks));
    row(dl, words.note, item.note);
    var src = item.kind === "attack" ? null : item.source;
    if (src) {
      var sdl = el("dl", "source");
      row(sdl, words.speaker, src.speaker);
      row(sdl, words.date, src.date);
      row(sdl, words.title, src.title);
      if (src.url) {
        var link = src.link ? el("a", null, src.url) : el("span", null, src.url);
        if (src.link) { link.href = src.url; link.target = "_blank"; link.rel = "noopener noreferrer"; }
        row(sdl, words.link, link);
      }
      row(sdl, words.quote, src.quote ? "「" + src.quote + "」" : "");
      row(dl, words.source, sdl);
    }
    var found = findingsOf(id);
    if (found.length) {
      var ul = el("ul", "findings-of");
      found.forEach(function (li) {
        var b = el("button", "finding-ref " + (li.getAttribute("data-severity") || ""), li.textContent);
        b.type = "button";
        b.addEventListener("click", function () { showFinding(li); li.focus(); });
        var x = el("li");
        x.appendChild(b);
        ul.appendChild(x);
      });
      row(dl, words.findings, ul);
    }
    body.appendChild(dl);
    return groupsShown;
  }

  function toggles() {
    var f = document.getElementById("toggle-findings");
    var n = document.getElementById("toggle-notes");
    main.classList.toggle("hide-findings", !!f && !f.checked);
    main.classList.toggle("show-notes", !!n && n.checked);
  }

  function setup(keep) {
    data = readJSON("argmap-data") || { elements: {} };
    box = document.getElementById("diagram");
    svg = box ? box.querySelector("svg") : null;
    base = null;
    drawn = null;
    if (svg) {
      var b = (svg.getAttribute("data-viewbox") || "0 0 100 100").split(/[\s,]+/).map(Number);
      base = { x: b[0], y: b[1], w: b[2] || 1, h: b[3] || 1 };
      box.addEventListener("pointerdown", down);
      box.addEventListener("pointermove", move);
      box.addEventListener("pointerup", up);
      box.addEventListener("pointercancel", up);
      box.addEventListener("wheel", wheel, { passive: false });
      box.addEventListener("keydown", key);
      box.addEventListener("click", function (e) {
        if (e.target.closest && e.target.closest("a")) e.preventDefault(); /* links open from #details */
      });
      if (keep) { view = keep; apply(); } else { view = null; fit(); }
      if (view) view.prev = size().w;
    }
    toggles();
  }

  main.addEventListener("click", function (e) {
    var t = e.target;
    var li = t.closest("li.finding");
    if (li) return showFinding(li);
    var ref = t.closest("button.ref");
    if (ref) {
      var view_ = ref.closest("#outline") && main.querySelector(".view");
      if (view_ && view_.scrollIntoView) view_.scrollIntoView({ block: "start" });
      return centre(select(ref.getAttribute("data-ref")));
    }
    var act = t.closest("button[data-action]");
    if (act) {
      var a = act.getAttribute("data-action");
      if (a === "fit") fit(); else zoom(a === "zoom-in" ? 1.25 : 0.8);
    }
  });
  main.addEventListener("keydown", function (e) {
    var li = e.target.closest && e.target.closest("li.finding");
    if (li && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      showFinding(li);
    }
  });
  main.addEventListener("change", toggles);
  window.addEventListener("resize", resized);
  var printed = null;
  window.addEventListener("beforeprint", function () { printed = view; fit(); commit(); });
  window.addEventListener("afterprint", function () { if (printed) { view = printed; commit(); } });

  /* -- live preview (argmap serve) -- */
  var live = document.querySelector('meta[name="argmap-live"]');
  var meta = document.querySelector('meta[name="argmap-version"]');
  var version = meta ? meta.getAttribute("content") : "";

  function showErrors(lines) {
    var old = document.getElementById("errors");
    var div = el("div");
    div.id = "errors";
    div.setAttribute("role", "alert");
    div.appendChild(el("p", null, words.errors));
    var ul = el("ul");
    lines.forEach(function (line) { ul.appendChild(el("li", null, line)); });
    div.appendChild(ul);
    if (old) old.parentNode.replaceChild(div, old); else main.parentNode.insertBefore(div, main);
    main.classList.add("stale");
    if (box) box.classList.add("stale");
  }
  function swap(f) {
    version = f.version;
    if (meta) meta.setAttribute("content", version);
    if (f.errors) return showErrors(f.errors);
    var old = document.getElementById("errors");
    if (old) old.parentNode.removeChild(old);
    var state = {};
    ["toggle-findings", "toggle-notes"].forEach(function (id) {
      var x = document.getElementById(id);
      if (x) state[id] = x.checked;
    });
    var keep = view;
    main.classList.remove("stale");
    main.innerHTML = f.html;
    Object.keys(state).forEach(function (id) {
      var x = document.getElementById(id);
      if (x) x.checked = state[id];
    });
    setup(keep);
  }
  function poll() {
    fetch("/version", { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v.trim() === version) return null;
        return fetch("/fragment", { cache: "no-store" })
          .then(function (r) { return r.json(); })
          .then(swap);
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 500); });
  }

  setup(null);
  window.argmap = {
    fit: fit,
    zoom: function (factor) { zoom(factor); },
    state: function () {
      return view ? { x: view.x, y: view.y, width: view.w, height: view.h, scale: scale(), version: version }
        : { scale: 1, version: version };
    },
    select: select
  };
  if (live) setTimeout(poll, 500);
})();
