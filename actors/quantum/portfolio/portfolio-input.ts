import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../runtime/errors.js';
import type { Moments } from './moments.js';
import { isPositiveSemidefinite } from './positive-semidefinite.js';

const inputFile = z.strictObject({
  mu: z.array(z.number()).min(1),
  sigma: z.array(z.array(z.number())),
  names: z.array(z.string().min(1)).optional(),
});

/** A portfolio problem given as numbers: μ, Σ, the asset names, and warnings that do not stop it (Σ not PSD). */
export interface PortfolioInput extends Moments {
  names: string[];
  warnings: string[];
}

/**
 * Reads `{"mu": [...], "sigma": [[...]], "names"?: [...]}`: Σ square, of μ's length, symmetric (to 1e-9 of its
 * largest entry), finite numbers; names one per asset (default a0, a1, …). Every problem is an InputError line
 * naming the file, the field and the index (`sigma[2][1]`), counted from 0. Σ not positive semidefinite is a
 * warning: the QUBO is still defined, but it is no covariance.
 */
export function readPortfolioInput(file: string): PortfolioInput {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new InputError(`${file}: cannot read the portfolio file as JSON`, [(cause as Error).message]);
  }
  const parsed = inputFile.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(`${file}: invalid portfolio input`, parsed.error.issues.map((i) => `${file}: ${fieldName(i.path) || '(root)'}: ${i.message}`));
  }
  const { mu, sigma, names } = parsed.data;
  const n = mu.length;
  const issues: string[] = [];
  if (sigma.length !== n) issues.push(`${file}: sigma: ${sigma.length} rows, mu has ${n} entries`);
  sigma.forEach((row, i) => {
    if (row.length !== n) issues.push(`${file}: sigma[${i}]: ${row.length} entries, expected ${n}`);
  });
  if (names !== undefined && names.length !== n) issues.push(`${file}: names: ${names.length} names, mu has ${n} entries`);
  if (issues.length === 0) {
    const tolerance = 1e-9 * Math.max(...sigma.flat().map(Math.abs));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (Math.abs(sigma[i]![j]! - sigma[j]![i]!) > tolerance) issues.push(`${file}: sigma[${i}][${j}] = ${sigma[i]![j]} but sigma[${j}][${i}] = ${sigma[j]![i]}: sigma must be symmetric`);
      }
    }
  }
  if (issues.length > 0) throw new InputError(`${file}: invalid portfolio input`, issues);
  const symmetric = sigma.map((row, i) => row.map((s, j) => (s + sigma[j]![i]!) / 2));
  const warnings = isPositiveSemidefinite(symmetric) ? [] : [`${file}: sigma is not positive semidefinite: it is no covariance matrix (the QUBO is still solved as given)`];
  return { mu, sigma: symmetric, names: names ?? mu.map((_, i) => `a${i}`), warnings };
}

/** A zod path as a field name: ['sigma', 2, 1] → sigma[2][1]. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k === 0 ? String(p) : `.${String(p)}`)).join('');
}
