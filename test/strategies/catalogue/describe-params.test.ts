import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { describeParams } from '../../../actors/strategies/catalogue/describe-params.js';

test('each field: name, JSON Schema type, default, description and its bounds, enum or pattern, in order', () => {
  const schema = z
    .strictObject({
      window: z.number().int().positive().default(20).describe('bars'),
      fraction: z.number().gt(0).max(1).default(0.5).describe('share'),
      spread: z.number().min(0).lt(0.1).default(0.001).describe('spread'),
      policy: z.enum(['unwind', 'complete']).default('complete').describe('what to do'),
      wei: z.string().regex(/^[0-9]+$/).default('0').describe('amount'),
      enabled: z.boolean().default(true).describe('on or off'),
    })
    .refine((p) => p.fraction > p.spread);
  assert.deepEqual(describeParams(schema), [
    { name: 'window', type: 'integer', default: 20, description: 'bars', exclusiveMinimum: 0 },
    { name: 'fraction', type: 'number', default: 0.5, description: 'share', exclusiveMinimum: 0, maximum: 1 },
    { name: 'spread', type: 'number', default: 0.001, description: 'spread', minimum: 0, exclusiveMaximum: 0.1 },
    { name: 'policy', type: 'string', default: 'complete', description: 'what to do', enum: ['unwind', 'complete'] },
    { name: 'wei', type: 'string', default: '0', description: 'amount', pattern: '^[0-9]+$' },
    { name: 'enabled', type: 'boolean', default: true, description: 'on or off' },
  ]);
});

test("an integer's own bounds are kept unless they are only the safe-integer range", () => {
  const [p] = describeParams(z.strictObject({ blocks: z.number().int().min(1).max(25).default(2).describe('blocks') }));
  assert.deepEqual(p, { name: 'blocks', type: 'integer', default: 2, description: 'blocks', minimum: 1, maximum: 25 });
});

test('a nullable field reads as its alternatives', () => {
  const [p] = describeParams(z.strictObject({ cap: z.number().nullable().default(null).describe('cap, or none') }));
  assert.equal(p!.type, 'number | null');
  assert.equal(p!.default, null);
});

test('a field without a default or without a description is named', () => {
  assert.throws(() => describeParams(z.strictObject({ ok: z.number().default(1).describe('x'), fast: z.number().describe('fast') })), /parameter "fast" has no default/);
  assert.throws(() => describeParams(z.strictObject({ slow: z.number().default(3) })), /parameter "slow" has no description/);
});

test('a schema that is not an object is refused', () => {
  assert.throws(() => describeParams(z.number()), /must be an object schema, got number/);
});
