import type { OrderIntent } from '../../actors/risk/intent.js';
import type { RiskView } from '../../actors/risk/risk-view.js';
import { DEFAULT_RISK_LIMITS, type RiskLimits } from '../../actors/risk/limits.js';

export const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);

export function view(over: Partial<RiskView> = {}): RiskView {
  return {
    state: 'ACTIVE',
    capital: 10_000,
    equity: 10_000,
    dayStartEquity: 10_000,
    dailyPnl: 0,
    positions: {},
    marks: { 'BTC/USDT': 5_000 },
    openOrdersNotional: 0,
    pending: {},
    recentSubmits: [],
    lastMarketData: { 'paper:BTC/USDT': NOW - 100 },
    ...over,
  };
}

export function intent(over: Partial<OrderIntent> = {}): OrderIntent {
  return {
    intentId: 'mm-1',
    strategy: 'mm',
    venue: 'paper',
    symbol: 'BTC/USDT',
    side: 'buy',
    kind: 'open',
    type: 'limit',
    amount: 0.1,
    price: 5_000,
    ...over,
  };
}

export function limits(over: Partial<RiskLimits> = {}): RiskLimits {
  return { ...DEFAULT_RISK_LIMITS, ...over };
}
