import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config/load.js';
import { issuesOf, tempDirWith } from './helpers.js';

test('a first backoff delay above its cap is a config error naming the first delay, in the file or the environment', () => {
  const dir = tempDirWith({ 'c.yaml': 'supervision:\n  backoffMinMs: 2000\n  backoffMaxMs: 500\n' });
  assert.deepEqual(issuesOf(() => loadConfig({ file: 'c.yaml', cwd: dir, env: { ARBITER_NETWORK__BACKOFF_BASE_MS: '9000' } })), [
    'network.backoffBaseMs: must not exceed backoffMaxMs (9000 > 5000) (from ARBITER_NETWORK__BACKOFF_BASE_MS)',
    'supervision.backoffMinMs: must not exceed backoffMaxMs (2000 > 500)',
  ]);
});

test('a first backoff delay equal to its cap is allowed', () => {
  const { config } = loadConfig({ cwd: tempDirWith({}), env: { ARBITER_NETWORK__BACKOFF_BASE_MS: '300', ARBITER_NETWORK__BACKOFF_MAX_MS: '300', ARBITER_SUPERVISION__BACKOFF_MIN_MS: '1000' } });
  assert.equal(config.network.backoffBaseMs, config.network.backoffMaxMs);
  assert.equal(config.supervision.backoffMinMs, config.supervision.backoffMaxMs);
});
