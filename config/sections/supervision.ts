import { nonNegativeInt, notAbove, positiveInt } from './define.js';
import { z } from 'zod';

/** OTP-like restart intensity and backoff (RELIABILITY R8, R9). */
export const supervision = z
  .strictObject({
    maxRestarts: nonNegativeInt().default(3).describe('more restarts than this within withinMs escalates'),
    withinMs: positiveInt().default(10_000).describe('restart intensity window'),
    backoffMinMs: nonNegativeInt().default(10).describe('first restart delay; grows exponentially, with jitter (at most backoffMaxMs)'),
    backoffMaxMs: positiveInt().default(1_000).describe('cap on the restart delay'),
    stashLimit: positiveInt().default(1_000).describe('messages kept for an actor while it restarts'),
  })
  .refine(...notAbove('backoffMinMs', 'backoffMaxMs'))
  .prefault({});
