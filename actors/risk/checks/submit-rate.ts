import { submitsInWindow } from '../risk-view.js';
import { deny, pass, type Check } from './check.js';

/** At most maxSubmits approvals in any sliding window of submitWindowMs (cancels exempt). */
export const submitRate: Check = ({ intent, view, limits, now, amount }) => {
  if (intent.kind === 'cancel') return pass(amount);
  const n = submitsInWindow(view, now, limits.submitWindowMs);
  if (n >= limits.maxSubmits) {
    return deny('RATE_LIMIT', `${n} submits in the last ${limits.submitWindowMs} ms, max ${limits.maxSubmits}; strategy ${intent.strategy} is sending too fast`);
  }
  return pass(amount);
};
