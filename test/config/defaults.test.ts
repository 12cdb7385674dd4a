import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig, loadConfig } from '../../config/load.js';
import { tempDirWith } from './helpers.js';

test('defaults are the spec numbers', () => {
  const config = defaultConfig();
  assert.equal(config.mode, 'paper');
  assert.equal(config.capital, 10_000);
  assert.equal(config.quoteCurrency, 'USDT');
  assert.deepEqual(config.risk, {
    maxPositionFraction: 0.1,
    maxDailyLossFraction: 0.05,
    reduceAtDailyLossFraction: 0.03,
    maxDrawdownFraction: 0.1,
    maxLeverage: 3,
    minProfitFraction: 0.001,
    maxNotionalPerOrder: 10_000,
    maxNotionalBySymbol: {},
    maxOrdersPerSecond: 100,
    staleDataMs: 5_000,
    riskPerTrade: 0.01,
    maxLiquidityFraction: 0.1,
    maxLossStreak: 5,
    cooldownMs: 900_000,
    toxicPercentile: 0.95,
    toxicSizeFactor: 0.5,
    toxicityMaxAgeMs: 5_400_000,
  });
  assert.deepEqual(config.allocation, { flash_loans: 0.3, arbitrage: 0.2, market_making: 0.2, ai_trading: 0.2, quantum_trading: 0.1 });
  assert.equal(config.network.keepAlive, true);
  assert.equal(config.network.timeoutMs, 5_000);
  assert.equal(config.network.retries, 3);
  assert.ok(config.network.backoffBaseMs < config.network.backoffMaxMs);
  assert.equal(config.storage.dbFile, 'arbiter.db');
  assert.deepEqual(config.redis, { url: 'redis://127.0.0.1:6379', enabled: false });
  assert.deepEqual(config.cluster, {
    nodeId: 'node-1',
    keyPrefix: 'arbiter:{budget}:',
    globalMaxPositionNotional: 5_000,
    globalMaxPositionNotionalBySymbol: {},
    globalMaxGrossNotional: 30_000,
    globalMaxDailyLoss: 500,
    reservationTtlMs: 60_000,
    idempotencyWindowMs: 86_400_000,
    maxMarketLagMs: 1_000,
    sweepBatch: 64,
  });
  assert.deepEqual(config.log, { level: 'info', pretty: 'auto' });
  assert.deepEqual(config.supervision, { maxRestarts: 3, withinMs: 10_000, backoffMinMs: 10, backoffMaxMs: 1_000, stashLimit: 1_000 });
  assert.equal(config.replay.dataFile, 'data/candles/BTC_USDT-1m-2021-02-19_week.json');
  assert.equal(config.paper.symbol, 'BTC/USDT');
  assert.deepEqual(config.paper.strategies, ['ai', 'cross-exchange', 'flash-loan', 'market-making', 'quantum-portfolio', 'triangular'], 'every catalogue strategy that runs in paper, baselines aside');
  assert.deepEqual(config.paper.amm, {
    events: ['data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv', 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv'],
    gasPriceGwei: 20,
    blockMs: 250,
  });
  assert.equal(config.live.strategy, 'market-making');
  assert.equal(config.strategies.marketMaking!.baseSpread, 0.001);
  assert.equal(config.strategies.marketMaking!.volatilityWindow, 20);
  assert.deepEqual(config.strategies.smaCross, { fast: 10, slow: 30, fraction: 1 });
});

test('the loaded config is frozen at every level', () => {
  const { config } = loadConfig({ env: {}, cwd: tempDirWith({}) });
  assert.ok(Object.isFrozen(config));
  assert.ok(Object.isFrozen(config.risk));
  assert.ok(Object.isFrozen(config.strategies.marketMaking));
  assert.ok(Object.isFrozen(config.paper.strategies));
  assert.throws(() => {
    (config.risk as { maxLeverage: number }).maxLeverage = 10;
  }, TypeError);
});

test('a YAML file overrides some fields and keeps the other defaults', () => {
  const dir = tempDirWith({ 'c.yaml': 'mode: live\nrisk:\n  maxLeverage: 2\npaper:\n  symbol: ETH/USDT\nstrategies:\n  marketMaking:\n    orderAmount: 0.5\n' });
  const { config } = loadConfig({ file: 'c.yaml', cwd: dir, env: {} });
  assert.equal(config.mode, 'live');
  assert.equal(config.risk.maxLeverage, 2);
  assert.equal(config.risk.maxPositionFraction, 0.1);
  assert.equal(config.paper.symbol, 'ETH/USDT');
  assert.equal(config.strategies.marketMaking!.orderAmount, 0.5);
  assert.equal(config.strategies.marketMaking!.baseSpread, 0.001);
});
