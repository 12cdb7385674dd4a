/** Dollars to the cent, a minus sign for a loss, as the backtest's table prints them. */
export const usd = (v: number): string => `${v < 0 ? '−' : ''}$${Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
