import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLpBacktest } from '../../../actors/backtest/lp/run-lp-backtest.js';

const E500 = 'data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv';
const E3000 = 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv';

test('the timeline has a sample per block whose marks lead to the realised end, and each round\'s open and close times', async () => {
  const r = await runLpBacktest({ files: [E500, E3000], params: {}, capital: 100_000, gasPriceGwei: 20, timeline: true });
  const t = r.timeline!;
  assert.equal(t.referenceFee, 500);
  assert.equal(t.samples.length, r.blocks + 1, 'a sample per block and the realised end');
  const last = t.samples.at(-2)!;
  const end = t.samples.at(-1)!;
  assert.equal(end.strategyUsd, r.pnlUsd);
  assert.equal(end.passiveUsd, r.baselines.passive!.pnlUsd);
  assert.equal(end.holdUsd, r.baselines.hold!.pnlUsd);
  assert.ok(Math.abs(last.holdUsd - end.holdUsd) < 1e-9, 'the withdrawals do not move the replayed pool');
  const burnGas = last.passiveUsd - end.passiveUsd;
  assert.ok(burnGas > 5 && burnGas < r.baselines.passive!.gasUsd, `the passive's last mark is its end before the burn's gas: ${burnGas}`);
  assert.equal(t.rounds.length, r.lp.opened);
  assert.deepEqual(t.rounds.map((x) => x.reason), r.lp.rounds.map((x) => x.reason));
  for (const [i, x] of t.rounds.entries()) {
    assert.ok(x.closedTs !== null && x.closedTs >= x.openedTs, `round ${i} closed after it opened`);
    if (i > 0) assert.ok(x.openedTs >= t.rounds[i - 1]!.closedTs!, 'one position at a time');
  }
  const closedBeforeEnd = t.rounds.at(-1)!.closedTs! < end.ts;
  if (closedBeforeEnd) assert.ok(Math.abs(last.strategyUsd - end.strategyUsd) < 1e-6, 'nothing open at the end: the last mark is the realised P&L');
  assert.equal(t.samples[0]!.strategyUsd, 0);
  assert.ok(t.samples.every((s) => s.priceUsd > 2_100 && s.priceUsd < 2_350), 'ETH in dollars that day');
});
