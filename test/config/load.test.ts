import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config/load.js';
import { issuesOf, tempDirWith } from './helpers.js';

test('environment overrides are coerced to the type of the key they name', () => {
  const { config } = loadConfig({
    cwd: tempDirWith({}),
    env: {
      ARBITER_RISK__MAX_LEVERAGE: '2',
      ARBITER_REDIS__ENABLED: 'true',
      ARBITER_LOG__PRETTY: 'false',
      ARBITER_MODE: 'live',
      ARBITER_PAPER__SYMBOL: 'ETH/USDT',
      ARBITER_STRATEGIES__MARKET_MAKING__ORDER_AMOUNT: '0.5',
      ARBITER_PAPER__STRATEGIES: '["market-making"]',
      ARBITER_STORAGE__DB_FILE: '123',
    },
  });
  const leverage: number = config.risk.maxLeverage;
  assert.equal(leverage, 2);
  assert.equal(config.redis.enabled, true);
  assert.equal(config.log.pretty, false);
  assert.equal(config.mode, 'live');
  assert.equal(config.paper.symbol, 'ETH/USDT');
  assert.equal(config.strategies.marketMaking!.orderAmount, 0.5);
  assert.deepEqual(config.paper.strategies, ['market-making']);
  assert.equal(config.storage.dbFile, '123', 'a string key keeps a numeric-looking value as a string');
});

test('the environment wins over the YAML file', () => {
  const dir = tempDirWith({ 'c.yaml': 'risk:\n  maxLeverage: 2.5\n' });
  const { config } = loadConfig({ file: 'c.yaml', cwd: dir, env: { ARBITER_RISK__MAX_LEVERAGE: '1.5' } });
  assert.equal(config.risk.maxLeverage, 1.5);
});

test('a bad environment override is named with its variable', () => {
  const issues = issuesOf(() => loadConfig({ cwd: tempDirWith({}), env: { ARBITER_RISK__MAX_LEVERAGE: 'lots', ARBITER_RISK__MAX_LEVERAG: '2' } }));
  assert.equal(issues.length, 2, issues.join('\n'));
  assert.match(issues.find((i) => i.startsWith('risk.maxLeverage:')) ?? '', /number.*\(from ARBITER_RISK__MAX_LEVERAGE\)/);
  assert.match(issues.find((i) => i.startsWith('ARBITER_RISK__MAX_LEVERAG:')) ?? '', /unknown config override/);
});

test('an unknown key is rejected, naming it, at any level', () => {
  const dir = tempDirWith({ 'c.yaml': 'risk:\n  maxLeverag: 2\nstrategies:\n  marketMaking:\n    sprad: 0.1\nextra: 1\n' });
  const issues = issuesOf(() => loadConfig({ file: 'c.yaml', cwd: dir, env: {} }));
  assert.deepEqual([...issues].sort(), [
    'extra: unknown key',
    'risk.maxLeverag: unknown key (did you mean maxLeverage?)',
    'strategies.marketMaking.sprad: unknown key',
  ]);
});

test('several bad fields are all named in one error', () => {
  const yaml = ['mode: demo', 'capital: -5', 'risk:', '  maxPositionFraction: 1.5', '  maxOrdersPerSecond: 2.5', 'network:', '  keepAlive: "yes"', 'redis:', '  url: http://x', ''].join('\n');
  const issues = issuesOf(() => loadConfig({ file: 'c.yaml', cwd: tempDirWith({ 'c.yaml': yaml }), env: {} }));
  const fields = issues.map((i) => i.split(':')[0]).sort();
  assert.deepEqual(fields, ['capital', 'mode', 'network.keepAlive', 'redis.url', 'risk.maxOrdersPerSecond', 'risk.maxPositionFraction']);
});

test('allocation weights that do not sum to 1 are rejected with the sum and the terms', () => {
  const dir = tempDirWith({ 'c.yaml': 'allocation:\n  flash_loans: 0.5\n' });
  const issues = issuesOf(() => loadConfig({ file: 'c.yaml', cwd: dir, env: {} }));
  assert.equal(issues.length, 1);
  assert.match(issues[0]!, /^allocation: weights must sum to 1, got 1\.2 \(flash_loans 0\.5 \+ arbitrage 0\.2/);
});

test('allocation weights that sum to 1 in floating point are accepted', () => {
  const yaml = 'allocation:\n  flash_loans: 0.1\n  arbitrage: 0.2\n  market_making: 0.3\n  ai_trading: 0.3\n  quantum_trading: 0.1\n';
  const { config } = loadConfig({ file: 'c.yaml', cwd: tempDirWith({ 'c.yaml': yaml }), env: {} });
  assert.equal(config.allocation.market_making, 0.3);
});

test('a YAML syntax error names the file, line and column', () => {
  const dir = tempDirWith({ 'c.yaml': 'risk:\n  maxLeverage: 2\n    bad: [1, 2\n' });
  const issues = issuesOf(() => loadConfig({ file: 'c.yaml', cwd: dir, env: {} }));
  assert.ok(issues.length >= 1);
  for (const issue of issues) assert.match(issue, /c\.yaml:\d+:\d+: YAML syntax error: /);
  assert.match(issues[0]!, /c\.yaml:2:16: YAML syntax error: Nested mappings/);
});

test('a duplicate YAML key is a syntax error', () => {
  const dir = tempDirWith({ 'c.yaml': 'mode: paper\nmode: live\n' });
  const issues = issuesOf(() => loadConfig({ file: 'c.yaml', cwd: dir, env: {} }));
  assert.match(issues[0]!, /c\.yaml:2:1: YAML syntax error: .*unique/i);
});

test('a missing config file and a non-mapping file are errors naming the file', () => {
  const dir = tempDirWith({ 'list.yaml': '- 1\n- 2\n' });
  assert.match(issuesOf(() => loadConfig({ file: 'nope.yaml', cwd: dir, env: {} }))[0]!, /nope\.yaml: cannot read config file \(ENOENT\)/);
  assert.match(issuesOf(() => loadConfig({ file: 'list.yaml', cwd: dir, env: {} }))[0]!, /list\.yaml: the config must be a mapping/);
});

test('a JSON env value sets a record key; cross-field rules name the field', () => {
  const { config } = loadConfig({ cwd: tempDirWith({}), env: { ARBITER_RISK__MAX_NOTIONAL_BY_SYMBOL: '{"BTC/USDT": 5000}' } });
  assert.deepEqual(config.risk.maxNotionalBySymbol, { 'BTC/USDT': 5000 });
  const issues = issuesOf(() => loadConfig({ cwd: tempDirWith({}), env: { ARBITER_RISK__REDUCE_AT_DAILY_LOSS_FRACTION: '0.06' } }));
  assert.deepEqual(issues, ['risk.reduceAtDailyLossFraction: must be below maxDailyLossFraction (0.06 >= 0.05) (from ARBITER_RISK__REDUCE_AT_DAILY_LOSS_FRACTION)']);
});

test('strategy parameters and the session lists are checked by the catalogue: bad value, unknown key, unknown or misplaced strategy', () => {
  const yaml = [
    'strategies:',
    '  smaCross:',
    '    fast: 0',
    '  triangular:',
    '    slipage: 0.1',
    'paper:',
    '  strategies: [market-making, moon]',
    'live:',
    '  strategy: triangular',
    '',
  ].join('\n');
  const issues = issuesOf(() => loadConfig({ file: 'c.yaml', cwd: tempDirWith({ 'c.yaml': yaml }), env: {} }));
  assert.equal(issues.length, 4, issues.join('\n'));
  assert.match(issues.find((i) => i.startsWith('strategies.smaCross.fast:')) ?? '', /too small|>/i);
  assert.match(issues.find((i) => i.startsWith('strategies.triangular.slipage:')) ?? '', /unknown key \(did you mean slippage\?\)/);
  assert.match(issues.find((i) => i.startsWith('paper.strategies.1:')) ?? '', /cross-exchange.*sma-cross/);
  assert.match(issues.find((i) => i.startsWith('live.strategy:')) ?? '', /market-making.*sma-cross/);
});
