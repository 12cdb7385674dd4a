import { allocatorMachine, type AllocatorInput } from '../../machines/allocator.machine.js';
import type { ActorSpec } from '../runtime/actor-spec.js';

/** Learns capital weights from the families' equity samples; its `allocation.decided` messages go to the bridge. */
export function allocatorActor(input: AllocatorInput): ActorSpec {
  return {
    name: 'allocator',
    machine: allocatorMachine,
    input,
    subscribe: ['allocation.sample'],
  };
}
