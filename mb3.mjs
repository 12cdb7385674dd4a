import { createActor } from 'xstate';
import { smaCrossMachine } from '/work/main/dist/machines/sma-cross.machine.js';
import { loadCandles } from '/work/main/dist/actors/market-data/candles/load-candles.js';
const s = loadCandles('/work/main/data/candles/ETH_BTC-5m.json');
const others = ['ADA','DASH','ETC','LTC','NXT','TRX','XLM','XMR','ZEC'].map((p) => loadCandles(`/work/main/data/candles/${p}_BTC-5m.json`));
const bars = s.candles.map((c, i) => [{ symbol: s.symbol, candle: c }, ...others.map((o) => ({ symbol: o.symbol, candle: o.candles[i] ?? c }))]);
const single = process.argv[2] === 'single';
for (let k = 0; k < 3; k++) {
const a = createActor(smaCrossMachine, { input: { strategy: 'x', venue: 'replay', symbol: s.symbol, capital: 1, feeRate: 0.001, fraction: 1, fast: 10, slow: 30 } }).start();
const t0 = performance.now();
for (let r = 0; r < 10; r++) for (const b of bars) a.send(single ? { type: 'candle.closed', venue: 'replay', symbol: s.symbol, candle: b[0].candle } : { type: 'candles.closed', venue: 'replay', bars: b });
console.log(single ? 'single' : 'multi', 'us/event', ((performance.now() - t0) * 1000 / (10 * bars.length)).toFixed(2));
}
