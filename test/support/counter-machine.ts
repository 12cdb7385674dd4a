import { assign, emit, setup } from 'xstate';
import type { Message } from '../../actors/runtime/messages.js';

declare module '../../actors/runtime/messages.js' {
  interface MessageMap {
    'test.count': { n: number };
    'test.boom': { why: string };
    'test.counted': { total: number };
    'test.effect': { label: string };
  }
}

/** A machine that sums `test.count`, throws on `test.boom`, and emits an effect on each count. */
export const counterMachine = setup({
  types: { context: {} as { total: number }, events: {} as Message },
}).createMachine({
  id: 'counter',
  context: { total: 0 },
  on: {
    'test.count': {
      actions: [
        assign({ total: ({ context, event }) => context.total + event.n }),
        emit(({ context }) => ({ type: 'test.counted' as const, total: context.total })),
        emit(({ context }) => ({ type: 'test.effect' as const, label: `after ${context.total}` })),
      ],
    },
    'test.boom': {
      actions: ({ event }) => {
        throw new Error(`boom: ${event.why}`);
      },
    },
  },
});

export function totalOf(snapshot: unknown): number {
  return (snapshot as { context: { total: number } }).context.total;
}
