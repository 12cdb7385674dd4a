import assert from 'node:assert/strict';
import { createModel } from '../../actors/models/create-model.js';
import { loadModel } from '../../actors/models/load-model.js';
import type { Hyperparameters, ModelKind } from '../../actors/models/model.js';
import { accuracy, coinFlipUps, periodFourUps, toySamples } from '../support/toy-samples.js';

/**
 * What every model kind must do on toy data: learn a period-4 up/up/down/down series to well above chance on the
 * held-out bars, stay near chance on coin flips, predict purely, and come back identical through JSON.
 */
export async function checkModelContract(kind: ModelKind, hyper: Hyperparameters, bars: { pattern: number; coin: number }): Promise<void> {
  const pattern = toySamples(periodFourUps(bars.pattern), hyper.window);
  const cut = Math.floor(pattern.length * 0.6);
  const model = createModel(kind, 2, hyper);
  const progress: number[] = [];
  const { loss } = await model.fit(pattern.slice(0, cut), { onProgress: (p) => progress.push(p.epoch) });
  assert.ok(Number.isFinite(loss), `loss ${loss}`);
  assert.deepEqual(progress, Array.from({ length: hyper.epochs }, (_, i) => i + 1), 'one progress report per epoch');
  const heldOut = pattern.slice(cut);
  const patternAccuracy = accuracy((w) => model.predict(w), heldOut);
  assert.ok(patternAccuracy >= 0.8, `held-out accuracy on the period-4 series: ${patternAccuracy}`);

  const window = heldOut[0]!.window;
  const p = model.predict(window);
  assert.ok(p >= 0 && p <= 1, `P(up) ${p} in [0, 1]`);
  assert.equal(model.predict(window), p, 'the same window twice gives the same answer');

  const restored = loadModel(JSON.parse(JSON.stringify(model.save())));
  for (const s of heldOut) assert.equal(restored.predict(s.window), model.predict(s.window), 'save → JSON → load predicts identically');
  restored.dispose();
  model.dispose();

  // Coin flips: the past says nothing, so held-out accuracy stays within noise of always calling the majority.
  const coin = toySamples(coinFlipUps(bars.coin, 11), hyper.window);
  const coinCut = Math.floor(coin.length * 0.6);
  const coinModel = createModel(kind, 2, hyper);
  await coinModel.fit(coin.slice(0, coinCut));
  const coinHeldOut = coin.slice(coinCut);
  const upShare = coinHeldOut.filter((s) => s.up === 1).length / coinHeldOut.length;
  const noise = 3 * Math.sqrt(0.25 / coinHeldOut.length);
  const coinAccuracy = accuracy((w) => coinModel.predict(w), coinHeldOut);
  assert.ok(coinAccuracy <= Math.max(upShare, 1 - upShare) + noise, `coin-flip accuracy ${coinAccuracy} (up share ${upShare}, noise ${noise})`);
  coinModel.dispose();
}
