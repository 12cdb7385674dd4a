import { initialTransition, transition } from 'xstate';
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

function toState(snapshot: Snapshot): OrderState {
  return { value: String(snapshot.value), context: snapshot.context, done: snapshot.status === 'done' };
}

function emittedOf(actions: ReadonlyArray<{ type: string; params?: unknown }>): OrderEmitted[] {
  const out: OrderEmitted[] = [];
  for (const action of actions) {
    if (action.type === 'xstate.emit') out.push((action.params as { event: OrderEmitted }).event);
  }
  return out;
}

/** Pure: the initial state of an order and what it emits on entry. */
export function startOrder(input: OrderInput): OrderStep {
  const [snapshot, actions] = initialTransition(orderMachine, input);
  return { state: toState(snapshot), emitted: emittedOf(actions) };
}

/** Pure: one event through the order machine (XState's transition, no actor). */
export function stepOrder(state: OrderState, event: OrderEvent): OrderStep {
  const snapshot = orderMachine.resolveState({ value: state.value, context: state.context });
  const [next, actions] = transition(orderMachine, snapshot, event);
  return { state: toState(next), emitted: emittedOf(actions) };
}
