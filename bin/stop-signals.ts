import { constants } from 'node:os';

export type StopSignal = 'SIGINT' | 'SIGTERM';

const SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];
const CONFIRM_WINDOW_MS = 5_000;

export interface StopSignalsIo {
  on(signal: StopSignal, listener: () => void): unknown;
  off(signal: StopSignal, listener: () => void): unknown;
  write(line: string): void;
  exit(code: number): never;
  now(): number;
}

const processIo: StopSignalsIo = {
  on: (signal, listener) => process.on(signal, listener),
  off: (signal, listener) => process.off(signal, listener),
  // On a terminal the progress bar holds the current line: start a fresh one.
  write: (line) => process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}${line}\n`),
  exit: (code) => process.exit(code),
  now: () => performance.now(),
};

/** How a shell reports a process ended by a signal: 128 + its number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

/**
 * SIGINT and SIGTERM (Ctrl-C, systemd, `docker stop`) stop a session the same way: the first aborts
 * `signal`, and the session cancels what rests, reports, and returns. Another one while it stops says
 * how many orders are still open and asks for a third within 5 s before giving up on them; only that
 * third one exits at once, leaving them open (the journal has them: the next start reconciles them).
 */
export class StopSignals {
  private readonly controller = new AbortController();
  private first: StopSignal | undefined;
  private confirmUntil = -Infinity;
  private readonly listeners = new Map<StopSignal, () => void>();
  /** Orders still open, as the session counts them; until it says, unknown. */
  openOrders: () => number | undefined = () => undefined;

  constructor(private readonly io: StopSignalsIo = processIo) {
    for (const name of SIGNALS) {
      const listener = () => this.received(name);
      this.listeners.set(name, listener);
      io.on(name, listener);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The signal that stopped the session, if one did. */
  get interrupted(): StopSignal | undefined {
    return this.first;
  }

  /** 130 after SIGINT, 143 after SIGTERM, 0 when no signal stopped the session. */
  exitCode(): number {
    return this.first ? signalExitCode(this.first) : 0;
  }

  dispose(): void {
    for (const [name, listener] of this.listeners) this.io.off(name, listener);
    this.listeners.clear();
  }

  private received(name: StopSignal): void {
    if (!this.first) {
      this.first = name;
      this.io.write(`${name}: stopping; cancelling resting orders, then the summary`);
      this.controller.abort(name);
      return;
    }
    const open = this.openOrders();
    const orders = open === undefined ? 'open orders' : `${open} order${open === 1 ? '' : 's'}`;
    if (this.io.now() <= this.confirmUntil) {
      this.io.write(`${name}: exiting now; ${orders} left open (journaled: the next start reconciles ${open === 1 ? 'it' : 'them'})`);
      this.io.exit(signalExitCode(this.first));
      return;
    }
    this.confirmUntil = this.io.now() + CONFIRM_WINDOW_MS;
    this.io.write(`stopping, cancelling ${orders}; press Ctrl-C again within 5 s to exit now (orders stay open)`);
  }
}
