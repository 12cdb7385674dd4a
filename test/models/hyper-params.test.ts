import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultHyperparameters, HYPERPARAMETER_DESCRIPTIONS, parseHyperparameters } from '../../actors/models/hyper-params.js';
import { MODEL_KINDS } from '../../actors/models/model.js';
import { InputError } from '../../actors/runtime/errors.js';

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof InputError, `an InputError, got ${String(e)}`);
    return e.issues;
  }
  assert.fail('expected an InputError');
}

test('every kind accepts its defaults', () => {
  for (const kind of MODEL_KINDS) assert.deepEqual(parseHyperparameters(kind, defaultHyperparameters(kind)), defaultHyperparameters(kind));
});

test('each bad field is named, all at once', () => {
  const issues = issuesOf(() => parseHyperparameters('lstm', { window: 1, hidden: 2.5, epochs: 0, learningRate: 2 }));
  assert.deepEqual(issues.map((i) => i.split(':')[0]).sort(), ['epochs', 'hidden', 'learningRate', 'window']);
});

test('heads must divide hidden, and only the transformer takes heads', () => {
  assert.match(issuesOf(() => parseHyperparameters('transformer', { ...defaultHyperparameters('transformer'), hidden: 10, heads: 3 }))[0]!, /^heads: must divide hidden \(10\)/);
  assert.match(issuesOf(() => parseHyperparameters('gru', { ...defaultHyperparameters('gru'), heads: 2 }))[0]!, /^heads: only the transformer/);
});

test('unknown fields and missing fields are named', () => {
  assert.match(issuesOf(() => parseHyperparameters('lstm', { ...defaultHyperparameters('lstm'), hiden: 4 }))[0]!, /^hiden: /);
  assert.match(issuesOf(() => parseHyperparameters('lstm', { hidden: 4, epochs: 2, learningRate: 0.1 }))[0]!, /^window: /);
});

test('every field has a description', () => {
  for (const [field, text] of Object.entries(HYPERPARAMETER_DESCRIPTIONS)) assert.ok(text.length > 10, field);
});
