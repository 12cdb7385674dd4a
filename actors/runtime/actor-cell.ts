import Denque from 'denque';
import { dispatch, spawn, stop as stopNact } from 'nact';
import { createActor, type AnyActor } from 'xstate';
import type { Logger } from 'pino';
import { guardOnCrash, type NactSupervisionContext } from '../../supervisors/nact-guard.js';
import type { Supervisee, Supervisor } from '../../supervisors/supervisor.js';
import type { ActorSpec, EffectContext, InspectObserver, Outgoing } from './actor-spec.js';
import type { Clock } from './clock.js';
import type { DeadLetter } from './dead-letters.js';
import type { InFlight } from './in-flight.js';
import type { Message } from './messages.js';
import type { SnapshotStore } from './snapshot-store.js';

/** What a cell needs from the system that hosts it. */
export interface CellHost {
  readonly nactRoot: unknown;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly inFlight: InFlight;
  readonly snapshots: SnapshotStore;
  readonly stashLimit: number;
  readonly inspect: InspectObserver | undefined;
  deadLetter(letter: Omit<DeadLetter, 'ts'>): void;
  route(from: string, message: Outgoing, correlationId: string): void;
}

let nactNames = 0;
/** nact paths allow only [a-z0-9-$_.+!*'(),]; our addresses ('venue:paper') stay as they are. */
function nactName(name: string): string {
  nactNames += 1;
  return `${name.replace(/[^a-z0-9\-$_.+!*'(),]/gi, '.')}.${nactNames}`;
}

const DRAIN_PER_TICK = 64;

export type CellStatus = 'running' | 'restarting' | 'stopped';

/**
 * One addressable actor: a nact actor (mailbox, scheduling, fault hook) hosting one XState actor.
 * The pending queue is ours, not nact's, so a stop can dead-letter what nact would drop,
 * and nact only carries "one message is ready" ticks.
 */
export class ActorCell implements Supervisee {
  status: CellStatus = 'running';
  restarts = 0;
  private readonly pending = new Denque<Message>();
  private current: Message | undefined;
  private gate: Promise<void> | undefined;
  private machine: AnyActor;
  private lastSnapshot: unknown;
  private supervisor: Supervisor | undefined;
  private readonly nactRef: unknown;
  private readonly persist: boolean;
  /** A tick is on its way through nact: later deliveries ride on it instead of scheduling their own. */
  private scheduled = false;

  constructor(
    readonly spec: ActorSpec,
    private readonly host: CellHost,
  ) {
    this.persist = spec.persist ?? true;
    this.lastSnapshot = this.persist ? host.snapshots.load(spec.name) : undefined;
    this.machine = this.startMachine();
    this.nactRef = spawn(host.nactRoot as never, (state: unknown) => this.onTick(state), nactName(spec.name), {
      onCrash: guardOnCrash(
        (_msg, error, ctx) => this.onCrash(error, ctx),
        (policyError) => host.logger.error({ actor: spec.name, err: policyError }, 'supervision policy threw'),
      ),
    } as never);
  }

  get name(): string {
    return this.spec.name;
  }

  get queued(): number {
    return this.pending.length;
  }

  snapshot(): unknown {
    return this.machine.getSnapshot();
  }

  /** The last good state in XState's persisted (JSON-safe) form, for a durable store. */
  persistedSnapshot(): unknown {
    return this.machine.getPersistedSnapshot();
  }

  setParent(parent: Supervisor): void {
    this.supervisor = parent;
  }

  deliver(message: Message): void {
    if (this.status === 'stopped') {
      this.host.deadLetter({ actor: this.name, message, reason: 'stopped' });
      return;
    }
    if (this.status === 'restarting' && this.pending.length >= this.host.stashLimit) {
      this.host.deadLetter({ actor: this.name, message, reason: 'stash-full' });
      return;
    }
    this.host.inFlight.add();
    this.pending.push(message);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    dispatch(this.nactRef as never, 0 as never);
  }

  restart(delayMs: number): void {
    if (this.status === 'stopped') return;
    this.restarts += 1;
    this.machine.stop();
    this.machine = this.startMachine();
    if (delayMs > 0) {
      this.status = 'restarting';
      this.gate = new Promise((resolve) =>
        setTimeout(() => {
          this.gate = undefined;
          if (this.status === 'restarting') this.status = 'running';
          resolve();
        }, delayMs),
      );
    }
  }

  stop(reason: string): void {
    if (this.status === 'stopped') return;
    this.status = 'stopped';
    this.machine.stop();
    while (this.pending.length > 0) {
      const message = this.pending.shift()!;
      this.host.deadLetter({ actor: this.name, message, reason: 'stopped', error: reason });
      this.host.inFlight.done();
    }
    stopNact(this.nactRef as never);
  }

  private startMachine(): AnyActor {
    const actor = createActor(this.spec.machine, {
      input: this.spec.input,
      snapshot: this.lastSnapshot as never,
      inspect: this.host.inspect as never,
      id: this.spec.name,
    });
    actor.on('*', (event: { type: string } & Record<string, unknown>) => this.onEmitted(event));
    actor.subscribe({ error: () => {} });
    actor.start();
    return actor;
  }

  /**
   * One nact tick drains up to DRAIN_PER_TICK messages: a burst costs one scheduling round, not one per message,
   * and a busy actor still yields to the others between rounds.
   */
  private async onTick(state: unknown): Promise<unknown> {
    if (this.gate) await this.gate;
    for (let n = 0; n < DRAIN_PER_TICK && this.status !== 'stopped'; n++) {
      const message = this.pending.shift();
      if (!message) break;
      this.current = message;
      if (message.type === 'chaos.kill') throw new Error(`killed: ${message.reason}`);
      this.machine.send(message);
      const snapshot = this.machine.getSnapshot();
      if (snapshot.status === 'error') throw snapshot.error;
      // XState snapshots are immutable: keeping the reference is enough to restart from this point.
      // The JSON-safe persisted form is made only when someone stores it (persistedSnapshot()).
      if (this.persist) this.lastSnapshot = snapshot;
      this.current = undefined;
      this.host.inFlight.done();
    }
    this.scheduled = false;
    if (this.pending.length > 0 && this.status !== 'stopped') this.schedule();
    return state;
  }

  private onCrash(error: unknown, ctx: NactSupervisionContext): symbol {
    const failed = this.current;
    this.current = undefined;
    this.scheduled = false;
    if (failed) {
      this.host.deadLetter({ actor: this.name, message: failed, reason: 'crashed', error: String(error) });
      this.host.inFlight.done();
    }
    this.host.logger.warn({ actor: this.name, err: error }, 'actor crashed');
    if (!this.supervisor) {
      this.restart(0);
      if (this.pending.length > 0) this.schedule();
      return ctx.resume;
    }
    this.supervisor.childFailed(this, error);
    if (this.status === 'stopped') return ctx.stop;
    // What queued behind the crashing message rides on a fresh tick (nact runs it after this resume).
    if (this.pending.length > 0) this.schedule();
    return ctx.resume;
  }

  private onEmitted(event: { type: string } & Record<string, unknown>): void {
    const correlationId = this.current?.correlationId ?? `${this.name}:start`;
    const effect = this.spec.effects?.[event.type];
    if (!effect) {
      this.host.route(this.name, event as Outgoing, correlationId);
      return;
    }
    this.host.inFlight.add();
    const ctx = this.effectContext(correlationId);
    Promise.resolve()
      .then(() => effect(event, ctx))
      .catch((error: unknown) => {
        this.host.logger.error({ actor: this.name, effect: event.type, err: error }, 'effect failed');
        ctx.reply({ type: 'effect.failed', effect: event.type, error: String(error) });
      })
      .finally(() => this.host.inFlight.done());
  }

  private effectContext(correlationId: string): EffectContext {
    const host = this.host;
    const self = this.name;
    return {
      self,
      clock: host.clock,
      logger: host.logger,
      correlationId,
      reply: (message) => host.route(self, { ...message, to: self }, correlationId),
      publish: (message) => host.route(self, message, correlationId),
    };
  }
}
