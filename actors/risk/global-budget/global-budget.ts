import type { Redis } from 'ioredis';
import { BUDGET_KEYS, budgetCommands, type BudgetCommands } from './commands.js';
import { positionLimitFor, type BudgetConfig } from './limits.js';
import { parseFillReply, parseReserveReply } from './replies.js';
import type { BudgetAnswer, BudgetFill, BudgetPosition, BudgetRequest, BudgetSnapshot, FillAnswer, JournalShare, ReleaseAnswer, SymbolExposure, WorkingReservation } from './types.js';

export interface RebuildOptions {
  marks?: Readonly<Record<string, number>>;
  dayPnl?: number;
  working?: readonly WorkingReservation[];
  countedFills?: readonly string[];
}

/**
 * The risk budget every node of a cluster shares, in Redis (docs/risk.md, "Global budget"). Each method is one
 * Lua script, so it is atomic against every other node's calls. Meant for an effect of the risk actor: one
 * `reserve` per approved intent, `fill`/`release` as the order ends, `rebuild` from the journal at start and whenever Redis comes back.
 * The connection is the caller's (one per node; several GlobalBudgets may share it).
 */
export class GlobalBudget {
  /** Every Redis key the budget uses. */
  readonly keys: readonly string[];
  private readonly commands: BudgetCommands;

  constructor(
    private readonly redis: Redis,
    private readonly config: BudgetConfig,
  ) {
    if (!config.nodeId || config.nodeId.includes('|')) throw new Error(`global budget: nodeId ${JSON.stringify(config.nodeId)} must be non-empty and without '|'`);
    this.commands = budgetCommands(redis);
    this.keys = BUDGET_KEYS.map((k) => `${config.keyPrefix}${k}`);
  }

  /**
   * Hold `request`'s exposure against the cluster's limits, or refuse it with the numbers. An order that adds no
   * exposure (in the worst case its fill moves the symbol's position toward zero) is always held. Idempotent per
   * reservationId: a retry gets the first answer, even after the reservation ended, and counts nothing again.
   */
  private readonly peaks: Record<string, number> = {};

  async reserve(request: BudgetRequest): Promise<BudgetAnswer> {
    const { reservationId, symbol, side, kind, notional, amount } = request;
    requireId('reservationId', reservationId);
    requireId('symbol', symbol);
    requirePositive('amount', amount);
    requirePositive('notional', notional);
    const c = this.config;
    const reply = await this.commands.arbiterBudgetReserve(
      ...this.keys, c.nodeId, reservationId, symbol, side, kind, amount, notional / amount,
      positionLimitFor(c, symbol), c.globalMaxGrossNotional, c.globalMaxDailyLoss, c.reservationTtlMs, c.idempotencyWindowMs, c.sweepBatch,
    );
    const answer = parseReserveReply(reply);
    if (answer.ok) this.peaks[symbol] = Math.max(this.peaks[symbol] ?? 0, Math.abs(answer.positionAfter));
    return answer;
  }

  /**
   * Per symbol, the largest cluster position (filled plus reserved, at the order's price) that a reservation through
   * this client was accepted at: what the position limit governs, exactly, rather than sampled.
   */
  acceptedPeaks(): Readonly<Record<string, number>> {
    return { ...this.peaks };
  }

  /** The order ended unfilled (cancelled, rejected, never placed): what it still held (base amount, 0 if nothing) returns to the budget. */
  async release(reservationId: string): Promise<ReleaseAnswer> {
    requireId('reservationId', reservationId);
    const [released, seq] = await this.commands.arbiterBudgetRelease(...this.keys, reservationId);
    return { released: Number(released), seq: Number(seq) };
  }

  /** A (partial) fill: its amount moves from reserved to filled, its realised P&L into the day's. Counted once per fillId. */
  async fill(reservationId: string, fill: BudgetFill): Promise<FillAnswer> {
    requireId('reservationId', reservationId);
    requireId('fillId', fill.fillId);
    requireId('symbol', fill.symbol);
    requirePositive('amount', fill.amount);
    requirePositive('price', fill.price);
    const pnl = fill.realizedPnl ?? 0;
    if (!Number.isFinite(pnl)) throw new Error(`global budget: realizedPnl must be finite, got ${pnl}`);
    const c = this.config;
    const reply = await this.commands.arbiterBudgetFill(
      ...this.keys, c.nodeId, reservationId, fill.fillId, fill.symbol, fill.side, fill.amount, fill.price, pnl, c.reservationTtlMs, c.idempotencyWindowMs,
    );
    return parseFillReply(reply);
  }

  /** A realised loss outside a fill (fees, funding) into the day's P&L. Returns the cluster's loss of the day after it. */
  async recordLoss(amount: number): Promise<number> {
    if (!(amount >= 0) || !Number.isFinite(amount)) throw new Error(`global budget: loss must be a finite number ≥ 0, got ${amount}`);
    const [loss] = await this.commands.arbiterBudgetRecordLoss(...this.keys, this.config.nodeId, amount);
    return Number(loss);
  }

  /** A live order resting longer than reservationTtlMs keeps its reservation by renewing it. false: nothing is held under the id. */
  async renew(reservationId: string): Promise<boolean> {
    requireId('reservationId', reservationId);
    const held = await this.commands.arbiterBudgetRenew(...this.keys, reservationId, this.config.reservationTtlMs, this.config.idempotencyWindowMs);
    return held === 1;
  }

  /**
   * Return every reservation past its deadline to the budget (reserve does up to sweepBatch itself) and forget the
   * answers and fill ids past the idempotency window. Returns how many reservations expired.
   */
  async expire(batch = 256): Promise<number> {
    let total = 0;
    for (;;) {
      const [swept, forgotten] = (await this.commands.arbiterBudgetExpire(...this.keys, batch)).map(Number);
      total += swept!;
      if (swept! < batch && forgotten! < batch) return total;
    }
  }

  /**
   * This node's filled share := its journal's positions (RELIABILITY R21: the journal is the truth, never Redis' memory);
   * its reservations are dropped and `working` (its orders still working at their venues) held again, unjudged;
   * `countedFills` are marked counted, so a late `fill` of one of them counts nothing (its position is in `positions`).
   * Other nodes' shares and reservations are untouched. Each symbol is valued at `marks[symbol]`, else the
   * positions' average price. `dayPnl`: the node's realised P&L of the UTC day, when the journal knows it.
   * One script: the budget never shows half a rebuild.
   */
  async rebuild(positions: readonly BudgetPosition[], options: RebuildOptions = {}): Promise<void> {
    const bySymbol = new Map<string, { amount: number; cost: number; size: number }>();
    for (const p of positions) {
      requireId('symbol', p.symbol);
      if (!Number.isFinite(p.amount) || !Number.isFinite(p.avgPrice)) throw new Error(`global budget: position ${p.symbol} has a non-finite amount or price`);
      const s = bySymbol.get(p.symbol) ?? { amount: 0, cost: 0, size: 0 };
      s.amount += p.amount;
      s.cost += Math.abs(p.amount) * p.avgPrice;
      s.size += Math.abs(p.amount);
      bySymbol.set(p.symbol, s);
    }
    const args: (string | number)[] = [bySymbol.size];
    for (const [symbol, s] of bySymbol) args.push(symbol, s.amount, options.marks?.[symbol] ?? (s.size > 0 ? s.cost / s.size : 0));
    const working = options.working ?? [];
    args.push(working.length);
    for (const w of working) {
      requireId('reservationId', w.reservationId);
      requireId('symbol', w.symbol);
      requirePositive('amount', w.amount);
      if (!(w.price >= 0) || !Number.isFinite(w.price)) throw new Error(`global budget: working order ${w.reservationId} has price ${w.price}`);
      args.push(w.reservationId, w.symbol, w.side, w.kind, w.amount, w.price);
    }
    const fills = options.countedFills ?? [];
    for (const id of fills) requireId('fillId', id);
    args.push(fills.length, ...fills);
    const { dayPnl } = options;
    if (dayPnl !== undefined && !Number.isFinite(dayPnl)) throw new Error(`global budget: dayPnl must be finite, got ${dayPnl}`);
    const c = this.config;
    await this.commands.arbiterBudgetRebuild(...this.keys, c.nodeId, dayPnl === undefined ? 0 : 1, dayPnl ?? 0, c.reservationTtlMs, c.idempotencyWindowMs, ...args);
  }

  /** The node's share := what its journal tells (journal-share.ts): positions at their marks, the day's P&L, working orders, fills counted. */
  rebuildFrom(share: JournalShare): Promise<void> {
    return this.rebuild(share.positions, { marks: share.marks, dayPnl: share.dayPnl, working: share.working, countedFills: share.fillIds });
  }

  /** The budget as stored, read in one MULTI. */
  async snapshot(): Promise<BudgetSnapshot> {
    const key = (name: (typeof BUDGET_KEYS)[number]) => `${this.config.keyPrefix}${name}`;
    const replies = await this.redis.multi().hgetall(key('book')).hgetall(key('expo')).hgetall(key('share')).hgetall(key('pnl')).hlen(key('res')).exec();
    if (!replies) throw new Error('global budget: snapshot transaction aborted');
    const [bookHash, expoHash, shareHash, pnlHash] = replies.slice(0, 4).map(([err, value]) => {
      if (err) throw err;
      return value as Record<string, string>;
    }) as [Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>];
    const symbols: Record<string, SymbolExposure> = {};
    const field = { f: 'filled', b: 'reservedBuy', s: 'reservedSell', p: 'price' } as const;
    for (const [key, value] of Object.entries(bookHash)) {
      const name = field[key.slice(0, 1) as keyof typeof field];
      if (key[1] !== '|' || !name) continue;
      const symbol = key.slice(2);
      (symbols[symbol] ??= { filled: 0, reservedBuy: 0, reservedSell: 0, price: 0, exposure: 0 })[name] = Number(value);
    }
    let gross = 0;
    for (const [symbol, value] of Object.entries(expoHash)) {
      gross += Number(value);
      (symbols[symbol] ??= { filled: 0, reservedBuy: 0, reservedSell: 0, price: 0, exposure: 0 }).exposure = Number(value);
    }
    const nodePrefix = `${this.config.nodeId}|`;
    const nodeFilled: Record<string, number> = {};
    for (const [key, value] of Object.entries(shareHash)) if (key.startsWith(nodePrefix)) nodeFilled[key.slice(nodePrefix.length)] = Number(value);
    return {
      seq: Number(bookHash.seq ?? 0),
      symbols,
      gross,
      day: pnlHash.day ?? '',
      dayPnl: Number(pnlHash.total ?? 0),
      nodeFilled,
      nodeDayPnl: Number(pnlHash[`n|${this.config.nodeId}`] ?? 0),
      reservations: Number(replies[4]![1]),
    };
  }
}

function requireId(name: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`global budget: ${name} must be a non-empty string`);
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`global budget: ${name} must be a finite number > 0, got ${value}`);
}
