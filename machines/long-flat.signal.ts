/** A value that survives JSON.stringify / JSON.parse unchanged: what a persisted machine snapshot may hold. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** What a long/flat signal wants after a bar: hold a position, hold none, or no opinion (stay as it is). */
export type Want = 'long' | 'flat' | undefined;

export interface SignalStep<S extends Json> {
  state: S;
  want: Want;
}

/**
 * A pure, incremental long/flat decision. `step` sees bar t's close and the state the closes up to t-1 left, and
 * returns the next state and what it wants on bar t: it must not mutate `state`, and its state must be plain JSON
 * (it lives in the machine's context, which is persisted and restored after a crash).
 */
export interface LongFlatSignal<S extends Json, P extends Json> {
  initial: S;
  step(state: S, close: number, params: P): SignalStep<S>;
}
