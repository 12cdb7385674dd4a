/**
 * One family's recent samples: its equity and the capital allocated to it when each was taken, oldest first.
 * At most window + 1 samples are kept, which make `window` returns.
 */
export interface FamilyHistory {
  readonly equities: readonly number[];
  readonly capitals: readonly number[];
}

export const EMPTY_HISTORY: FamilyHistory = Object.freeze({ equities: [], capitals: [] });

export function appendSample(history: FamilyHistory, equity: number, capital: number, window: number): FamilyHistory {
  const keep = window + 1;
  return { equities: [...history.equities, equity].slice(-keep), capitals: [...history.capitals, capital].slice(-keep) };
}

/**
 * Return on allocated capital between consecutive samples: (e_i − e_{i−1}) / c_{i−1}. Dividing the P&L by the capital
 * the family had, rather than by its equity, keeps a family that was given more capital from looking more skilled.
 * A step that started with no capital has no return and is left out.
 */
export function returnsOf(history: FamilyHistory): number[] {
  const { equities, capitals } = history;
  const out: number[] = [];
  for (let i = 1; i < equities.length; i++) {
    const capital = capitals[i - 1]!;
    if (capital > 0) out.push((equities[i]! - equities[i - 1]!) / capital);
  }
  return out;
}
