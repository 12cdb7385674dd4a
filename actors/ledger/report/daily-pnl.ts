/** A day's P&L from an equity curve: UTC days, as a fraction of the previous day's closing equity (day one: of capital). */
export interface DailyPnl {
  /** UTC midnight of the day, epoch ms. */
  day: number;
  pnl: number;
  fraction: number;
}

const DAY_MS = 86_400_000;

export function dailyPnl(timestamps: readonly number[], equity: readonly number[], capital: number): DailyPnl[] {
  const out: DailyPnl[] = [];
  let prevClose = capital;
  for (let i = 0; i < timestamps.length; i++) {
    const day = Math.floor(timestamps[i]! / DAY_MS) * DAY_MS;
    const lastOfDay = i === timestamps.length - 1 || Math.floor(timestamps[i + 1]! / DAY_MS) * DAY_MS !== day;
    if (!lastOfDay) continue;
    const close = equity[i]!;
    out.push({ day, pnl: close - prevClose, fraction: prevClose !== 0 ? close / prevClose - 1 : 0 });
    prevClose = close;
  }
  return out;
}

/** A band of daily returns drawn next to the realized ones. These are targets, not expectations. */
export interface DailyTargetBand {
  label: string;
  low: number;
  high: number;
}

export function parseTargetBand(spec: string): DailyTargetBand {
  const parts = spec.split(':');
  const [label, lo, hi] = parts.length === 3 ? parts : ['target', parts[0], parts[1]];
  const low = Number(lo);
  const high = Number(hi);
  if (!label || !Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new RangeError(`daily target band "${spec}": expected [label:]low:high as daily return fractions, low ≤ high`);
  }
  return { label, low, high };
}
