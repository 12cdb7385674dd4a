import { createActor, type AnyActorScope } from 'xstate';
import { orderMachine, type OrderContext, type OrderEmitted, type OrderEvent, type OrderInput } from '../../machines/order.machine.js';

/** An order's machine state as plain data: it lives inside the execution actor's snapshot. */
export interface OrderState {
  value: string;
  context: OrderContext;
  done: boolean;
}

export interface OrderStep {
  state: OrderState;
  emitted: OrderEmitted[];
}

type Snapshot = ReturnType<typeof orderMachine.resolveState>;

/**
 * The XState snapshot each state was made from: the next step starts from it instead of resolving the plain
 * state again (a state restored from a persisted snapshot is resolved once, on its first step).
 */
const resolved = new WeakMap<OrderState, Snapshot>();

function toState(snapshot: Snapshot): OrderState {
  const state: OrderState = { value: String(snapshot.value), context: snapshot.context, done: snapshot.status === 'done' };
  resolved.set(state, snapshot);
  return state;
}

function emittedOf(actions: ReadonlyArray<{ type: string; params?: unknown }>): OrderEmitted[] {
  const out: OrderEmitted[] = [];
  for (const action of actions) {
    if (action.type === 'xstate.emit') out.push((action.params as { event: OrderEmitted }).event);
  }
  return out;
}

/**
 * XState's pure `transition()`/`initialTransition()` build a throwaway actor and system on every call
 * (~60 µs each, measured in bench/pipeline.ts profiles). The order machine spawns no children and uses
 * no system ids, so one inert scope serves every step; actions are collected instead of executed,
 * exactly as those helpers do.
 */
let collected: Array<{ type: string; params?: unknown }> = [];
let scope: AnyActorScope | undefined;
function inertScope(): AnyActorScope {
  if (scope) return scope;
  const self = createActor(orderMachine, { input: { venue: '', intentId: '', strategy: '', request: { clientOrderId: '', symbol: '', side: 'buy', type: 'market', amount: 0 } } });
  scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: { type: string; params?: unknown }) => void collected.push(action),
  } as unknown as AnyActorScope;
  return scope;
}

function collecting<T>(run: (scope: AnyActorScope) => T): [T, Array<{ type: string; params?: unknown }>] {
  collected = [];
  const result = run(inertScope());
  const actions = collected;
  collected = [];
  return [result, actions];
}

/** Pure: the initial state of an order and what it emits on entry. */
export function startOrder(input: OrderInput): OrderStep {
  const [snapshot, actions] = collecting((s) => orderMachine.getInitialSnapshot(s, input));
  return { state: toState(snapshot), emitted: emittedOf(actions) };
}

/** Pure: one event through the order machine (no actor; XState's transition on a reused inert scope). */
export function stepOrder(state: OrderState, event: OrderEvent): OrderStep {
  const snapshot = resolved.get(state) ?? orderMachine.resolveState({ value: state.value, context: state.context });
  const [next, actions] = collecting((s) => orderMachine.transition(snapshot, event, s));
  return { state: toState(next), emitted: emittedOf(actions) };
}
