import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FEATURE_CATALOG } from '../../actors/features/catalog.js';

test('docs/features.md has a row for every feature with its group, lag and warm-up', () => {
  const doc = readFileSync('docs/features.md', 'utf8');
  for (const f of FEATURE_CATALOG) {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${f.name}\` |`));
    assert.ok(row, `${f.name} has a row`);
    const cells = row.split('|').map((c) => c.trim());
    assert.equal(cells[2], f.group, `${f.name}: group`);
    assert.equal(cells[4], f.lag, `${f.name}: lag`);
    if (f.needs === 'candles') assert.equal(cells[5], String(f.warmUp), `${f.name}: warm-up`);
  }
});
