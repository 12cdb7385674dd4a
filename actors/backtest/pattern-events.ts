import type { AnyStateMachine } from 'xstate';
import type { MessageType } from '../runtime/messages.js';

const PATTERN_EVENTS = ['pattern.detected', 'pattern.invalidated'] as const satisfies readonly MessageType[];

/** The pattern messages a strategy's machine takes: a host subscribes its actor to them. */
export function patternEvents(machine: AnyStateMachine): MessageType[] {
  return PATTERN_EVENTS.filter((t) => machine.events.includes(t));
}
