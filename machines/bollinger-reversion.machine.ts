import { bollingerReversionSignal } from '../actors/strategies/bollinger-reversion/signal.js';
import { createLongFlatMachine } from './long-flat.machine.js';

/** bollinger-reversion: the long/flat machine deciding on the Bollinger bands of the last `period` closes. */
export const bollingerReversionMachine = createLongFlatMachine('bollinger-reversion', bollingerReversionSignal);
