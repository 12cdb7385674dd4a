import type { AnyStateMachine } from 'xstate';
import type { CandleSeries } from '../market-data/candles/load-candles.js';
import type { Fill, OrderUpdate } from '../ledger/types.js';
import type { OrderIntent } from '../risk/intent.js';
import { SimulatedClock } from '../runtime/clock.js';
import type { Outgoing } from '../runtime/actor-spec.js';
import type { RiskLimits } from '../risk/limits.js';
import { ReplayVenue, type ReplayOrderEvent } from '../venues/replay/replay-venue.js';
import type { FillModel } from '../venues/replay/fill-model.js';
import { DirectHost, type StrategyHost, type Submit } from './direct-host.js';
import { ActorHost } from './actor-host.js';
import { LOOSE_RISK_LIMITS } from './risk-profiles.js';
import { buildTimeline } from './timeline.js';
import { TradeBook } from './trade-book.js';
import { summarize, type BacktestResult } from './summarize.js';

export interface BacktestStrategy {
  /** Instance name, unique in the run (e.g. `sma-cross` or `sma-cross:ADA/BTC`). */
  name: string;
  series: CandleSeries;
  capital: number;
  machine: AnyStateMachine;
  input: unknown;
}

export interface BacktestOptions {
  strategies: readonly BacktestStrategy[];
  model: FillModel;
  venueId: string;
  periodsPerYear?: number;
  riskFree?: number;
  /** Called every `progressEvery` steps with (stepsDone, totalSteps). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** `actors` (default): strategies, risk and a venue gateway on the ActorSystem, the live code path. `direct`: machines only, no risk. */
  host?: 'actors' | 'direct';
  /** Risk limits for the actor path; defaults to LOOSE_RISK_LIMITS so the reference strategy is not resized. */
  riskLimits?: Partial<RiskLimits>;
  /** Persist machine snapshots after every message, as live does. */
  persistSnapshots?: boolean;
}

/**
 * Replays candles through strategy machines and a ReplayVenue on a SimulatedClock.
 * Per step: the clock moves to the bar's open, resting orders fill on it; the system settles; the clock moves
 * to the bar's close, `candle.closed` is delivered, intents become venue orders stamped with the close time;
 * the system settles again. So a decision on bar t's close can only fill on bar t+1 or later.
 */
export async function runBacktest(opts: BacktestOptions): Promise<BacktestResult> {
  const { steps, timeframeMs } = buildTimeline(opts.strategies.map((s) => s.series).filter((s, i, all) => all.indexOf(s) === i));
  const clock = new SimulatedClock(steps[0]!.ts);
  const venue = new ReplayVenue(opts.venueId, opts.model, clock);
  const book = new TradeBook(opts.strategies.map((s) => ({ strategy: s.name, symbol: s.series.symbol, capital: s.capital })));
  const intents = new Map<string, OrderIntent>();
  const journal: string[] = [];
  const submit: Submit = (intent, amount) => {
    intents.set(intent.intentId, intent);
    journal.push(JSON.stringify({ t: clock.now(), submit: intent, amount }));
    venue.accept({ clientOrderId: intent.intentId, symbol: intent.symbol, side: intent.side, type: intent.type, amount, price: intent.price });
  };
  const capital = opts.strategies.reduce((a, s) => a + s.capital, 0);
  const hosted = opts.strategies.map((s) => ({ name: s.name, symbol: s.series.symbol, machine: s.machine, input: s.input }));
  const host: StrategyHost =
    opts.host === 'direct'
      ? new DirectHost(hosted, submit, clock)
      : new ActorHost({
          clock,
          strategies: hosted,
          submit,
          capital,
          riskLimits: opts.riskLimits ?? LOOSE_RISK_LIMITS,
          persist: opts.persistSnapshots,
          onJournal: (m) => {
            if (m.type === 'order.denied' || m.type === 'risk.changed' || m.type === 'orders.cancelAll') journal.push(JSON.stringify(m));
          },
        });

  const toMessages = (ev: ReplayOrderEvent): Outgoing[] => {
    const intent = intents.get(ev.order.clientOrderId);
    if (!intent) throw new Error(`venue reported order ${ev.order.clientOrderId} that no strategy asked for`);
    const out: Outgoing[] = [];
    if (ev.fill) {
      const fill: Fill = { ...ev.fill, intentId: intent.intentId, strategy: intent.strategy };
      book.record(fill);
      journal.push(JSON.stringify({ t: clock.now(), fill }));
      out.push({ type: 'fill.received', fill, correlationId: intent.intentId });
    }
    const status: OrderUpdate['status'] = ev.order.status === 'closed' ? 'filled' : ev.order.status === 'canceled' ? 'cancelled' : ev.order.status === 'rejected' ? 'rejected' : ev.order.filled > 0 ? 'partially_filled' : 'submitted';
    const order: OrderUpdate = { clientOrderId: ev.order.clientOrderId, intentId: intent.intentId, strategy: intent.strategy, venue: venue.id, symbol: ev.order.symbol, side: ev.order.side, status, filled: ev.order.filled, amount: ev.order.amount };
    journal.push(JSON.stringify({ t: clock.now(), order }));
    out.push({ type: 'order.updated', order, correlationId: intent.intentId });
    return out;
  };

  const bySymbol = new Map<string, BacktestStrategy[]>();
  for (const s of opts.strategies) bySymbol.set(s.series.symbol, [...(bySymbol.get(s.series.symbol) ?? []), s]);
  const equity = new Map<string, number[]>(opts.strategies.map((s) => [s.name, new Array<number>(steps.length)]));
  const inPosition = new Map<string, number>(opts.strategies.map((s) => [s.name, 0]));
  const every = opts.progressEvery ?? 1000;

  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    clock.set(step.ts);
    for (const { symbol, candle } of step.bars) {
      for (const ev of venue.openBar(symbol, candle, timeframeMs)) for (const m of toMessages(ev)) host.deliver(m);
    }
    await host.whenQuiescent();
    clock.set(step.ts + timeframeMs);
    for (const { symbol, candle } of step.bars) {
      host.deliver({ type: 'candle.closed', venue: venue.id, symbol, candle });
      for (const s of bySymbol.get(symbol) ?? []) book.mark(s.name, candle.close);
    }
    await host.whenQuiescent();
    for (const s of opts.strategies) {
      equity.get(s.name)![k] = book.equity(s.name);
      if (book.position(s.name) > 0) inPosition.set(s.name, inPosition.get(s.name)! + 1);
    }
    if (opts.onProgress && (k % every === 0 || k === steps.length - 1)) opts.onProgress(k + 1, steps.length);
  }
  await host.stop();

  return summarize({ strategies: opts.strategies, steps, book, equity, inPosition, journal, model: opts.model, periodsPerYear: opts.periodsPerYear, riskFree: opts.riskFree });
}
