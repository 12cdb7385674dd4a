import type { BudgetAnswer, BudgetLimit, FillAnswer } from './types.js';

const LIMITS: readonly BudgetLimit[] = ['position', 'gross', 'dailyLoss'];

/** The reserve script's reply: {'ok', positionAfter, grossAfter, seq} or {'refused', limit, limitValue, current, requested, seq}. */
export function parseReserveReply(reply: string[]): BudgetAnswer {
  if (reply[0] === 'ok' && reply.length === 4) {
    return { ok: true, positionAfter: Number(reply[1]), grossAfter: Number(reply[2]), seq: Number(reply[3]) };
  }
  const limit = reply[1] as BudgetLimit;
  if (reply[0] !== 'refused' || reply.length !== 6 || !LIMITS.includes(limit)) throw new Error(`global budget: unexpected reserve reply ${JSON.stringify(reply)}`);
  return { ok: false, limit, limitValue: Number(reply[2]), current: Number(reply[3]), requested: Number(reply[4]), seq: Number(reply[5]) };
}

/** The fill script's reply: {counted 1|0, from reserved, still reserved, seq}. */
export function parseFillReply(reply: string[]): FillAnswer {
  if (reply.length !== 4) throw new Error(`global budget: unexpected fill reply ${JSON.stringify(reply)}`);
  return { counted: reply[0] === '1', fromReserved: Number(reply[1]), stillReserved: Number(reply[2]), seq: Number(reply[3]) };
}
