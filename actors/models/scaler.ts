/** Min/max per feature, fitted on a training window only; values outside it are clipped to [0, 1]. */
export interface ScalerState {
  min: number[];
  max: number[];
}

export function fitScaler(rows: readonly (readonly number[])[]): ScalerState {
  if (rows.length === 0) throw new Error('fitScaler: no rows');
  const width = rows[0]!.length;
  const min = new Array<number>(width).fill(Infinity);
  const max = new Array<number>(width).fill(-Infinity);
  for (const row of rows) {
    for (let j = 0; j < width; j++) {
      const v = row[j]!;
      if (v < min[j]!) min[j] = v;
      if (v > max[j]!) max[j] = v;
    }
  }
  return { min, max };
}

/** A constant feature (max = min) scales to 0.5. */
export function scaleRow(state: ScalerState, row: readonly number[]): number[] {
  return row.map((v, j) => {
    const lo = state.min[j]!;
    const span = state.max[j]! - lo;
    if (span <= 0) return 0.5;
    return Math.min(1, Math.max(0, (v - lo) / span));
  });
}
