import { assign, enqueueActions, setup } from 'xstate';
import { nextRandom } from '../actors/runtime/random.js';
import { backoffDelay } from '../actors/runtime/backoff.js';

declare module '../actors/runtime/messages.js' {
  interface MessageMap {
    /** Feed → connection: the websocket is open. */
    'feed.opened': { venue: string; symbol: string };
    /** Feed → connection: the websocket closed or errored. */
    'feed.closed': { venue: string; symbol: string; reason: string };
    /** Feed → connection: snapshot + buffered diffs form a continuous book. */
    'feed.synced': { venue: string; symbol: string; lastUpdateId: number };
    /** Feed → connection: a diff did not follow the last one (or the snapshot was too old). */
    'feed.gap': { venue: string; symbol: string };
    /** Feed → connection: no data for the configured time. */
    'feed.silent': { venue: string; symbol: string; lastUpdateTs: number };
    /** Feed → connection: after a resubscribe, diffs are applied again. */
    'feed.flowing': { venue: string; symbol: string };
    /** Connection → risk and strategies: the market's data is live again. */
    'market.live': { venue: string; symbol: string };
  }
}

export interface ConnectionInput {
  venue: string;
  symbol: string;
  /** First reconnect delay, ms; doubles per failed attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Time allowed to reach a synced book before giving up and reconnecting. */
  syncTimeoutMs?: number;
  /** Time allowed in degraded (stale, resubscribed) before a full reconnect. */
  degradedTimeoutMs?: number;
  /** Seed for the jitter (machines hold no ambient randomness). */
  seed?: number;
  /** Connect on start instead of waiting for connection.start (when hosted as an actor). */
  autoStart?: boolean;
}

export interface ConnectionContext {
  venue: string;
  symbol: string;
  baseDelayMs: number;
  maxDelayMs: number;
  syncTimeoutMs: number;
  degradedTimeoutMs: number;
  rng: number;
  /** Consecutive failed attempts since the last time we were live. */
  attempt: number;
  delayMs: number;
  gaps: number;
  lastUpdateTs: number;
  autoStart: boolean;
}

type Ev<T extends string, B = object> = { type: T } & B;
export type ConnectionEvent =
  | Ev<'connection.start'>
  | Ev<'connection.stop'>
  | Ev<'feed.opened'>
  | Ev<'feed.closed', { reason: string }>
  | Ev<'feed.synced', { lastUpdateId: number }>
  | Ev<'feed.gap'>
  | Ev<'feed.silent', { lastUpdateTs: number }>
  | Ev<'feed.flowing'>;

/** Effects for the host (open/close the socket, fetch a snapshot, resubscribe) and messages for the system. */
export type ConnectionEmitted =
  | { type: 'feed.connect'; venue: string; symbol: string }
  | { type: 'feed.disconnect'; venue: string; symbol: string }
  | { type: 'feed.snapshot'; venue: string; symbol: string }
  | { type: 'feed.resubscribe'; venue: string; symbol: string }
  | { type: 'market.stale'; venue: string; symbol: string; lastUpdateTs: number }
  | { type: 'market.live'; venue: string; symbol: string };


/** Reconnect delay for attempt 1, 2, …: "equal jitter" (half the capped exponential delay fixed, half random). */
export function reconnectDelay(attempt: number, baseMs: number, maxMs: number, r: number): number {
  return backoffDelay(attempt - 1, { minMs: baseMs, maxMs, jitter: 0.5 }, () => r);
}

/**
 * One venue market's data connection: connecting → syncing → live → degraded → reconnecting.
 * A gap re-snapshots; silence marks the market stale (risk vetoes it) and resubscribes, and it stays
 * stale until diffs flow again (a REST snapshot proves nothing about the stream); a closed
 * socket, a sync that never completes or a degraded spell that lasts too long reconnects after a
 * jittered exponential backoff. Delays run on the actor's clock (XState `after`).
 */
export const connectionMachine = setup({
  types: {
    input: {} as ConnectionInput,
    context: {} as ConnectionContext,
    events: {} as ConnectionEvent,
    emitted: {} as ConnectionEmitted,
  },
  delays: {
    backoff: ({ context }) => context.delayMs,
    syncTimeout: ({ context }) => context.syncTimeoutMs,
    degradedTimeout: ({ context }) => context.degradedTimeoutMs,
  },
  actions: {
    connect: enqueueActions(({ context, enqueue }) => enqueue.emit({ type: 'feed.connect', venue: context.venue, symbol: context.symbol })),
    disconnect: enqueueActions(({ context, enqueue }) => enqueue.emit({ type: 'feed.disconnect', venue: context.venue, symbol: context.symbol })),
    snapshot: enqueueActions(({ context, enqueue }) => enqueue.emit({ type: 'feed.snapshot', venue: context.venue, symbol: context.symbol })),
    resubscribe: enqueueActions(({ context, enqueue }) => enqueue.emit({ type: 'feed.resubscribe', venue: context.venue, symbol: context.symbol })),
    markStale: enqueueActions(({ context, enqueue }) =>
      enqueue.emit({ type: 'market.stale', venue: context.venue, symbol: context.symbol, lastUpdateTs: context.lastUpdateTs }),
    ),
    markLive: enqueueActions(({ context, enqueue }) => enqueue.emit({ type: 'market.live', venue: context.venue, symbol: context.symbol })),
    noteSilence: assign({ lastUpdateTs: ({ event }) => (event.type === 'feed.silent' ? event.lastUpdateTs : 0) }),
    countGap: assign({ gaps: ({ context }) => context.gaps + 1 }),
    resetAttempts: assign({ attempt: 0 }),
    scheduleRetry: assign(({ context }) => {
      const [rng, r] = nextRandom(context.rng);
      const attempt = context.attempt + 1;
      return { rng, attempt, delayMs: reconnectDelay(attempt, context.baseDelayMs, context.maxDelayMs, r) };
    }),
  },
}).createMachine({
  id: 'connection',
  context: ({ input }) => ({
    venue: input.venue,
    symbol: input.symbol,
    baseDelayMs: input.baseDelayMs ?? 500,
    maxDelayMs: input.maxDelayMs ?? 30_000,
    syncTimeoutMs: input.syncTimeoutMs ?? 10_000,
    degradedTimeoutMs: input.degradedTimeoutMs ?? 15_000,
    rng: input.seed ?? 1,
    attempt: 0,
    delayMs: 0,
    gaps: 0,
    lastUpdateTs: 0,
    autoStart: input.autoStart ?? false,
  }),
  initial: 'idle',
  on: {
    'connection.stop': { target: '.stopped', actions: 'disconnect' },
  },
  states: {
    idle: {
      always: { guard: ({ context }) => context.autoStart, target: 'connecting' },
      on: { 'connection.start': 'connecting' },
    },
    connecting: {
      entry: 'connect',
      on: {
        'feed.opened': 'syncing',
        'feed.closed': 'reconnecting',
      },
      after: { syncTimeout: { target: 'reconnecting', actions: 'disconnect' } },
    },
    syncing: {
      entry: 'snapshot',
      on: {
        'feed.synced': { target: 'live', actions: ['resetAttempts', 'markLive'] },
        'feed.gap': { target: 'syncing', reenter: true, actions: 'countGap' },
        'feed.closed': 'reconnecting',
      },
      after: { syncTimeout: { target: 'reconnecting', actions: 'disconnect' } },
    },
    live: {
      on: {
        'feed.gap': { target: 'syncing', actions: 'countGap' },
        'feed.silent': { target: 'degraded', actions: ['noteSilence', 'markStale', 'resubscribe'] },
        'feed.closed': { target: 'reconnecting', actions: 'markStale' },
      },
    },
    degraded: {
      // A snapshot alone does not end a stale spell: only diffs flowing again do.
      on: {
        'feed.flowing': { target: 'live', actions: 'markLive' },
        'feed.silent': { actions: 'resubscribe' },
        'feed.gap': { target: 'syncing', actions: 'countGap' },
        'feed.closed': 'reconnecting',
      },
      after: { degradedTimeout: { target: 'reconnecting', actions: 'disconnect' } },
    },
    reconnecting: {
      entry: 'scheduleRetry',
      after: { backoff: 'connecting' },
      on: { 'feed.closed': {} },
    },
    stopped: { type: 'final' },
  },
});
