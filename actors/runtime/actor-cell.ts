import Denque from 'denque';
import { createActor, type AnyActor } from 'xstate';
import type { Logger } from 'pino';
import type { Supervisee, Supervisor } from '../../supervisors/supervisor.js';
import type { Dispatcher, Runnable, Turns } from './dispatcher.js';
import type { ActorSpec, EffectContext, HandledObserver, InspectObserver, Outgoing } from './actor-spec.js';
import type { Clock } from './clock.js';
import type { DeadLetter } from './dead-letters.js';
import type { InFlight } from './in-flight.js';
import type { Message } from './messages.js';
import type { SnapshotStore } from './snapshot-store.js';

/** What a cell needs from the system that hosts it. */
export interface CellHost {
  readonly dispatcher: Dispatcher;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly inFlight: InFlight;
  readonly snapshots: SnapshotStore;
  readonly stashLimit: number;
  readonly inspect: InspectObserver | undefined;
  /** Told of every handled message; undefined (nobody watches) costs a cell one check per message. */
  readonly handled: HandledObserver | undefined;
  deadLetter(letter: Omit<DeadLetter, 'ts'>): void;
  route(from: string, message: Outgoing, correlationId: string): void;
}

export type CellStatus = 'running' | 'restarting' | 'stopped';

/**
 * One addressable actor hosting one XState actor. The pending queue is ours, so a stop can dead-letter what is
 * left; the dispatcher (nact when live, synchronous in replays) only decides when the cell takes a turn.
 */
export class ActorCell implements Supervisee, Runnable {
  status: CellStatus = 'running';
  restarts = 0;
  private readonly pending = new Denque<Message>();
  private current: Message | undefined;
  private gate: ReturnType<typeof setTimeout> | undefined;
  private machine: AnyActor;
  private lastSnapshot: unknown;
  private supervisor: Supervisor | undefined;
  private readonly turns: Turns;
  private readonly persist: boolean;
  /** A turn is on its way: later deliveries ride on it instead of asking for their own. */
  private scheduled = false;

  constructor(
    readonly spec: ActorSpec,
    private readonly host: CellHost,
  ) {
    this.persist = spec.persist ?? true;
    this.lastSnapshot = this.persist ? host.snapshots.load(spec.name) : undefined;
    this.machine = this.startMachine();
    this.turns = host.dispatcher.attach(this);
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
    if (this.scheduled || this.gate) return;
    this.scheduled = true;
    this.turns.schedule();
  }

  restart(delayMs: number): void {
    if (this.status === 'stopped') return;
    this.restarts += 1;
    this.machine.stop();
    this.machine = this.startMachine();
    if (delayMs > 0) {
      if (this.gate) clearTimeout(this.gate);
      this.status = 'restarting';
      // Messages stash in the queue until the backoff ends (the stash limit applies meanwhile).
      this.gate = setTimeout(() => {
        this.gate = undefined;
        if (this.status === 'restarting') this.status = 'running';
        if (this.pending.length > 0) this.schedule();
      }, delayMs);
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
    if (this.gate) clearTimeout(this.gate);
    this.gate = undefined;
    this.turns.stop();
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

  /** Handles up to `max` queued messages; a throw leaves `current` set for the crash path. */
  drain(max: number): number {
    let handled = 0;
    while (handled < max && this.status === 'running') {
      const message = this.pending.shift();
      if (!message) break;
      handled += 1;
      this.current = message;
      if (message.type === 'chaos.kill') throw new Error(`killed: ${message.reason}`);
      this.machine.send(message);
      const snapshot = this.machine.getSnapshot();
      if (snapshot.status === 'error') throw snapshot.error;
      // XState snapshots are immutable: keeping the reference is enough to restart from this point.
      // The JSON-safe persisted form is made only when someone stores it (persistedSnapshot()).
      if (this.persist) this.lastSnapshot = snapshot;
      const onHandled = this.host.handled;
      if (onHandled !== undefined) onHandled(this.name, message);
      this.current = undefined;
      this.host.inFlight.done();
    }
    this.scheduled = false;
    if (this.pending.length > 0 && this.status === 'running') this.schedule();
    return handled;
  }

  crashed(error: unknown): 'stop' | 'resume' {
    const failed = this.current;
    this.current = undefined;
    this.scheduled = false;
    if (failed) {
      this.host.deadLetter({ actor: this.name, message: failed, reason: 'crashed', error: String(error) });
      this.host.inFlight.done();
    }
    this.host.logger.warn({ actor: this.name, err: error }, 'actor crashed');
    if (!this.supervisor) this.restart(0);
    else this.supervisor.childFailed(this, error);
    if (this.status === 'stopped') return 'stop';
    // What queued behind the crashing message takes a fresh turn.
    if (this.pending.length > 0) this.schedule();
    return 'resume';
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
