import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig, loadConfig } from '../../config/load.js';
import { issuesOf, tempDirWith } from './helpers.js';

test('the allocator is on by default with the documented numbers', () => {
  assert.deepEqual(defaultConfig().allocator, {
    enabled: true, sampleEveryMs: 5_000, windowSamples: 120, minSamples: 30, shrinkage: 30, floor: 0.05, cap: 0.5, minIntervalMs: 900_000,
  });
});

test('a floor above the cap and more warm-up samples than the window are config errors naming the field and both values', () => {
  const dir = tempDirWith({ 'c.yaml': 'allocator:\n  floor: 0.4\n  cap: 0.3\n  minSamples: 200\n' });
  assert.deepEqual(issuesOf(() => loadConfig({ file: 'c.yaml', cwd: dir, env: {} })), [
    'allocator.floor: must not exceed cap (0.4 > 0.3)',
    'allocator.minSamples: must not exceed windowSamples (200 > 120)',
  ]);
});

test('the allocator can be turned off from the environment', () => {
  const { config } = loadConfig({ cwd: tempDirWith({}), env: { ARBITER_ALLOCATOR__ENABLED: 'false' } });
  assert.equal(config.allocator.enabled, false);
});
