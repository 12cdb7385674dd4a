import type { AnyStateMachine, InspectionEvent, Observer } from 'xstate';
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Message, MessageMap, MessageType } from './messages.js';

/** What a machine emits to send a message: the runtime stamps id, ts and correlation id. */
export type Outgoing<T extends MessageType = MessageType> = {
  [K in T]: { type: K; to?: string; correlationId?: string } & MessageMap[K];
}[T];

export interface EffectContext {
  /** The hosting actor's name. */
  readonly self: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Correlation id of the message whose handling emitted the effect. */
  readonly correlationId: string;
  /** Deliver a result back to the hosting actor (as a message, so its machine decides). */
  reply(message: Outgoing): void;
  /** Route a message through the system like any machine emission. */
  publish(message: Outgoing): void;
}

/** I/O the machine asks for by emitting `{ type: '<effect>' , ... }`; the host runs it. */
export type EffectHandler = (event: { type: string } & Record<string, unknown>, ctx: EffectContext) => unknown;

export interface ActorSpec<TMachine extends AnyStateMachine = AnyStateMachine> {
  /** Unique address, by role: 'risk', 'execution', 'strategy:market-making', 'venue:paper'. */
  name: string;
  machine: TMachine;
  input?: unknown;
  /** Message types delivered to this actor besides those addressed to it by name. */
  subscribe?: readonly MessageType[];
  /** Emitted event types the host turns into I/O. Restoring a snapshot never re-runs them. */
  effects?: Record<string, EffectHandler>;
  /** Keep the machine snapshot after every message so a restart resumes where it was. Default true. */
  persist?: boolean;
}

export type MessageObserver = (message: Message) => void;

/** An actor has just handled a message (its machine took it without throwing). Like a MessageObserver, it must not throw. */
export type HandledObserver = (actor: string, message: Message) => void;

export type InspectObserver = Observer<InspectionEvent> | ((event: InspectionEvent) => void);
