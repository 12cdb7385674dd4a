import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMarkets, parseExchangeInfo, parseTickers, type SpotMarket } from '../actors/strategies/triangular/snapshot.js';
import { TriangularScanner } from '../actors/strategies/triangular/scanner.js';
import { syntheticMarkets } from '../actors/strategies/triangular/synthetic-markets.js';
import { seededRandom } from '../actors/runtime/random.js';
import { percentile } from './percentile.js';

export interface TriangularBench {
  incrementalP99Us: number;
  incrementalFloorP99Us: number;
  fullScanMs: number;
  fullScanFloorMs: number;
  detail: Record<string, GraphBench>;
}

interface GraphBench {
  markets: number;
  triangles: number;
  incrementalP99Us: number;
  incrementalFloorP99Us: number;
  fullScanMs: number;
  fullScanFloorMs: number;
  /** Building the graph (triangle enumeration + market index) from scratch. */
  buildMs: number;
  /** Cycles re-evaluated per update, mean (the incremental work). */
  cyclesPerUpdate: number;
}

const FEE = 0.001;
const nowUs = () => Number(process.hrtime.bigint()) / 1000;

/** `p` in percent of the unsorted `xs`. */
function percentOf(xs: number[], p: number): number {
  return percentile([...xs].sort((a, b) => a - b), p / 100);
}

/** Brute force, the floor: every ordered pair of neighbours of every currency, rates looked up by string key. */
function bruteForceScan(markets: readonly SpotMarket[]): number {
  const rate = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const m of markets) {
    rate.set(`${m.base}>${m.quote}`, m.bids[0]![0]);
    rate.set(`${m.quote}>${m.base}`, 1 / m.asks[0]![0]);
    (next.get(m.base) ?? next.set(m.base, []).get(m.base)!).push(m.quote);
    (next.get(m.quote) ?? next.set(m.quote, []).get(m.quote)!).push(m.base);
  }
  let profitable = 0;
  const keep = (1 - FEE) ** 3;
  for (const [x, ys] of next) for (const y of ys) for (const z of next.get(y)!) {
    if (z === x) continue;
    const back = rate.get(`${z}>${x}`);
    if (back !== undefined && rate.get(`${x}>${y}`)! * rate.get(`${y}>${z}`)! * back * keep > 1) profitable++;
  }
  return profitable;
}

function benchGraph(markets: SpotMarket[], seed: number): GraphBench {
  const b0 = nowUs();
  const scanner = new TriangularScanner(markets, FEE);
  const buildMs = (nowUs() - b0) / 1000;
  let touched = 0;
  for (let m = 0; m < markets.length; m++) touched += scanner.graph.cyclesThrough(m).length;
  const rand = seededRandom(seed);
  const start = markets.map((m) => (m.bids[0]![0] + m.asks[0]![0]) / 2);
  const mids = [...start];
  const update = (floor: boolean): number => {
    const i = Math.floor(rand() * markets.length);
    // Each update moves a market within ±0.1% of its snapshot price, as arbitrage keeps real books aligned.
    mids[i] = start[i]! * (1 + (rand() - 0.5) * 0.002);
    const bids: [number, number][] = [[mids[i]! * 0.9995, 5]];
    const asks: [number, number][] = [[mids[i]! * 1.0005, 5]];
    const t0 = nowUs();
    if (floor) {
      // Without the market→cycle index: set the rates and re-evaluate every cycle.
      scanner.graph.rates[i * 2] = bids[0]![0];
      scanner.graph.rates[i * 2 + 1] = 1 / asks[0]![0];
      scanner.rescan();
    } else {
      scanner.applyBook(markets[i]!.symbol, bids, asks);
    }
    return nowUs() - t0;
  };
  for (let k = 0; k < 2000; k++) update(false);
  const inc = Array.from({ length: 20000 }, () => update(false));
  const floorInc = Array.from({ length: 2000 }, () => update(true));
  const full: number[] = [];
  const floorFull: number[] = [];
  for (let k = 0; k < 30; k++) {
    let t0 = nowUs();
    scanner.rescan();
    scanner.opportunities();
    full.push((nowUs() - t0) / 1000);
    t0 = nowUs();
    bruteForceScan(markets);
    floorFull.push((nowUs() - t0) / 1000);
  }
  return {
    markets: markets.length,
    triangles: scanner.graph.cycleCount / 2,
    incrementalP99Us: percentOf(inc, 99),
    incrementalFloorP99Us: percentOf(floorInc, 99),
    fullScanMs: percentOf(full, 50),
    fullScanFloorMs: percentOf(floorFull, 50),
    buildMs,
    cyclesPerUpdate: touched / markets.length,
  };
}

/** Incremental re-evaluation (p99 µs per book update) and full scan (median ms), worst of the real snapshot and a synthetic 2,000-market graph. */
export function benchTriangular(dataDir = fileURLToPath(new URL('../data/', import.meta.url))): TriangularBench {
  const tickers = parseTickers(JSON.parse(readFileSync(`${dataDir}tickers/binance_24hr_2020-10-09T0205Z.json`, 'utf8')), 'tickers');
  const info = parseExchangeInfo(JSON.parse(readFileSync(`${dataDir}markets/binance_exchangeInfo_2020-10-09T0204Z.json`, 'utf8')), 'exchangeInfo');
  const detail = {
    binance2020: benchGraph(buildMarkets(tickers, info), 7),
    synthetic2000: benchGraph(syntheticMarkets(2000, 11), 13),
  };
  const worst = (k: keyof GraphBench) => Math.max(detail.binance2020[k], detail.synthetic2000[k]);
  return {
    incrementalP99Us: worst('incrementalP99Us'),
    incrementalFloorP99Us: worst('incrementalFloorP99Us'),
    fullScanMs: worst('fullScanMs'),
    fullScanFloorMs: worst('fullScanFloorMs'),
    detail,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(benchTriangular())}\n`);
}
