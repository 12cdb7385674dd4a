import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrailingWindow } from '../../../actors/amm/economics/trailing-window.js';
import { batchWindowStats, type AdvisorSwap, type WindowStats } from '../../../actors/amm/economics/window-stats.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { seededRandom } from '../../../actors/runtime/random.js';

const relClose = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) || Math.abs(a - b) <= 1e-18, `${what}: ${a} ≠ ${b}`);

function sameStats(a: WindowStats, b: WindowStats, at: number) {
  assert.equal(a.observations, b.observations, `observations at swap ${at}`);
  for (const key of ['elapsedSec', 'sumSquaredReturns', 'volumeUsd', 'turnover', 'liquidityUsd', 'sigmaPerSqrtSec', 'volumePerSecUsd', 'utilisationPerDay'] as const) {
    relClose(a[key], b[key], `${key} at swap ${at}`);
  }
}

/** Swaps with several per block at times, quiet stretches longer than the window, and bursts of volatility. */
function syntheticSwaps(n: number, seed: number): AdvisorSwap[] {
  const random = seededRandom(seed);
  const swaps: AdvisorSwap[] = [];
  let ts = 1_704_412_800_000;
  let price = 2250;
  for (let i = 0; i < n; i++) {
    const u = random();
    if (u < 0.3) {
      // same block
    } else if (u < 0.995) ts += 12_000 * (1 + Math.floor(random() * 5));
    else ts += 4_000_000; // a gap longer than the hour window: everything is evicted
    const vol = i % 1000 < 200 ? 0.01 : 0.001;
    price *= Math.exp(vol * (random() - 0.5));
    swaps.push({ ts, price, volumeUsd: 10 ** (2 + 4 * random()), liquidityUsd: 5e7 * (1 + random()) });
  }
  return swaps;
}

test('incremental window equals a batch recomputation over the same window, after every swap (to 1e-9)', () => {
  const swaps = syntheticSwaps(3000, 11);
  const window = new TrailingWindow(3_600_000);
  for (let i = 0; i < swaps.length; i++) {
    window.push(swaps[i]!);
    if (i % 7 === 0 || i === swaps.length - 1) sameStats(window.stats(), batchWindowStats(swaps.slice(0, i + 1), 3_600_000), i);
  }
});

test('the window with hand numbers: block grouping, eviction, rates', () => {
  const w = new TrailingWindow(60_000);
  const at = (ts: number, price: number, volumeUsd = 100) => w.push({ ts, price, volumeUsd, liquidityUsd: 10_000 });
  at(0, 100);
  at(0, 120); // the same block: no return yet (first block ever)
  at(12_000, 110);
  at(12_000, 121); // the block's return is ln(121/120), from the last price of the previous block
  let s = w.stats();
  assert.equal(s.observations, 2);
  assert.equal(s.elapsedSec, 12);
  relClose(s.sumSquaredReturns, Math.log(121 / 120) ** 2, 'Σr²');
  relClose(s.volumePerSecUsd, 400 / 12, 'volume/s');
  relClose(s.utilisationPerDay, (0.04 / 12) * 86_400, 'utilisation/day');
  at(72_000, 121); // 0 and 12 000 are ≤ 72 000 − 60 000: both evicted
  s = w.stats();
  assert.equal(s.observations, 1);
  assert.equal(s.elapsedSec, 60);
  assert.equal(s.sumSquaredReturns, 0);
  relClose(s.volumePerSecUsd, 100 / 60, 'volume/s after eviction');
});

test('a constant price has zero volatility; the ring grows past its first size without losing entries', () => {
  const w = new TrailingWindow(1e12);
  for (let i = 0; i < 1000; i++) w.push({ ts: i * 1000, price: 2000, volumeUsd: 1, liquidityUsd: 1e6 });
  const s = w.stats();
  assert.equal(s.observations, 1000);
  assert.equal(s.sigmaPerSqrtSec, 0);
  relClose(s.volumeUsd, 1000, 'volume');
});

test('bad swaps are refused by name', () => {
  const w = new TrailingWindow(60_000);
  w.push({ ts: 10, price: 1, volumeUsd: 1, liquidityUsd: 1 });
  assert.throws(() => w.push({ ts: 5, price: 1, volumeUsd: 1, liquidityUsd: 1 }), (e: unknown) => e instanceof InputError && /earlier/.test(e.message));
  assert.throws(() => w.push({ ts: 20, price: 0, volumeUsd: 1, liquidityUsd: 1 }), (e: unknown) => e instanceof InputError && /price 0/.test(e.message));
  assert.throws(() => w.push({ ts: 20, price: 1, volumeUsd: 1, liquidityUsd: Number.NaN }), InputError);
  assert.throws(() => new TrailingWindow(0), InputError);
});
