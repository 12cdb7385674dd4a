import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OperatorMetrics } from '../../../supervisors/operator/operator-metrics.js';

const doc = readFileSync('docs/operations.md', 'utf8');

test('docs/operations.md lists every arbiter_* metric the registry has, with its type, and nothing it lacks', async () => {
  const metrics = (await new OperatorMetrics().registry.getMetricsAsJSON()).filter((m) => m.name.startsWith('arbiter_'));
  const documented = [...doc.matchAll(/^\| `(arbiter_[a-z_]+)` \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(documented.sort(), metrics.map((m) => `${m.name} ${String(m.type)}`).sort());
});

test('docs/arbiter.service is the unit docs/operations.md shows', () => {
  const shown = /```ini\n(.*?)```/s.exec(doc)?.[1];
  assert.equal(readFileSync('docs/arbiter.service', 'utf8'), shown);
});
