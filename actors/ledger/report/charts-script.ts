/**
 * The browser-side script of the report (plain ES2017, runs in the page): reads the embedded data and draws
 * equity, drawdown, daily P&L and each quantum-portfolio strategy's P(optimum) with uPlot. Kept as a string so the
 * HTML stays one file.
 */
export const CHARTS_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f', '#000000'];
  var width = Math.min(1100, document.body.clientWidth - 40);
  var secs = data.timestamps.map(function (t) { return t / 1000; });

  function line(label, i, extra) {
    var s = { label: label, stroke: palette[i % palette.length], width: 1.5 };
    for (var k in extra || {}) s[k] = extra[k];
    return s;
  }

  var eqSeries = [{}];
  var eqData = [secs];
  data.strategies.forEach(function (s, i) {
    if (data.strategies.length > 1) { eqSeries.push(line(s.name, i)); eqData.push(s.equity); }
  });
  eqSeries.push(line(data.strategies.length > 1 ? 'combined' : data.strategies[0].name, data.strategies.length > 1 ? 10 : 0, { width: 2 }));
  eqData.push(data.combined.equity);
  new uPlot({ title: 'Equity (quote currency)', width: width, height: 320, series: eqSeries, axes: [{}, { size: 80 }] }, eqData, document.getElementById('equity-chart'));

  new uPlot({
    title: 'Drawdown from peak (%)', width: width, height: 220,
    series: [{}, line('drawdown %', 1, { fill: 'rgba(214,39,40,0.15)' })],
    axes: [{}, { size: 60 }],
  }, [secs, data.drawdown.map(function (d) { return d * 100; })], document.getElementById('drawdown-chart'));

  var days = data.daily.map(function (d) { return d.day / 1000; });
  var dSeries = [{}, line('daily P&L %', 0, { paths: uPlot.paths.bars({ size: [0.6, 40] }), fill: 'rgba(31,119,180,0.5)' })];
  var dData = [days, data.daily.map(function (d) { return d.fraction * 100; })];
  var bands = [];
  data.targets.forEach(function (t, i) {
    var hi = dSeries.length;
    dSeries.push(line('target ' + t.label + ' high (target, not expected)', 2, { dash: [6, 4], width: 1 }));
    dData.push(days.map(function () { return t.high * 100; }));
    dSeries.push(line('target ' + t.label + ' low (target, not expected)', 2, { dash: [6, 4], width: 1 }));
    dData.push(days.map(function () { return t.low * 100; }));
    bands.push({ series: [hi, hi + 1], fill: 'rgba(44,160,44,0.12)' });
  });
  if (data.dailyLossLimit !== null) {
    dSeries.push(line('daily loss limit (risk)', 1, { dash: [2, 3], width: 1 }));
    dData.push(days.map(function () { return -data.dailyLossLimit * 100; }));
  }
  new uPlot({ title: 'Daily P&L (% of previous close) beside daily target bands', width: width, height: 260, series: dSeries, bands: bands, axes: [{}, { size: 60 }] }, dData, document.getElementById('daily-chart'));

  data.choices.forEach(function (c, k) {
    new uPlot({
      title: 'P(optimum) of one measurement at each rebalance: QAOA (simulated) beside a uniform random pick', width: width, height: 220,
      series: [{}, line('QAOA', 0, { points: { show: true } }), line('uniform pick', 1, { dash: [6, 4], points: { show: true } })],
      scales: { y: { range: [0, 1] } }, axes: [{}, { size: 60 }],
    }, [c.ts.map(function (t) { return t / 1000; }), c.qaoa, c.uniform], document.getElementById('choices-chart-' + k));
  });
  document.body.setAttribute('data-charts', 'ready');
})();
`;
