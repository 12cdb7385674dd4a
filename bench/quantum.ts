/**
 * Issue 14: the classical state-vector simulation of QAOA. For n = 8, 12, 16, 20 qubits: one QAOA layer (cost phase
 * from the precomputed table + mixer) for both mixers, and a full p = 2 optimisation with the XY mixer (n ≤ 16; at
 * n = 20 one optimisation would take minutes, so only the layer is timed). Aim: n = 16, p = 2 in < 10 s; n = 20 within
 * 64 MB. The floor, in the same run: one pass multiplying every amplitude by a constant (memory-bound, the least any
 * layer can cost); a layer is ~1 + n such passes.
 */
import { applyMixer } from '../actors/quantum/qaoa/ansatz.js';
import { quboValues } from '../actors/quantum/qaoa/ising.js';
import { solveQubo } from '../actors/quantum/qaoa/solve-qubo.js';
import type { Qubo } from '../actors/quantum/qubo.js';
import { diagonalPhase } from '../actors/quantum/sim/gates.js';
import { dickeState } from '../actors/quantum/sim/dicke.js';
import { StateVector } from '../actors/quantum/sim/state-vector.js';
import { seededRandom } from '../actors/runtime/random.js';

const SIZES = [8, 12, 16, 20];
const FULL_UP_TO = 16;
const TARGET_FULL_MS = 10_000;
const TARGET_MB = 64;

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** q·xᵀΣx − μᵀx, Σ = AAᵀ/n from uniform entries, q = ½, μ ∈ [0, 0.1): a dense random portfolio. */
export function randomPortfolio(n: number, seed: number): Qubo {
  const random = seededRandom(seed);
  const mu = Array.from({ length: n }, () => random() * 0.1);
  const A = Array.from({ length: n }, () => Array.from({ length: n }, () => random() - 0.5));
  const Q = A.map((ai) => A.map((aj) => (0.5 * ai.reduce((s, v, k) => s + v * aj[k]!, 0)) / n));
  return { n, Q, c: mu.map((m) => -m), offset: 0 };
}

function medianMs(reps: number, run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = nowMs();
    run();
    times.push(nowMs() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(reps / 2)]!;
}

const round = (v: number, digits = 3) => Number(v.toPrecision(digits));

export function benchQuantum(): Record<string, unknown> {
  const sizes: Record<string, unknown> = {};
  let memory: Record<string, number> = {};
  for (const n of SIZES) {
    const reps = n >= 20 ? 3 : n >= 16 ? 7 : 21;
    const before = process.memoryUsage();
    const qubo = randomPortfolio(n, 1);
    const cost = quboValues(qubo);
    const state = dickeState(n, n / 2);
    const floorMs = medianMs(reps, () => {
      for (let k = 0; k < state.size; k++) {
        state.re[k]! *= 1;
        state.im[k]! *= 1;
      }
    });
    const layerXyMs = medianMs(reps, () => {
      diagonalPhase(state, cost, 0.3);
      applyMixer(state, 'xy', 0.2);
    });
    const layerXMs = medianMs(reps, () => {
      diagonalPhase(state, cost, 0.3);
      applyMixer(state, 'x', 0.2);
    });
    const entry: Record<string, unknown> = { floorMs: round(floorMs), layerXyMs: round(layerXyMs), layerXMs: round(layerXMs), layerXyOverFloor: round(layerXyMs / floorMs) };
    if (n === 20) {
      const after = process.memoryUsage();
      memory = {
        qubits: n,
        stateAndCostMB: round((state.re.byteLength + state.im.byteLength + cost.byteLength) / 2 ** 20),
        arrayBuffersDeltaMB: round((after.arrayBuffers - before.arrayBuffers) / 2 ** 20),
        rssMB: round(after.rss / 2 ** 20),
        targetMB: TARGET_MB,
      };
    }
    if (n <= FULL_UP_TO) {
      const t0 = nowMs();
      const r = solveQubo(qubo, { layers: 2, mixer: 'xy', budget: n / 2, seed: 1 });
      const fullMs = nowMs() - t0;
      Object.assign(entry, { fullP2Ms: round(fullMs), evaluations: r.evaluations, probabilityOfOptimum: round(r.probabilityOfOptimum) });
      if (n === FULL_UP_TO) entry.targetFullP2Ms = TARGET_FULL_MS;
    } else entry.fullP2Ms = 'not run (one optimisation ≈ evaluations × 2 layers; minutes at n = 20)';
    sizes[`n${n}`] = entry;
  }
  return { sizes, memory };
}
