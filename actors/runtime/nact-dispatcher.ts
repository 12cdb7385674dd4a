import { dispatch, spawn, start, stop as stopNact } from 'nact';
import type { Logger } from 'pino';
import { guardOnCrash } from '../../supervisors/nact-guard.js';
import type { Dispatcher, Runnable, Turns } from './dispatcher.js';

/** Messages a cell handles per nact turn: a burst costs one scheduling round, and a busy cell still yields. */
const DRAIN_PER_TICK = 64;

let nactNames = 0;
/** nact paths allow only [a-z0-9-$_.+!*'(),]; our addresses ('venue:paper') stay as they are. */
function nactName(name: string): string {
  nactNames += 1;
  return `${name.replace(/[^a-z0-9\-$_.+!*'(),]/gi, '.')}.${nactNames}`;
}

/**
 * Live scheduling: every cell is a nact actor. Its mailbox carries only "a message is ready" ticks (the queue is
 * the cell's own), and nact's fault hook hands a throwing turn to the cell's crash path.
 */
export class NactDispatcher implements Dispatcher {
  private readonly root = start();

  constructor(private readonly logger: Logger) {}

  attach(cell: Runnable): Turns {
    const ref = spawn(
      this.root as never,
      (state: unknown) => {
        cell.drain(DRAIN_PER_TICK);
        return state;
      },
      nactName(cell.name),
      {
        onCrash: guardOnCrash(
          (_msg, error, ctx) => (cell.crashed(error) === 'stop' ? ctx.stop : ctx.resume),
          (policyError) => this.logger.error({ actor: cell.name, err: policyError }, 'supervision policy threw'),
        ),
      } as never,
    );
    return {
      schedule: () => dispatch(ref as never, 0 as never),
      stop: () => stopNact(ref as never),
    };
  }

  shutdown(): void {
    stopNact(this.root as never);
  }
}
