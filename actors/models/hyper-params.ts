import { z } from 'zod';
import { InputError } from '../runtime/errors.js';
import type { Hyperparameters, ModelKind } from './model.js';

const hyperparameters = z.strictObject({
  window: z.number().int().min(2).max(512).describe('bars per input window (the sequence the model reads)'),
  hidden: z.number().int().min(1).max(512).describe('hidden units of a recurrent layer, or the width of the Transformer'),
  epochs: z.number().int().min(1).max(10_000).describe('passes over the training samples'),
  learningRate: z.number().positive().lt(1).describe('step size: RMSProp for the recurrent nets, Adam for the Transformer'),
  heads: z.number().int().min(1).max(64).optional().describe('attention heads (Transformer only); must divide hidden'),
  layers: z.number().int().min(1).max(8).optional().describe('stacked recurrent layers or Transformer encoder blocks'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe('seeds the initial weights: the same seed and data give the same model'),
  calibrate: z.boolean().optional().describe('Platt-scale P(up) on the last fifth of the training samples (default true)'),
});

/** Each field's description, for `--help` and docs. */
export const HYPERPARAMETER_DESCRIPTIONS: Record<keyof Hyperparameters, string> = Object.fromEntries(
  Object.entries(hyperparameters.shape).map(([name, schema]) => [name, schema.description ?? '']),
) as Record<keyof Hyperparameters, string>;

/** Validates hyperparameters for a model kind; throws InputError with one `field: problem` line per bad field. */
export function parseHyperparameters(kind: ModelKind, input: unknown): Hyperparameters {
  const schema = hyperparameters.superRefine((h, ctx) => {
    if (kind !== 'transformer' && h.heads !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['heads'], message: `only the transformer has attention heads, not ${kind}` });
    }
    if (kind === 'transformer' && h.hidden % (h.heads ?? 1) !== 0) {
      ctx.addIssue({ code: 'custom', path: ['heads'], message: `must divide hidden (${h.hidden}), got ${h.heads}` });
    }
  });
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
    const field = issue.path.length > 0 ? issue.path.join('.') : unknownKeys;
    return `${field}: ${issue.message}`;
  });
  throw new InputError(`invalid ${kind} hyperparameters: ${issues.length} issue${issues.length === 1 ? '' : 's'}`, issues);
}

/**
 * Small models that train walk-forward over the recorded BTC/USDT week in minutes: eight folds of 1,500 training
 * samples at bench/model-training.ts's rates.
 */
export function defaultHyperparameters(kind: ModelKind): Hyperparameters {
  switch (kind) {
    case 'lstm':
    case 'gru':
      return { window: 16, hidden: 8, epochs: 5, learningRate: 0.01, layers: 1, seed: 1 };
    case 'transformer':
      return { window: 16, hidden: 16, epochs: 5, learningRate: 0.005, heads: 2, layers: 1, seed: 1 };
  }
}
