import { readFileSync } from 'node:fs';
import { InputError } from '../../runtime/errors.js';

export type PoolEventKind = 'SWAP' | 'MINT' | 'BURN' | 'COLLECT';

/**
 * One row of a demeter-fetch pool event file. Amounts are from the pool's side (+ paid in; BURN and COLLECT amounts
 * are what the position is owed, positive). For SWAP rows sqrtPriceX96, tick and liquidity are the Swap event's, the
 * state after the swap; for the others they are demeter-fetch's tracked state.
 */
export interface PoolEvent {
  /** Line number in the file (the header is line 1). */
  line: number;
  kind: PoolEventKind;
  blockNumber: number;
  /** Block time, epoch ms (`ts_ms`; without that column, 12 s per block from the first). */
  ts: number;
  logIndex: number;
  transactionHash: string;
  amount0: bigint;
  amount1: bigint;
  /** Active liquidity after the event. */
  liquidity: bigint;
  sqrtPriceX96: bigint;
  tick: number;
  /** MINT, BURN, COLLECT: the position. */
  tickLower?: number;
  tickUpper?: number;
  positionLiquidity?: bigint;
}

const REQUIRED = ['block_number', 'tx_type', 'transaction_hash', 'log_index', 'amount0', 'amount1', 'total_liquidity', 'sqrtPriceX96', 'current_tick', 'tick_lower', 'tick_upper', 'liquidity'] as const;
const KINDS = new Set<string>(['SWAP', 'MINT', 'BURN', 'COLLECT']);
const INTEGER = /^-?\d+$/;

/** Parses the text of an event file; `source` names it in errors, which name the line and the column too. */
export function parsePoolEvents(text: string, source: string): PoolEvent[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.split(',') ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(`${source}: not a pool event file, missing column(s) ${missing.join(', ')}`);
  const col = Object.fromEntries(REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<(typeof REQUIRED)[number], number>;
  const tsCol = header.indexOf('ts_ms');
  let firstBlock: number | undefined;
  const events: PoolEvent[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const cells = raw.split(',');
    const line = i + 1;
    const where = `${source} line ${line}`;
    if (cells.length !== header.length) throw new InputError(`${where}: ${cells.length} fields, the header has ${header.length}`);
    const cell = (c: (typeof REQUIRED)[number]) => cells[col[c]]!.trim();
    const big = (c: (typeof REQUIRED)[number]): bigint => {
      const v = cell(c);
      if (!INTEGER.test(v)) throw new InputError(`${where}: ${c} ${JSON.stringify(v)} is not an integer`);
      return BigInt(v);
    };
    const int = (c: (typeof REQUIRED)[number]): number => {
      const v = big(c);
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new InputError(`${where}: ${c} ${v} is out of range`);
      return Number(v);
    };
    const kind = cell('tx_type');
    if (!KINDS.has(kind)) throw new InputError(`${where}: tx_type ${JSON.stringify(kind)}, expected SWAP, MINT, BURN or COLLECT`);
    const event: PoolEvent = {
      line,
      kind: kind as PoolEventKind,
      blockNumber: int('block_number'),
      logIndex: int('log_index'),
      transactionHash: cell('transaction_hash'),
      amount0: big('amount0'),
      amount1: big('amount1'),
      liquidity: big('total_liquidity'),
      sqrtPriceX96: big('sqrtPriceX96'),
      tick: int('current_tick'),
      ts: 0,
    };
    firstBlock ??= event.blockNumber;
    if (tsCol >= 0) {
      const v = cells[tsCol]!.trim();
      if (!/^\d+$/.test(v)) throw new InputError(`${where}: ts_ms ${JSON.stringify(v)} is not an epoch time in ms`);
      event.ts = Number(v);
    } else {
      event.ts = (event.blockNumber - firstBlock) * 12_000;
    }
    if (event.sqrtPriceX96 <= 0n) throw new InputError(`${where}: sqrtPriceX96 ${event.sqrtPriceX96} must be > 0`);
    if (event.liquidity < 0n) throw new InputError(`${where}: total_liquidity ${event.liquidity} must be ≥ 0`);
    if (kind !== 'SWAP') {
      event.tickLower = int('tick_lower');
      event.tickUpper = int('tick_upper');
      if (event.tickLower >= event.tickUpper) throw new InputError(`${where}: tick_lower ${event.tickLower} must be below tick_upper ${event.tickUpper}`);
      if (kind !== 'COLLECT') event.positionLiquidity = big('liquidity');
    }
    events.push(event);
  }
  if (events.length === 0) throw new InputError(`${source}: no events`);
  return events;
}

/** Reads and parses an event file; a missing file is an InputError naming it. */
export function readPoolEvents(path: string): PoolEvent[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parsePoolEvents(text, path);
}
