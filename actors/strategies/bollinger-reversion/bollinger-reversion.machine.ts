import { bollingerReversionSignal } from './signal.js';
import { createLongFlatMachine } from '../../../machines/long-flat.machine.js';

/** bollinger-reversion: the long/flat machine deciding on the Bollinger bands of the last `period` closes. */
export const bollingerReversionMachine = createLongFlatMachine('bollinger-reversion', bollingerReversionSignal);
