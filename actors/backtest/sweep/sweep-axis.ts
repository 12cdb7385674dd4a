import { InputError } from '../../runtime/errors.js';

/** One `--sweep` flag: a parameter and the values it takes, in order. */
export interface SweepAxis {
  key: string;
  values: Array<number | string>;
}

/** More values than this on one axis is a typo (a step of 0.0001), not a sweep. */
export const MAX_AXIS_VALUES = 10_000;

const BOUNDS = ['start', 'stop', 'step'] as const;

/**
 * Parses the `--sweep` flags: `key=start:stop:step` (numbers; stop included when it lands on the grid) or
 * `key=a,b,c` (items that read as numbers are numbers). Throws one InputError naming every bad flag.
 */
export function parseSweepAxes(flags: readonly string[]): SweepAxis[] {
  const issues: string[] = [];
  const axes: SweepAxis[] = [];
  for (const flag of flags) {
    try {
      const axis = parseSweepAxis(flag);
      if (axes.some((a) => a.key === axis.key)) issues.push(`--sweep ${axis.key}: swept twice`);
      else axes.push(axis);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      issues.push(err.shortMessage);
    }
  }
  if (issues.length > 0) throw new InputError('bad --sweep', issues);
  return axes;
}

export function parseSweepAxis(flag: string): SweepAxis {
  const eq = flag.indexOf('=');
  const key = flag.slice(0, Math.max(eq, 0));
  const spec = flag.slice(eq + 1);
  if (!/^[A-Za-z]\w*$/.test(key) || spec.trim() === '') throw new InputError(`--sweep ${flag}: expected key=start:stop:step or key=a,b,c`);
  return { key, values: spec.includes(':') ? range(key, spec) : list(key, spec) };
}

function range(key: string, spec: string): number[] {
  const parts = spec.split(':');
  if (parts.length !== 3) throw new InputError(`--sweep ${key}=${spec}: a range is start:stop:step`);
  const [start, stop, step] = parts.map((p, i) => {
    const n = Number(p);
    if (p.trim() === '' || !Number.isFinite(n)) throw new InputError(`--sweep ${key}: ${BOUNDS[i]} is not a number (got "${p}")`);
    return n;
  }) as [number, number, number];
  if (step <= 0) throw new InputError(`--sweep ${key}: step must be > 0 (got ${step})`);
  if (start > stop) throw new InputError(`--sweep ${key}: start ${start} is after stop ${stop}`);
  // The epsilon keeps stop on the grid when (stop - start) / step is a whole number up to rounding (0.3 / 0.1).
  const count = Math.floor((stop - start) / step + 1e-9) + 1;
  if (count > MAX_AXIS_VALUES) throw new InputError(`--sweep ${key}: ${count} values, more than ${MAX_AXIS_VALUES}; use a larger step`);
  return Array.from({ length: count }, (_, i) => Number((start + i * step).toPrecision(12)));
}

function list(key: string, spec: string): Array<number | string> {
  const items = spec.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new InputError(`--sweep ${key}=${spec}: an empty item in the list`);
  const values = items.map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined) throw new InputError(`--sweep ${key}: ${twice} is listed twice`);
  return values;
}
