import { deny, pass, type Check } from './check.js';

const positive = (n: number): boolean => Number.isFinite(n) && n > 0;

/** Malformed intents never reach the other rules. */
export const validIntent: Check = ({ intent, amount }) => {
  if (!intent.symbol || !intent.strategy || !intent.intentId) {
    return deny('INVALID_INTENT', `intent needs intentId, strategy and symbol; got ${JSON.stringify({ intentId: intent.intentId, strategy: intent.strategy, symbol: intent.symbol })}`);
  }
  if (intent.side !== 'buy' && intent.side !== 'sell') return deny('INVALID_INTENT', `side must be buy or sell, got ${String(intent.side)}`);
  if (intent.kind === 'cancel') {
    if (!intent.cancelClientOrderId) return deny('INVALID_INTENT', `cancel intent ${intent.intentId} names no cancelClientOrderId`);
    return pass(amount);
  }
  if (intent.kind !== 'open' && intent.kind !== 'reduce') return deny('INVALID_INTENT', `kind must be open, reduce or cancel, got ${String(intent.kind)}`);
  if (!positive(amount)) return deny('INVALID_INTENT', `amount must be a positive number, got ${amount}`);
  if (!positive(intent.price)) return deny('INVALID_INTENT', `price must be a positive number, got ${intent.price}`);
  if (intent.expectedProfit !== undefined && !Number.isFinite(intent.expectedProfit)) {
    return deny('INVALID_INTENT', `expectedProfit must be a finite fraction, got ${intent.expectedProfit}`);
  }
  return pass(amount);
};
