/**
 * Issue 17: `amm-lp` backtested on the recorded day (both pools, 4,019 blocks) on the paper session's actor tree,
 * beside its floor in the same run: stepping the same replayed market with no actors (the exact V3 replay of both
 * pools by block). The difference is what the strategy, risk, the ledger and the feed cost per block.
 */
import { runLpBacktest } from '../actors/backtest/lp/run-lp-backtest.js';
import { replayAmm } from '../actors/venues/amm/replay-amm.js';
import { LOOSE_RISK_LIMITS } from '../actors/backtest/risk-profiles.js';

const FILES = ['data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv', 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv'];
const WARM = 1;
const RUNS = 5;

async function medianMs(work: () => Promise<void>): Promise<number> {
  for (let i = 0; i < WARM; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!;
}

export async function benchAmmLp(): Promise<Record<string, unknown>> {
  let blocks = 0;
  let positions = 0;
  const floorMs = await medianMs(async () => {
    const { market } = replayAmm(FILES, { gasPriceGwei: 20 });
    blocks = 0;
    while (await market.next()) blocks++;
  });
  const backtestMs = await medianMs(async () => {
    const r = await runLpBacktest({ files: FILES, params: {}, capital: 100_000, gasPriceGwei: 20, riskLimits: LOOSE_RISK_LIMITS });
    positions = r.lp.opened;
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    backtestDayMs: round(backtestMs),
    replayFloorMs: round(floorMs),
    ratio: round(backtestMs / floorMs),
    blocks,
    positions,
    actorsPerBlockUs: round(((backtestMs - floorMs) * 1000) / blocks),
  };
}
