import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModel } from '../../actors/models/create-model.js';
import { tf } from '../../actors/models/transformer/tfjs.js';
import { TransformerModel } from '../../actors/models/transformer/transformer-model.js';
import { periodFourUps, toySamples } from '../support/toy-samples.js';
import { checkModelContract } from './model-contract.js';

const HYPER = { window: 6, hidden: 8, heads: 2, epochs: 15, learningRate: 0.03, seed: 3 };

test('transformer: learns a period-4 series, not coin flips; pure predict; save/load identical', async () => {
  await checkModelContract('transformer', HYPER, { pattern: 80, coin: 160 });
});

test('transformer: the same seed and samples give the same weights, and nothing is left on the backend after dispose', async () => {
  const before = tf.memory().numTensors;
  const samples = toySamples(periodFourUps(40), HYPER.window);
  const fitted = async () => {
    const model = createModel('transformer', 2, { ...HYPER, epochs: 3 });
    await model.fit(samples);
    const saved = model.save();
    model.predict(samples[0]!.window);
    model.dispose();
    return saved;
  };
  assert.deepEqual(await fitted(), await fitted());
  assert.equal(tf.memory().numTensors, before);
});

test('transformer: the plain-JS predict agrees with the tfjs graph it was trained through', async () => {
  const model = createModel('transformer', 2, { ...HYPER, hidden: 8, heads: 4, layers: 2, epochs: 2, calibrate: false });
  const samples = toySamples(periodFourUps(40), HYPER.window);
  await model.fit(samples);
  assert.ok(model instanceof TransformerModel);
  const windows = samples.slice(0, 8).map((s) => s.window.map((row, t) => row.map((v) => v + 0.1 * Math.sin(t + v))));
  const viaTf = await model.predictWithTf(windows);
  windows.forEach((w, i) => assert.ok(Math.abs(model.predict(w) - viaTf[i]!) < 1e-5, `window ${i}: ${model.predict(w)} vs ${viaTf[i]}`));
  model.dispose();
});
