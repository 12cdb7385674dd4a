import { assign, enqueueActions, setup } from 'xstate';
import type { Candle } from '../market-data/types.js';
import type { Message, PatternSignal } from '../runtime/messages.js';
import type { BarVpinOptions } from './microstructure/bar-vpin.js';
import { ToxicityMeter } from './microstructure/toxicity-meter.js';
import { PatternStream, type PatternStreamOptions } from './pattern-stream.js';

export interface PatternInput {
  /** The market it watches: bars of other symbols are ignored. */
  symbol: string;
  /** The venue its `market.toxicity` names (risk keeps VPIN per venue and symbol). */
  venue: string;
  stream?: PatternStreamOptions;
  toxicity?: Partial<BarVpinOptions>;
}

export interface PatternContext extends PatternInput {
  /** Open time of the last bar taken in (a repeated or older bar is ignored: several hosts may deliver it). */
  lastTs: number | null;
  /** Bars taken in by this incarnation. */
  seen: number;
  detected: number;
  invalidated: number;
  /** VPIN of the last filled bucket, null while warming up. */
  vpin: number | null;
}

export type PatternEvent = Message<'candle.closed' | 'candles.closed'>;
export type PatternEmitted =
  | ({ type: 'pattern.detected' } & PatternSignal)
  | ({ type: 'pattern.invalidated' } & PatternSignal)
  | { type: 'market.toxicity'; venue: string; symbol: string; vpin: number; percentile: number };

/**
 * The pattern actor's machine, one per market: every closed bar goes through the market's PatternStream and BarVpin;
 * what breaks is announced as `pattern.invalidated`, what completes as `pattern.detected`, and VPIN with its percentile
 * among the market's earlier VPINs as `market.toxicity` each time a volume bucket fills (once it has 50 to compare).
 * The detectors are a cache of the bars this incarnation has seen, held beside the machine (they are not plain data);
 * a restarted actor starts them afresh, as its context does.
 */
export function createPatternMachine(id = 'patterns') {
  let cache: { stream: PatternStream; toxicity: ToxicityMeter; seen: number } | undefined;
  const detectors = (ctx: PatternContext) => {
    if (cache === undefined || cache.seen !== ctx.seen) cache = { stream: new PatternStream(ctx.stream), toxicity: new ToxicityMeter(ctx.toxicity), seen: ctx.seen };
    return cache;
  };
  const ownBar = (ctx: PatternContext, event: PatternEvent): Candle | undefined => {
    const candle = event.type === 'candle.closed' ? (event.symbol === ctx.symbol ? event.candle : undefined) : event.bars.find((b) => b.symbol === ctx.symbol)?.candle;
    return candle !== undefined && (ctx.lastTs === null || candle.ts > ctx.lastTs) ? candle : undefined;
  };

  return setup({
    types: { input: {} as PatternInput, context: {} as PatternContext, events: {} as PatternEvent, emitted: {} as PatternEmitted },
    guards: {
      ownBar: ({ context, event }) => ownBar(context, event) !== undefined,
    },
    actions: {
      detect: enqueueActions(({ context, event, enqueue }) => {
        const candle = ownBar(context, event)!;
        const d = detectors(context);
        const changes = d.stream.push(candle);
        const reading = d.toxicity.push(candle);
        d.seen = context.seen + 1;
        const signal = (p: Omit<PatternSignal, 'symbol'>): PatternSignal => ({ symbol: context.symbol, ...p });
        for (const p of changes.invalidated) enqueue.emit({ type: 'pattern.invalidated', ...signal(p) });
        for (const p of changes.detected) enqueue.emit({ type: 'pattern.detected', ...signal(p) });
        if (reading?.percentile != null) enqueue.emit({ type: 'market.toxicity', venue: context.venue, symbol: context.symbol, vpin: reading.vpin, percentile: reading.percentile });
        enqueue(
          assign({
            lastTs: candle.ts,
            seen: context.seen + 1,
            detected: context.detected + changes.detected.length,
            invalidated: context.invalidated + changes.invalidated.length,
            vpin: reading?.vpin ?? context.vpin,
          }),
        );
      }),
    },
  }).createMachine({
    id,
    context: ({ input }) => ({ ...input, lastTs: null, seen: 0, detected: 0, invalidated: 0, vpin: null }),
    initial: 'watching',
    states: {
      watching: {
        on: {
          'candle.closed': { guard: 'ownBar', actions: 'detect' },
          'candles.closed': { guard: 'ownBar', actions: 'detect' },
        },
      },
    },
  });
}

export const patternMachine = createPatternMachine();
