import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * TradingView Lightweight Charts' standalone browser build (it defines `window.LightweightCharts`), read from the
 * installed package so the report can inline it. The package exports only its ES modules and package.json, hence the
 * path beside package.json.
 */
export function lightweightChartsScript(): string {
  const root = dirname(require.resolve('lightweight-charts/package.json'));
  return readFileSync(join(root, 'dist', 'lightweight-charts.standalone.production.js'), 'utf8');
}
