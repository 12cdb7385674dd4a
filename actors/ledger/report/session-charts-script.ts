/**
 * The browser-side script of the paper session report (plain ES2017, runs in the page): draws the families'
 * equity and P&L and the allocator's weights with uPlot from the embedded data. A chart with no points is left
 * out (the page says why beside it). Kept as a string so the HTML stays one file.
 */
export const SESSION_CHARTS_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('session-data').textContent);
  var palette = { flash_loans: '#9467bd', arbitrage: '#1f77b4', market_making: '#2ca02c', ai_trading: '#ff7f0e', quantum_trading: '#8c564b' };
  var width = Math.min(1100, document.body.clientWidth - 40);

  function draw(id, title, chart, height, extra) {
    var el = document.getElementById(id);
    if (!el || chart.x.length === 0) return;
    var series = [{}];
    var values = [chart.x];
    chart.series.forEach(function (s) {
      var line = { label: s.label, stroke: palette[s.label] || '#000', width: 1.5, spanGaps: true };
      for (var k in extra || {}) line[k] = extra[k];
      series.push(line);
      values.push(s.values);
    });
    new uPlot({ title: title, width: width, height: height, series: series, axes: [{}, { size: 80 }] }, values, el);
  }

  draw('equity-chart', 'Equity per family (quote currency, wall time)', data.equity, 300);
  draw('pnl-chart', 'P&L per family since its start (quote currency, wall time)', data.pnl, 260);
  draw('weights-chart', 'Capital share per family (% of total capital)', data.weights, 240, { paths: uPlot.paths.stepped({ align: 1 }) });
  document.body.setAttribute('data-charts', 'ready');
})();
`;
