import * as tf from '@tensorflow/tfjs';

// PROD skips tfjs's debug checks. The union package registers every op's gradient; tfjs-node is not used (its native
// library downloads at install), so the encoder trains on the pure-JS CPU backend.
tf.env().set('PROD', true);

/** tfjs on its pure-JS CPU backend. The CPU backend initialises synchronously; `fit` still awaits this. */
export const tfReady: Promise<boolean> = tf.setBackend('cpu');

export { tf };
