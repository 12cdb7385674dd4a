import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModel } from '../../actors/models/create-model.js';
import { InputError } from '../../actors/runtime/errors.js';
import { periodFourUps, toySamples } from '../support/toy-samples.js';
import { checkModelContract } from './model-contract.js';

const HYPER = { window: 6, hidden: 6, epochs: 8, learningRate: 0.02, seed: 3 };

for (const kind of ['lstm', 'gru'] as const) {
  test(`${kind}: learns a period-4 series, not coin flips; pure predict; save/load identical`, async () => {
    await checkModelContract(kind, HYPER, { pattern: 120, coin: 400 });
  });

  test(`${kind}: the same seed and samples give the same weights`, async () => {
    const samples = toySamples(periodFourUps(40), HYPER.window);
    const fitted = async () => {
      const model = createModel(kind, 2, HYPER);
      await model.fit(samples);
      return model.save();
    };
    assert.deepEqual(await fitted(), await fitted());
  });
}

test('recurrent: samples with no column telling up from down are refused, naming the samples', async () => {
  const samples = toySamples(periodFourUps(40), HYPER.window).map((s) => ({ ...s, next: [0.5, 0.5] }));
  await assert.rejects(createModel('lstm', 2, HYPER).fit(samples), (e: unknown) => e instanceof InputError && /^samples: /.test(e.message));
});
