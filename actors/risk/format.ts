const formatters = new Map<number, Intl.NumberFormat>();

/** 1550.123 → "1,550.12"; small numbers keep significant digits. */
export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const d = abs !== 0 && abs < 1 ? Math.max(digits, 1 - Math.floor(Math.log10(abs)) + 2) : digits;
  let f = formatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: Math.min(d, 12) });
    formatters.set(d, f);
  }
  return f.format(n);
}

export function pct(fraction: number): string {
  return `${fmt(fraction * 100, 2)}%`;
}

export function baseOf(symbol: string): string {
  return symbol.split('/')[0] ?? symbol;
}

export function quoteOf(symbol: string): string {
  return symbol.split('/')[1]?.split(':')[0] ?? 'quote';
}
