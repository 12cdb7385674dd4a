import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { riskStateOf } from '../session-summary.js';
import { LATENCY_BUCKETS, timeHandling } from './message-latency.js';
import type { WatchedFamily } from './session-probe.js';

/** `arbiter_risk_state`: the risk machine's state as a number, worse is higher; 3 when risk is in no known state (stopped). */
const RISK_LEVELS: Readonly<Record<string, number>> = { ACTIVE: 0, REDUCING: 1, HALTED: 2 };
const RISK_UNKNOWN = 3;

type Labels<T extends string> = Partial<Record<T, string>>;

/**
 * The Prometheus registry of a session, fed by its families' actor systems: orders, fills and vetoes, restarts, dead
 * letters, mailbox depths, risk state and equity read at each scrape (the counts are the session summary's own
 * counters); and the wall-clock latency of each message to each actor.
 * Its own Registry, not prom-client's global one, so several can live in one process.
 */
export class OperatorMetrics {
  readonly registry = new Registry();
  private readonly families: WatchedFamily[] = [];
  private readonly orders: Counter<'family'>;
  private readonly fills: Counter<'family'>;
  private readonly vetoes: Counter<'family' | 'reason'>;
  private readonly restarts: Counter<'family' | 'actor'>;
  private readonly deadLetters: Counter<'family'>;
  private readonly latency: Histogram<'family' | 'actor'>;
  /** What the scrape-time counters already counted, by series: each scrape adds only what is new. */
  private readonly counted = new Map<string, number>();

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    const families = this.families;
    this.orders = new Counter({
      name: 'arbiter_orders_total',
      help: 'Orders execution reported on (each client order id once)',
      labelNames: ['family'],
      registers,
      collect: () => {
        for (const f of families) this.catchUp('orders', this.orders, { family: f.family }, f.counts().orders);
      },
    });
    this.fills = new Counter({
      name: 'arbiter_fills_total',
      help: 'Fills of our orders',
      labelNames: ['family'],
      registers,
      collect: () => {
        for (const f of families) this.catchUp('fills', this.fills, { family: f.family }, f.counts().fills);
      },
    });
    this.vetoes = new Counter({
      name: 'arbiter_vetoes_total',
      help: 'Order intents risk denied, by reason',
      labelNames: ['family', 'reason'],
      registers,
      collect: () => {
        for (const f of families) for (const [reason, n] of Object.entries(f.counts().vetoReasons)) this.catchUp('vetoes', this.vetoes, { family: f.family, reason }, n);
      },
    });
    this.restarts = new Counter({
      name: 'arbiter_actor_restarts_total',
      help: 'Restarts of each actor by its supervisor',
      labelNames: ['family', 'actor'],
      registers,
      collect: () => {
        for (const { family, system } of families) for (const actor of system.actorNames()) this.catchUp('restarts', this.restarts, { family, actor }, system.actor(actor)?.restarts ?? 0);
      },
    });
    this.deadLetters = new Counter({
      name: 'arbiter_dead_letters_total',
      help: 'Messages that could not be delivered or crashed their actor (the journal keeps each one)',
      labelNames: ['family'],
      registers,
      collect: () => {
        for (const { family, system } of families) this.catchUp('deadLetters', this.deadLetters, { family }, system.deadLettered);
      },
    });
    new Gauge({
      name: 'arbiter_mailbox_depth',
      help: 'Messages waiting in each actor\'s queue',
      labelNames: ['family', 'actor'],
      registers,
      collect() {
        for (const { family, system } of families) for (const actor of system.actorNames()) this.set({ family, actor }, system.actor(actor)?.queued ?? 0);
      },
    });
    new Gauge({
      name: 'arbiter_risk_state',
      help: 'Risk state of each family: 0 ACTIVE, 1 REDUCING, 2 HALTED, 3 unknown (risk actor stopped)',
      labelNames: ['family'],
      registers,
      collect() {
        for (const { family, system } of families) this.set({ family }, RISK_LEVELS[riskStateOf({ system })] ?? RISK_UNKNOWN);
      },
    });
    new Gauge({
      name: 'arbiter_equity',
      help: 'Capital plus P&L of each family, quote currency, measured now',
      labelNames: ['family'],
      registers,
      collect() {
        for (const f of families) setOrRemove(this, f.family, equityOf(f));
      },
    });
    new Gauge({
      name: 'arbiter_pnl',
      help: 'Equity minus starting capital of each family, quote currency, measured now',
      labelNames: ['family'],
      registers,
      collect() {
        for (const f of families) {
          const equity = equityOf(f);
          setOrRemove(this, f.family, equity === undefined ? undefined : equity - f.capital);
        }
      },
    });
    this.latency = new Histogram({
      name: 'arbiter_message_latency_seconds',
      help: 'Wall time from a message\'s publish to its handling by each actor that takes it (queue wait plus the transition)',
      labelNames: ['family', 'actor'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Feeds the registry from a family's system from now on (call it in the turn the system was booted). */
  watch(watched: WatchedFamily): void {
    const { family, system } = watched;
    this.families.push(watched);
    this.orders.inc({ family }, 0);
    this.fills.inc({ family }, 0);
    this.deadLetters.inc({ family }, 0);
    timeHandling(system, family, this.latency);
  }

  /** Brings a counter read from the systems up to `total` (what it counted is kept: a counter never goes back). */
  private catchUp<T extends string>(name: string, counter: Counter<T>, labels: Labels<T>, total: number): void {
    const key = `${name}${JSON.stringify(labels)}`;
    const before = this.counted.get(key);
    if (before !== undefined && total <= before) return;
    counter.inc(labels, total - (before ?? 0));
    this.counted.set(key, total);
  }
}

function setOrRemove(gauge: Gauge<'family'>, family: string, value: number | undefined): void {
  if (value === undefined) gauge.remove({ family });
  else gauge.set({ family }, value);
}

/** A family's equity, or undefined when it cannot be read (its host already closed). */
function equityOf(f: WatchedFamily): number | undefined {
  try {
    const value = f.equity();
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
