import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../actors/runtime/errors.js';
import { chainWorldEntry } from './chain-entry.js';

/** One local Binance-speaking exchange served by another process: where it listens and the session's account on it. */
const hostedExchange = z.object({ url: z.string().url(), apiKey: z.string().min(1), secret: z.string().min(1) });

/**
 * What a world host (arbiter chaos) serves to a paper session it runs, written to a file the session reads through
 * `paper.world`. Each family whose venue is named here attaches to it instead of starting its own.
 */
export const worldFileSchema = z.object({
  exchanges: z.record(z.string(), hostedExchange).optional(),
  /** The flash_loans family's chain (see chain-entry.ts). */
  chain: chainWorldEntry.optional(),
});

export type WorldFile = z.infer<typeof worldFileSchema>;
export type HostedExchange = z.infer<typeof hostedExchange>;

export function readWorldFile(path: string): WorldFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(`paper.world: cannot read ${path} (${(err as Error).message})`);
  }
  const parsed = worldFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`paper.world: ${path}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}
