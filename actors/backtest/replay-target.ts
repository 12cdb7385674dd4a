import type { SymbolBar } from '../market-data/types.js';
import type { Fill, OrderUpdate } from '../ledger/types.js';
import type { OrderIntent } from '../risk/intent.js';
import type { RiskLimits } from '../risk/limits.js';
import type { Outgoing } from '../runtime/actor-spec.js';
import type { SimulatedClock } from '../runtime/clock.js';
import type { ReplayVenue, ReplayOrderEvent } from '../venues/replay/replay-venue.js';
import { ActorHost } from './actor-host.js';
import { DirectHost, type HostedStrategy, type StrategyHost, type Submit } from './direct-host.js';
import { TradingHost } from './trading-host.js';
import type { RebalanceMessage } from '../strategies/quantum-portfolio/messages.js';

/** What the replay loop drives, one timeline step at a time: bars open (venue matches), bars close (strategies decide), quiescence. */
export interface ReplayTarget {
  openBars(bars: readonly SymbolBar[]): void;
  closeBars(bars: readonly SymbolBar[]): void;
  whenQuiescent(): Promise<void> | undefined;
  /** Messages handed to actors (or machines) so far. */
  delivered(): number;
  stop(): Promise<void>;
}

export type HostKind = 'trading' | 'actors' | 'direct';

export interface TargetOptions {
  host: HostKind;
  clock: SimulatedClock;
  venue: ReplayVenue;
  timeframeMs: number;
  strategies: readonly HostedStrategy[];
  /** Symbols a pattern actor watches (strategies there read its messages). */
  patternSymbols?: readonly string[];
  capital: number;
  riskLimits: Partial<RiskLimits>;
  /** Every fill, once, in order (the driver's trade book). */
  onFill: (fill: Fill) => void;
  /** Each rebalance a multi-market strategy announced (`quantum.rebalanced`), in order. */
  onRebalance?: (rebalance: RebalanceMessage) => void;
  /** Journal lines, in order. */
  journal: string[];
}

const JOURNALED = new Set<string>(['order.intents', 'orders.approved', 'orders.denied', 'orders.updated', 'risk.changed', 'orders.cancelAll', 'execution.refused']);

export function replayTarget(o: TargetOptions): ReplayTarget {
  if (o.host === 'trading') {
    const host = new TradingHost({
      clock: o.clock, venue: o.venue, timeframeMs: o.timeframeMs, strategies: o.strategies, patternSymbols: o.patternSymbols, capital: o.capital, riskLimits: o.riskLimits,
      onMessage: (m) => {
        if (m.type === 'orders.updated') for (const fill of m.fills) o.onFill(fill);
        if (m.type === 'quantum.rebalanced') o.onRebalance?.(m);
        if (JOURNALED.has(m.type)) o.journal.push(JSON.stringify(m));
      },
    });
    return { openBars: (bars) => host.openBars(bars), closeBars: (bars) => host.closeBars(bars), whenQuiescent: () => host.whenQuiescent(), delivered: () => host.trading.system.delivered, stop: () => host.stop() };
  }
  return machineHostTarget(o);
}

/**
 * Strategies alone (direct) or with risk and a gateway (actors); this side plays execution: it matches bars on
 * the venue itself and hands fills and order updates to the host.
 */
function machineHostTarget(o: TargetOptions): ReplayTarget {
  const intents = new Map<string, OrderIntent>();
  const submit: Submit = (intent, amount) => {
    intents.set(intent.intentId, intent);
    o.journal.push(JSON.stringify({ t: o.clock.now(), submit: intent, amount }));
    o.venue.accept({ clientOrderId: intent.intentId, symbol: intent.symbol, side: intent.side, type: intent.type, amount, price: intent.price });
  };
  const host: StrategyHost =
    o.host === 'direct'
      ? new DirectHost(o.strategies, submit, o.clock)
      : new ActorHost({
          clock: o.clock, strategies: o.strategies, patternSymbols: o.patternSymbols, venue: o.venue.id, submit, capital: o.capital, riskLimits: o.riskLimits,
          onJournal: (m) => {
            if (m.type === 'orders.denied' || m.type === 'risk.changed' || m.type === 'orders.cancelAll') o.journal.push(JSON.stringify(m));
          },
        });
  /** One venue event as the order report execution would send: its fill, then the order's status. */
  const toReport = (ev: ReplayOrderEvent): Outgoing => {
    const intent = intents.get(ev.order.clientOrderId);
    if (!intent) throw new Error(`venue reported order ${ev.order.clientOrderId} that no strategy asked for`);
    const fills: Fill[] = [];
    if (ev.fill) {
      const fill: Fill = { ...ev.fill, intentId: intent.intentId, strategy: intent.strategy };
      o.onFill(fill);
      o.journal.push(JSON.stringify({ t: o.clock.now(), fill }));
      fills.push(fill);
    }
    const s = ev.order.status;
    const status: OrderUpdate['status'] = s === 'closed' ? 'filled' : s === 'canceled' ? 'cancelled' : s === 'rejected' ? 'rejected' : ev.order.filled > 0 ? 'partially_filled' : 'submitted';
    const order: OrderUpdate = { clientOrderId: ev.order.clientOrderId, intentId: intent.intentId, strategy: intent.strategy, venue: o.venue.id, symbol: ev.order.symbol, side: ev.order.side, status, filled: ev.order.filled, amount: ev.order.amount };
    o.journal.push(JSON.stringify({ t: o.clock.now(), order }));
    return { type: 'orders.updated', updates: [order], fills, correlationId: intent.intentId };
  };
  return {
    openBars: (bars) => {
      for (const { symbol, candle } of bars) for (const ev of o.venue.openBar(symbol, candle, o.timeframeMs)) host.deliver(toReport(ev));
    },
    closeBars: (bars) => {
      for (const { symbol, candle } of bars) host.deliver({ type: 'candle.closed', venue: o.venue.id, symbol, candle });
    },
    whenQuiescent: () => host.whenQuiescent(),
    delivered: () => host.delivered(),
    stop: () => host.stop(),
  };
}
