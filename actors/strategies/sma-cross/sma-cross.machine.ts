import { createLongFlatMachine, type LongFlatInput } from '../../../machines/long-flat.machine.js';
import { smaCrossSignal, type SmaCrossParams } from './signal.js';

/**
 * sma-cross: long-only, enter on a fast-over-slow SMA cross, exit on the opposite cross, on the long/flat machine
 * (states flat / entering / long / exiting; entry and exit are guards; market orders sized on bar t's close fill no
 * earlier than bar t+1's open).
 */
export const smaCrossMachine = createLongFlatMachine('sma-cross', smaCrossSignal);

export type SmaCrossInput = LongFlatInput<SmaCrossParams>;
