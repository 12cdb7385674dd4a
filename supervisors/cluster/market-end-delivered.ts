import type { Redis } from 'ioredis';
import { BODY_FIELD, decodeBody } from '../../actors/runtime/streams/stream-codec.js';
import type { MarketEntry } from './cluster-keys.js';

/** Whether the market stream ends with its `end` entry and `group` was already handed it (acknowledged or not). */
export async function marketEndDelivered(redis: Redis, stream: string, group: string): Promise<boolean> {
  const [last] = await redis.xrevrange(stream, '+', '-', 'COUNT', 1);
  if (!last) return false;
  const [id, fields] = last;
  const body = fields[fields.indexOf(BODY_FIELD) + 1];
  if (fields.indexOf(BODY_FIELD) < 0 || body === undefined || (decodeBody(body) as MarketEntry).kind !== 'end') return false;
  const groups = (await redis.xinfo('GROUPS', stream)) as unknown[][];
  for (const info of groups) {
    const fieldsOf = new Map<unknown, unknown>();
    for (let i = 0; i + 1 < info.length; i += 2) fieldsOf.set(info[i], info[i + 1]);
    if (fieldsOf.get('name') === group) return compareIds(String(fieldsOf.get('last-delivered-id')), id) >= 0;
  }
  return false;
}

function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am !== bm ? am - bm : as - bs;
}
