/** mulberry32, one step: the next state and a uniform [0, 1). Pure, so a machine can keep the state in its snapshot. */
export function nextRandom(state: number): [number, number] {
  const a = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(a ^ (a >>> 15), a | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [a, ((t ^ (t >>> 14)) >>> 0) / 4294967296];
}

/** A seeded generator of uniforms in [0, 1): deterministic runs for simulations and benchmarks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const [next, value] = nextRandom(state);
    state = next;
    return value;
  };
}
