/**
 * Platt scaling: P'(up) = σ(a · logit(p) + b) over the inner model's P(up) p. a = 1, b = 0 leaves p as it is (up to
 * the clip below); a < 1 pulls over-confident forecasts toward 0.5, b moves them toward the up rate.
 */
export interface PlattScaling {
  a: number;
  b: number;
}

/**
 * p is clipped to [EDGE, 1 − EDGE] before the logit: the recurrent nets' P(up) is a regression output clipped to
 * [0, 1], and a bare 0 or 1 would be an infinite logit that no a can bring back.
 */
const EDGE = 0.001;
/** Ridge on a: keeps the fit defined when every p is the same (then a → 0 and b is the up rate's logit). */
const RIDGE = 1e-3;
const MAX_STEPS = 50;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function plattInput(p: number): number {
  const c = Math.min(1 - EDGE, Math.max(EDGE, p));
  return Math.log(c / (1 - c));
}

export function applyPlatt(c: PlattScaling, p: number): number {
  return sigmoid(c.a * plattInput(p) + c.b);
}

/**
 * Fits a and b by Newton's method (with step halving) on the log loss of (p, up) pairs. The targets are Platt's
 * (1999): (N₊ + 1)/(N₊ + 2) for an up and 1/(N₋ + 2) for a down, rather than 1 and 0, so that a held-out set the
 * forecasts happen to separate perfectly still gives finite a and b.
 */
export function fitPlatt(ps: readonly number[], ups: readonly (0 | 1)[]): PlattScaling {
  if (ps.length === 0 || ps.length !== ups.length) throw new Error(`fitPlatt: ${ps.length} forecasts for ${ups.length} outcomes`);
  const x = ps.map(plattInput);
  const nUp = ups.reduce<number>((n, u) => n + u, 0);
  const nDown = ups.length - nUp;
  const t = ups.map((u) => (u === 1 ? (nUp + 1) / (nUp + 2) : 1 / (nDown + 2)));

  const loss = (a: number, b: number) => {
    let sum = (RIDGE / 2) * a * a;
    for (let i = 0; i < x.length; i++) {
      const z = a * x[i]! + b;
      // −[t log σ(z) + (1 − t) log(1 − σ(z))], written so that a large |z| cannot overflow.
      sum += Math.max(z, 0) - t[i]! * z + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return sum;
  };

  let a = 0;
  let b = Math.log((nUp + 1) / (nDown + 1));
  let current = loss(a, b);
  for (let step = 0; step < MAX_STEPS; step++) {
    let ga = RIDGE * a, gb = 0, haa = RIDGE, hab = 0, hbb = 0;
    for (let i = 0; i < x.length; i++) {
      const q = sigmoid(a * x[i]! + b);
      const w = q * (1 - q);
      ga += (q - t[i]!) * x[i]!;
      gb += q - t[i]!;
      haa += w * x[i]! * x[i]!;
      hab += w * x[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let scale = 1;
    let next = loss(a - da, b - db);
    while (next > current && scale > 1e-6) {
      scale /= 2;
      next = loss(a - scale * da, b - scale * db);
    }
    if (next > current) break;
    a -= scale * da;
    b -= scale * db;
    const improved = current - next;
    current = next;
    if (Math.abs(scale * da) + Math.abs(scale * db) < 1e-10 || improved < 1e-12) break;
  }
  return { a, b };
}
