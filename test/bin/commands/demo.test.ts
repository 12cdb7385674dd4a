import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { HDNodeWallet, Mnemonic } from 'ethers';
import { ARBITER } from '../../support/arbiter-cli.js';

test('arbiter demo flash --json: realized == predicted to the wei, simulated, and no key in the output', () => {
  const res = spawnSync(process.execPath, [ARBITER, 'demo', 'flash', '--json'], { encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!);
  assert.equal(typeof out.predictedProfitWei, 'string');
  assert.equal(out.realizedProfitWei, out.predictedProfitWei);
  assert.ok(BigInt(out.realizedProfitWei) > 0n);
  assert.equal(out.simulated, true);
  assert.ok(Number.isInteger(out.bundleBlock) && out.bundleBlock > 0);
  assert.ok(BigInt(out.gasUsed) > 21_000n);
  // the risk actor approved the intent behind the bundle
  assert.match(out.intentId, /^flash-loan-\d+$/);
  assert.ok(out.approvedAmount > 0 && out.expectedProfit > 0.001, JSON.stringify(out));
  // R19: neither the owner's nor the executor's key appears anywhere; the only 32-byte hex is the tx hash
  const text = res.stdout + res.stderr;
  const mnemonic = Mnemonic.fromPhrase('test test test test test test test test test test test junk');
  for (const i of [0, 1]) {
    const key = HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`).privateKey;
    assert.ok(!text.includes(key.slice(2)), `key of account ${i} leaked`);
  }
  const words = text.match(/0x[0-9a-fA-F]{64}/g) ?? [];
  assert.deepEqual(words, [out.txHash]);
  // bad arguments are usage errors
  const bad = spawnSync(process.execPath, [ARBITER, 'demo', 'flash', '--min-profit-wei', '1.5'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--min-profit-wei: expected a non-negative integer/);
});

test('arbiter demo flash: risk refuses a cycle too large for its capital (exit 1, the veto named); bad capital is a usage error', () => {
  const res = spawnSync(process.execPath, [ARBITER, 'demo', 'flash', '--capital-weth', '10000'], { encoding: 'utf8' });
  assert.equal(res.status, 1, res.stdout + res.stderr);
  assert.match(res.stderr, /no bundle submitted: denied: flash-loan-1 POSITION_LIMIT: .*WETH/);
  const bad = spawnSync(process.execPath, [ARBITER, 'demo', 'flash', '--capital-weth', 'lots'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--capital-weth: expected a positive number of WETH, got "lots"/);
});
