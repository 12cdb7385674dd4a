import type { Candle } from '../market-data/types.js';
import { findCorrections, findImpulses } from './elliott/find-elliott.js';
import { scanHarmonics } from './harmonic/detect-harmonic.js';
import type { Direction, PatternPoint, SwingPoint } from './swing-point.js';
import { zigzag, type ZigzagThreshold } from './swings/zigzag.js';
import { detectWyckoff } from './wyckoff/wyckoff-detector.js';

/** One detected pattern of any family, as `arbiter patterns --json` prints it. */
export interface ScannedPattern {
  family: 'harmonic' | 'elliott' | 'wyckoff';
  /** e.g. 'gartley', 'impulse', 'abc', 'accumulation'. */
  name: string;
  direction: Direction;
  points: PatternPoint[];
  ratios: Record<string, number>;
  invalidation: number;
  /** Open time (epoch ms) of the bar whose close confirmed the pattern's last point: nothing was known before it. */
  confirmedAt: number;
  /** Wyckoff only: the latest event, phase and status of the schematic. */
  lastEvent?: string;
  phase?: string;
  status?: string;
}

export interface ScanOptions {
  /** The zigzag every harmonic and Elliott pattern is read from; default 1 %. */
  zigzag?: ZigzagThreshold;
}

export const DEFAULT_ZIGZAG: ZigzagThreshold = { kind: 'percent', percent: 1 };

/**
 * Every harmonic, Elliott and Wyckoff pattern over a whole candle series, sorted by the time its last point was
 * confirmed. Elliott windows overlap (waves 0→3 of an impulse also pass as an ABC), so an ABC whose four points are
 * the first four of a reported impulse or diagonal is dropped.
 */
export function scanPatterns(candles: readonly Candle[], opts: ScanOptions = {}): { patterns: ScannedPattern[]; swings: number } {
  const swings = zigzag(candles, opts.zigzag ?? DEFAULT_ZIGZAG);
  const barTs = (index: number) => candles[index]!.ts;
  const confirmedBy = new Map(swings.map((s) => [key(s), s.confirmedAt]));
  const lastConfirmed = (points: readonly PatternPoint[]) => barTs(confirmedBy.get(key(points[points.length - 1]!))!);

  const patterns: ScannedPattern[] = [];
  for (const h of scanHarmonics(swings)) {
    patterns.push({ family: 'harmonic', name: h.name, direction: h.direction, points: h.points, ratios: { ...h.ratios }, invalidation: h.invalidation, confirmedAt: barTs(h.confirmedAt) });
  }
  const impulses = findImpulses(swings);
  const impulseStarts = new Set(impulses.map((p) => p.points.slice(0, 4).map(key).join('|')));
  const corrections = findCorrections(swings).filter((p) => !impulseStarts.has(p.points.map(key).join('|')));
  for (const e of [...impulses, ...corrections]) {
    patterns.push({ family: 'elliott', name: e.name, direction: e.direction, points: e.points, ratios: e.ratios, invalidation: e.invalidation, confirmedAt: lastConfirmed(e.points) });
  }
  for (const w of detectWyckoff(candles)) {
    const confirmed = Math.max(...w.events.map((e) => e.confirmedAt), w.failure?.confirmedAt ?? -1, w.abandonedAt ?? -1);
    patterns.push({
      family: 'wyckoff',
      name: w.name,
      direction: w.direction,
      points: w.events.map(({ label, ts, price }) => ({ label, ts, price })),
      ratios: {},
      invalidation: w.invalidation,
      confirmedAt: barTs(confirmed),
      lastEvent: w.lastEvent,
      phase: w.phase,
      status: w.status,
    });
  }
  patterns.sort((a, b) => a.confirmedAt - b.confirmedAt || a.points[0]!.ts - b.points[0]!.ts || a.family.localeCompare(b.family) || a.name.localeCompare(b.name));
  return { patterns, swings: swings.length };
}

/** A swing's identity among the points of a pattern read off it (a bar can be both a swing high and a swing low). */
function key(p: Pick<SwingPoint, 'ts' | 'price'>): string {
  return `${p.ts}:${p.price}`;
}
