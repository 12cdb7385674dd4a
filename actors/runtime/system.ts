import { pino, type Logger } from 'pino';
import { Supervisor, type SupervisorHooks } from '../../supervisors/supervisor.js';
import { defaultPolicy, type SupervisionPolicy } from '../../supervisors/policy.js';
import { ActorCell, type CellHost } from './actor-cell.js';
import type { Dispatcher } from './dispatcher.js';
import { NactDispatcher } from './nact-dispatcher.js';
import { ReplayDispatcher } from './replay-dispatcher.js';
import type { ActorSpec, HandledObserver, InspectObserver, MessageObserver, Outgoing } from './actor-spec.js';
import type { Clock } from './clock.js';
import { MemoryDeadLetters, type DeadLetter, type DeadLetterSink } from './dead-letters.js';
import { InFlight } from './in-flight.js';
import { IdSource, type Message, type MessageType } from './messages.js';
import { MemorySnapshotStore, type SnapshotStore } from './snapshot-store.js';

export interface ActorSystemOptions {
  clock: Clock;
  /**
   * `nact` (default, live): cells are nact actors scheduled among timers and sockets. `replay` (simulated time:
   * backtests, benches): a delivery from outside runs the system synchronously until it is idle.
   */
  dispatcher?: 'nact' | 'replay';
  /** Replay only: messages handled before yielding to the event loop. */
  replayYieldEvery?: number;
  logger?: Logger;
  deadLetters?: DeadLetterSink;
  snapshots?: SnapshotStore;
  inspect?: InspectObserver;
  ids?: IdSource;
  stashLimit?: number;
  rootPolicy?: Partial<SupervisionPolicy>;
  /** Wall-time source for restart intensity; injectable for tests. */
  monotonicNow?: () => number;
  random?: () => number;
  /** Restart and stop decisions, for the journal. */
  onRestart?: (actor: string, error: unknown, attempt: number, delayMs: number) => void;
  /** Escalation went past the root: the boot code halts risk and cancels open orders. */
  onRootEscalation?: (from: string, error: unknown) => void;
}

/**
 * The runtime: nact actors hosting XState machines, messages routed by type and by name,
 * supervision trees, dead letters, and an in-flight count for quiescence.
 */
export class ActorSystem implements CellHost {
  readonly dispatcher: Dispatcher;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly inFlight = new InFlight();
  readonly snapshots: SnapshotStore;
  readonly stashLimit: number;
  readonly inspect: InspectObserver | undefined;
  readonly deadLetters: DeadLetterSink;
  readonly root: Supervisor;
  readonly ids: IdSource;
  private readonly cells = new Map<string, ActorCell>();
  private readonly subscribers = new Map<MessageType, ActorCell[]>();
  private readonly observers: MessageObserver[] = [];
  private readonly handledObservers: HandledObserver[] = [];
  /** What the cells tell after each handled message: unset until someone calls observeHandled. */
  handled: HandledObserver | undefined;
  private deadLetterCount = 0;
  private deliveryCount = 0;
  private readonly hooks: SupervisorHooks;

  constructor(private readonly options: ActorSystemOptions) {
    this.clock = options.clock;
    this.logger = options.logger ?? pino({ level: 'silent' });
    this.deadLetters = options.deadLetters ?? new MemoryDeadLetters();
    this.snapshots = options.snapshots ?? new MemorySnapshotStore();
    this.inspect = options.inspect;
    this.ids = options.ids ?? new IdSource();
    this.stashLimit = options.stashLimit ?? 1_000;
    this.dispatcher =
      options.dispatcher === 'replay' ? new ReplayDispatcher({ yieldEvery: options.replayYieldEvery }) : new NactDispatcher(this.logger);
    this.hooks = {
      now: options.monotonicNow ?? (() => performance.now()),
      random: options.random ?? Math.random,
      onRestart: (actor, error, attempt, delayMs) => {
        this.logger.warn({ actor, attempt, delayMs, err: error }, 'restarting actor');
        options.onRestart?.(actor, error, attempt, delayMs);
        this.publish({ type: 'actor.restarted', actor, attempt, delayMs, error: String(error) });
      },
      onStopped: (actor, reason) => {
        this.logger.warn({ actor, reason }, 'actor stopped');
        this.publish({ type: 'actor.stopped', actor, reason });
      },
      onRootEscalation: (from, error) => {
        this.logger.error({ from, err: error }, 'escalation reached the root');
        options.onRootEscalation?.(from, error);
      },
    };
    this.root = new Supervisor('root', Object.freeze({ ...defaultPolicy, ...options.rootPolicy }), this.hooks);
  }

  get deadLettered(): number {
    return this.deadLetterCount;
  }

  /** Messages handed to actors so far (one message to three subscribers is three deliveries). */
  get delivered(): number {
    return this.deliveryCount;
  }

  supervisor(name: string, policy: Partial<SupervisionPolicy> = {}, parent: Supervisor = this.root): Supervisor {
    const supervisor = new Supervisor(name, Object.freeze({ ...defaultPolicy, ...policy }), this.hooks);
    parent.add(supervisor);
    return supervisor;
  }

  spawn(spec: ActorSpec, parent: Supervisor = this.root): ActorCell {
    if (this.cells.has(spec.name)) throw new Error(`an actor named ${spec.name} already exists`);
    const cell = new ActorCell(spec, this);
    this.cells.set(spec.name, cell);
    for (const type of spec.subscribe ?? []) {
      const list = this.subscribers.get(type) ?? [];
      list.push(cell);
      this.subscribers.set(type, list);
    }
    parent.add(cell);
    return cell;
  }

  actor(name: string): ActorCell | undefined {
    return this.cells.get(name);
  }

  actorNames(): string[] {
    return [...this.cells.keys()];
  }

  restartCount(): number {
    let total = 0;
    for (const cell of this.cells.values()) total += cell.restarts;
    return total;
  }

  /** Every routed message, synchronously: journals and summaries watch here. */
  observe(observer: MessageObserver): void {
    this.observers.push(observer);
  }

  /**
   * Every message an actor has handled, as it finishes it (after the machine took it, before the next one), in the
   * handling turn: metrics time the wait from publish to here. Nothing is called, or costs more than a check, until
   * the first observer.
   */
  observeHandled(observer: HandledObserver): void {
    const list = this.handledObservers;
    list.push(observer);
    this.handled = list.length === 1 ? observer : (actor, message) => {
      for (const o of list) o(actor, message);
    };
  }

  /** Send from outside any actor (drivers, tests, the CLI). */
  publish(message: Outgoing, correlationId?: string): Message {
    return this.route('system', message, correlationId);
  }

  route(from: string, outgoing: Outgoing, correlationId?: string): Message {
    const id = this.ids.next();
    // Object.assign, not `{ ...outgoing, id, … }`: Node 20's V8 adds each new key after a spread on a slow path
    // (a clone, then a new hidden class per key), and every message would pay it.
    const message = Object.assign({}, outgoing, { id, ts: this.clock.now(), correlationId: outgoing.correlationId ?? correlationId ?? id }) as Message;
    for (const observer of this.observers) observer(message);
    const targets = this.subscribers.get(message.type);
    if (targets) {
      for (const cell of targets) {
        if (cell.name === message.to) continue;
        this.deliveryCount += 1;
        cell.deliver(message);
      }
    }
    if (message.to !== undefined) {
      const cell = this.cells.get(message.to);
      if (cell) {
        this.deliveryCount += 1;
        cell.deliver(message);
      }
      else this.deadLetter({ actor: message.to, message, reason: 'unknown-actor', error: `sent by ${from}` });
    }
    return message;
  }

  deadLetter(letter: Omit<DeadLetter, 'ts'>): void {
    this.deadLetterCount += 1;
    this.deadLetters.record({ ...letter, ts: this.clock.now() });
  }

  whenQuiescent(): Promise<void> {
    return this.inFlight.whenZero();
  }

  async shutdown(): Promise<void> {
    for (const cell of this.cells.values()) if (cell.status !== 'stopped') cell.stop('system shutdown');
    this.dispatcher.shutdown();
  }
}
