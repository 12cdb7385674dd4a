/**
 * The browser-side script of the AMM fee report (plain ES2017, runs in the page): per pool, the price with the
 * position's range, the pool's active liquidity, and the position's cumulative fees against its cumulative LVR,
 * drawn with uPlot from the embedded data. Kept as a string so the HTML stays one file.
 */
export const FEE_CHARTS_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('fee-data').textContent);
  var width = Math.min(1100, document.body.clientWidth - 40);
  data.pools.forEach(function (p, i) {
    var x = p.ts.map(function (t) { return t / 1000; });
    new uPlot({
      title: 'Price ($/ETH) and the position\'s range', width: width, height: 260,
      series: [{}, { label: 'pool price', stroke: '#1f77b4', width: 1.5 },
        { label: 'range low', stroke: '#999', dash: [5, 4] }, { label: 'range high', stroke: '#999', dash: [5, 4] }],
      axes: [{}, { size: 70 }],
    }, [x, p.price, x.map(function () { return p.range[0]; }), x.map(function () { return p.range[1]; })], document.getElementById('price-' + i));
    new uPlot({
      title: 'Active liquidity (whole-token units)', width: width, height: 200,
      series: [{}, { label: 'liquidity', stroke: '#2ca02c', width: 1.5, paths: uPlot.paths.stepped({ align: 1 }) }],
      axes: [{}, { size: 90 }],
    }, [x, p.liquidity], document.getElementById('liquidity-' + i));
    new uPlot({
      title: 'The position: cumulative fees against cumulative LVR ($)', width: width, height: 260,
      series: [{}, { label: 'fees earned', stroke: '#2ca02c', width: 2 }, { label: 'LVR', stroke: '#d62728', width: 2 }],
      axes: [{}, { size: 70 }],
    }, [x, p.fees, p.lvr], document.getElementById('pnl-' + i));
  });
  document.body.setAttribute('data-charts', 'ready');
})();
`;
