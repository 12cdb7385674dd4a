import { nonNegativeInt, section } from './define.js';
import { z } from 'zod';

/** The paper session's actor killer (arbiter chaos): restarts under load, counted from the journal. */
export const chaos = section({
  killRate: z
    .number()
    .nonnegative()
    .default(0)
    .describe(
      "actors of a paper session killed per second, across all its families, at even intervals from the start of trading until the stop: each kill is a `chaos.kill` to one strategy, risk, execution, ledger or venue/market-connection actor of a family drawn at random, journaled as a restart with error `Error: killed: chaos <n>` (a kill of risk or ledger also restarts the core actors started after it, execution among them, each journaled with the same error, so count distinct errors to count kills); supervision's maxRestarts/withinMs still apply, so a high rate can escalate and halt a family: keep supervision.maxRestarts well above killRate × withinMs / 1000 (0 = off)",
    ),
  seed: nonNegativeInt().default(1).describe('seed of the draws of family and actor: the same seed and the same actors give the same victims in the same order'),
});
