import type { Config } from '../config/index.js';
import { InputError } from '../actors/runtime/errors.js';
import { catalogue, declarationOf } from '../actors/strategies/catalogue/catalogue.js';
import { configKey, FAMILIES, type DataNeed, type Family, type StrategyContext, type StrategyDeclaration } from '../actors/strategies/catalogue/strategy-declaration.js';

/**
 * Where a family's strategies trade in the paper session, from what they need: recorded candles, local exchanges'
 * books, a local chain's pools; a multi-market strategy on candles trades the recorded markets of `replay.universe`.
 */
export type Host = 'candles' | 'universe' | 'local-exchanges' | 'chain';

// A recorded day of DEX swaps is sent to a local chain of the candle host's own (supervisors/lp-host.ts), beside the candles.
const HOST_OF: Partial<Record<DataNeed, Host>> = { candles: 'candles', books: 'local-exchanges', pools: 'chain', swaps: 'candles' };

/** A catalogue strategy with its parameters from the config (`strategies.<camelCaseName>`). */
export interface Selected {
  declaration: StrategyDeclaration;
  params: Record<string, unknown>;
  /** What its declaration's `prepare` loaded for its actor (prepareFamilies), e.g. a trained model. */
  prepared?: unknown;
}

export interface FamilyPlan {
  family: Family;
  host: Host;
  strategies: Selected[];
  /** Listed strategies of the family that cannot trade now, and why (their declaration's `unavailable`). */
  held: { strategy: string; reason: string }[];
  /** config.capital × allocation.<family>. */
  capital: number;
}

/** A family that does not trade this session, and why (`not built yet`, not listed, no capital). */
export interface FamilyOff {
  family: Family;
  disabledReason: string;
  detail: string;
}

export type Lookup = (name: string, where: 'paper' | 'live') => StrategyDeclaration;

export function selected(config: Config, name: string, where: 'paper' | 'live', lookup: Lookup = declarationOf): Selected {
  const declaration = lookup(name, where);
  const raw = (config.strategies as Readonly<Record<string, Record<string, unknown>>>)[configKey(name)] ?? {};
  return { declaration, params: declaration.params.parse(raw) };
}

function hostOf(d: StrategyDeclaration): Host {
  const hosts = new Set(d.needs.flatMap((n) => HOST_OF[n] ?? []).map((h) => (h === 'candles' && d.multiMarket ? 'universe' : h)));
  const [host] = hosts;
  if (hosts.size !== 1 || !host) throw new InputError(`paper.strategies: ${d.name} needs ${d.needs.join(' and ')}; the paper session hosts a strategy on candles, local exchanges' books or a local chain's pools, one of them`);
  return host;
}

/**
 * The paper session's families from `paper.strategies`: each listed strategy joins its family, a family trades on
 * one host, and every family of `allocation` is either planned or says why it is off. `context` is what the
 * strategies' `unavailable` is told (the session's journal, where trained models are).
 */
export function planPaperFamilies(config: Config, lookup: Lookup = declarationOf, context: StrategyContext = {}): { running: FamilyPlan[]; off: FamilyOff[] } {
  const running: FamilyPlan[] = [];
  const off: FamilyOff[] = [];
  const listed = config.paper.strategies.map((name) => selected(config, name, 'paper', lookup));
  for (const family of FAMILIES) {
    const strategies = listed.filter((s) => s.declaration.family === family);
    const share = config.allocation[family];
    if (strategies.length === 0) {
      off.push({ family, ...whyOff(family) });
      continue;
    }
    const hosts = new Set(strategies.map((s) => hostOf(s.declaration)));
    if (hosts.size > 1) {
      throw new InputError(`paper.strategies: the ${family} family would trade on ${[...hosts].join(' and ')} (${strategies.map((s) => s.declaration.name).join(', ')}); a family trades on one host`);
    }
    if (!(share > 0)) {
      off.push({ family, disabledReason: 'no capital', detail: `allocation.${family} is 0; paper.strategies lists ${strategies.map((s) => s.declaration.name).join(', ')}` });
      continue;
    }
    const held = strategies.flatMap((s) => {
      const reason = s.declaration.unavailable?.(s.params, context);
      return reason ? [{ strategy: s.declaration.name, reason }] : [];
    });
    const ready = strategies.filter((s) => !held.some((h) => h.strategy === s.declaration.name));
    if (ready.length === 0) {
      off.push({ family, disabledReason: held[0]!.reason, detail: held.map((h) => `${h.strategy}: ${h.reason}`).join('; ') });
      continue;
    }
    running.push({ family, host: [...hosts][0]!, strategies: ready, held, capital: config.capital * share });
  }
  return { running, off };
}

/** The planned families with what each strategy's `prepare` loaded (a trained model), in `context`. */
export async function prepareFamilies(plans: readonly FamilyPlan[], context: StrategyContext): Promise<FamilyPlan[]> {
  return Promise.all(
    plans.map(async (plan) => ({
      ...plan,
      strategies: await Promise.all(plan.strategies.map(async (s) => ({ ...s, prepared: await s.declaration.prepare?.(s.params, context) }))),
    })),
  );
}

function whyOff(family: Family): Omit<FamilyOff, 'family'> {
  const entries = catalogue.filter((d) => d.family === family && d.runs.includes('paper'));
  const own = entries.filter((d) => d.inDefaultSession !== false);
  if (own.length === 0) {
    const baselines = entries.map((d) => d.name);
    return {
      disabledReason: 'not built yet',
      detail: `the catalogue has no ${family} strategy yet${baselines.length ? `; ${baselines.length > 1 ? `the baselines ${baselines.join(', ')} trade` : `the baseline ${baselines[0]} trades`} in it only when paper.strategies lists them` : ''}`,
    };
  }
  return { disabledReason: 'not listed', detail: `paper.strategies lists none of ${own.map((d) => d.name).join(', ')}` };
}
