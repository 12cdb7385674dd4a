import type { Logger } from 'pino';
import { pino } from 'pino';
import { ActorSystem } from '../actors/runtime/system.js';
import { SimulatedClock } from '../actors/runtime/clock.js';
import type { Message } from '../actors/runtime/messages.js';
import type { Store } from '../actors/ledger/storage/store.js';
import { AllocationJournal, type AllocationRecord } from '../actors/ledger/storage/allocation-journal.js';
import { allocatorActor } from '../actors/allocation/allocator-actor.js';
import { describeAllocation, type AllocatorState } from '../actors/allocation/describe-allocation.js';
import { FAMILIES, type AllocatorSettings, type Family, type Weights } from '../actors/allocation/family.js';
import type { AllocatorContext, Reallocation } from '../machines/allocator.machine.js';

/** A running family as the bridge sees it: its own actor system (with a `risk` actor) and its books. */
export interface AllocationFamily {
  system: ActorSystem;
  /** The capital the family was built with: its risk actor's starting capital. */
  capital: number;
  /** The family's starting capital plus its P&L so far, quote currency. A reallocation moves neither. */
  equity(): number;
}

export interface AllocationBridgeOptions {
  /** Every family; undefined = not running (it keeps its static weight and takes no part). */
  families: Record<Family, AllocationFamily | undefined>;
  /** The whole capital (config.capital) the weights are shares of. */
  totalCapital: number;
  settings: AllocatorSettings;
  store?: Store;
  session: string;
  logger?: Logger;
  /** Longest wait, wall ms, for a family's risk actor to confirm a capital change. Default 5,000. */
  confirmTimeoutMs?: number;
}

export interface AllocationSummary {
  enabled: boolean;
  state: AllocatorState;
  /** Each running family's share of the total capital, as its risk actor holds it now. */
  weights: Weights;
  /** Returns in each running family's window. */
  samples: Partial<Record<Family, number>>;
  reallocations: { ts: number; before: Weights; after: Weights; outcome: AllocationRecord['outcome'] }[];
  why: string;
}

type CapitalChanged = Message<'risk.capitalChanged'>;

/**
 * Hosts the allocator in its own actor system and carries its decisions to the families' risk actors: every shrink
 * first, and only once each shrunk family's risk actor announced its new capital, the grows; so the capital held
 * across families never exceeds the total, even for a moment. The allocator's time is the time of the samples.
 */
export class AllocationBridge {
  private readonly clock = new SimulatedClock(0);
  private readonly system: ActorSystem;
  private readonly running: Family[];
  private readonly capitals: Partial<Record<Family, number>> = {};
  private readonly waiters = new Map<string, (m: CapitalChanged) => void>();
  private readonly journal: AllocationJournal | undefined;
  private readonly reallocations: AllocationSummary['reallocations'] = [];
  private readonly logger: Logger;
  private applying: Promise<void> = Promise.resolve();
  private sent = 0;

  constructor(private readonly options: AllocationBridgeOptions) {
    const { families, totalCapital } = options;
    if (!(totalCapital > 0)) throw new RangeError(`totalCapital must be positive, got ${totalCapital}`);
    this.logger = options.logger ?? pino({ level: 'silent' });
    this.running = FAMILIES.filter((f) => families[f] !== undefined);
    const weights: Weights = {};
    for (const f of this.running) {
      const family = families[f]!;
      this.capitals[f] = family.capital;
      weights[f] = family.capital / totalCapital;
      family.system.observe((m) => {
        if (m.type === 'risk.capitalChanged') this.waiters.get(m.correlationId)?.(m);
      });
    }
    this.journal = options.store ? new AllocationJournal(options.store.runtimeDb) : undefined;
    this.system = new ActorSystem({ clock: this.clock, dispatcher: 'replay', logger: this.logger });
    this.system.observe((m) => {
      if (m.type !== 'allocation.decided') return;
      // A failed reallocation (the journal write) is logged; the next one still runs.
      this.applying = this.applying.then(() => this.apply(m.ts, m)).catch((err: unknown) => this.logger.error({ err }, 'allocation: reallocation failed'));
    });
    this.system.spawn(allocatorActor({ settings: options.settings, weights, totalCapital }));
  }

  /**
   * Reads every running family's equity at `ts` (epoch ms, never earlier than the last sample), journals it (equity
   * table, book = the family, this session: the families' curves on one time base) and hands it to the allocator.
   * Resolves once any reallocation it triggered reached the families' risk actors.
   */
  sample(ts: number): Promise<void> {
    this.clock.set(ts);
    const equities = this.record(ts);
    this.system.publish({ type: 'allocation.sample', equities });
    return this.applying;
  }

  /** Journals every running family's equity at `ts` without feeding the allocator (the session's last point). */
  mark(ts: number): void {
    this.record(ts);
  }

  private record(ts: number): Partial<Record<Family, number>> {
    const equities: Partial<Record<Family, number>> = {};
    for (const f of this.running) {
      const equity = this.options.families[f]!.equity();
      if (!Number.isFinite(equity)) throw new RangeError(`${f}: equity() gave ${equity}, not a finite number`);
      equities[f] = equity;
    }
    for (const f of this.running) this.options.store?.equity.record({ ts, equity: equities[f]!, book: f, session: this.options.session });
    return equities;
  }

  summary(): AllocationSummary {
    const snapshot = this.system.actor('allocator')!.snapshot() as { value: AllocatorState; context: AllocatorContext };
    const { context } = snapshot;
    const samples: Partial<Record<Family, number>> = {};
    const weights: Weights = {};
    for (const f of this.running) {
      samples[f] = context.inputs[f]?.samples ?? 0;
      weights[f] = this.capitals[f]! / this.options.totalCapital;
    }
    return {
      enabled: this.options.settings.enabled,
      state: snapshot.value,
      weights,
      samples,
      reallocations: this.reallocations.map((r) => ({ ...r })),
      why: describeAllocation(snapshot.value, context),
    };
  }

  /** Waits for the reallocations under way, then stops the allocator. */
  async shutdown(): Promise<void> {
    await this.applying;
    await this.system.shutdown();
  }

  private async apply(ts: number, decision: Reallocation): Promise<void> {
    const at = new Date(ts).toISOString();
    const target = (f: Family) => this.options.totalCapital * decision.after[f]!;
    const reason = (f: Family) => `reallocation at ${at}: ${f} ${fmt(decision.before[f]!)} → ${fmt(decision.after[f]!)} of capital`;
    const shrinks = this.running.filter((f) => target(f) < this.capitals[f]!);
    const grows = this.running.filter((f) => target(f) > this.capitals[f]!);
    const shrunk = await Promise.all(shrinks.map((f) => this.changeCapital(f, target(f), reason(f))));
    const unconfirmed = shrinks.filter((_, i) => !shrunk[i]);
    let outcome: AllocationRecord['outcome'] = 'applied';
    let detail = `shrank ${names(shrinks)}, then grew ${names(grows)}`;
    if (unconfirmed.length > 0) {
      outcome = 'grows-skipped';
      detail = `no confirmation from the risk actor of ${names(unconfirmed)} within ${this.timeoutMs} ms: ${names(grows)} kept their capital`;
      this.logger.warn({ unconfirmed, grows }, `allocation: ${detail}`);
    } else {
      const grown = await Promise.all(grows.map((f) => this.changeCapital(f, target(f), reason(f))));
      const late = grows.filter((_, i) => !grown[i]);
      if (late.length > 0) detail += `; no confirmation from the risk actor of ${names(late)} within ${this.timeoutMs} ms`;
    }
    this.reallocations.push({ ts, before: decision.before, after: decision.after, outcome });
    this.journal?.record({ ts, session: this.options.session, before: decision.before, after: decision.after, inputs: decision.inputs, outcome, detail });
  }

  private get timeoutMs(): number {
    return this.options.confirmTimeoutMs ?? 5_000;
  }

  /** Sends `risk.capital` to the family's risk actor; true once it announced the change, false on a time-out. */
  private changeCapital(f: Family, capital: number, reason: string): Promise<boolean> {
    this.sent += 1;
    const correlationId = `allocation:${this.options.session}:${this.sent}`;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(correlationId);
        resolve(false);
      }, this.timeoutMs);
      this.waiters.set(correlationId, (m) => {
        clearTimeout(timer);
        this.waiters.delete(correlationId);
        this.capitals[f] = m.capital;
        resolve(true);
      });
      this.options.families[f]!.system.publish({ type: 'risk.capital', capital, reason, to: 'risk', correlationId });
    });
  }
}

function fmt(weight: number): string {
  return weight.toFixed(4);
}

function names(families: readonly Family[]): string {
  return families.length === 0 ? 'none' : families.join(', ');
}
