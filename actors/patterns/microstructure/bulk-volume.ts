import { InputError } from '../../runtime/errors.js';
import type { Trade } from '../../market-data/trades/trade.js';
import { normalCdf } from './normal-cdf.js';

/** The trades of one time bar: their volume and the price change since the bar before. */
export interface VolumeBar {
  start: number;
  /** Σ qty, base units. */
  volume: number;
  /** Last price of this bar − last price of the previous bar with trades (the first bar: − its first trade's). */
  priceChange: number;
}

/** Volume split into a buy and a sell part by bulk classification. */
export interface ClassifiedVolume {
  volume: number;
  /** Estimated buy volume; sell = volume − buy. */
  buy: number;
}

/** Trades (in time order) into bars of `barMs` from the first trade's bar on; bars without trades are skipped. */
export function timeBars(trades: readonly Trade[], barMs: number): VolumeBar[] {
  if (!(barMs > 0)) throw new InputError(`bar length ${barMs} ms: must be positive`);
  const out: VolumeBar[] = [];
  let lastPrice = trades[0]?.price ?? 0;
  let current: { start: number; volume: number; close: number } | undefined;
  const close = () => {
    if (current === undefined) return;
    out.push({ start: current.start, volume: current.volume, priceChange: current.close - lastPrice });
    lastPrice = current.close;
  };
  for (const trade of trades) {
    const start = Math.floor(trade.ts / barMs) * barMs;
    if (current?.start !== start) {
      close();
      current = { start, volume: 0, close: trade.price };
    }
    current.volume += trade.qty;
    current.close = trade.price;
  }
  close();
  return out;
}

/**
 * Bulk-volume classification (Easley, López de Prado & O'Hara 2012, "Flow toxicity and liquidity in a high-frequency
 * world"): each bar's buy volume is V·Φ(ΔP / σ_ΔP), σ_ΔP the sample standard deviation of the bars' price changes.
 * With fewer than 2 bars or no price variation every bar splits half and half.
 */
export function bulkClassify(bars: readonly VolumeBar[]): ClassifiedVolume[] {
  const n = bars.length;
  const mean = bars.reduce((a, b) => a + b.priceChange, 0) / n;
  const sigma = n < 2 ? 0 : Math.sqrt(bars.reduce((a, b) => a + (b.priceChange - mean) ** 2, 0) / (n - 1));
  return bars.map((b) => ({ volume: b.volume, buy: b.volume * (sigma > 0 ? normalCdf(b.priceChange / sigma) : 0.5) }));
}
