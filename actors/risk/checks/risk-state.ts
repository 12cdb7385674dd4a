import { deny, pass, type Check } from './check.js';

/** HALTED lets only cancels through; REDUCING lets only cancels and reduce-only intents through. */
export const riskState: Check = ({ intent, view, amount }) => {
  if (intent.kind === 'cancel') return pass(amount);
  if (view.state === 'HALTED') {
    return deny('HALTED', `risk is HALTED: only cancels pass; ${intent.kind} ${intent.side} ${intent.symbol} refused. Re-arm with risk.rearm once the cause is fixed.`);
  }
  if (view.state === 'REDUCING' && intent.kind !== 'reduce') {
    return deny('REDUCE_ONLY', `risk is REDUCING: only reduce-only intents and cancels pass; ${intent.kind} ${intent.side} ${intent.symbol} refused`);
  }
  return pass(amount);
};
