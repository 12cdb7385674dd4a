import type { Logger } from 'pino';
import { ActorSystem } from '../actors/runtime/system.js';
import type { ActorSpec, InspectObserver } from '../actors/runtime/actor-spec.js';
import type { Clock } from '../actors/runtime/clock.js';
import type { DeadLetterSink } from '../actors/runtime/dead-letters.js';
import type { Store } from '../actors/ledger/storage/store.js';
import { journalObserver } from '../actors/ledger/journal-observer.js';
import type { Venue } from '../actors/venues/venue.js';
import type { SupervisionPolicy } from './policy.js';
import { describe } from './supervisor.js';

export interface TradingSystemOptions {
  clock: Clock;
  logger: Logger;
  /** Journal; without one (benchmarks) nothing is persisted. */
  store?: Store;
  deadLetters?: DeadLetterSink;
  /** Venues execution may call, by id: used for the emergency cancel when the core itself is gone. */
  venues: Record<string, Venue>;
  risk: ActorSpec;
  /**
   * A node of a cluster: the gate that holds each approval against the cluster's budget before execution sees it
   * (actors/risk/global-budget/budget-gate-actor.ts). Execution then takes approvals from it alone.
   */
  budget?: ActorSpec;
  ledger: ActorSpec;
  execution: ActorSpec;
  venueActors: ActorSpec[];
  strategies: ActorSpec[];
  /** Actors that turn market data into signals (a pattern actor per market); none by default. */
  signals?: ActorSpec[];
  supervision: Pick<SupervisionPolicy, 'maxRestarts' | 'withinMs' | 'backoff'>;
  stashLimit?: number;
  inspect?: InspectObserver;
  random?: () => number;
  /** Whose equity the ledger's marks are in the journal's equity table (several systems may share one file). */
  journalBook?: { book: string; session?: string };
  /** `replay` for simulated-time runs (backtests): each delivery runs to quiescence synchronously. Live: nact. */
  dispatcher?: 'nact' | 'replay';
}

export interface TradingSystem {
  system: ActorSystem;
  /** Set when an escalation went past the root: risk was halted and open orders cancelled. */
  haltedBy(): string | undefined;
}

/**
 * The supervision tree:
 *   root (one_for_one)
 *   ├─ core (rest_for_one): risk → [budget] → ledger → execution   (execution restarts whenever risk does)
 *   ├─ venues (one_for_one)
 *   ├─ signals (one_for_one): pattern actors, when a strategy reads them or risk weighs VPIN
 *   └─ strategies (one_for_one)
 * An escalation past the root halts risk and cancels every open order, through execution if it is
 * alive, else straight at the venues from the journal.
 */
export function bootTradingSystem(options: TradingSystemOptions): TradingSystem {
  let haltReason: string | undefined;
  const { store, logger } = options;
  const system = new ActorSystem({
    clock: options.clock,
    dispatcher: options.dispatcher,
    logger,
    inspect: options.inspect,
    deadLetters: options.deadLetters ?? store?.deadLetters,
    stashLimit: options.stashLimit,
    random: options.random,
    rootPolicy: { ...options.supervision, strategy: 'one_for_one' },
    onRestart: (actor, error, attempt, delayMs) =>
      store?.restarts.record({ ts: options.clock.now(), actor, attempt, delayMs, error: describe(error) }),
    onRootEscalation: (from, error) => {
      haltReason = `escalation from ${from}: ${describe(error)}`;
      void emergencyHalt(system, options, haltReason);
    },
  });
  if (store) system.observe(journalObserver(store, logger, options.journalBook));
  // A halt is news to an operator; REDUCING and back (loss-streak cooldowns) come and go many times a day.
  system.observe((m) => {
    if (m.type === 'risk.changed') logger[m.state === 'HALTED' ? 'warn' : 'debug']({ at: new Date(m.ts).toISOString() }, `risk ${m.state}: ${m.reason}`);
  });

  const core = system.supervisor('core', { ...options.supervision, strategy: 'rest_for_one' });
  system.spawn(options.risk, core);
  if (options.budget) system.spawn(options.budget, core);
  system.spawn(options.ledger, core);
  const execution = options.execution;
  system.spawn(options.budget ? { ...execution, subscribe: execution.subscribe?.filter((t) => t !== 'orders.approved') } : execution, core);
  const venues = system.supervisor('venues', { ...options.supervision, strategy: 'one_for_one' });
  for (const spec of options.venueActors) system.spawn(spec, venues);
  if (options.signals && options.signals.length > 0) {
    const signals = system.supervisor('signals', { ...options.supervision, strategy: 'one_for_one' });
    for (const spec of options.signals) system.spawn(spec, signals);
  }
  const strategies = system.supervisor('strategies', { ...options.supervision, strategy: 'one_for_one' });
  for (const spec of options.strategies) system.spawn(spec, strategies);

  return { system, haltedBy: () => haltReason };
}

async function emergencyHalt(system: ActorSystem, options: TradingSystemOptions, reason: string): Promise<void> {
  options.logger.error({ reason }, 'halting: risk to HALTED, cancelling all open orders');
  const risk = system.actor('risk');
  const execution = system.actor('execution');
  if (risk && risk.status !== 'stopped') system.publish({ type: 'risk.halt', reason, to: 'risk' });
  if (execution && execution.status !== 'stopped') {
    system.publish({ type: 'orders.cancelAll', reason, to: 'execution' });
    return;
  }
  for (const order of options.store?.orders.nonTerminalOrders() ?? []) {
    const venue = options.venues[order.venue];
    if (!venue) continue;
    try {
      const result = await venue.cancelOrder(order.clientOrderId, order.symbol);
      options.store?.orders.upsertOrder({ ...order, status: result.status === 'closed' ? 'filled' : 'cancelled', filled: result.filled, ts: options.clock.now() });
    } catch (error) {
      options.logger.error({ clientOrderId: order.clientOrderId, err: error }, 'emergency cancel failed; reconcile on next start');
    }
  }
}
