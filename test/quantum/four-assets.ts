/**
 * Four assets whose pairs (budget 2, q = 1) are worth, by hand, xᵀΣx − μᵀx:
 *   {0,1}: 0.04+0.09+2·0.01 − 0.30 = −0.15      {0,2}: 0.04+0.0625 − 0.25 = −0.1475   {1,2}: 0.09+0.0625+2·0.06 − 0.35 = −0.0775
 *   {0,3}: 0.04+0.01 − 0.16 = −0.11             {1,3}: 0.09+0.01 − 0.26 = −0.16         {2,3}: 0.0625+0.01 − 0.21 = −0.1375
 * The optimum is {1,3}.
 */
export const FOUR_ASSETS = {
  mu: [0.1, 0.2, 0.15, 0.06],
  sigma: [
    [0.04, 0.01, 0, 0],
    [0.01, 0.09, 0.06, 0],
    [0, 0.06, 0.0625, 0],
    [0, 0, 0, 0.01],
  ],
};

export const near = (a: number, b: number, what: string, eps = 1e-12): void => {
  if (!(Math.abs(a - b) <= eps)) throw new Error(`${what}: ${a} vs ${b}`);
};
