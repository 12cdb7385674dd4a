import type { Candle } from '../../market-data/types.js';
import type { AccumulationLabel, DistributionLabel, WyckoffSchematic } from './schematic.js';

/** Distribution is accumulation upside down: negated prices turn highs into lows, so one tracker reads both. */
export function mirrorCandle(c: Candle): Candle {
  return { ts: c.ts, open: -c.open, high: -c.low, low: -c.high, close: -c.close, volume: c.volume };
}

const DISTRIBUTION_LABEL: Readonly<Record<AccumulationLabel, DistributionLabel>> = {
  PS: 'PSY', SC: 'BC', AR: 'AR', ST: 'ST', Spring: 'UTAD', SOS: 'SOW', LPS: 'LPSY',
};

/** An accumulation read off mirrored candles, turned back into the distribution it is on the real ones. */
export function toDistribution(s: WyckoffSchematic): WyckoffSchematic {
  const label = (l: string): DistributionLabel => DISTRIBUTION_LABEL[l as AccumulationLabel];
  return {
    ...s,
    name: 'distribution',
    lastEvent: label(s.lastEvent),
    direction: 'bearish',
    events: s.events.map((e) => ({ ...e, label: label(e.label), price: -e.price })),
    range: { low: -s.range.high, high: -s.range.low },
    invalidation: -s.invalidation,
    ...(s.failure ? { failure: { ...s.failure, kind: 'breakout' as const, price: -s.failure.price } } : {}),
  };
}
