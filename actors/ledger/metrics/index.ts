export { computeMetrics, type PerformanceMetrics, type MetricsInput } from './performance.js';
export { equityFromReturns, returnsFromEquity, drawdownSeries, maxDrawdown } from './equity.js';
export { inferPeriodsPerYear, MS_PER_YEAR } from './periods.js';
export { mean, sampleStd, downsideDeviation, finiteOrNull } from './stats.js';
