/**
 * sma-cross over the 10 BTC-quoted 5m pairs through the full actor path (strategies, risk, replay gateway on the
 * ActorSystem, replay venue, simulated clock advanced at quiescence), against a plain loop doing the same
 * signal and fill arithmetic in the same run.
 */
import { loadCandles, type CandleSeries } from '../actors/market-data/candles/load-candles.js';
import { runBacktest } from '../actors/backtest/run-backtest.js';
import { strategyFactory } from '../actors/backtest/strategies.js';
import { fillModel } from '../actors/venues/replay/fill-model.js';
import { xstateTransitionFloorUs } from './xstate-floor.js';
import { initialSmaState, stepSma } from '../actors/strategies/sma-cross/signal.js';

const PAIRS = ['ADA', 'DASH', 'ETC', 'ETH', 'LTC', 'NXT', 'TRX', 'XLM', 'XMR', 'ZEC'];
const FEE = 0.001;
const PARAMS = { fast: 10, slow: 30 };

/** The floor: one pass per pair, SMA step, fill at the next bar's open, fee on notional. Returns closed trades. */
function plainLoop(series: readonly CandleSeries[], capitalEach: number): number {
  let trades = 0;
  for (const s of series) {
    let sma = initialSmaState;
    let cash = capitalEach;
    let qty = 0;
    let pending: { side: 'buy' | 'sell'; amount: number } | undefined;
    for (const c of s.candles) {
      if (pending) {
        const notional = pending.amount * c.open;
        if (pending.side === 'buy') {
          cash -= notional * (1 + FEE);
          qty += pending.amount;
        } else {
          cash += notional * (1 - FEE);
          qty -= pending.amount;
          trades += 1;
        }
        pending = undefined;
      }
      const step = stepSma(sma, c.close, PARAMS);
      sma = step.state;
      if (step.cross === 'up' && qty === 0) pending = { side: 'buy', amount: cash / (c.close * (1 + FEE)) };
      else if (step.cross === 'down' && qty > 0) pending = { side: 'sell', amount: qty };
    }
  }
  return trades;
}

const CAPITAL_EACH = 1;

function loadPairs(): CandleSeries[] {
  return PAIRS.map((p) => loadCandles(new URL(`../data/candles/${p}_BTC-5m.json`, import.meta.url).pathname));
}

/** One sma-cross instance per pair, each with its own capital. */
export function smaCrossStrategies(series: readonly CandleSeries[] = loadPairs()) {
  return series.map((s) => {
    const name = `sma-cross.${s.symbol.replace('/', '-')}`;
    const { machine, input } = strategyFactory('sma-cross')({ name, venue: 'replay', symbol: s.symbol, capital: CAPITAL_EACH, feeRate: FEE, params: PARAMS });
    return { name, series: s, capital: CAPITAL_EACH, machine, input };
  });
}

export async function benchBacktest(): Promise<Record<string, unknown>> {
  const series = loadPairs();
  const candles = series.reduce((a, s) => a + s.candles.length, 0);
  const capitalEach = CAPITAL_EACH;

  const floorRuns: number[] = [];
  let floorTrades = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    floorTrades = plainLoop(series, capitalEach);
    floorRuns.push(performance.now() - t0);
  }
  const floorMs = Math.min(...floorRuns);

  const strategies = smaCrossStrategies(series);
  // Best of three, as the floor is best of five: the first run also pays for JIT warm-up.
  const timed = async (host: 'trading' | 'direct') => {
    let best = Number.POSITIVE_INFINITY;
    let result: Awaited<ReturnType<typeof runBacktest>> | undefined;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      result = await runBacktest({ strategies, model: fillModel('optimistic', FEE), venueId: 'replay', host });
      best = Math.min(best, performance.now() - t0);
    }
    return { ms: best, result: result! };
  };
  const { ms: actorMs, result } = await timed('trading');
  // The same machines without the ActorSystem (no risk, no nact): separates runtime cost from machine cost.
  const { ms: directMs, result: direct } = await timed('direct');
  if (direct.trades.length !== result.trades.length || result.trades.length !== floorTrades) {
    throw new Error(`bench paths disagree: actors ${result.trades.length}, direct ${direct.trades.length}, floor ${floorTrades} trades`);
  }

  const candlesPerSec = candles / (actorMs / 1000);
  const deliveriesPerCandle = result.messagesDelivered / candles;
  const transitionFloorUs = xstateTransitionFloorUs();
  const floorCandlesPerSec = candles / (floorMs / 1000);
  return {
    candles,
    candlesPerSec: Math.round(candlesPerSec),
    floorCandlesPerSec: Math.round(floorCandlesPerSec),
    ratioToFloor: candlesPerSec / floorCandlesPerSec,
    directMachinesCandlesPerSec: Math.round(candles / (directMs / 1000)),
    // Cost of one candle in cheapest-XState-transition units, so it compares across machines (issue 10 target: ≤ 4).
    floorUnitsPerCandle: 1e6 / (candlesPerSec * transitionFloorUs),
    deliveriesPerCandle,
    // What the same deliveries could reach if each cost only XState's floor transition, with no runtime or domain work.
    bound: { transitionFloorUs, candlesPerSec: Math.round(1e6 / (deliveriesPerCandle * transitionFloorUs)) },
    trades: result.trades.length,
    floorTrades,
    wallSeconds: actorMs / 1000,
  };
}
