import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { spawnArbiter } from '../../support/arbiter-cli.js';

const run = (args: string[]) => spawnArbiter(['run', ...args]);

interface NodeSummary {
  orders: number;
  vetoReasons: Record<string, number>;
  cluster: { node: string; keyPrefix: string; budget: { symbols: Record<string, { filled: number; exposure: number }>; gross: number } };
}

test('run --cluster: two node processes share one risk budget in Redis; both meet GLOBAL_BUDGET vetoes and the budget stays within its limit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-cluster-'));
  const keyPrefix = `arbiter-test:{cluster-${process.pid}-${randomBytes(4).toString('hex')}}:`;
  const config = join(dir, 'arbiter.yaml');
  // Market making alone, with a cluster limit of 200 USDT on BTC/USDT: a few of its 0.0008 BTC quotes fit at a time.
  writeFileSync(config, `paper:\n  strategies: [market-making]\ncluster:\n  keyPrefix: '${keyPrefix}'\n  globalMaxPositionNotional: 200\n`);
  const node = (id: string) => run(['--config', config, '--cluster', '--node', id, '--db', join(dir, `${id}.db`), '--duration', '4', '--json']);
  const admin = new Redis('redis://127.0.0.1:6379');
  try {
    const results = await Promise.all([node('n1'), node('n2')]);
    const summaries = results.map((r) => {
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as NodeSummary;
    });
    for (const [i, s] of summaries.entries()) {
      assert.equal(s.cluster.node, `n${i + 1}`);
      assert.equal(s.cluster.keyPrefix, keyPrefix);
      assert.ok(s.orders > 0, `node ${i + 1} traded`);
      assert.ok((s.vetoReasons['GLOBAL_BUDGET'] ?? 0) > 0, `node ${i + 1} met the cluster's limit: ${JSON.stringify(s.vetoReasons)}`);
    }
    // The budget both nodes leave behind: what they filled, together, within the limit (valued at the last price).
    const last = summaries.map((s) => s.cluster.budget.symbols['BTC/USDT']!);
    for (const e of last) assert.ok(e.exposure <= 200 + 1e-6, `exposure ${e.exposure} within 200`);
  } finally {
    const keys = await admin.keys(`${keyPrefix.replace(/[{}]/g, (c) => `\\${c}`)}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  }
});

test('run --node without --cluster, and --cluster with --live, are refused before anything starts (exit 2, one line)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-cluster-refused-'));
  for (const [args, what] of [
    [['--node', 'n1'], /^arbiter run: --node names a cluster node; add --cluster/],
    [['--cluster', '--live'], /^arbiter run: --cluster is for paper sessions for now/],
    [['--cluster', '--node', 'a b'], /^arbiter run: --node a b: letters, digits and \. _ : - only/],
  ] as const) {
    const res = await run([...args, '--db', join(dir, 'x.db'), '--duration', '1']);
    assert.equal(res.status, 2, res.stderr);
    assert.match(res.stderr, what);
    assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr);
  }
});
