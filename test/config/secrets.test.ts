import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { loadConfig } from '../../config/load.js';
import { issuesOf, tempDirWith } from './helpers.js';

const DOTENV = [
  'BINANCE_API_KEY=bin-key',
  'BINANCE_SECRET=bin-secret',
  'KRAKEN_API_KEY=kr-key',
  'EXECUTOR_PRIVATE_KEY=0xaaa',
  'OWNER_PRIVATE_KEY=0xbbb',
  'FLASHBOTS_AUTH_KEY=0xccc',
  'ARBITER_RISK__MAX_LEVERAGE=1',
  '',
].join('\n');

test('secrets come from a .env file without touching process.env', () => {
  const dir = tempDirWith({ '.env': DOTENV });
  const { config, secrets } = loadConfig({ cwd: dir, env: {} });
  assert.deepEqual(secrets.venues, { binance: { apiKey: 'bin-key', secret: 'bin-secret' }, kraken: { apiKey: 'kr-key' } });
  assert.equal(secrets.executorPrivateKey, '0xaaa');
  assert.equal(secrets.ownerPrivateKey, '0xbbb');
  assert.equal(secrets.flashbotsAuthKey, '0xccc');
  assert.equal(config.risk.maxLeverage, 1, 'ARBITER_* overrides may live in .env too');
  assert.equal(process.env.BINANCE_API_KEY, undefined);
});

test('the real environment wins over .env', () => {
  const dir = tempDirWith({ '.env': DOTENV });
  const { secrets } = loadConfig({ cwd: dir, env: { BINANCE_API_KEY: 'from-env' } });
  assert.equal(secrets.venues.binance?.apiKey, 'from-env');
  assert.equal(secrets.venues.binance?.secret, 'bin-secret');
});

test('an explicit env file that does not exist is an error', () => {
  const dir = tempDirWith({});
  assert.match(issuesOf(() => loadConfig({ cwd: dir, env: {}, envFile: 'prod.env' }))[0]!, /prod\.env: env file not found/);
});

test('printing the secrets never shows a value', () => {
  const { secrets } = loadConfig({ cwd: tempDirWith({ '.env': DOTENV }), env: {} });
  assert.doesNotMatch(JSON.stringify({ secrets }), /bin-key|0xaaa/);
  assert.doesNotMatch(inspect(secrets, { depth: 5 }), /bin-key|0xaaa/);
});

test('a secret in the YAML is an error naming it, at any depth', () => {
  const yaml = 'risk:\n  maxLeverage: 2\nvenues:\n  binance:\n    apiKey: abc\nexecutorPrivateKey: "0x1"\nBINANCE_SECRET: s\n';
  const issues = issuesOf(() => loadConfig({ file: 'c.yaml', cwd: tempDirWith({ 'c.yaml': yaml }), env: {} }));
  const named = issues.map((i) => i.split(':')[0]).sort();
  assert.deepEqual(named, ['BINANCE_SECRET', 'executorPrivateKey', 'venues', 'venues.binance.apiKey']);
  assert.match(issues.find((i) => i.startsWith('venues.binance.apiKey'))!, /secrets are not allowed in the config file/);
  assert.match(issues.find((i) => i.startsWith('venues:')) ?? '', /^venues: unknown key/);
});

test('owner, executor and Flashbots keys must be distinct', () => {
  const issues = issuesOf(() => loadConfig({ cwd: tempDirWith({}), env: { EXECUTOR_PRIVATE_KEY: '0xAbC', OWNER_PRIVATE_KEY: 'abc' } }));
  assert.deepEqual(issues, ['EXECUTOR_PRIVATE_KEY, OWNER_PRIVATE_KEY: must be different keys (owner, executor and Flashbots auth keys are distinct)']);
  assert.doesNotMatch(issues.join(), /0xAbC/, 'the key value is never printed');
});
