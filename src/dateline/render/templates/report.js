/* The HTML report's script: search, filters, the zoomable time axis, "show more" lists,
   and everything opened for print. Inlined into report.html and allowed by its hash in
   the Content-Security-Policy; it builds DOM nodes and text only (it never parses HTML), so no
   article text can become markup. Without it the report is a plain, complete page.
   It expects report.html.j2's markup: the #briefing-data block, #axis-svg, the #zoom-*,
   #filter-* and #search* controls, [data-search] items and [data-page] lists. */
(function () {
  "use strict";
  var doc = document;
  var block = doc.getElementById("briefing-data");
  if (!block) { return; }  // not a report page
  var data = JSON.parse(block.textContent);
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
  function byId(id) { return doc.getElementById(id); }
  all(".controls[hidden]").forEach(function (el) { el.hidden = false; });

  /* --- "show more": the children of [data-page] past the first N are paged out ------ */
  var pagers = [];
  function Pager(box) {
    var self = this;
    self.box = box;
    self.step = parseInt(box.getAttribute("data-page"), 10) || 20;
    self.items = all(":scope > *", box);
    self.shown = self.step;
    var host = box.closest(".scroll") || box;
    self.bar = doc.createElement("p");
    self.bar.className = "more controls";
    self.more = doc.createElement("button");
    self.more.type = "button";
    self.every = doc.createElement("button");
    self.every.type = "button";
    self.bar.appendChild(self.more);
    self.bar.appendChild(self.every);
    host.parentNode.insertBefore(self.bar, host.nextSibling);
    self.more.addEventListener("click", function () { self.show(self.shown + self.step); });
    self.every.addEventListener("click", function () { self.show(self.items.length); });
    self.show(self.shown);
  }
  Pager.prototype.show = function (n) {
    var self = this;
    self.shown = Math.min(Math.max(n, self.step), self.items.length);
    self.items.forEach(function (el, i) { el.classList.toggle("paged-out", i >= self.shown); });
    var left = self.items.length - self.shown;
    self.bar.hidden = left <= 0;
    self.more.textContent = "Show " + Math.min(self.step, left) + " more";
    self.every.textContent = "Show all " + self.items.length;
  };
  Pager.prototype.reveal = function (el) {
    var i = this.items.indexOf(el);
    if (i >= this.shown) { this.show(i + 1); }
  };
  all("[data-page]").forEach(function (box) { pagers.push(new Pager(box)); });

  /* Make an element visible: open the details around it, page it in. */
  function reveal(el) {
    pagers.forEach(function (p) {
      p.items.forEach(function (item) { if (item === el || item.contains(el)) { p.reveal(item); } });
    });
    for (var up = el; up; up = up.parentElement) {
      if (up.tagName === "DETAILS" && up !== el) { up.open = true; }
    }
  }
  function revealHash(hash) {
    var el = hash && hash.length > 1 ? byId(decodeURIComponent(hash.slice(1))) : null;
    if (el) { reveal(el); }
    return el;
  }
  doc.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    if (a) { revealHash(a.getAttribute("href")); }
  });
  window.addEventListener("hashchange", function () {
    var el = revealHash(location.hash);
    if (el) { el.scrollIntoView({block: "start"}); }
  });

  /* --- filters by actor and date ---------------------------------------------------- */
  var actor = byId("filter-actor");
  var from = byId("filter-from");
  var to = byId("filter-to");
  var filterCount = byId("filter-count");
  var filteredOut = {};
  function visible(info) {
    var who = actor.value;
    if (who && info.actors.indexOf(who) < 0) { return false; }
    if (from.value && info.date < from.value) { return false; }
    if (to.value && info.date > to.value) { return false; }
    return true;
  }
  function applyFilters() {
    var shown = 0;
    filteredOut = {};
    data.entries.forEach(function (info) {
      var ok = visible(info);
      var el = byId("entry-" + info.i);
      if (el) { el.classList.toggle("hidden-by-filter", !ok); }
      if (ok) { shown += 1; } else { filteredOut[info.i] = true; }
    });
    var name = actor.value ? " with " + data.actors[actor.value] : "";
    filterCount.textContent = shown + " of " + data.entries.length + " dates shown" + name;
    drawAxis();
    search();
  }

  /* --- the zoomable time axis -------------------------------------------------------- */
  var svg = byId("axis-svg");
  var SVG = svg ? svg.namespaceURI : "";  // the SVG namespace, without writing an address
  var rangeLabel = byId("axis-range");
  // drawn in CSS pixels (the viewBox follows the axis's width), so text and dots keep
  // their size on a phone; at most one tick per TICK_PX
  var W = 1000, H = 110, PAD = 30, BASE = H - 28, MIN_SPAN = 6, TICK_PX = 110;
  function dayOf(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY; }
  function dateOf(day) { return new Date(Math.round(day) * DAY); }
  function iso(day) { return dateOf(day).toISOString().slice(0, 10); }
  function label(day, withYear) {
    var d = dateOf(day);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + (withYear ? " " + d.getUTCFullYear() : "");
  }
  var dots = data.axis.entries.map(function (e) { return {i: e[0], day: dayOf(e[1]), iso: e[1], text: e[2]}; });
  var bars = data.axis.bars.map(function (b) { return {day: dayOf(b[0]), iso: b[0], n: b[1]}; });
  var days = dots.map(function (d) { return d.day; }).concat(bars.map(function (b) { return b.day; }));
  var full = null, view = null;
  if (days.length) {
    var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
    var pad = Math.max(1, (hi - lo) * 0.03);
    full = {lo: lo - pad, hi: hi + pad};
    if (full.hi - full.lo < MIN_SPAN) {
      var mid = (lo + hi) / 2;
      full = {lo: mid - MIN_SPAN / 2, hi: mid + MIN_SPAN / 2};
    }
    view = {lo: full.lo, hi: full.hi};
  }
  var top = Math.max.apply(null, [1].concat(bars.map(function (b) { return b.n; })));
  function x(day) { return PAD + (W - 2 * PAD) * (day - view.lo) / (view.hi - view.lo); }
  function dayAt(clientX) {
    var box = svg.getBoundingClientRect();
    var vx = (clientX - box.left) * W / box.width;
    return view.lo + (vx - PAD) * (view.hi - view.lo) / (W - 2 * PAD);
  }
  function node(name, attrs, parent) {
    var el = doc.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(el); }
    return el;
  }
  function title(el, text) { node("title", {}, el).textContent = text; }
  /* Tick positions: days, weeks, months or years, whichever gives at most about 8. */
  function onDayStep(day, step) {
    if (step < 7) { return day % step === 0; }
    return dateOf(day).getUTCDay() === 1 && (step === 7 || Math.floor(day / 7) % 2 === 0);
  }
  function withYears(out) {
    var last = null;
    out.forEach(function (t) {
      var y = dateOf(t.day).getUTCFullYear();
      if (y !== last) { t.text += " " + y; last = y; }
    });
    return out;
  }
  function ticks() {
    var span = view.hi - view.lo, out = [], day, s;
    var most = Math.max(2, Math.min(8, Math.floor(W / TICK_PX)));
    var steps = [1, 2, 7, 14];
    for (s = 0; s < steps.length; s++) {
      if (span / steps[s] <= most) {
        for (day = Math.ceil(view.lo); day <= view.hi; day += 1) {
          if (onDayStep(day, steps[s])) { out.push({day: day, text: label(day, false)}); }
        }
        return withYears(out);
      }
    }
    var months = [1, 2, 3, 6, 12, 24, 60, 120];
    for (s = 0; s < months.length - 1 && span / (30.44 * months[s]) > most; s++) { /* find the step */ }
    var start = dateOf(view.lo), y = start.getUTCFullYear(), mo = start.getUTCMonth();
    for (day = Date.UTC(y, mo, 1) / DAY; day <= view.hi; day = Date.UTC(y, mo, 1) / DAY) {
      if (day >= view.lo && (y * 12 + mo) % months[s] === 0) {
        out.push({day: day, text: months[s] >= 12 ? String(y) : MONTHS[mo]});
      }
      mo += 1;
      if (mo === 12) { mo = 0; y += 1; }
    }
    return months[s] >= 12 ? out : withYears(out);
  }
  function drawAxis() {
    if (!svg || !view) { return; }
    W = Math.max(240, Math.round(svg.getBoundingClientRect().width) || W);
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    while (svg.lastChild) { svg.removeChild(svg.lastChild); }
    title(svg, "Articles per day and timeline dates");
    node("line", {x1: PAD, y1: BASE, x2: W - PAD, y2: BASE}, svg);
    var width = Math.max(2, Math.min(24, 0.8 * (W - 2 * PAD) / (view.hi - view.lo)));
    bars.forEach(function (b) {
      if (b.day < view.lo - 1 || b.day > view.hi + 1) { return; }
      var h = 50 * b.n / top;
      var r = node("rect", {"class": "bar", x: (x(b.day) - width / 2).toFixed(1), y: (BASE - h).toFixed(1),
        width: width.toFixed(1), height: h.toFixed(1)}, svg);
      title(r, b.iso + ": " + b.n + " article" + (b.n > 1 ? "s" : ""));
    });
    ticks().forEach(function (t) {
      var tx = x(t.day);
      node("line", {x1: tx.toFixed(1), y1: BASE, x2: tx.toFixed(1), y2: BASE + 5}, svg);
      var anchor = tx < PAD + 40 ? "start" : tx > W - PAD - 40 ? "end" : "middle";
      node("text", {x: tx.toFixed(1), y: H - 6, "text-anchor": anchor}, svg).textContent = t.text;
    });
    var inView = dots.filter(function (d) { return d.day >= view.lo && d.day <= view.hi; });
    var radius = inView.length * 22 > W - 2 * PAD ? 6 : 11;  // smaller dots when crowded
    inView.forEach(function (d) {
      var a = node("a", {href: "#entry-" + d.i, "class": "date-link", "data-entry": d.i,
        "aria-label": label(d.day, true) + ": " + d.text}, svg);
      var c = node("circle", {"class": "dot" + (filteredOut[d.i] ? " hidden" : ""), "data-entry": d.i,
        cx: x(d.day).toFixed(1), cy: 22, r: radius}, a);
      title(c, d.iso + ": " + d.text);
    });
    svg.setAttribute("data-from", iso(view.lo));
    svg.setAttribute("data-to", iso(view.hi));
    var span = Math.round(view.hi - view.lo);
    rangeLabel.textContent = label(view.lo, true) + " to " + label(view.hi, true) + " (" + span + " days);";
    byId("zoom-in").disabled = view.hi - view.lo <= MIN_SPAN + 0.01;
    byId("zoom-out").disabled = byId("zoom-reset").disabled =
      view.lo <= full.lo + 0.01 && view.hi >= full.hi - 0.01;
  }
  function setView(lo, hi) {
    var span = Math.min(Math.max(hi - lo, MIN_SPAN), full.hi - full.lo);
    lo = Math.min(Math.max(lo, full.lo), full.hi - span);
    view = {lo: lo, hi: lo + span};
    drawAxis();
  }
  function zoom(factor, center) {
    if (!view) { return; }
    if (center === undefined) { center = (view.lo + view.hi) / 2; }
    var span = Math.min(Math.max((view.hi - view.lo) * factor, MIN_SPAN), full.hi - full.lo);
    var share = (center - view.lo) / (view.hi - view.lo);
    setView(center - share * span, center - share * span + span);
  }
  function pan(share) { if (view) { var s = (view.hi - view.lo) * share; setView(view.lo + s, view.hi + s); } }
  function openEntry(i) {
    var el = byId("entry-" + i);
    if (!el) { return; }
    el.classList.remove("hidden-by-filter");
    reveal(el);
    el.open = true;
    el.scrollIntoView({block: "start"});
    el.querySelector("summary").focus({preventScroll: true});
  }
  if (svg && view) {
    svg.classList.add("zoomable");
    var resized = null;
    window.addEventListener("resize", function () {
      clearTimeout(resized);
      resized = setTimeout(drawAxis, 100);
    });
    byId("zoom-in").addEventListener("click", function () { zoom(0.5); });
    byId("zoom-out").addEventListener("click", function () { zoom(2); });
    byId("zoom-reset").addEventListener("click", function () { setView(full.lo, full.hi); });
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, dayAt(ev.clientX));
    }, {passive: false});
    var drag = null;
    svg.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0) { return; }
      drag = {x: ev.clientX, lo: view.lo, hi: view.hi, moved: false, id: ev.pointerId};
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) { return; }
      var dx = ev.clientX - drag.x;
      if (!drag.moved && Math.abs(dx) < 4) { return; }
      if (!drag.moved) { drag.moved = true; svg.setPointerCapture(drag.id); svg.classList.add("dragging"); }
      var px = svg.getBoundingClientRect().width * (W - 2 * PAD) / W;
      var shift = -dx * (drag.hi - drag.lo) / px;
      setView(drag.lo + shift, drag.hi + shift);
    });
    function endDrag() {
      if (drag && drag.moved) { svg.classList.remove("dragging"); setTimeout(function () { drag = null; }, 0); }
      else { drag = null; }
    }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointercancel", endDrag);
    svg.addEventListener("click", function (ev) {
      var a = ev.target.closest("a");
      if (drag && drag.moved) { ev.preventDefault(); ev.stopPropagation(); return; }
      if (a) { ev.preventDefault(); openEntry(a.getAttribute("data-entry")); }
    }, true);
    svg.addEventListener("keydown", function (ev) {
      var handled = true;
      if (ev.key === "+" || ev.key === "=") { zoom(0.5); }
      else if (ev.key === "-" || ev.key === "_") { zoom(2); }
      else if (ev.key === "ArrowLeft") { pan(-0.2); }
      else if (ev.key === "ArrowRight") { pan(0.2); }
      else if (ev.key === "0" || ev.key === "Home") { setView(full.lo, full.hi); }
      else { handled = false; }
      if (handled) { ev.preventDefault(); }
    });
  }
  [actor, from, to].forEach(function (el) { el.addEventListener("change", applyFilters); });
  byId("filter-reset").addEventListener("click", function () {
    actor.value = ""; from.value = from.min; to.value = to.max; applyFilters();
  });

  /* --- search ------------------------------------------------------------------------ */
  var box = byId("search");
  var searchCount = byId("search-count");
  var KINDS = {date: ["date", "dates"], quote: ["quote", "quotes"], actor: ["actor", "actors"],
    figure: ["figure", "figures"], source: ["source", "sources"]};
  var items = all("[data-search]").map(function (el) {
    var part = el.querySelector(":scope > .who") || el;
    return {el: el, kind: el.getAttribute("data-search"), part: part,
      text: part.textContent.toLowerCase().replace(/\s+/g, " ")};
  });
  var MIN_WORD = 2;  // shorter words match nearly everything
  var MAX_MARKED = 400;  // items with their words highlighted, so a broad search stays quick
  var matchOf = new Map();
  var opened = [];
  var hits = [];
  var current = -1;
  function clearMarks() {
    all("mark.hit").forEach(function (m) {
      var parent = m.parentNode;
      parent.replaceChild(doc.createTextNode(m.textContent), m);
      parent.normalize();
    });
    hits = [];
    current = -1;
  }
  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function highlight(root, re) {
    var walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var texts = [];
    while (walker.nextNode()) { texts.push(walker.currentNode); }
    texts.forEach(function (t) {
      if (t.parentNode.closest("script, title, .more")) { return; }
      var value = t.nodeValue, m, last = 0, frag = null;
      re.lastIndex = 0;
      while ((m = re.exec(value)) !== null) {
        if (!m[0]) { re.lastIndex += 1; continue; }
        frag = frag || doc.createDocumentFragment();
        frag.appendChild(doc.createTextNode(value.slice(last, m.index)));
        var mark = doc.createElement("mark");
        mark.className = "hit";
        mark.textContent = m[0];
        frag.appendChild(mark);
        last = m.index + m[0].length;
      }
      if (frag) {
        frag.appendChild(doc.createTextNode(value.slice(last)));
        t.parentNode.replaceChild(frag, t);
      }
    });
  }
  function restoreOpened() {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  }
  /* Open the details a hit is in, unless it is in their summary (already in sight). */
  function openAround(hit) {
    for (var up = hit.parentElement; up; up = up.parentElement) {
      if (up.tagName !== "DETAILS" || up.open) { continue; }
      var summary = up.querySelector(":scope > summary");
      if (!summary || !summary.contains(hit)) { up.open = true; opened.push(up); }
    }
  }
  var searched = "";  // the text the shown results are for
  function search() {
    searched = box.value;
    searchCount.setAttribute("data-for", searched);  // what the count is about
    var query = box.value.trim().toLowerCase();
    var words = query.split(/\s+/).filter(function (w) { return w.length >= MIN_WORD; });
    clearMarks();
    restoreOpened();
    doc.body.classList.toggle("searching", words.length > 0);
    if (!words.length) {
      items.forEach(function (it) { it.el.classList.remove("hidden-by-search"); });
      all(".no-match").forEach(function (el) { el.classList.remove("shown"); });
      searchCount.textContent = query ? "Type " + MIN_WORD + " letters or more" : "";
      return;
    }
    var re = new RegExp(words.map(escapeRe).join("|"), "gi");
    var found = {}, total = 0, matched = 0, marked = 0;
    items.forEach(function (it) {
      it.match = words.every(function (w) { return it.text.indexOf(w) >= 0; });
      matchOf.set(it.el, it.match);
    });
    items.forEach(function (it) {
      var el = it.el;
      var show = it.match;
      if (it.kind === "actor") {
        // an actor card stays when its name matches or one of its quotes does
        show = show || all("[data-search=quote]", el).some(function (q) { return matchOf.get(q); });
      } else if (it.kind === "quote") {
        var card = el.closest("[data-search=actor]");
        show = it.match || Boolean(card && matchOf.get(card));
      }
      el.classList.toggle("hidden-by-search", !show);
      if (el.classList.contains("hidden-by-filter")) { return; }
      total += 1;
      if (it.match) {
        matched += 1;
        found[it.kind] = (found[it.kind] || 0) + 1;
        if (marked < MAX_MARKED) { highlight(it.part, re); marked += 1; }
      }
    });
    all(".chart").forEach(function (chart) {
      var any = all("[data-search=figure]", chart).some(function (r) { return !r.classList.contains("hidden-by-search"); });
      var named = words.every(function (w) { return chart.querySelector("h3").textContent.toLowerCase().indexOf(w) >= 0; });
      if (named) { all("[data-search=figure]", chart).forEach(function (r) { r.classList.remove("hidden-by-search"); }); }
      chart.classList.toggle("hidden-by-search", !(any || named));
    });
    hits = all("mark.hit");
    hits.forEach(function (m) { openAround(m); });
    all(".no-match").forEach(function (el) {
      var section = el.closest("section");
      el.classList.toggle("shown", !all("mark.hit", section).length);
    });
    // the kinds in KINDS' order, then any other [data-search] kind a page adds
    var kinds = Object.keys(KINDS).concat(Object.keys(found).filter(function (k) { return !KINDS[k]; }));
    var parts = kinds.filter(function (k) { return found[k]; }).map(function (k) {
      var names = KINDS[k] || [k, k + "s"];
      return found[k] + " " + names[found[k] === 1 ? 0 : 1];
    });
    searchCount.textContent = matched + " of " + total + " match" + (parts.length ? ": " + parts.join(", ") : "") +
      (matched > marked ? " (words highlighted in the first " + marked + ")" : "");
  }
  function step(by) {
    hits = hits.filter(function (m) { return m.isConnected && m.getClientRects().length; });
    if (!hits.length) { return; }
    if (current >= 0 && hits[current]) { hits[current].classList.remove("current"); }
    current = (current + by + hits.length) % hits.length;
    hits[current].classList.add("current");
    hits[current].scrollIntoView({block: "center"});
  }
  var timer = null;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, items.length > 400 ? 150 : 60);
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      clearTimeout(timer);
      if (box.value !== searched) { search(); }
      step(ev.shiftKey ? -1 : 1);
    }
    else if (ev.key === "Escape") { box.value = ""; search(); }
  });
  byId("search-next").addEventListener("click", function () { step(1); });
  byId("search-prev").addEventListener("click", function () { step(-1); });
  doc.addEventListener("keydown", function (ev) {
    var tag = (ev.target.tagName || "").toLowerCase();
    if (ev.key === "/" && !ev.ctrlKey && !ev.metaKey && tag !== "input" && tag !== "select" && tag !== "textarea") {
      ev.preventDefault();
      box.focus();
      box.select();
    }
  });

  /* --- print: every entry, quote and list open while printing ------------------------ */
  var printOpened = [];
  function beforePrint() {
    if (printOpened.length) { return; }
    all("details:not([open])").forEach(function (d) { d.open = true; printOpened.push(d); });
  }
  function afterPrint() {
    printOpened.forEach(function (d) { d.open = false; });
    printOpened = [];
  }
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  var printMedia = window.matchMedia("print");
  // (media changes arrive late: read the state when the event comes, not the event's)
  printMedia.addEventListener("change", function () { if (printMedia.matches) { beforePrint(); } else { afterPrint(); } });

  if (!view) { byId("zoom-in").parentNode.hidden = true; }  // no dates, nothing to zoom
  applyFilters();
  var linked = revealHash(location.hash);  // a link into the page, now paged in
  if (linked) { linked.scrollIntoView({block: "start"}); }
}());
