/* timeline export --format html: the interactive chart over the server-rendered list.
 * Reads the JSON payload from #timeline-data (null, false and [] members are left out of it,
 * and startKind/endKind when 'date'); every string from it is set as text
 * (textContent / createTextNode), never parsed as markup. No network, no eval. */
(function () {
  'use strict';

  var scriptStart = performance.now();
  var doc = document;
  var byId = function (id) { return doc.getElementById(id); };

  var data;
  try {
    data = JSON.parse(byId('timeline-data').textContent);
  } catch (err) {
    return; // the list is still there
  }
  var events = data.events || [];
  var partnerships = data.partnerships || [];
  var N = events.length;

  // ---------------------------------------------------------------- constants
  var MARK_LIMIT = 2500;      // above this many events starting or ending in view, draw counts per period instead
  var CROSS_H = 20;           // the strip counting long events that span the whole view
  var ROW_H = 24;             // height of one row of marks
  var LANE_HEAD = 24;         // lane title strip
  var BAND_H = 22;            // partnership band
  var MAX_ROWS = 12;          // rows per lane before labels give way
  var MAX_LANES = 40;         // further actors/kinds fold into "Other"
  var STUB_PX = 36;           // length drawn for an unknown start or end
  var MIN_SPAN = 2;           // days
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // ---------------------------------------------------------------- helpers
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function txt(s) { return doc.createTextNode(String(s)); }
  function fmtInt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

  // Same rule as the server-rendered list: a link only for http:, https: and mailto:
  // URLs holding no whitespace or control characters.
  function safeURL(u) {
    return typeof u === 'string' && /^(https?:\/\/|mailto:)[^\u0000-\u0020\u007f]+$/i.test(u);
  }
  function safeLang(l) {
    return typeof l === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(l);
  }

  // Days since 1970-01-01 for a proleptic Gregorian "YYYY-MM-DD" (any year, sign allowed).
  function dayNumber(s) {
    if (typeof s !== 'string') return null;
    var m = /^([+-]?\d+)-(\d\d)-(\d\d)$/.exec(s);
    if (!m) return null;
    var y = parseInt(m[1], 10), mo = +m[2], d = +m[3];
    return daysFromCivil(y, mo, d);
  }
  function daysFromCivil(y, mo, d) {
    y -= mo <= 2 ? 1 : 0;
    var era = Math.floor(y / 400);
    var yoe = y - era * 400;
    var doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }
  function civil(z) {
    z = Math.floor(z) + 719468;
    var era = Math.floor(z / 146097);
    var doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var m = mp < 10 ? mp + 3 : mp - 9;
    return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m: m, d: d };
  }

  var today = dayNumber(data.today);

  // ---------------------------------------------------------------- geometry
  // For each date: where it is drawn (a0..a1 in days, a1 exclusive) and how.
  function geometry(date) {
    var g = { a0: 0, a1: 1, point: false, openStart: false, openEnd: false, unknownStart: false, unknownEnd: false,
      uncertain: !!(date && date.uncertain), approx: !!(date && date.approximate), s: null, e: null };
    if (!date) return g;
    var s = dayNumber(date.start);
    var e = dayNumber(date.end);
    g.s = s; g.e = e === null ? null : e + 1;
    g.openStart = date.startKind === 'open' || (s === null && date.startKind !== 'unknown');
    g.unknownStart = s === null && date.startKind === 'unknown';
    g.openEnd = date.endKind === 'open';
    g.unknownEnd = e === null && date.endKind === 'unknown';
    if (g.openEnd && e === null && s !== null) g.e = null;
    g.point = s !== null && e !== null && s === e && date.precision === 'day' &&
      date.startKind !== 'open' && date.endKind !== 'open';
    if (s === null && e === null) { s = today; e = today; g.s = s; g.e = e + 1; }
    g.a0 = s !== null ? s : (g.e - 1);
    g.a1 = g.e !== null ? g.e : (g.openEnd ? Math.max(today + 1, g.a0 + 1) : g.a0 + 1);
    return g;
  }

  var geo = new Array(N);
  var minDay = Infinity, maxDay = -Infinity, anyOpen = false;
  for (var i = 0; i < N; i++) {
    var g = geometry(events[i].date);
    geo[i] = g;
    if (g.a0 < minDay) minDay = g.a0;
    if (g.a1 > maxDay) maxDay = g.a1;
    if (g.openEnd) anyOpen = true;
  }
  var pById = Object.create(null);
  var pGeo = partnerships.map(function (p, k) {
    pById[p.id] = k;
    var pg = geometry(p.date);
    if (p.date) {
      if (pg.a0 < minDay) minDay = pg.a0;
      if (pg.a1 > maxDay) maxDay = pg.a1;
      if (pg.openEnd) anyOpen = true;
    }
    return pg;
  });
  if (!isFinite(minDay)) { minDay = today - 365; maxDay = today + 1; }
  if (anyOpen) { minDay = Math.min(minDay, today); maxDay = Math.max(maxDay, today + 1); }
  if (maxDay - minDay < 30) { var mid = (minDay + maxDay) / 2; minDay = mid - 15; maxDay = mid + 15; }
  var pad = (maxDay - minDay) * 0.04;
  var full = { t0: minDay - pad, t1: maxDay + pad };

  // ---------------------------------------------------------------- lanes
  var laneMode = data.lanes || 'partnership';
  var lanes = [];   // {name, kind, partnership (index|null), entries: [event indices sorted by a0]}
  var eventLanes = new Array(N);

  function rankedLanes(keyOf, noneName, otherName) {
    var counts = Object.create(null), order = [];
    var keys = new Array(N);
    for (var i = 0; i < N; i++) {
      var ks = keyOf(events[i]);
      keys[i] = ks;
      for (var k = 0; k < ks.length; k++) {
        if (!(ks[k] in counts)) { counts[ks[k]] = 0; order.push(ks[k]); }
        counts[ks[k]]++;
      }
    }
    order.sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0); });
    var limit = order.length > MAX_LANES ? MAX_LANES - 1 : order.length;
    var index = Object.create(null);
    for (var j = 0; j < order.length; j++) {
      if (j < limit) { index[order[j]] = lanes.length; lanes.push({ name: order[j], entries: [] }); }
    }
    var other = -1, none = -1;
    for (i = 0; i < N; i++) {
      var ls = [];
      for (k = 0; k < keys[i].length; k++) {
        var li = index[keys[i][k]];
        if (li === undefined) {
          if (other < 0) { other = lanes.length; lanes.push({ name: otherName, other: true, entries: [] }); }
          li = other;
        }
        if (ls.indexOf(li) < 0) ls.push(li);
      }
      if (!ls.length) {
        if (none < 0) { none = -2; }
        ls.push(-2);
      }
      eventLanes[i] = ls;
    }
    if (none === -2) {
      none = lanes.length;
      lanes.push({ name: noneName, none: true, entries: [] });
      for (i = 0; i < N; i++) if (eventLanes[i][0] === -2) eventLanes[i][0] = none;
    }
  }

  if (laneMode === 'partnership') {
    partnerships.forEach(function (p, k) { lanes.push({ name: p.name, partnership: k, entries: [] }); });
    var noneLane = -1;
    for (var ei = 0; ei < N; ei++) {
      var pk = events[ei].partnership;
      if (pk !== null && pk !== undefined && pById[pk] !== undefined) {
        eventLanes[ei] = [pById[pk]];
      } else {
        if (noneLane < 0) { noneLane = lanes.length; lanes.push({ name: 'Events of no partnership', none: true, entries: [] }); }
        eventLanes[ei] = [noneLane];
      }
    }
  } else if (laneMode === 'actor') {
    rankedLanes(function (e) { return (e.actors || []).map(function (a) { return a.name; }); }, 'No actor', 'Other actors');
  } else if (laneMode === 'kind') {
    rankedLanes(function (e) { return e.kind ? [e.kind] : []; }, 'No kind', 'Other kinds');
  } else {
    lanes.push({ name: 'Events', entries: [] });
    for (var en = 0; en < N; en++) eventLanes[en] = [0];
  }
  for (var ej = 0; ej < N; ej++) {
    var ll = eventLanes[ej];
    for (var lk = 0; lk < ll.length; lk++) lanes[ll[lk]].entries.push(ej);
  }
  lanes.forEach(function (lane, k) {
    lane.index = k;
    lane.entries.sort(function (a, b) { return geo[a].a0 - geo[b].a0 || a - b; });
    lane.starts = new Float64Array(lane.entries.length);
    for (var j = 0; j < lane.entries.length; j++) lane.starts[j] = geo[lane.entries[j]].a0;
  });

  // ---------------------------------------------------------------- page chrome
  var title = typeof data.title === 'string' ? data.title : '';
  if (title) doc.title = title;
  var desc = doc.querySelector('.description');
  if (desc && !desc.textContent.trim()) desc.hidden = true;
  var chartSection = byId('chart-section');
  chartSection.hidden = false;
  var chart = byId('chart'), axisEl = byId('axis'), plot = byId('plot');
  var statusEl = byId('status');
  var listEl = doc.querySelector('ol.events');
  // A big timeline's list is in <noscript> (for readers without JavaScript): the same compact
  // items are built here from the data, in chunks once the chart is drawn.
  var listNoscript = listEl ? null : doc.querySelector('.list-section noscript');
  if (listNoscript) {
    listEl = el('ol', 'events events--compact');
    listNoscript.parentNode.insertBefore(listEl, listNoscript);
  }
  var listItems = listEl ? listEl.children : [];
  var listBuilt = listNoscript ? 0 : N;

  (function overview() {
    var parts = [fmtInt(N) + (N === 1 ? ' event' : ' events')];
    if (partnerships.length) parts.push(fmtInt(partnerships.length) + (partnerships.length === 1 ? ' partnership' : ' partnerships'));
    if (N) {
      var a = civil(minDay).y, b = civil(maxDay - 1).y;
      parts.push(a === b ? String(a) : a + '–' + b);
    }
    byId('overview').textContent = parts.join(' · ');
  })();

  // ---------------------------------------------------------------- legend
  (function legend() {
    var ul = byId('legend');
    function item(sampleCls, label, sampleText) {
      var li = el('li', 'legend-item');
      var s = el('span', 'legend-sample ' + sampleCls);
      s.setAttribute('aria-hidden', 'true');
      s.appendChild(el('span', 'shape'));
      if (sampleText) s.appendChild(el('span', 'qual', sampleText));
      li.appendChild(s);
      li.appendChild(el('span', 'legend-text', label));
      ul.appendChild(li);
    }
    item('mark mark--point', 'A day: a point');
    item('mark mark--bar', 'A month, season, year or decade: a bar over the whole span it may mean');
    item('mark mark--point is-uncertain', 'Uncertain date (?): dashed outline', '?');
    item('mark mark--bar is-approx', 'Approximate date (~, “c.”): faded edges', '~');
    item('mark mark--bar is-open-end', 'Open end (still going): fades into an arrow');
    item('mark mark--bar is-unknown-end', 'Unknown end: a dotted stop marked “?”');
    if (laneMode === 'partnership' && partnerships.length) item('band', 'A partnership over its span, with its events on its lane');
    item('today-sample', 'Today (' + (data.today || '') + ')');
    item('density-sample', 'Many events: the number of events in each period; zoom in to see them');
  })();

  // ---------------------------------------------------------------- filters
  var matched = new Uint8Array(N);
  var matchedCount = N;
  for (var mi = 0; mi < N; mi++) matched[mi] = 1;
  var hay = null;

  function fold(s) {
    return String(s).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  function haystack(e) {
    var parts = [e.title, e.kind, e.summary, e.date && e.date.display];
    (e.actors || []).forEach(function (a) { parts.push(a.name, a.role); });
    (e.tags || []).forEach(function (t) { parts.push(t); });
    if (e.partnership && pById[e.partnership] !== undefined) parts.push(partnerships[pById[e.partnership]].name);
    (e.quotes || []).forEach(function (q) { parts.push(q.speaker, q.role, q.text, q.translation); });
    (e.sources || []).forEach(function (s) { parts.push(s.title, s.publisher, s.url); });
    return fold(parts.filter(function (x) { return x; }).join(' \u0001 '));
  }

  var selActor = byId('find-actor'), selTag = byId('find-tag'), selKind = byId('find-kind'), textIn = byId('find-text');
  (function fillFilters() {
    var actors = Object.create(null), tags = Object.create(null), kinds = Object.create(null);
    for (var i = 0; i < N; i++) {
      var e = events[i];
      (e.actors || []).forEach(function (a) { actors[a.name] = (actors[a.name] || 0) + 1; });
      (e.tags || []).forEach(function (t) { tags[t] = (tags[t] || 0) + 1; });
      if (e.kind) kinds[e.kind] = (kinds[e.kind] || 0) + 1;
    }
    function fill(sel, counts) {
      var names = Object.keys(counts).sort(function (a, b) { return a.localeCompare(b); });
      var frag = doc.createDocumentFragment();
      names.forEach(function (n) {
        var o = el('option', null, n + ' (' + fmtInt(counts[n]) + ')');
        o.value = n;
        frag.appendChild(o);
      });
      sel.appendChild(frag);
      if (!names.length) sel.disabled = true;
    }
    fill(selActor, actors); fill(selTag, tags); fill(selKind, kinds);
  })();

  function applyFilters() {
    var q = fold(textIn.value.trim());
    var terms = q ? q.split(/\s+/) : [];
    var actor = selActor.value, tag = selTag.value, kind = selKind.value;
    if (terms.length && !hay) { hay = new Array(N); for (var h = 0; h < N; h++) hay[h] = haystack(events[h]); }
    var count = 0;
    for (var i = 0; i < N; i++) {
      var e = events[i], ok = true;
      if (kind && e.kind !== kind) ok = false;
      if (ok && actor) ok = (e.actors || []).some(function (a) { return a.name === actor; });
      if (ok && tag) ok = (e.tags || []).indexOf(tag) >= 0;
      for (var t = 0; ok && t < terms.length; t++) if (hay[i].indexOf(terms[t]) < 0) ok = false;
      matched[i] = ok ? 1 : 0;
      if (ok) count++;
      var li = listItems[i];
      if (li) {
        var was = li.classList.contains('is-filtered-out');
        if (was === ok) li.classList.toggle('is-filtered-out', !ok);
      }
    }
    matchedCount = count;
    updateStatus();
    if (current !== null && !matched[current]) current = null;
    schedule();
  }
  var filterTimer = 0;
  function onFilterInput() {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(applyFilters, N > 20000 ? 150 : 0);
  }
  textIn.addEventListener('input', onFilterInput);
  [selActor, selTag, selKind].forEach(function (s) { s.addEventListener('change', applyFilters); });
  byId('find').addEventListener('submit', function (ev) { ev.preventDefault(); applyFilters(); });
  byId('find').addEventListener('reset', function () { setTimeout(applyFilters, 0); });

  var lastMode = '';
  var lastCross = 0;
  function updateStatus(mode, cross) {
    if (mode) { lastMode = mode; lastCross = cross || 0; }
    var s = matchedCount === N
      ? 'Showing all ' + fmtInt(N) + (N === 1 ? ' event' : ' events')
      : 'Showing ' + fmtInt(matchedCount) + ' of ' + fmtInt(N) + ' events';
    if (lastMode === 'density') s += ' — as counts per period; zoom in to see each event';
    else if (lastCross) s += ' — ' + fmtInt(lastCross) + ' longer events that span the whole view are counted on their lanes';
    if (statusEl.textContent !== s) statusEl.textContent = s;
  }

  // ---------------------------------------------------------------- view
  var view = { t0: full.t0, t1: full.t1 };
  var width = 800;
  function pxPerDay() { return width / (view.t1 - view.t0); }
  function clampView(t0, t1) {
    var span = t1 - t0, fullSpan = full.t1 - full.t0;
    var maxSpan = fullSpan * 1.5;
    if (span < MIN_SPAN) { var c = (t0 + t1) / 2; t0 = c - MIN_SPAN / 2; t1 = c + MIN_SPAN / 2; span = MIN_SPAN; }
    if (span > maxSpan) { var c2 = (full.t0 + full.t1) / 2; t0 = c2 - maxSpan / 2; t1 = c2 + maxSpan / 2; span = maxSpan; }
    var lo = full.t0 - span * 0.5, hi = full.t1 + span * 0.5;
    if (t0 < lo) { t0 = lo; t1 = lo + span; }
    if (t1 > hi) { t1 = hi; t0 = hi - span; }
    view.t0 = t0; view.t1 = t1;
  }
  function zoomAt(factor, anchorDay) {
    if (anchorDay === undefined) anchorDay = (view.t0 + view.t1) / 2;
    var t0 = anchorDay - (anchorDay - view.t0) / factor;
    var t1 = anchorDay + (view.t1 - anchorDay) / factor;
    clampView(t0, t1);
    schedule();
  }
  function panBy(fraction) {
    var d = (view.t1 - view.t0) * fraction;
    clampView(view.t0 + d, view.t1 + d);
    schedule();
  }
  var anim = 0;
  function animateTo(t0, t1) {
    cancelAnimationFrame(anim);
    if (reducedMotion) { clampView(t0, t1); schedule(); return; }
    var s0 = view.t0, s1 = view.t1, start = performance.now(), dur = 220;
    function step(now) {
      var k = Math.min(1, (now - start) / dur);
      k = 1 - Math.pow(1 - k, 3);
      clampView(s0 + (t0 - s0) * k, s1 + (t1 - s1) * k);
      render();
      if (k < 1) anim = requestAnimationFrame(step);
    }
    anim = requestAnimationFrame(step);
  }
  function fit() { animateTo(full.t0, full.t1); }
  function zoomButton(factor) {
    var c = (view.t0 + view.t1) / 2, half = (view.t1 - view.t0) / 2 / factor;
    animateTo(c - half, c + half);
  }
  byId('zoom-in').addEventListener('click', function () { zoomButton(2); });
  byId('zoom-out').addEventListener('click', function () { zoomButton(0.5); });
  byId('zoom-fit').addEventListener('click', fit);

  // ---------------------------------------------------------------- axis ticks
  var STEPS = [
    { u: 'd', n: 1, days: 1, min: 26 }, { u: 'd', n: 7, days: 7, min: 26 },
    { u: 'm', n: 1, days: 30.44, min: 38 }, { u: 'm', n: 3, days: 91.3, min: 38 }, { u: 'm', n: 6, days: 182.6, min: 38 },
    { u: 'y', n: 1, days: 365.25, min: 46 }, { u: 'y', n: 2, days: 730.5, min: 46 }, { u: 'y', n: 5, days: 1826, min: 46 },
    { u: 'y', n: 10, days: 3652, min: 54 }, { u: 'y', n: 20, days: 7305, min: 54 }, { u: 'y', n: 50, days: 18262, min: 54 },
    { u: 'y', n: 100, days: 36525, min: 60 }, { u: 'y', n: 500, days: 182625, min: 60 }, { u: 'y', n: 1000, days: 365250, min: 60 }
  ];
  function chooseStep() {
    var ppd = pxPerDay();
    for (var k = 0; k < STEPS.length; k++) if (STEPS[k].days * ppd >= STEPS[k].min) return STEPS[k];
    return STEPS[STEPS.length - 1];
  }
  function yearLabel(y, n) {
    if (n >= 100 && y % 100 === 0) return y + 's';
    if (n >= 10 && y % 10 === 0) return y + 's';
    return y < 0 ? (-y) + ' BCE' : String(y);
  }
  // Tick boundaries (day numbers) covering [t0, t1], with labels; major ticks one level up.
  function ticks(step, t0, t1) {
    var out = [], c = civil(t0), guard = 0;
    if (step.u === 'y') {
      var y = Math.floor(c.y / step.n) * step.n;
      for (; guard++ < 500; y += step.n) {
        var d = daysFromCivil(y, 1, 1);
        if (d > t1) break;
        out.push({ t: d, end: daysFromCivil(y + step.n, 1, 1), label: yearLabel(y, step.n) });
      }
    } else if (step.u === 'm') {
      var mi = c.y * 12 + (c.m - 1);
      mi = Math.floor(mi / step.n) * step.n;
      for (; guard++ < 500; mi += step.n) {
        var yy = Math.floor(mi / 12), mm = mi - yy * 12 + 1;
        var dm = daysFromCivil(yy, mm, 1);
        if (dm > t1) break;
        var mi2 = mi + step.n, y2 = Math.floor(mi2 / 12);
        out.push({ t: dm, end: daysFromCivil(y2, mi2 - y2 * 12 + 1, 1),
          label: step.n === 1 ? MONTHS[mm - 1] : (step.n === 3 ? 'Q' + ((mm - 1) / 3 + 1) : MONTHS[mm - 1]),
          major: mm === 1 ? String(yy) : null, y: yy });
      }
    } else {
      var first = step.n === 1 ? Math.floor(t0) : daysFromCivil(c.y, c.m, 1);
      for (var dd = first; guard++ < 800 && dd <= t1;) {
        var cc = civil(dd);
        var next = dd + step.n;
        if (step.n === 7) {
          var nd = cc.d + 7;
          if (nd > 22) { var nm = cc.m === 12 ? 1 : cc.m + 1; next = daysFromCivil(cc.m === 12 ? cc.y + 1 : cc.y, nm, 1); }
        }
        if (next > t0) out.push({ t: dd, end: next, label: String(cc.d), major: cc.d === 1 ? MONTHS[cc.m - 1] + ' ' + cc.y : null, y: cc.y, m: cc.m });
        dd = next;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- rendering
  var laneEls = [];
  var markCache = new Map();   // key lane*N+i -> element
  var liveMarks = new Set();
  var gridEls = [];
  var todayEl = null;
  var current = null;          // event index holding the chart's tab stop
  var currentLane = 0;
  var selected = null;         // {type:'event'|'partnership', index}
  var pending = false;

  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; render(); });
  }

  function buildLanes() {
    var frag = doc.createDocumentFragment();
    lanes.forEach(function (lane, k) {
      var le = el('div', 'lane lane--c' + (k % 8) + (lane.none || lane.other ? ' lane--rest' : ''));
      le.setAttribute('role', 'group');
      var head = el('div', 'lane-head');
      var hid = 'lane-' + k + '-name';
      var name = el('span', 'lane-name', lane.name);
      name.id = hid;
      head.appendChild(name);
      var cnt = el('span', 'lane-count');
      head.appendChild(cnt);
      le.setAttribute('aria-labelledby', hid);
      le.appendChild(head);
      var track = el('div', 'lane-track');
      le.appendChild(track);
      if (lane.partnership !== undefined) {
        var p = partnerships[lane.partnership];
        var band = el('button', 'band');
        band.type = 'button';
        band.tabIndex = -1;
        band.setAttribute('aria-label', 'Partnership: ' + p.name + (p.date ? ', ' + p.date.display : '') + ', ' + (p.status || 'unknown'));
        band.dataset.p = String(lane.partnership);
        var pg = pGeo[lane.partnership];
        if (pg.uncertain) band.classList.add('is-uncertain');
        if (pg.approx) band.classList.add('is-approx');
        if (pg.openEnd) band.classList.add('is-open-end');
        if (pg.unknownEnd) band.classList.add('is-unknown-end');
        if (pg.openStart || pg.unknownStart) band.classList.add('is-open-start');
        band.appendChild(el('span', 'shape'));
        var bl = el('span', 'band-label', (p.status && p.status !== 'unknown' ? p.status : '') );
        band.appendChild(bl);
        if (!p.date) band.hidden = true;
        track.appendChild(band);
        lane.band = band;
      }
      lane.el = le; lane.track = track; lane.countEl = cnt;
      frag.appendChild(le);
    });
    plot.appendChild(frag);
    todayEl = el('div', 'today-line');
    todayEl.appendChild(el('span', 'today-label', 'Today'));
    plot.appendChild(todayEl);
  }

  function markFor(lane, i) {
    var key = lane.index * N + i;
    var m = markCache.get(key);
    if (m) return m;
    var e = events[i], g = geo[i];
    m = doc.createElement('button');
    m.type = 'button';
    m.tabIndex = -1;
    var cls = 'mark ' + (g.point ? 'mark--point' : 'mark--bar');
    if (g.uncertain) cls += ' is-uncertain';
    if (g.approx) cls += ' is-approx';
    if (g.openEnd) cls += ' is-open-end';
    if (g.unknownEnd) cls += ' is-unknown-end';
    if (g.openStart || g.unknownStart) cls += ' is-open-start';
    m.className = cls;
    m.dataset.i = String(i);
    m.dataset.lane = String(lane.index);
    var shape = el('span', 'shape');
    m.appendChild(shape);
    var q = (g.approx ? '~' : '') + (g.uncertain ? '?' : '');
    if (q) m.appendChild(el('span', 'qual', q));
    m.appendChild(el('span', 'label', e.title || 'Untitled'));
    m.setAttribute('aria-label', (e.title || 'Untitled') + ', ' + (e.date ? e.date.display : 'undated'));
    m._shape = shape;
    m._labelW = Math.min(340, 14 + (e.title ? e.title.length : 8) * 6.6) + (q ? 14 : 0);
    markCache.set(key, m);
    return m;
  }

  function firstAtOrAfter(arr, v) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < v) lo = mid + 1; else hi = mid; }
    return lo;
  }

  var densityEls = [];
  function render() {
    width = Math.max(200, plot.clientWidth || chart.clientWidth || 800);
    var t0 = view.t0, t1 = view.t1, ppd = pxPerDay();
    var X = function (t) { return (t - t0) * ppd; };
    var step = chooseStep();
    var tk = ticks(step, t0, t1);
    renderAxis(step, tk, X);

    // how many marks are in view? Only events that start or end in view decide between marks and
    // counts: long and open spans that merely cross the view would otherwise keep a big timeline in
    // counts however far it is zoomed in. When there are many of those, they are counted in a strip
    // on their lane (crossLayer) instead of each drawn as a mark.
    var margin = 300 / ppd; // labels reach right of their mark
    var total = 0, crossing = 0;
    for (var k = 0; k < lanes.length; k++) {
      var lane = lanes[k];
      var hiIdx = firstAtOrAfter(lane.starts, t1);
      lane.hiIdx = hiIdx;
      lane.cross = 0;
      total += hiIdx; // upper bound; refined below only if needed
    }
    var density = false, crossLayer = false;
    if (total > MARK_LIMIT) {
      total = 0;
      for (k = 0; k < lanes.length && total <= MARK_LIMIT; k++) {
        var L = lanes[k];
        for (var j = 0; j < L.hiIdx; j++) {
          var ii = L.entries[j];
          if (!matched[ii]) continue;
          var gg = geo[ii];
          if (gg.a1 < t0 - margin) continue;
          if (gg.a0 < t0 - margin && gg.a1 > t1) { L.cross++; crossing++; } else total++;
        }
      }
      density = total > MARK_LIMIT;
      crossLayer = !density && total + crossing > MARK_LIMIT;
    }
    chart.classList.toggle('is-density', density);
    updateStatus(density ? 'density' : 'marks', crossLayer ? crossing : 0);

    var seen = new Set();
    for (k = 0; k < lanes.length; k++) {
      if (density) renderDensity(lanes[k], tk, X, t0, t1);
      else renderLaneMarks(lanes[k], X, t0, t1, ppd, margin, seen, crossLayer);
      placeCross(lanes[k], crossLayer && !density ? lanes[k].cross : 0);
    }
    if (density) { seen = new Set(); }
    else clearDensity();
    liveMarks.forEach(function (m) { if (!seen.has(m)) { if (m.parentNode) m.parentNode.removeChild(m); } });
    liveMarks = seen;

    // grid and today
    var plotH = plot.scrollHeight;
    renderGrid(tk, X, plotH);
    var tx = X(today + 0.5);
    if (today !== null && tx >= 0 && tx <= width) {
      todayEl.hidden = false;
      todayEl.style.transform = 'translateX(' + tx.toFixed(1) + 'px)';
      todayEl.style.height = plotH + 'px';
    } else todayEl.hidden = true;
    updateTabStop();
  }

  function renderAxis(step, tk, X) {
    var frag = doc.createDocumentFragment();
    var lastMajorX = -1e9;
    var majors = [];
    tk.forEach(function (t, idx) {
      var x = X(t.t);
      var tick = el('div', 'tick');
      tick.style.transform = 'translateX(' + x.toFixed(1) + 'px)';
      var w = X(t.end) - x;
      var lab = el('span', 'tick-label', t.label);
      if (w > 0) lab.style.width = Math.max(0, w).toFixed(0) + 'px';
      tick.appendChild(lab);
      frag.appendChild(tick);
      if (t.major) majors.push({ x: x, label: t.major });
    });
    // context label (the year or month at the left edge)
    if (step.u !== 'y' && tk.length) {
      var c = civil(view.t0);
      var ctx = step.u === 'm' ? String(c.y) : MONTHS[c.m - 1] + ' ' + c.y;
      if (!majors.length || majors[0].x > 90) majors.unshift({ x: 0, label: ctx, ctx: true });
    }
    majors.forEach(function (m) {
      if (m.x - lastMajorX < 70) return;
      lastMajorX = m.x;
      var mj = el('div', 'tick-major' + (m.ctx ? ' is-context' : ''), m.label);
      mj.style.transform = 'translateX(' + Math.max(0, m.x).toFixed(1) + 'px)';
      frag.appendChild(mj);
    });
    var tdx = X(today + 0.5);
    if (today !== null && tdx >= 0 && tdx <= width) {
      var tl = el('div', 'today-tick');
      tl.style.transform = 'translateX(' + tdx.toFixed(1) + 'px)';
      frag.appendChild(tl);
    }
    axisEl.textContent = '';
    axisEl.appendChild(frag);
    axisEl.classList.toggle('has-major', step.u !== 'y');
  }

  function renderGrid(tk, X, h) {
    while (gridEls.length < tk.length) {
      var gl = el('div', 'grid-line');
      plot.insertBefore(gl, plot.firstChild);
      gridEls.push(gl);
    }
    for (var k = 0; k < gridEls.length; k++) {
      var g = gridEls[k];
      if (k < tk.length) {
        g.hidden = false;
        g.style.transform = 'translateX(' + X(tk[k].t).toFixed(1) + 'px)';
        g.style.height = h + 'px';
        g.classList.toggle('is-major', !!tk[k].major);
      } else g.hidden = true;
    }
  }

  function placeCross(lane, n) {
    if (!n) { if (lane.crossEl) lane.crossEl.hidden = true; return; }
    if (!lane.crossEl) {
      lane.crossEl = el('div', 'span-cross');
      lane.track.appendChild(lane.crossEl);
    }
    var bandOffset = lane.band && !lane.band.hidden ? BAND_H + 6 : 0;
    lane.crossEl.hidden = false;
    lane.crossEl.style.transform = 'translateY(' + bandOffset + 'px)';
    var text = fmtInt(n) + (n === 1 ? ' longer event spans' : ' longer events span') + ' this whole period; zoom out to see them';
    if (lane.crossEl.textContent !== text) lane.crossEl.textContent = text;
  }

  function renderLaneMarks(lane, X, t0, t1, ppd, margin, seen, crossLayer) {
    var rowEnd = [];
    var bandOffset = (lane.band && !lane.band.hidden ? BAND_H + 6 : 0) + (crossLayer && lane.cross ? CROSS_H : 0);
    if (lane.band && !lane.band.hidden) placeBand(lane, X);
    var shown = 0;
    var track = lane.track;
    for (var j = 0; j < lane.hiIdx; j++) {
      var i = lane.entries[j];
      if (!matched[i]) continue;
      var g = geo[i];
      if (g.a1 < t0 - margin) continue;
      if (crossLayer && g.a0 < t0 - margin && g.a1 > t1) continue; // counted in the lane's strip
      var x0, x1;
      if (g.point) { x0 = X(g.a0 + 0.5) - 6; x1 = x0 + 12; }
      else {
        x0 = X(g.a0); x1 = X(g.a1);
        if (g.unknownEnd) x1 = x0 + STUB_PX;
        if (g.s === null) x0 = x1 - STUB_PX;
        if (x1 - x0 < 4) x1 = x0 + 4;
      }
      var m = markFor(lane, i);
      var labelW = m._labelW;
      var reach = x1 + 4 + labelW;
      if (reach < 0) continue;
      var row = -1;
      for (var r = 0; r < rowEnd.length; r++) if (rowEnd[r] <= x0) { row = r; break; }
      var noLabel = false;
      if (row < 0) {
        if (rowEnd.length < MAX_ROWS) { row = rowEnd.length; rowEnd.push(0); }
        else {
          row = 0;
          for (r = 1; r < rowEnd.length; r++) if (rowEnd[r] < rowEnd[row]) row = r;
          noLabel = true;
        }
      }
      rowEnd[row] = noLabel ? Math.max(rowEnd[row], x1 + 2) : reach + 8;
      m.classList.toggle('no-label', noLabel);
      var y = bandOffset + row * ROW_H;
      m.style.transform = 'translate(' + x0.toFixed(1) + 'px,' + y + 'px)';
      m._shape.style.width = (x1 - x0).toFixed(1) + 'px';
      m.classList.toggle('is-selected', !!(selected && selected.type === 'event' && selected.index === i));
      if (m.parentNode !== track) track.appendChild(m);
      seen.add(m);
      shown++;
    }
    var rows = Math.max(1, rowEnd.length);
    var h = bandOffset + rows * ROW_H + 6;
    if (lane._h !== h) { lane.track.style.height = h + 'px'; lane._h = h; }
    var cntText = laneCountText(lane);
    if (lane.countEl.textContent !== cntText) lane.countEl.textContent = cntText;
    lane.shown = shown;
  }

  function laneCountText(lane) {
    var c = 0;
    for (var j = 0; j < lane.entries.length; j++) if (matched[lane.entries[j]]) c++;
    if (lane.partnership !== undefined) {
      var p = partnerships[lane.partnership];
      var bits = [];
      if (p.date) bits.push(p.date.display);
      bits.push(fmtInt(c) + (c === 1 ? ' event' : ' events'));
      return bits.join(' · ');
    }
    return fmtInt(c) + (c === 1 ? ' event' : ' events');
  }

  function placeBand(lane, X) {
    var pg = pGeo[lane.partnership];
    var x0 = X(pg.a0), x1 = X(pg.a1);
    if (pg.unknownEnd) x1 = x0 + STUB_PX * 2;
    if (pg.s === null) x0 = x1 - STUB_PX * 2;
    var vx0 = Math.max(x0, -20), vx1 = Math.min(x1, width + 20);
    if (vx1 < vx0 + 4) vx1 = vx0 + 4;
    lane.band.style.transform = 'translateX(' + vx0.toFixed(1) + 'px)';
    lane.band._w = vx1 - vx0;
    lane.band.firstChild.style.width = (vx1 - vx0).toFixed(1) + 'px';
    lane.band.classList.toggle('clip-start', x0 < -20);
    lane.band.classList.toggle('clip-end', x1 > width + 20);
    lane.band.classList.toggle('is-selected', !!(selected && selected.type === 'partnership' && selected.index === lane.partnership));
  }

  function clearDensity() {
    densityEls.forEach(function (d) { if (d.parentNode) d.parentNode.removeChild(d); });
    densityEls = [];
  }

  function renderDensity(lane, tk, X, t0, t1) {
    if (lane === lanes[0]) clearDensity();
    var bandOffset = lane.band && !lane.band.hidden ? BAND_H + 6 : 0;
    if (lane.band && !lane.band.hidden) placeBand(lane, X);
    var counts = new Array(tk.length), max = 0;
    for (var b = 0; b < tk.length; b++) {
      var lo = firstAtOrAfter(lane.starts, tk[b].t), hi = firstAtOrAfter(lane.starts, tk[b].end), c = 0;
      for (var j = lo; j < hi; j++) if (matched[lane.entries[j]]) c++;
      counts[b] = c;
      if (c > max) max = c;
    }
    var H = 48;
    var frag = doc.createDocumentFragment();
    for (b = 0; b < tk.length; b++) {
      if (!counts[b]) continue;
      var x0 = X(tk[b].t), x1 = X(tk[b].end);
      var cell = el('div', 'density-cell');
      var hh = Math.max(3, Math.round(H * Math.sqrt(counts[b] / max)));
      cell.style.transform = 'translate(' + (x0 + 1).toFixed(1) + 'px,' + (bandOffset + H - hh) + 'px)';
      cell.style.width = Math.max(2, x1 - x0 - 2).toFixed(1) + 'px';
      cell.style.height = hh + 'px';
      cell.dataset.t0 = String(tk[b].t);
      cell.dataset.t1 = String(tk[b].end);
      if (x1 - x0 > 30) {
        var lab = el('span', 'density-count', fmtInt(counts[b]));
        cell.appendChild(lab);
      }
      frag.appendChild(cell);
      densityEls.push(cell);
    }
    lane.track.appendChild(frag);
    var h = bandOffset + H + 20;
    if (lane._h !== h) { lane.track.style.height = h + 'px'; lane._h = h; }
    var cntText = laneCountText(lane);
    if (lane.countEl.textContent !== cntText) lane.countEl.textContent = cntText;
  }

  // ---------------------------------------------------------------- keyboard tab stop
  function updateTabStop() {
    var want = null;
    if (current !== null) want = markCache.get(currentLane * N + current);
    if (!want || !want.parentNode || !liveMarks.has(want)) {
      // first visible mark, in timeline order
      var best = null, bestI = Infinity;
      liveMarks.forEach(function (m) {
        var i = +m.dataset.i;
        if (i < bestI) { bestI = i; best = m; }
      });
      want = best;
    }
    liveMarks.forEach(function (m) { var t = m === want ? 0 : -1; if (m.tabIndex !== t) m.tabIndex = t; });
  }

  function visibleRange() { return [view.t0, view.t1]; }

  function ensureVisible(i) {
    var g = geo[i], span = view.t1 - view.t0;
    var a = g.point ? g.a0 : g.a0, b = g.point ? g.a0 + 1 : Math.min(g.a1, g.a0 + span * 0.6);
    var m = span * 0.1;
    if (a < view.t0 + m || b > view.t1 - m) {
      var c = (a + b) / 2;
      clampView(c - span / 2, c + span / 2);
    }
  }

  function focusEvent(i, laneIdx) {
    current = i;
    currentLane = laneIdx !== undefined ? laneIdx : eventLanes[i][0];
    ensureVisible(i);
    render();
    var m = markCache.get(currentLane * N + i);
    if (m && m.parentNode) { m.tabIndex = 0; m.focus({ preventScroll: false }); }
    else if (chart.classList.contains('is-density')) {
      // too many events in view: zoom in around the event until it is drawn
      for (var z = 0; z < 12 && !(m && m.parentNode); z++) {
        var c = geo[i].a0;
        var half = (view.t1 - view.t0) / 4;
        clampView(c - half, c + half);
        render();
        m = markCache.get(currentLane * N + i);
      }
      if (m && m.parentNode) { m.tabIndex = 0; m.focus(); }
    }
  }

  function nextMatched(i, dir) {
    for (var k = i + dir; k >= 0 && k < N; k += dir) if (matched[k]) return k;
    return -1;
  }

  function laneNeighbour(i, laneIdx, dir) {
    // nearest event in time in the next lane (up or down) that has one matched
    var t = geo[i].a0;
    for (var l = laneIdx + dir; l >= 0 && l < lanes.length; l += dir) {
      var lane = lanes[l], best = -1, bestD = Infinity;
      var p = firstAtOrAfter(lane.starts, t);
      for (var d = 0; d < 400; d++) {
        var cands = [p + d, p - 1 - d], any = false;
        for (var c = 0; c < 2; c++) {
          var j = cands[c];
          if (j < 0 || j >= lane.entries.length) continue;
          any = true;
          var e = lane.entries[j];
          if (!matched[e]) continue;
          var dist = Math.abs(lane.starts[j] - t);
          if (dist < bestD) { bestD = dist; best = e; }
        }
        if (best >= 0 || !any) break;
      }
      if (best >= 0) return [best, l];
    }
    return null;
  }

  // ---------------------------------------------------------------- input
  chart.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var target = ev.target;
    var onMark = target.classList && target.classList.contains('mark');
    var key = ev.key, handled = true;
    if (key === '+' || key === '=') {
      if (onMark) zoomAt(2, geo[+target.dataset.i].a0 + 0.5); else zoomButton(2);
    } else if (key === '-' || key === '_') {
      if (onMark) zoomAt(0.5, geo[+target.dataset.i].a0 + 0.5); else zoomButton(0.5);
    } else if (key === '0') {
      fit();
    } else if (onMark && (key === 'ArrowRight' || key === 'ArrowLeft')) {
      var n = nextMatched(+target.dataset.i, key === 'ArrowRight' ? 1 : -1);
      if (n >= 0) {
        var ls = eventLanes[n];
        var tl = ls.indexOf(+target.dataset.lane) >= 0 ? +target.dataset.lane : ls[0];
        focusEvent(n, tl);
      }
    } else if (onMark && (key === 'ArrowDown' || key === 'ArrowUp')) {
      var nb = laneNeighbour(+target.dataset.i, +target.dataset.lane, key === 'ArrowDown' ? 1 : -1);
      if (nb) focusEvent(nb[0], nb[1]);
    } else if (onMark && (key === 'Home' || key === 'End')) {
      var f = key === 'Home' ? nextMatched(-1, 1) : nextMatched(N, -1);
      if (f >= 0) focusEvent(f);
    } else if (!onMark && (key === 'ArrowRight' || key === 'ArrowLeft')) {
      panBy((key === 'ArrowRight' ? 1 : -1) * (ev.shiftKey ? 0.5 : 0.1));
    } else if (!onMark && key === 'Home') {
      clampView(full.t0, full.t0 + (view.t1 - view.t0)); schedule();
    } else if (!onMark && key === 'End') {
      clampView(full.t1 - (view.t1 - view.t0), full.t1); schedule();
    } else handled = false;
    if (handled) ev.preventDefault();
  });

  chart.addEventListener('click', function (ev) {
    var t = ev.target.closest ? ev.target.closest('.mark, .band, .density-cell') : null;
    if (!t || moved) return;
    if (t.classList.contains('mark')) {
      current = +t.dataset.i; currentLane = +t.dataset.lane;
      openEvent(+t.dataset.i, t);
    } else if (t.classList.contains('band')) {
      openPartnership(+t.dataset.p, t);
    } else {
      animateTo(+t.dataset.t0, +t.dataset.t1);
    }
  });
  chart.addEventListener('focusin', function (ev) {
    var t = ev.target;
    if (t.classList && t.classList.contains('mark')) { current = +t.dataset.i; currentLane = +t.dataset.lane; }
  });

  chart.addEventListener('wheel', function (ev) {
    var rect = plot.getBoundingClientRect();
    var anchor = view.t0 + (ev.clientX - rect.left) / pxPerDay();
    var dx = ev.deltaX, dy = ev.deltaY;
    if (ev.deltaMode === 1) { dx *= 16; dy *= 16; }
    if (Math.abs(dx) > Math.abs(dy) || ev.shiftKey) {
      panBy((ev.shiftKey && !dx ? dy : dx) / width);
    } else {
      zoomAt(Math.exp(-dy * (ev.ctrlKey ? 0.01 : 0.002)), anchor);
    }
    ev.preventDefault();
  }, { passive: false });

  // drag to pan, two pointers to pinch
  var pointers = new Map(), moved = false, dragStart = null;
  chart.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0 && ev.pointerType === 'mouse') return;
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    moved = false;
    dragStart = { x: ev.clientX, t0: view.t0, t1: view.t1 };
    if (pointers.size === 2) {
      var ps = Array.from(pointers.values());
      dragStart.dist = Math.abs(ps[0].x - ps[1].x) || 1;
      dragStart.mid = (ps[0].x + ps[1].x) / 2;
    }
  });
  chart.addEventListener('pointermove', function (ev) {
    if (!pointers.has(ev.pointerId) || !dragStart) return;
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    var rect = plot.getBoundingClientRect();
    var span0 = dragStart.t1 - dragStart.t0;
    if (pointers.size >= 2 && dragStart.dist) {
      var ps = Array.from(pointers.values());
      var dist = Math.abs(ps[0].x - ps[1].x) || 1, mid = (ps[0].x + ps[1].x) / 2;
      var span = span0 * dragStart.dist / dist;
      var anchor = dragStart.t0 + (dragStart.mid - rect.left) / width * span0;
      var nt0 = anchor - (mid - rect.left) / width * span;
      clampView(nt0, nt0 + span);
      moved = true;
      schedule();
    } else {
      var dx = ev.clientX - dragStart.x;
      if (!moved && Math.abs(dx) < 4) return;
      if (!moved) { try { chart.setPointerCapture(ev.pointerId); } catch (e) { /* ignore */ } }
      moved = true;
      chart.classList.add('is-dragging');
      var d = -dx / width * span0;
      clampView(dragStart.t0 + d, dragStart.t1 + d);
      schedule();
    }
  });
  function endPointer(ev) {
    pointers.delete(ev.pointerId);
    chart.classList.remove('is-dragging');
    if (pointers.size === 1) {
      var p = Array.from(pointers.values())[0];
      dragStart = { x: p.x, t0: view.t0, t1: view.t1 };
    } else if (!pointers.size) {
      dragStart = null;
      setTimeout(function () { moved = false; }, 0);
    }
  }
  chart.addEventListener('pointerup', endPointer);
  chart.addEventListener('pointercancel', endPointer);

  // ---------------------------------------------------------------- details panel
  var details = byId('details'), detailsBody = byId('details-body'), detailsHeading = byId('details-heading');
  var opener = null;

  function row(dl, term, valueNode) {
    dl.appendChild(el('dt', null, term));
    var dd = el('dd');
    dd.appendChild(typeof valueNode === 'string' ? txt(valueNode) : valueNode);
    dl.appendChild(dd);
  }
  function sourceNode(s) {
    var wrap = el('span', 'source');
    var label = s.title || s.url || s.id || 'Source';
    var cite = el('cite');
    if (safeURL(s.url)) {
      var a = el('a', null, label);
      a.href = s.url;
      a.rel = 'noopener noreferrer';
      cite.appendChild(a);
    } else {
      cite.appendChild(txt(label));
    }
    wrap.appendChild(cite);
    if (s.url && !safeURL(s.url) && s.title) wrap.appendChild(el('span', 'url', ' (' + s.url + ')'));
    if (s.publisher) wrap.appendChild(el('span', 'publisher', ', ' + s.publisher));
    if (s.published) wrap.appendChild(el('span', 'published', ', ' + s.published));
    if (s.locator) wrap.appendChild(el('span', 'locator', ': ' + s.locator));
    return wrap;
  }
  function sourcesList(list) {
    var ul = el('ul', 'sources');
    list.forEach(function (s) { var li = el('li'); li.appendChild(sourceNode(s)); ul.appendChild(li); });
    return ul;
  }
  function dateLine(date) {
    var p = el('p', 'when');
    if (!date) { p.textContent = 'Undated'; return p; }
    p.appendChild(el('span', 'when-display', date.display));
    var notes = [];
    if (date.approximate) notes.push('approximate');
    if (date.uncertain) notes.push('uncertain');
    var prec = { day: 'to the day', month: 'to the month', season: 'to the season', year: 'to the year', decade: 'to the decade', century: 'to the century' }[date.precision];
    // a kind left out of the data is 'date' (assets/page/README.md)
    if (prec && !(!date.startKind && !date.endKind && date.start === date.end)) notes.push('known ' + prec);
    if (date.endKind === 'open') notes.push('still going');
    if (date.endKind === 'unknown') notes.push('end unknown');
    if (date.startKind === 'unknown') notes.push('start unknown');
    if (notes.length) p.appendChild(el('span', 'when-note', ' (' + notes.join(', ') + ')'));
    return p;
  }
  function peopleList(list) {
    var ul = el('ul', 'actors');
    list.forEach(function (a) {
      var li = el('li', null, a.name);
      if (a.role) li.appendChild(el('span', 'role', ' (' + a.role + ')'));
      ul.appendChild(li);
    });
    return ul;
  }

  function openPanel(heading, body, from) {
    detailsHeading.textContent = heading;
    detailsBody.textContent = '';
    detailsBody.appendChild(body);
    details.hidden = false;
    chart.parentNode.classList.add('has-details');
    opener = from || null;
    detailsBody.scrollTop = 0;
    detailsHeading.focus();
    schedule();
  }
  function closePanel() {
    details.hidden = true;
    chart.parentNode.classList.remove('has-details');
    selected = null;
    schedule();
    if (opener && opener.isConnected) opener.focus();
    else chart.focus();
  }
  byId('details-close').addEventListener('click', closePanel);
  details.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { ev.preventDefault(); closePanel(); } });
  chart.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && !details.hidden) { ev.preventDefault(); closePanel(); }
  });

  function openEvent(i, from) {
    var e = events[i];
    selected = { type: 'event', index: i };
    var body = doc.createDocumentFragment();
    body.appendChild(dateLine(e.date));
    var dl = el('dl', 'facts');
    if (e.kind) row(dl, 'Kind', e.kind);
    if (e.partnership && pById[e.partnership] !== undefined) {
      var pk = pById[e.partnership];
      var pb = el('button', 'linkish', partnerships[pk].name);
      pb.type = 'button';
      pb.addEventListener('click', function () { openPartnership(pk, from); });
      row(dl, 'Partnership', pb);
    } else if (e.partnership) row(dl, 'Partnership', e.partnership);
    if (e.actors && e.actors.length) row(dl, 'Actors', peopleList(e.actors));
    if (e.tags && e.tags.length) {
      var tags = el('ul', 'tags');
      e.tags.forEach(function (t) { tags.appendChild(el('li', null, t)); });
      row(dl, 'Tags', tags);
    }
    if (dl.firstChild) body.appendChild(dl);
    if (e.summary) body.appendChild(el('p', 'summary', e.summary));
    (e.quotes || []).forEach(function (q) {
      var fig = el('figure', 'quote');
      var bq = el('blockquote');
      if (safeLang(q.language)) bq.lang = q.language;
      bq.appendChild(el('p', null, q.text));
      fig.appendChild(bq);
      if (q.translation) {
        var tr = el('p', 'translation', q.translation);
        if (safeLang(q.translationLanguage)) tr.lang = q.translationLanguage;
        fig.appendChild(tr);
      }
      var cap = el('figcaption');
      cap.appendChild(txt('— '));
      cap.appendChild(el('span', 'speaker', q.speaker));
      if (q.role) cap.appendChild(el('span', 'role', ', ' + q.role));
      if (q.source) { cap.appendChild(txt('. ')); cap.appendChild(sourceNode(q.source)); }
      fig.appendChild(cap);
      body.appendChild(fig);
    });
    if (e.sources && e.sources.length) {
      body.appendChild(el('h3', 'details-sub', e.sources.length === 1 ? 'Source' : 'Sources'));
      body.appendChild(sourcesList(e.sources));
    }
    var more = el('p', 'details-more');
    var a = el('a', null, 'In the list of events');
    a.href = '#event-' + i;
    more.appendChild(a);
    body.appendChild(more);
    openPanel(e.title || 'Untitled', body, from);
  }

  function openPartnership(k, from) {
    var p = partnerships[k];
    selected = { type: 'partnership', index: k };
    var body = doc.createDocumentFragment();
    body.appendChild(el('p', 'details-kicker', 'Partnership'));
    body.appendChild(dateLine(p.date));
    var dl = el('dl', 'facts');
    row(dl, 'Status', p.status || 'unknown');
    if (p.term) row(dl, 'Term', p.term);
    if (p.members && p.members.length) row(dl, 'Members', peopleList(p.members));
    var c = lanes.filter(function (l) { return l.partnership === k; })[0];
    if (c) row(dl, 'Events', fmtInt(c.entries.length));
    body.appendChild(dl);
    if (p.summary) body.appendChild(el('p', 'summary', p.summary));
    if (p.terms && p.terms.length) {
      body.appendChild(el('h3', 'details-sub', 'Terms'));
      var ol = el('ul', 'terms');
      p.terms.forEach(function (t) { ol.appendChild(el('li', null, t)); });
      body.appendChild(ol);
    }
    if (p.sources && p.sources.length) {
      body.appendChild(el('h3', 'details-sub', p.sources.length === 1 ? 'Source' : 'Sources'));
      body.appendChild(sourcesList(p.sources));
    }
    openPanel(p.name, body, from);
  }

  // ---------------------------------------------------------------- a big timeline's list
  // The items the writer put in <noscript> (assets/page/README.md, "compact"), from the data.
  function datetimeOf(d) {
    if (d.edtf.indexOf('/') >= 0 || !/^\d{4}-\d\d-\d\d$/.test(d.start || '')) return null;
    var n = { day: 10, month: 7, year: 4 }[d.precision];
    return n ? d.start.slice(0, n) : null;
  }
  function compactItem(i) {
    var e = events[i], li = el('li');
    li.id = 'event-' + i;
    li.dataset.index = String(i);
    if (!matched[i]) li.className = 'is-filtered-out';
    li.appendChild(el('h3', null, e.title));
    var p = el('p', 'when'), dt = datetimeOf(e.date);
    p.dataset.edtf = e.date.edtf;
    if (dt) { var t = el('time', null, e.date.display); t.dateTime = dt; p.appendChild(t); } else p.textContent = e.date.display;
    li.appendChild(p);
    return li;
  }
  function buildList(upTo) {
    if (listBuilt >= N) return;
    var frag = doc.createDocumentFragment(), end = Math.min(N, upTo);
    for (; listBuilt < end; listBuilt++) frag.appendChild(compactItem(listBuilt));
    listEl.appendChild(frag);
    if (listBuilt >= N) doc.documentElement.classList.add('timeline-list-ready');
  }
  function buildListLater() {
    buildList(listBuilt + 500);  // short tasks: the chart stays responsive meanwhile
    if (listBuilt < N) setTimeout(buildListLater, 0);
  }

  // ---------------------------------------------------------------- print and resize
  var savedView = null;
  window.addEventListener('beforeprint', function () {
    buildList(N);
    savedView = { t0: view.t0, t1: view.t1 };
    view.t0 = full.t0; view.t1 = full.t1;
    render();
  });
  window.addEventListener('afterprint', function () {
    if (savedView) { view.t0 = savedView.t0; view.t1 = savedView.t1; savedView = null; schedule(); }
  });
  if (window.ResizeObserver) new ResizeObserver(function () { schedule(); }).observe(plot);
  else window.addEventListener('resize', schedule);

  // ---------------------------------------------------------------- start
  buildLanes();
  updateStatus();
  render();
  doc.documentElement.classList.add('timeline-ready');
  if (listBuilt < N) setTimeout(buildListLater, 0); else doc.documentElement.classList.add('timeline-list-ready');
  // for tests and tools: a read-only view of the state
  window.timelinePage = Object.freeze({
    readyAt: performance.now(),
    scriptMs: performance.now() - scriptStart,
    view: function () { return { t0: view.t0, t1: view.t1, density: chart.classList.contains('is-density') }; },
    lanes: function () { return lanes.map(function (l) { return { name: l.name, events: l.entries.slice() }; }); },
    matched: function () { var out = []; for (var i = 0; i < N; i++) if (matched[i]) out.push(i); return out; },
    zoomTo: function (t0, t1) { clampView(dayNumber(t0), dayNumber(t1) + 1); render(); },
    fit: function () { clampView(full.t0, full.t1); render(); }
  });
})();
