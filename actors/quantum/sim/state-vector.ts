import { MAX_QUBITS } from '../brute-force.js';
import { InputError } from '../../runtime/errors.js';

/**
 * n qubits as 2ⁿ complex amplitudes in two Float64Arrays (16 B per basis state: 16 MB at n = 20).
 * Qubit order is little-endian, as Qiskit's: basis index k has qubit i in state |1⟩ iff bit i of k is set,
 * so for a portfolio qubit i is asset i and x_i = bit i.
 */
export class StateVector {
  readonly size: number;
  readonly re: Float64Array;
  readonly im: Float64Array;

  constructor(readonly n: number) {
    if (!Number.isInteger(n) || n < 1 || n > MAX_QUBITS) throw new InputError('quantum: qubit count out of range', [`n: ${n} is not an integer in 1..${MAX_QUBITS}`]);
    this.size = 2 ** n;
    this.re = new Float64Array(this.size);
    this.im = new Float64Array(this.size);
    this.re[0] = 1;
  }

  /** |0…0⟩. */
  static zero(n: number): StateVector {
    return new StateVector(n);
  }

  /** |+⟩ⁿ: the equal superposition of all 2ⁿ basis states. */
  static plus(n: number): StateVector {
    const state = new StateVector(n);
    state.re.fill(1 / Math.sqrt(state.size));
    return state;
  }

  /** Overwrite with another state of the same size. */
  copyFrom(other: StateVector): void {
    this.re.set(other.re);
    this.im.set(other.im);
  }

  probability(index: number): number {
    return this.re[index]! ** 2 + this.im[index]! ** 2;
  }

  /** Σ |amp|² (1 up to rounding for a normalised state). */
  norm2(): number {
    let sum = 0;
    for (let k = 0; k < this.size; k++) sum += this.re[k]! ** 2 + this.im[k]! ** 2;
    return sum;
  }

  /** ⟨ψ| D |ψ⟩ for a diagonal observable given by its value on each basis state. */
  expectation(diagonal: Float64Array): number {
    let sum = 0;
    for (let k = 0; k < this.size; k++) sum += diagonal[k]! * (this.re[k]! ** 2 + this.im[k]! ** 2);
    return sum;
  }
}
