import { createLegRiskMachine } from '../../../machines/leg-risk.machine.js';
import { floorToStep } from '../../market-data/precision.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { legCapital } from '../catalogue/leg-params.js';
import { crossExchangeActor } from './cross-exchange-actor.js';
import { crossExchangeParams } from './params.js';

export const declaration = declareStrategy({
  name: 'cross-exchange',
  family: 'arbitrage',
  summary: 'buys one pair where it is cheap and sells it where it is dear, over pre-funded venues, net of both taker fees',
  machine: { file: 'machines/leg-risk.machine.ts', id: createLegRiskMachine().id },
  params: crossExchangeParams,
  subscribes: ['book.updated'],
  needs: ['books'],
  runs: ['paper'],
  actor(host, p) {
    if (!host.price) throw new Error(`cross-exchange needs prices on ${host.venue}`);
    const [base, quote] = host.symbol.split('/') as [string, string];
    const stepSize = host.markets?.find((m) => m.base === base && m.quote === quote)?.rules?.stepSize ?? 1e-8;
    return crossExchangeActor({
      strategy: host.name,
      symbol: host.symbol,
      venues: host.fees,
      minNetProfit: p.minNetProfit,
      maxAmount: floorToStep(legCapital(host, p.legFraction) / host.price(base), stepSize),
      stepSize,
      deadlineMs: p.deadlineMs,
      hedgeDeadlineMs: p.hedgeDeadlineMs,
      policy: p.policy,
      session: host.session,
    });
  },
});
