const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A ccxt-style bar length (`1m`, `5m`, `1h`, `1d`, …) in ms, or undefined when `text` is not one. */
export function parseTimeframe(text: string): number | undefined {
  const m = /^(\d+)([smhdw])$/.exec(text);
  return m ? Number(m[1]) * UNITS[m[2]!]! : undefined;
}

/** A bar length in ms as the shortest ccxt-style text (`60000` → `1m`, `90000` → `90s`). */
export function formatTimeframe(ms: number): string {
  for (const [unit, size] of Object.entries(UNITS).reverse()) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
