import { InputError } from '../../runtime/errors.js';
import type { Pool } from './pool.js';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const LISTED = 30;

/**
 * The token address `value` names among the pools: one of their token addresses (any case), or a
 * symbol the pools file gives (`symbol0`/`symbol1`, any case) that belongs to exactly one address.
 * Anything else is an InputError naming the value and what the file knows. `flag` and `source` name them in messages.
 */
export function resolveToken(value: string, pools: readonly Pool[], source: string, flag = '--token'): string {
  const wanted = value.trim().toLowerCase();
  if (pools.some((p) => p.token0 === wanted || p.token1 === wanted)) return wanted;
  const at = `${flag} ${value}`;
  if (ADDRESS.test(value.trim())) throw new InputError(`${at}: no pool in ${source} trades this token`);

  const bySymbol = new Map<string, Set<string>>();
  const pairsOf = new Map<string, number>();
  for (const p of pools) {
    for (const [symbol, token] of [[p.symbol0, p.token0], [p.symbol1, p.token1]] as const) {
      if (symbol === undefined) continue;
      pairsOf.set(symbol.trim(), (pairsOf.get(symbol.trim()) ?? 0) + 1);
      const key = symbol.trim().toLowerCase();
      bySymbol.set(key, (bySymbol.get(key) ?? new Set()).add(token));
    }
  }
  const tokens = bySymbol.get(wanted);
  if (tokens?.size === 1) return [...tokens][0]!;
  if (tokens) throw new InputError(`${at}: symbol of ${tokens.size} tokens in ${source}; pass the address`, [...tokens]);
  const byName = new Intl.Collator('en').compare;
  const known = [...pairsOf.keys()].sort((a, b) => pairsOf.get(b)! - pairsOf.get(a)! || byName(a, b));
  const listed = known.length === 0
    ? [`${source} has no symbols (symbol0/symbol1): pass a token address`]
    : [`symbols in ${source}, most pools first: ${known.slice(0, LISTED).join(', ')}${known.length > LISTED ? `, … (${known.length - LISTED} more)` : ''}`];
  throw new InputError(`${at}: not an address and not a symbol in ${source}`, listed);
}
