/**
 * The browser-side script of the training report (plain ES2017, runs in the page): accuracy per fold, calibration and
 * equity against the baselines, drawn with uPlot from the embedded data. Kept as a string so the HTML stays one file.
 */
export const TRAINING_CHARTS_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('training-data').textContent);
  var palette = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e'];
  var width = Math.min(1100, document.body.clientWidth - 40);

  function lines(chart, extra) {
    return [{}].concat(chart.series.map(function (s, i) {
      var line = { label: s.label, stroke: palette[i % palette.length], width: i === 0 ? 2.5 : 1.5 };
      for (var k in extra || {}) line[k] = extra[k];
      return line;
    }));
  }
  function values(chart, scale) {
    return [chart.x].concat(chart.series.map(function (s) { return s.values.map(function (v) { return v * scale; }); }));
  }

  var folds = { x: data.folds.fold, series: data.folds.series };
  new uPlot({
    title: 'Out-of-sample accuracy per fold (%)', width: width, height: 280,
    scales: { x: { time: false } }, series: lines(folds, { points: { show: true, size: 7 } }), axes: [{ label: 'fold', incrs: [1] }, { size: 60 }],
  }, values(folds, 100), document.getElementById('folds-chart'));

  var c = data.calibration;
  var centers = c.counts.map(function (_, b) { return (b + 0.5) / c.counts.length; });
  new uPlot({
    title: 'Calibration: observed up-rate by predicted P(up) bucket', width: Math.min(width, 640), height: 360,
    scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 1] } },
    series: [{}, { label: 'perfect calibration', stroke: '#999', dash: [5, 4], width: 1 },
      { label: 'observed up-rate', stroke: palette[0], width: 2, spanGaps: true, points: { show: true, size: 8 } }],
    axes: [{ label: 'predicted P(up)' }, { label: 'observed up-rate', size: 60 }],
  }, [centers, centers, centers.map(function (x, b) { return c.observed[b]; })], document.getElementById('calibration-chart'));

  new uPlot({
    title: 'Long/flat P&L over the test samples (log return, net of fees, %)', width: width, height: 320,
    series: lines(data.equity), axes: [{}, { size: 60 }],
  }, values(data.equity, 100), document.getElementById('equity-chart'));
  document.body.setAttribute('data-charts', 'ready');
})();
`;
