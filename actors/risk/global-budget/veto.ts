import { deny, type Verdict } from '../checks/check.js';
import { baseOf, fmt, quoteOf } from '../format.js';
import type { BudgetRefusal, BudgetRequest } from './types.js';

/** The refusal as a human reads it, with the numbers, e.g. `cluster position in BTC/USDT would be 4,500 + 1,000 = 5,500 USDT long, max 5,000 (open buy 0.02 BTC)`. */
export function budgetRefusalDetail(request: BudgetRequest, refusal: BudgetRefusal): string {
  const quote = quoteOf(request.symbol);
  const order = `${request.kind} ${request.side} ${fmt(request.amount, 8)} ${baseOf(request.symbol)}`;
  const { limitValue, current, requested } = refusal;
  switch (refusal.limit) {
    case 'position':
      return `cluster position in ${request.symbol} would be ${fmt(current)} + ${fmt(requested)} = ${fmt(current + requested)} ${quote} ${request.side === 'buy' ? 'long' : 'short'}, max ${fmt(limitValue)} (${order})`;
    case 'gross':
      return `cluster gross exposure would be ${fmt(current)} + ${fmt(requested)} = ${fmt(current + requested)} ${quote}, max ${fmt(limitValue)} (${order} ${request.symbol})`;
    case 'dailyLoss':
      return `cluster realised loss today ${fmt(current)} ${quote} ≥ max ${fmt(limitValue)}: no order may add exposure (${order} ${request.symbol} adds ${fmt(requested)} ${quote})`;
  }
}

/** The veto the risk actor reports for a refused reservation: GLOBAL_BUDGET with the numbers. */
export function budgetVeto(request: BudgetRequest, refusal: BudgetRefusal): Extract<Verdict, { ok: false }> {
  return deny('GLOBAL_BUDGET', budgetRefusalDetail(request, refusal)) as Extract<Verdict, { ok: false }>;
}
