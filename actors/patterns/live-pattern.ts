import type { PatternSignal } from '../runtime/messages.js';
import type { ElliottPattern } from './elliott/elliott-pattern.js';
import type { HarmonicMatch } from './harmonic/detect-harmonic.js';
import type { Direction } from './swing-point.js';
import type { WyckoffSchematic } from './wyckoff/schematic.js';

/** A pattern as the stream announces it: the signal without the market it was seen on. */
export type LivePattern = Omit<PatternSignal, 'symbol'>;

/**
 * The move a pattern implies once complete. Harmonic and Wyckoff directions are that already; an Elliott count's is
 * the way its waves went, and what it implies is the move against it: a correction after an impulse or diagonal, the
 * trend resuming after an ABC.
 */
export function impliedDirection(p: { family: string; direction: Direction }): Direction {
  if (p.family !== 'elliott') return p.direction;
  return p.direction === 'bullish' ? 'bearish' : 'bullish';
}
const idOf = (family: string, name: string, points: readonly { ts: number }[]) => `${family}:${name}:${points[0]!.ts}:${points[points.length - 1]!.ts}`;

/** A harmonic pattern implies the reversal at D; it fails past the PRZ's far edge. */
export function fromHarmonic(h: HarmonicMatch): LivePattern {
  return { patternId: idOf('harmonic', h.name, h.points), family: 'harmonic', name: h.name, direction: h.direction, points: h.points, ratios: { ...h.ratios }, invalidation: h.invalidation };
}

/**
 * A finished Elliott count, signalled in its implied direction: it fails when price runs past its last point (wave 5's
 * end: the impulse is extending; C: the correction is extending).
 */
export function fromElliott(e: ElliottPattern): LivePattern {
  const last = e.points[e.points.length - 1]!;
  return { patternId: idOf('elliott', e.name, e.points), family: 'elliott', name: e.name, direction: impliedDirection(e), points: e.points, ratios: e.ratios, invalidation: last.price };
}

/** The Wyckoff events a stream announces: the ones a trader acts on (phase C's test and phase D's breakout). */
export const WYCKOFF_SIGNALS: ReadonlySet<string> = new Set(['Spring', 'SOS', 'UTAD', 'SOW']);

/** A schematic at one of WYCKOFF_SIGNALS: named after the event (`spring`, `sos`, …), failed at the schematic's invalidation. */
export function fromWyckoff(s: WyckoffSchematic): LivePattern {
  const points = s.events.map(({ label, ts, price }) => ({ label, ts, price }));
  const name = s.lastEvent.toLowerCase();
  return { patternId: `${wyckoffKey(s)}:${name}`, family: 'wyckoff', name, direction: s.direction, points, ratios: {}, invalidation: s.invalidation };
}

/** One schematic's identity across its events: its name and its climax bar. */
export function wyckoffKey(s: WyckoffSchematic): string {
  const climax = s.events.find((e) => e.label === 'SC' || e.label === 'BC')!;
  return `wyckoff:${s.name}:${climax.ts}`;
}

/** The close breaks the pattern: below its invalidation when bullish, above it when bearish. */
export function breaks(p: Pick<LivePattern, 'direction' | 'invalidation'>, close: number): boolean {
  return p.direction === 'bullish' ? close < p.invalidation : close > p.invalidation;
}
