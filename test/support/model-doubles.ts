import type { ModelFactory } from '../../actors/models/training/model-factory.js';
import { CoinFlipModel } from './coin-flip-model.js';
import { PatternTableModel } from './pattern-table-model.js';

/** Which double a training worker should make (TrainJob.factory.data). */
export type DoubleSpec =
  | { double: 'coin-flip' }
  | { double: 'pattern-table' }
  /** Throws from fit: a RangeError, or an object shaped like an InputError only by name if `name` is given. */
  | { double: 'fails'; message: string }
  /** Blocks its thread in the first fit until the Int32 at 0 of `gate` is non-zero (Atomics.wait): only another thread can release it. */
  | { double: 'waits'; gate: SharedArrayBuffer };

/** The worker-side factory of test doubles (train-worker imports this module by URL). */
export function modelFactory(spec: DoubleSpec): ModelFactory {
  return (kind, inputSize, hyper) => {
    switch (spec.double) {
      case 'coin-flip':
        return new CoinFlipModel(kind, inputSize, hyper);
      case 'pattern-table':
        return new PatternTableModel(kind, inputSize, hyper);
      case 'fails':
        return Object.assign(new CoinFlipModel(kind, inputSize, hyper), {
          fit: () => Promise.reject(new RangeError(spec.message)),
        });
      case 'waits': {
        const model = new CoinFlipModel(kind, inputSize, hyper);
        const fit = model.fit.bind(model);
        return Object.assign(model, {
          fit: (...args: Parameters<typeof fit>) => {
            Atomics.wait(new Int32Array(spec.gate), 0, 0);
            return fit(...args);
          },
        });
      }
    }
  };
}
