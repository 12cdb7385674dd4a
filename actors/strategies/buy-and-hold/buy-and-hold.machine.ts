import { buyAndHoldSignal } from './signal.js';
import { createLongFlatMachine } from '../../../machines/long-flat.machine.js';

/** buy-and-hold: the long/flat machine with a signal that always wants long. */
export const buyAndHoldMachine = createLongFlatMachine('buy-and-hold', buyAndHoldSignal);
