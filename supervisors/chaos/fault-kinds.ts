import { InputError } from '../../actors/runtime/errors.js';

/** What `arbiter chaos --faults` can inject: on the local exchanges, then on the chain. */
export const EXCHANGE_FAULTS = [
  'create-5xx-before', 'create-5xx-after', 'create-timeout-before', 'create-timeout-after', 'rate-limit-429',
  'websocket-drop', 'sequence-gap', 'stale-book', 'clock-skew',
] as const;
export const CHAIN_FAULTS = ['simulation-revert', 'bundle-drop'] as const;
export const FAULT_KINDS = [...EXCHANGE_FAULTS, ...CHAIN_FAULTS] as const;

export type ExchangeFault = (typeof EXCHANGE_FAULTS)[number];
export type ChainFault = (typeof CHAIN_FAULTS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];

export function isChainFault(kind: FaultKind): kind is ChainFault {
  return (CHAIN_FAULTS as readonly string[]).includes(kind);
}

/** `--faults all`, `none`, or a comma-separated list of kinds; an unknown kind is the user's mistake, named. */
export function parseFaults(list: string): FaultKind[] {
  const text = list.trim();
  if (text === 'all') return [...FAULT_KINDS];
  if (text === 'none' || text === '') return [];
  const kinds = text.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new InputError(`--faults: unknown fault ${unknown.map((k) => `"${k}"`).join(', ')}; the kinds are ${FAULT_KINDS.join(', ')} (or all, none)`);
  return [...new Set(kinds)] as FaultKind[];
}
