/**
 * The browser-side script of the LP backtest report (plain ES2017, runs in the page): the reference pool's price with
 * each position's range over the time it was open, the passive range and the open/close marks; then the cumulative
 * P&L of the strategy, the passive position and holding. Drawn with uPlot from the embedded data, in UTC.
 */
export const LP_CHARTS_SCRIPT = String.raw`
(function () {
  var d = JSON.parse(document.getElementById('lp-data').textContent);
  var width = Math.min(1100, document.body.clientWidth - 40);
  var x = d.ts.map(function (t) { return t / 1000; });
  var utc = function (s) { return uPlot.tzDate(new Date(s * 1000), 'Etc/UTC'); };
  var palette = ['#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#d62728', '#2ca02c'];
  var marks = function (label, color) { return { label: label, stroke: color, fill: color, width: 0, paths: function () { return null; }, points: { show: true, size: 9, stroke: color, fill: color } }; };
  var series = [{}, { label: 'pool price', stroke: '#1f77b4', width: 1.5 }];
  var values = [x, d.price];
  d.ranges.forEach(function (r, i) {
    var color = r.passive ? '#777' : palette[i % palette.length];
    var style = r.passive ? { dash: [6, 4], width: 1.5 } : { width: 2 };
    series.push(Object.assign({ label: r.label + ' low', stroke: color }, style), Object.assign({ label: r.label + ' high', stroke: color }, style));
    values.push(r.lower, r.upper);
  });
  series.push(marks('opened', '#2ca02c'), marks('closed', '#d62728'));
  values.push(d.opened, d.closed);
  new uPlot({ title: 'Price ($/ETH), the positions\' ranges while open, the passive range', width: width, height: 320, tzDate: utc, series: series, axes: [{}, { size: 70 }] }, values, document.getElementById('price-chart'));
  new uPlot({
    title: 'Cumulative P&L ($)', width: width, height: 280, tzDate: utc,
    series: [{}, { label: 'strategy', stroke: '#d62728', width: 2 }, { label: 'passive', stroke: '#777', width: 2 }, { label: 'hold', stroke: '#1f77b4', width: 2 }],
    axes: [{}, { size: 70 }],
  }, [x, d.strategy, d.passive, d.hold], document.getElementById('pnl-chart'));
  document.body.setAttribute('data-charts', 'ready');
})();
`;
