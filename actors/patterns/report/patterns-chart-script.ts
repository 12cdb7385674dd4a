/**
 * The browser-side script of the patterns report (plain ES2017, runs in the page): the bars as a Lightweight Charts
 * candlestick series, every pattern drawn over them by one series primitive (polyline, labels, invalidation), and the
 * table's hover/click wired to highlight and zoom. After each draw `#chart` carries `data-drawn-patterns` and
 * `data-drawn-labels` (what is on screen), and the first draw sets `body[data-charts="ready"]`.
 * Kept as a string so the HTML stays one file.
 */
export const PATTERNS_CHART_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var LWC = window.LightweightCharts;
  var COLOR = { bullish: '#0b8a3e', bearish: '#d1232a' };
  var el = document.getElementById('chart');
  var c = data.candles;

  function decimals(x) {
    var s = String(x);
    return s.indexOf('e') >= 0 ? 8 : s.indexOf('.') < 0 ? 0 : s.length - s.indexOf('.') - 1;
  }
  var precision = 0;
  for (var k = 0; k < Math.min(c.c.length, 500); k++) precision = Math.max(precision, decimals(c.c[k]));
  precision = Math.min(8, Math.max(precision, 2));

  var chart = LWC.createChart(el, {
    autoSize: true,
    layout: { background: { color: '#ffffff' }, textColor: '#333' },
    grid: { vertLines: { color: '#f2f2f2' }, horzLines: { color: '#f2f2f2' } },
    crosshair: { mode: LWC.CrosshairMode.Normal },
    timeScale: { timeVisible: true, secondsVisible: data.secondsVisible, minBarSpacing: 0.01, rightOffset: 3 },
  });
  var series = chart.addSeries(LWC.CandlestickSeries, {
    upColor: '#d5d9e0', downColor: '#7a8190', borderUpColor: '#8c94a3', borderDownColor: '#7a8190', wickUpColor: '#8c94a3', wickDownColor: '#7a8190',
    priceFormat: { type: 'price', precision: precision, minMove: Math.pow(10, -precision) },
  });
  series.setData(c.t.map(function (t, i) { return { time: t, open: c.o[i], high: c.h[i], low: c.l[i], close: c.c[i] }; }));

  var highlighted = -1;
  var pinned = -1;
  var hidden = {};
  var update = function () {};
  var ready = false;

  // Above or below its point: above a point higher than its neighbours on the polyline.
  function isPeak(points, j) {
    var p = points[j][2];
    var prev = j > 0 ? points[j - 1][2] : null;
    var next = j < points.length - 1 ? points[j + 1][2] : null;
    return (prev === null || p >= prev) && (next === null || p >= next);
  }

  function drawPattern(ctx, p, strong, faded) {
    var ts = chart.timeScale();
    var xs = [];
    var ys = [];
    for (var j = 0; j < p.points.length; j++) {
      var x = ts.timeToCoordinate(p.points[j][1]);
      var y = series.priceToCoordinate(p.points[j][2]);
      if (x === null || y === null) return null;
      xs.push(x);
      ys.push(y);
    }
    var left = Math.min.apply(null, xs);
    var right = Math.max.apply(null, xs);
    if (right < 0 || left > ctx.canvas.clientWidth) return null;
    var color = COLOR[p.direction];
    ctx.globalAlpha = faded ? 0.2 : 1;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    if (p.family === 'harmonic' && xs.length === 5) {
      ctx.globalAlpha = faded ? 0.04 : 0.12;
      [[0, 1, 2], [2, 3, 4]].forEach(function (t) {
        ctx.beginPath();
        ctx.moveTo(xs[t[0]], ys[t[0]]);
        ctx.lineTo(xs[t[1]], ys[t[1]]);
        ctx.lineTo(xs[t[2]], ys[t[2]]);
        ctx.closePath();
        ctx.fill();
      });
      ctx.globalAlpha = faded ? 0.2 : 1;
    }
    ctx.lineWidth = strong ? 3 : 1.5;
    ctx.setLineDash(p.family === 'wyckoff' ? [2, 3] : []);
    ctx.beginPath();
    for (var i = 0; i < xs.length; i++) (i === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, xs[i], ys[i]);
    ctx.stroke();
    for (i = 0; i < xs.length; i++) {
      ctx.beginPath();
      ctx.arc(xs[i], ys[i], strong ? 3.5 : 2.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    var inv = series.priceToCoordinate(p.invalidation);
    var last = xs.length - 1;
    if (inv !== null) {
      ctx.lineWidth = strong ? 2 : 1;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      if (strong) ctx.moveTo(xs[last], ys[last]);
      else ctx.moveTo(xs[last], inv);
      ctx.lineTo(xs[last], inv);
      ctx.lineTo(xs[last] + Math.max(30, Math.min(120, (right - left) * 0.3)), inv);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    var labels = 0;
    if (strong || (right - left) / Math.max(1, xs.length - 1) >= 18) {
      ctx.font = (strong ? 'bold 12px' : '11px') + ' system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      for (i = 0; i < xs.length; i++) {
        var peak = isPeak(p.points, i);
        ctx.textBaseline = peak ? 'bottom' : 'top';
        var ly = ys[i] + (peak ? -5 : 5);
        ctx.strokeText(p.points[i][0], xs[i], ly);
        ctx.fillText(p.points[i][0], xs[i], ly);
        labels++;
      }
      if (strong && inv !== null) {
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        var text = 'invalidation ' + p.invalidation.toFixed(precision);
        ctx.strokeText(text, xs[last] + 6, inv - 9);
        ctx.fillText(text, xs[last] + 6, inv - 9);
      }
    }
    ctx.globalAlpha = 1;
    return labels;
  }

  function drawAll(ctx) {
    var drawn = 0;
    var labels = 0;
    var focus = highlighted >= 0 ? highlighted : pinned;
    for (var i = 0; i < data.patterns.length; i++) {
      if (i === focus || hidden[data.patterns[i].family]) continue;
      var n = drawPattern(ctx, data.patterns[i], false, focus >= 0);
      if (n !== null) { drawn++; labels += n; }
    }
    if (focus >= 0 && !hidden[data.patterns[focus].family]) {
      var m = drawPattern(ctx, data.patterns[focus], true, false);
      if (m !== null) { drawn++; labels += m; }
    }
    el.setAttribute('data-drawn-patterns', String(drawn));
    el.setAttribute('data-drawn-labels', String(labels));
    if (!ready) {
      ready = true;
      document.body.setAttribute('data-charts', 'ready');
    }
  }

  var renderer = { draw: function (target) { target.useMediaCoordinateSpace(function (scope) { drawAll(scope.context); }); } };
  var views = [{ renderer: function () { return renderer; } }];
  series.attachPrimitive({
    attached: function (param) { update = param.requestUpdate; },
    paneViews: function () { return views; },
    // Zoomed to a pattern, keep its invalidation level in view.
    autoscaleInfo: function () {
      if (pinned < 0) return null;
      var p = data.patterns[pinned];
      var prices = p.points.map(function (q) { return q[2]; }).concat([p.invalidation]);
      return { priceRange: { minValue: Math.min.apply(null, prices), maxValue: Math.max.apply(null, prices) } };
    },
  });
  chart.timeScale().fitContent();

  function barIndex(time) {
    var lo = 0;
    var hi = c.t.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (c.t[mid] < time) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  var rows = document.querySelectorAll('#patterns-table tbody tr');
  Array.prototype.forEach.call(rows, function (row) {
    var i = Number(row.getAttribute('data-pattern'));
    row.addEventListener('mouseenter', function () { highlighted = i; update(); });
    row.addEventListener('mouseleave', function () { highlighted = -1; update(); });
    row.addEventListener('click', function () {
      Array.prototype.forEach.call(rows, function (r) { r.classList.remove('selected'); });
      row.classList.add('selected');
      pinned = i;
      var pts = data.patterns[i].points;
      var from = barIndex(pts[0][1]);
      var to = barIndex(pts[pts.length - 1][1]);
      var pad = Math.max(10, Math.round((to - from) * 0.4));
      chart.timeScale().setVisibleLogicalRange({ from: from - pad, to: to + pad });
      update();
    });
  });
  document.getElementById('show-all').addEventListener('click', function () {
    pinned = -1;
    Array.prototype.forEach.call(rows, function (r) { r.classList.remove('selected'); });
    chart.timeScale().fitContent();
    update();
  });
  Array.prototype.forEach.call(document.querySelectorAll('input.family'), function (box) {
    box.addEventListener('change', function () {
      hidden[box.value] = !box.checked;
      Array.prototype.forEach.call(rows, function (r) { if (r.getAttribute('data-family') === box.value) r.style.display = box.checked ? '' : 'none'; });
      update();
    });
  });
})();
`;
