import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lpVerdict } from '../../../../actors/backtest/lp/report/lp-verdict.js';

const baselines = (passive: number, hold: number) => ({
  passive: { fee: 500, tickLower: 0, tickUpper: 10, depositedUsd: 9_000, feesUsd: 0, ilUsd: 0, gasUsd: 0, pnlUsd: passive },
  hold: { depositedUsd: 9_000, endValueUsd: 9_000 + hold, pnlUsd: hold },
});

test('the verdict names the best of the three from the numbers, ties to the cent, and says when nothing opened', () => {
  assert.match(lpVerdict({ strategy: 'amm-lp', pnlUsd: -132.8, baselines: baselines(71.78, 49.86) }), /^On this day the passive position did best: \$71\.78, against holding the first deposit \$49\.86 and amm-lp −\$132\.80\./);
  assert.match(lpVerdict({ strategy: 'amm-lp', pnlUsd: 9.11, baselines: baselines(-60.14, -1.91) }), /^On this day amm-lp did best: \$9\.11, against holding the first deposit −\$1\.91 and the passive position −\$60\.14\./);
  assert.match(lpVerdict({ strategy: 'amm-lp', pnlUsd: 72.051, baselines: baselines(72.049, 50.27) }), /^On this day amm-lp and the passive position tied for best: \$72\.05, against holding the first deposit \$50\.27\./);
  assert.match(lpVerdict({ strategy: 'amm-lp', pnlUsd: 0, baselines: { passive: null, hold: null } }), /^amm-lp opened no position that day, so there is nothing to compare/);
});
