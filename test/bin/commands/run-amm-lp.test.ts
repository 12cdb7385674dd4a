import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { spawnArbiter } from '../../support/arbiter-cli.js';
import { LP_GAS } from '../../../actors/venues/amm/lp-gas.js';

test('arbiter run with amm-lp: the strategy provides liquidity on the local chain\'s real V3 pools through risk, is journaled, pays gas from the receipts and withdraws at the stop', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-amm-lp-'));
  const config = join(dir, 'arbiter.yaml');
  const db = join(dir, 'j.db');
  // $1M: the family's $200k sizes a $10,000 position (risk's max notional per order); at 1 gwei its gas is ~$2.
  writeFileSync(config, 'capital: 1000000\npaper:\n  strategies: [amm-lp]\n  amm:\n    blockMs: 20\n    gasPriceGwei: 1\n');
  const { status, stdout, stderr } = await spawnArbiter(['run', '--config', config, '--db', db, '--duration', '5', '--json']);
  assert.equal(status, 0, stderr);
  const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
  const family = summary.strategies.market_making;
  assert.deepEqual(family.strategies, ['amm-lp']);
  const lp = family.lp;
  assert.ok(lp.opened >= 1, JSON.stringify(lp));
  assert.equal(lp.closed, lp.opened, 'every position withdrawn by the end');
  assert.equal(lp.open, 0);
  assert.ok((lp.byReason.stop ?? 0) >= 1, 'the last one at the stop');
  assert.ok(lp.blocks.done > 20, `recorded blocks sent to the chain: ${lp.blocks.done}`);
  assert.equal(family.fills, 2 * lp.opened, 'a mint and a burn each');
  // The ledger's P&L (from the fills and the marks) is the positions' own: principal and fees out, deposit and gas in.
  assert.ok(Math.abs(family.pnl - lp.pnlUsd) < 0.01, `ledger ${family.pnl} vs positions ${lp.pnlUsd}`);
  const price = 2_270;
  const roundTrip = (Number(LP_GAS.mint + LP_GAS.burn) * 1e-9 * price) * lp.closed;
  assert.ok(Math.abs(lp.gasUsd / roundTrip - 1) < 0.2, `gas $${lp.gasUsd} vs LP_GAS at 1 gwei ~$${roundTrip}`);
  for (const r of lp.rounds) assert.ok(Math.abs(r.withdrawnUsd + r.feesUsd - r.depositedUsd - r.gasUsd - r.pnlUsd) < 1e-6);

  const journal = new Database(db, { readonly: true });
  const orders = journal.prepare("select side, status, symbol from orders where venue = 'chain:amm' order by rowid").all() as { side: string; status: string; symbol: string }[];
  const fills = journal.prepare("select fee from fills where venue = 'chain:amm'").all() as { fee: number }[];
  const intents = journal.prepare("select intent from intents where intent like '%chain:amm%'").all() as { intent: string }[];
  journal.close();
  assert.equal(orders.length, 2 * lp.opened);
  assert.deepEqual(orders.slice(0, 2).map((o) => o.side), ['buy', 'sell']);
  assert.ok(orders.every((o) => o.status === 'filled' && /^LP(500|3000)-WETH-USDC\/USDC$/.test(o.symbol)), JSON.stringify(orders));
  assert.ok(fills.length === orders.length && fills.every((f) => f.fee > 0), 'each fill carries its transaction\'s gas');
  const kinds = intents.map((i) => JSON.parse(i.intent).kind);
  assert.deepEqual([...new Set(kinds)].sort(), ['open', 'reduce']);
});
