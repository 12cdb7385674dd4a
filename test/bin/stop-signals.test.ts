import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StopSignals, signalExitCode, type StopSignal, type StopSignalsIo } from '../../bin/stop-signals.js';

function fakeIo() {
  const listeners = new Map<StopSignal, Set<() => void>>();
  const lines: string[] = [];
  const exits: number[] = [];
  let now = 0;
  const io: StopSignalsIo = {
    on: (s, l) => listeners.set(s, (listeners.get(s) ?? new Set()).add(l)),
    off: (s, l) => listeners.get(s)?.delete(l),
    write: (line) => lines.push(line),
    exit: ((code: number) => {
      exits.push(code);
    }) as StopSignalsIo['exit'],
    now: () => now,
  };
  const send = (s: StopSignal) => [...(listeners.get(s) ?? [])].forEach((l) => l());
  return { io, lines, exits, send, advance: (ms: number) => (now += ms), listening: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

test('exit codes are 128 + the signal number', () => {
  assert.equal(signalExitCode('SIGINT'), 130);
  assert.equal(signalExitCode('SIGTERM'), 143);
});

test('the first signal aborts the session with its name; a second asks for a third within 5 s; only the third exits, with the first signal\'s code', () => {
  const f = fakeIo();
  const stop = new StopSignals(f.io);
  assert.equal(stop.exitCode(), 0);
  f.send('SIGTERM');
  assert.equal(stop.signal.aborted, true);
  assert.equal(stop.signal.reason, 'SIGTERM');
  assert.equal(stop.interrupted, 'SIGTERM');
  assert.equal(stop.exitCode(), 143);
  stop.openOrders = () => 3;
  f.advance(1_000);
  f.send('SIGINT');
  assert.equal(f.lines.at(-1), 'stopping, cancelling 3 orders; press Ctrl-C again within 5 s to exit now (orders stay open)');
  assert.deepEqual(f.exits, []);
  f.advance(5_001);
  stop.openOrders = () => 1;
  f.send('SIGINT');
  assert.deepEqual(f.exits, [], 'the window had passed: asked again, not exited');
  assert.equal(f.lines.at(-1), 'stopping, cancelling 1 order; press Ctrl-C again within 5 s to exit now (orders stay open)');
  f.advance(4_999);
  f.send('SIGINT');
  assert.deepEqual(f.exits, [143]);
  assert.equal(f.lines.at(-1), 'SIGINT: exiting now; 1 order left open (journaled: the next start reconciles it)');
});

test('dispose stops listening; before the session counts its orders the message still reads', () => {
  const f = fakeIo();
  const stop = new StopSignals(f.io);
  assert.equal(f.listening(), 2);
  f.send('SIGINT');
  f.send('SIGINT');
  assert.equal(f.lines.at(-1), 'stopping, cancelling open orders; press Ctrl-C again within 5 s to exit now (orders stay open)');
  stop.dispose();
  assert.equal(f.listening(), 0);
});
