import { FILL_MODEL_NAMES, fillModel, type FillModel, type FillModelName } from './fill-model.js';

/** The same backtest's headline numbers under one fill model. */
export interface SensitivityRow {
  model: FillModelName;
  pnl: number;
  totalReturn: number;
  sharpe: number | null;
  maxDrawdown: number;
  trades: number;
  fees: number;
}

export interface SensitivityOutcome {
  pnl: number;
  totalReturn: number;
  sharpe: number | null;
  maxDrawdown: number;
  trades: number;
  fees: number;
}

/** Runs the same backtest under optimistic, default and pessimistic fills: how much of the result is the fill assumption. */
export async function fillSensitivity(fee: number, run: (model: FillModel) => Promise<SensitivityOutcome>): Promise<SensitivityRow[]> {
  const rows: SensitivityRow[] = [];
  for (const name of FILL_MODEL_NAMES) rows.push({ model: name, ...(await run(fillModel(name, fee))) });
  return rows;
}
