import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawnArbiter } from '../../support/arbiter-cli.js';
import { TEST_PG_URL } from '../../support/fresh-pg-schema.js';
import type { ClusterReport } from '../../../supervisors/cluster/run-cluster.js';

test('arbiter cluster: three processes, the global limit binds with GLOBAL_BUDGET vetoes, Redis restarted mid-run, nothing lost or duplicated against the venue', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-cluster-cmd-'));
  const base = `tc_${process.pid}_${randomBytes(3).toString('hex')}`;
  const config = join(dir, 'arbiter.yaml');
  writeFileSync(config, `paper:\n  strategies: [market-making]\nstorage:\n  postgres:\n    schema: ${base}\n`);
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    const res = await spawnArbiter(['cluster', '--config', config, '--nodes', '3', '--duration', '8', '--restart-redis-at', '4', '--json']);
    assert.equal(res.status, 0, `${res.stdout}\n${res.stderr}`);
    const report = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as ClusterReport;
    assert.equal(report.journal, 'postgres');
    assert.deepEqual(report.nodes.map((n) => [n.id, n.role]), [['venues', 'venues'], ['node-1', 'strategies'], ['node-2', 'strategies']]);
    for (const n of report.nodes.filter((x) => x.role === 'strategies')) {
      assert.ok(n.orders > 0, `${n.id} traded: ${JSON.stringify(n)}`);
      assert.ok(n.globalBudgetVetoes > 0, `${n.id} met the cluster's limit: ${JSON.stringify(n)}`);
    }
    assert.equal(report.redisRestarts.length, 1);
    assert.ok(report.peakGlobalExposure > 0 && report.peakGlobalExposure <= report.globalLimit + 1e-6, `peak ${report.peakGlobalExposure} within ${report.globalLimit}`);
    assert.deepEqual([report.lost, report.duplicated, report.untrackedFills, report.unreconciled], [0, 0, 0, 0], report.examples.join('\n'));
    // The journals the verdict read are really there, one schema per strategy node, with the venue's orders in them.
    const orders = await admin.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${pg.escapeIdentifier(`${base}_node_1`)}.orders`);
    assert.equal(Number(orders.rows[0]!.n), report.nodes[1]!.orders);
  } finally {
    const schemas = await admin.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${base}%`]);
    for (const { nspname } of schemas.rows) await admin.query(`DROP SCHEMA ${pg.escapeIdentifier(nspname)} CASCADE`);
    await admin.end();
  }
});

test('arbiter cluster refuses a cluster without a strategy node, and a restart after the end (exit 2, one line)', async () => {
  for (const [args, what] of [
    [['--nodes', '1'], /^arbiter cluster: --nodes must be at least 2/],
    [['--duration', '5', '--restart-redis-at', '6'], /^arbiter cluster: --restart-redis-at 6 must be before the end of --duration 5/],
  ] as const) {
    const res = await spawnArbiter(['cluster', ...args]);
    assert.equal(res.status, 2, res.stderr);
    assert.match(res.stderr, what);
    assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr);
  }
});
