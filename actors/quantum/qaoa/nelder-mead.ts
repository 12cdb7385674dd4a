/**
 * Nelder–Mead downhill simplex (reflection 1, expansion 2, contraction ½, shrink ½), written here because the npm
 * candidates did not fit: fmin 0.0.4 has no types, builds its first simplex from 5 % of each coordinate (0.001 at
 * zero) with no absolute step, and reads its x-tolerance from the f-tolerance option; optimization-js and the ml-*
 * packages offer no Nelder–Mead with an evaluation budget. Deterministic: no randomness.
 */
export interface NelderMeadOptions {
  /** Absolute size of the first simplex along each axis. */
  step: number;
  maxEvaluations: number;
  /** Stop when the simplex's f spread and its largest coordinate spread both fall below these. */
  fTolerance?: number;
  xTolerance?: number;
}

export function nelderMead(f: (x: number[]) => number, x0: readonly number[], opts: NelderMeadOptions): { x: number[]; fx: number; evaluations: number } {
  const dim = x0.length;
  const fTol = opts.fTolerance ?? 1e-10;
  const xTol = opts.xTolerance ?? 1e-7;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    return f(x);
  };
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + opts.step : v)))].map((x) => ({ x, fx: evaluate(x) }));
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i]! - v));
  while (evaluations < opts.maxEvaluations) {
    simplex.sort((a, b) => a.fx - b.fx);
    const best = simplex[0]!, worst = simplex[dim]!, second = simplex[dim - 1]!;
    let spread = 0;
    for (const p of simplex) for (let i = 0; i < dim; i++) spread = Math.max(spread, Math.abs(p.x[i]! - best.x[i]!));
    if (worst.fx - best.fx < fTol && spread < xTol) break;
    const centroid = new Array<number>(dim).fill(0);
    for (let k = 0; k < dim; k++) for (let i = 0; i < dim; i++) centroid[i]! += simplex[k]!.x[i]! / dim;
    const reflected = along(worst.x, centroid, 2);
    const fr = evaluate(reflected);
    if (fr < best.fx) {
      const expanded = along(worst.x, centroid, 3);
      const fe = evaluate(expanded);
      simplex[dim] = fe < fr ? { x: expanded, fx: fe } : { x: reflected, fx: fr };
    } else if (fr < second.fx) {
      simplex[dim] = { x: reflected, fx: fr };
    } else {
      const outside = fr < worst.fx;
      const contracted = outside ? along(worst.x, centroid, 1.5) : along(worst.x, centroid, 0.5);
      const fc = evaluate(contracted);
      if (fc < Math.min(fr, worst.fx)) simplex[dim] = { x: contracted, fx: fc };
      else
        simplex = simplex.map((p, k) => {
          if (k === 0) return p;
          const x = along(best.x, p.x, 0.5);
          return { x, fx: evaluate(x) };
        });
    }
  }
  simplex.sort((a, b) => a.fx - b.fx);
  return { x: simplex[0]!.x, fx: simplex[0]!.fx, evaluations };
}
