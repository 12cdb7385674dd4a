export type Label = 'positive' | 'negative' | 'neutral';

export interface Agreement {
  /** Items scored. */
  n: number;
  /** Share scored non-zero. */
  coverage: number;
  /** Among those scored non-zero, the share whose sign is the label's (a non-zero score on a neutral label disagrees). */
  agreement: number;
  /** Over all items, the share whose sign (0 = neutral) is the label. */
  accuracy: number;
}

const sign = (score: number): Label => (score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral');

/** How far scores agree with hand labels, the way the crowd check counts it (docs/sentiment.md). */
export function labelAgreement(rows: ReadonlyArray<{ score: number; label: Label }>): Agreement {
  const scored = rows.filter((r) => r.score !== 0);
  const agreeing = scored.filter((r) => sign(r.score) === r.label).length;
  const exact = rows.filter((r) => sign(r.score) === r.label).length;
  return {
    n: rows.length,
    coverage: rows.length === 0 ? 0 : scored.length / rows.length,
    agreement: scored.length === 0 ? 0 : agreeing / scored.length,
    accuracy: rows.length === 0 ? 0 : exact / rows.length,
  };
}
