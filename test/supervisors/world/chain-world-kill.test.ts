import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ARBITER } from '../../support/arbiter-cli.js';
import { envNameOf } from '../../../config/introspect.js';
import { openStore } from '../../../actors/ledger/storage/store.js';
import { hostedChainWorld } from '../../support/hosted-chain-world.js';
import { chainVerdict } from '../../../supervisors/world/chain-verdict.js';
import { SESSION_STARTING } from '../../../supervisors/session-starting.js';

const hosted = hostedChainWorld('arbiter-chain-kill-', 11);
const { settings, worldFile } = hosted;
const db = hosted.journal;

interface Run {
  stdout: string;
  status: number | null;
  signal: NodeJS.Signals | null;
}

const bundlesReceived = async () => (await hosted.world().records()).bundles.length;

/** `arbiter run` on the world's chain, flash-loan only; with `killInFlight`, SIGKILLed as soon as the relay receives a bundle from it. */
function run(args: string[], killInFlight = false): Promise<Run> {
  const env = { ...process.env, [envNameOf(['paper', 'world'])]: worldFile, [envNameOf(['paper', 'strategies'])]: '["flash-loan"]', [envNameOf(['log', 'level'])]: 'info' };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ARBITER, 'run', '--db', db, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let timer: NodeJS.Timeout | undefined;
    const watch = async () => {
      const before = await bundlesReceived();
      timer = setInterval(() => void bundlesReceived().then((n) => n > before && child.kill('SIGKILL'), () => {}), 10);
    };
    const take = (d: Buffer) => {
      stdout += d;
      if (killInFlight && !timer && stdout.includes(SESSION_STARTING)) void watch();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('close', (status, signal) => {
      clearInterval(timer);
      resolve({ stdout, status, signal });
    });
  });
}

const reconciledOf = (stdout: string) =>
  stdout.split('\n').filter((l) => l.includes('reconciled the journal')).map((l) => JSON.parse(l) as { settled: number; lost: number; unresolved: number })[0];

test('arbitrage bots SIGKILLed and restarted on one journal against one hosted chain: the journal ends agreeing with the chain', async (t) => {
  const settled: number[] = [];
  for (let i = 0; i < 2; i++) {
    const killed = await run(['--duration', '30'], true);
    assert.equal(killed.signal, 'SIGKILL', killed.stdout.slice(-2_000));
    const r = reconciledOf(killed.stdout);
    assert.ok(r && r.unresolved === 0 && r.lost === 0, killed.stdout.slice(-2_000));
    settled.push(r.settled);
  }
  const last = await run(['--duration', '2', '--json']);
  assert.equal(last.status, 0, last.stdout.slice(-2_000));
  const summary = JSON.parse(last.stdout.trim().split('\n').at(-1)!) as { reconciled: { settled: number; lost: number; unresolved: number }; orders: number };
  assert.equal(summary.reconciled.unresolved + summary.reconciled.lost, 0);
  settled.push(summary.reconciled.settled);
  // Each process after the first found the two legs of the bundle its predecessor was killed with, and settled them from the chain.
  assert.deepEqual(settled, [0, 2, 2]);

  // Past the last bundle's deadline: every bundle the relay took has ended one way or the other.
  const head = (await hosted.world().records()).head;
  while ((await hosted.world().records()).head < head + 4) await new Promise((r) => setTimeout(r, settings.blockMs));
  const records = await hosted.world().records();
  const store = openStore(db);
  try {
    const verdict = chainVerdict(store.orders, records);
    assert.deepEqual(verdict.examples, [], JSON.stringify(verdict));
    assert.equal(verdict.lost + verdict.duplicated + verdict.untrackedFills + verdict.unreconciled, 0);
    assert.ok(verdict.orders >= 4 && records.bundles.some((b) => b.includedIn !== undefined), JSON.stringify({ verdict, bundles: records.bundles.length }));
    assert.deepEqual(store.orders.nonTerminalOrders(), []);
    assert.equal(new Set(records.bundles.map((b) => b.signer)).size >= 2, true, 'several bot processes sent bundles');
    const landed = records.bundles.filter((b) => b.includedIn !== undefined).length;
    t.diagnostic(`bundles: ${records.bundles.length} received, ${landed} landed; journal: ${verdict.orders} orders, ${verdict.fills} fills`);
  } finally {
    store.close();
  }
});
