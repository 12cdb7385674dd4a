import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { registerEncoderGradients } from './gradients.js';

// PROD skips tfjs's debug checks and its "install tfjs-node" console warning.
tf.env().set('PROD', true);
registerEncoderGradients();

/** tfjs-core on its pure-JS CPU backend. The CPU backend initialises synchronously; `fit` still awaits this. */
export const tfReady: Promise<boolean> = tf.setBackend('cpu');

export { tf };
