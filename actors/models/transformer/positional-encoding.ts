/** The sinusoidal positional encoding of "Attention is all you need": [length × width], row-major. */
export function positionalEncoding(length: number, width: number): Float32Array {
  const out = new Float32Array(length * width);
  for (let pos = 0; pos < length; pos++) {
    for (let i = 0; i < width; i++) {
      const angle = pos / 10_000 ** ((2 * Math.floor(i / 2)) / width);
      out[pos * width + i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return out;
}
