import { createLegRiskMachine } from '../../../machines/leg-risk.machine.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { legCapital } from '../catalogue/leg-params.js';
import { triangularActor } from './triangular-actor.js';
import { triangularParams } from './params.js';

export const declaration = declareStrategy({
  name: 'triangular',
  family: 'arbitrage',
  summary: 'three-leg cycles on one venue (Bellman-Ford over the book graph), net of fees and slippage, legs under leg risk',
  machine: { file: 'machines/leg-risk.machine.ts', id: createLegRiskMachine().id },
  params: triangularParams,
  subscribes: ['book.updated'],
  needs: ['books'],
  runs: ['paper'],
  actor(host, p) {
    if (!host.markets || !host.price) throw new Error(`triangular needs the markets and prices of ${host.venue}`);
    const leg = legCapital(host, p.legFraction);
    const quotes = [...new Set(host.markets.map((m) => m.quote))];
    return triangularActor({
      strategy: host.name,
      venue: host.venue,
      markets: [...host.markets],
      fee: host.fees[host.venue] ?? 0,
      minNetReturn: host.limits.minExpectedProfit,
      maxNotional: Object.fromEntries(quotes.map((q) => [q, leg / host.price!(q)])),
      slippage: p.slippage,
      deadlineMs: p.deadlineMs,
      hedgeDeadlineMs: p.hedgeDeadlineMs,
      policy: p.policy,
      session: host.session,
    });
  },
});
