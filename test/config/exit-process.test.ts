import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDirWith } from './helpers.js';

const configDir = fileURLToPath(new URL('../../config/', import.meta.url));
/** The child runs in a temp dir, so tsx is passed by absolute URL. */
const tsx = import.meta.resolve('tsx');

test('a real process with a bad config exits 2 and names every field on stderr', () => {
  const dir = tempDirWith({ 'bad.yaml': 'risk:\n  maxLeverage: zero\nallocation:\n  arbitrage: 0.9\nlog:\n  levle: debug\n' });
  const script = `
    const { loadConfig } = await import(${JSON.stringify(configDir + 'load.ts')});
    const { exitOnConfigError } = await import(${JSON.stringify(configDir + 'exit-on-error.ts')});
    try { loadConfig({ file: 'bad.yaml' }); } catch (err) { exitOnConfigError(err); }
    process.stdout.write('not reached');
  `;
  const env = { PATH: process.env.PATH, ARBITER_NETWORK__RETRIES: '-1' };
  const child = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(child.status, 2, child.stderr);
  assert.equal(child.stdout, '');
  const lines = child.stderr.trim().split('\n');
  assert.equal(lines[0], 'invalid config (bad.yaml): 4 issues');
  assert.deepEqual(lines.slice(1).map((l) => l.trim().split(':')[0]).sort(), ['allocation', 'log.levle', 'network.retries', 'risk.maxLeverage']);
});
