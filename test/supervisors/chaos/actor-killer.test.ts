import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { defaultConfig } from '../../../config/index.js';
import { openStore } from '../../../actors/ledger/storage/store.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import { seededRandom } from '../../../actors/runtime/random.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { startCandleFamily } from '../../../supervisors/candle-family.js';
import { planPaperFamilies } from '../../../supervisors/session-plan.js';
import { drawVictim, killable, startActorKiller } from '../../../supervisors/chaos/actor-killer.js';

const series = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');

/** The market-making family of a paper session, with restarts that never escalate and barely wait. */
function family() {
  const base = defaultConfig();
  const config = { ...base, supervision: { ...base.supervision, maxRestarts: 100_000, backoffMinMs: 1, backoffMaxMs: 2 }, paper: { ...base.paper, strategies: ['market-making'] } };
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'arbiter-killer-')), 'killer.db'));
  const plan = planPaperFamilies(config).running.find((p) => p.family === 'market_making')!;
  const clock = new SimulatedClock(series.candles[0]!.ts);
  const f = startCandleFamily({ config, logger: pino({ level: 'silent' }), store, plan, clock, firstCandle: series.candles[0]!, random: () => 0.5 });
  const kills: Message[] = [];
  f.system.observe((m) => {
    if (m.type === 'chaos.kill') kills.push(m);
  });
  return { ...f, store, kills };
}

const kind = (actor: string) => actor.split(':')[0]!;

test('killable: risk, ledger and execution, the venue and the strategies; not the patterns', () => {
  const f = family();
  assert.deepEqual(killable(f.system), ['risk', 'ledger', 'execution', `venue:${f.venue.id}`, 'strategy:market-making']);
  void f.system.shutdown();
  f.store.close();
});

test('the killer at 200/s: every kill published is journaled as a restart "killed: chaos <n>", over several kinds of actor', async () => {
  const f = family();
  const killer = startActorKiller({ rate: 200, seed: 7, targets: () => [{ family: f.family, system: f.system }] });
  // 300 ms at 200/s, or longer on a machine too busy to tick that often.
  const until = performance.now() + 5_000;
  await new Promise((resolve) => setTimeout(resolve, 300));
  while (killer.kills() < 30 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  killer.stop();
  const stoppedAt = killer.kills();
  await f.system.whenQuiescent();
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(killer.kills(), stoppedAt, 'no kill after stop');

  assert.ok(killer.kills() >= 10, `${killer.kills()} kills at 200/s`);
  assert.equal(killer.kills(), f.kills.length, 'the count is the kills published');
  assert.deepEqual(f.kills.map((m) => (m.type === 'chaos.kill' ? m.reason : '')), f.kills.map((_, i) => `chaos ${i + 1}`));
  const kinds = new Set(f.kills.map((m) => kind(m.to!)));
  assert.ok(kinds.size >= 3, `victims of kinds ${[...kinds].join(', ')}`);

  const restarts = f.store.restarts.list();
  // describe(error) journals the error's name first: `Error: killed: chaos <n>`.
  assert.ok(restarts.every((r) => /^Error: killed: chaos \d+$/.test(r.error)), restarts.map((r) => r.error).join('; '));
  const distinct = new Set(restarts.map((r) => r.error));
  assert.equal(distinct.size, killer.kills(), 'one journaled error per kill (a risk or ledger kill restarts the core actors after it too)');
  for (const m of f.kills) assert.ok(restarts.some((r) => r.actor === m.to && r.error === `Error: killed: ${m.type === 'chaos.kill' ? m.reason : ''}`), `${m.to} restarted`);
  assert.equal(f.haltedBy(), undefined);
  await f.system.shutdown();
  f.store.close();
});

test('a stopped killer ticks no more, and rate 0 starts no timer', () => {
  let ticks: (() => void) | undefined;
  let cleared = false;
  const timers = {
    setInterval: ((fn: () => void) => {
      ticks = fn;
      return { unref() {} };
    }) as unknown as typeof setInterval,
    clearInterval: (() => {
      cleared = true;
    }) as typeof clearInterval,
  };
  const f = family();
  const killer = startActorKiller({ rate: 100, seed: 1, timers, targets: () => [{ family: f.family, system: f.system }] });
  for (let i = 0; i < 5; i++) ticks!();
  assert.equal(killer.kills(), 5, 'one kill per 10 ms tick at 100/s');
  killer.stop();
  assert.ok(cleared);
  ticks!();
  assert.equal(killer.kills(), 5);

  ticks = undefined;
  const off = startActorKiller({ rate: 0, seed: 1, timers, targets: () => [{ family: f.family, system: f.system }] });
  assert.equal(ticks, undefined);
  off.stop();
  void f.system.shutdown();
  f.store.close();
});

test('drawVictim: the same seed draws the same victims, another seed others; a family with no actor is never drawn', () => {
  const candidates = [
    { family: 'a', actors: ['risk', 'ledger', 'execution', 'venue:x', 'strategy:s'] },
    { family: 'b', actors: ['risk', 'execution', 'connection:x:BTC/USDT', 'strategy:t', 'strategy:u'] },
    { family: 'c', actors: [] },
  ];
  const draw = (seed: number) => {
    const random = seededRandom(seed);
    return Array.from({ length: 40 }, () => drawVictim(random, candidates)!);
  };
  assert.deepEqual(draw(3), draw(3));
  assert.notDeepEqual(draw(3), draw(4));
  const victims = draw(3);
  assert.ok(victims.every((v) => v.family !== 'c'));
  assert.deepEqual(new Set(victims.map((v) => v.family)), new Set(['a', 'b']));
  assert.equal(drawVictim(seededRandom(1), [{ family: 'c', actors: [] }]), undefined);
});
