/** The markets a backtest strategy trades: its one series, or a multi-market strategy's several (`series` first). */
export function marketsOf<S>(s: { series: S; markets?: readonly S[] }): readonly S[] {
  return s.markets ?? [s.series];
}
