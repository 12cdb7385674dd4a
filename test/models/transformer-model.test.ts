import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModel } from '../../actors/models/create-model.js';
import { tf } from '../../actors/models/transformer/tfjs.js';
import { periodFourUps, toySamples } from '../support/toy-samples.js';
import { checkModelContract } from './model-contract.js';

const HYPER = { window: 6, hidden: 8, heads: 2, epochs: 20, learningRate: 0.02, seed: 3 };

test('transformer: learns a period-4 series, not coin flips; pure predict; save/load identical', async () => {
  await checkModelContract('transformer', HYPER, { pattern: 80, coin: 200 });
});

test('transformer: the same seed and samples give the same weights, and nothing is left on the backend after dispose', async () => {
  const before = tf.memory().numTensors;
  const samples = toySamples(periodFourUps(40), HYPER.window);
  const fitted = async () => {
    const model = createModel('transformer', 2, HYPER);
    await model.fit(samples);
    const saved = model.save();
    model.predict(samples[0]!.window);
    model.dispose();
    return saved;
  };
  assert.deepEqual(await fitted(), await fitted());
  assert.equal(tf.memory().numTensors, before);
});
