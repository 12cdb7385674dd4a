/**
 * Rounds down to a multiple of a market's step (ccxt `precision.amount`), exactly in decimal:
 * `floor(x / step) * step` alone can land a float hair below the step (0.008263999999999999),
 * which a venue truncates a whole step further down.
 */
export function floorToStep(x: number, step: number): number {
  if (!(step > 0)) return x;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Number((Math.floor(x / step + 1e-9) * step).toFixed(decimals));
}
