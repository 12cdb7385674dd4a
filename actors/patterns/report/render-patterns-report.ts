import type { Candle } from '../../market-data/types.js';
import { esc, scriptJson } from '../../ledger/report/html.js';
import { describeMicrostructure } from '../describe-microstructure.js';
import type { MicrostructureSummary } from '../microstructure-summary.js';
import type { ScannedPattern } from '../scan-patterns.js';
import type { ZigzagThreshold } from '../swings/zigzag.js';
import { lightweightChartsScript } from './lightweight-charts-asset.js';
import { PATTERNS_CHART_SCRIPT } from './patterns-chart-script.js';

export interface PatternsReportInput {
  title: string;
  /** Where the bars came from (a file name), shown under the title. */
  source: string;
  candles: readonly Candle[];
  timeframeMs: number;
  patterns: readonly ScannedPattern[];
  /** Swings of the zigzag the patterns were read from, and its threshold. */
  swings: number;
  zigzag: ZigzagThreshold;
  microstructure: MicrostructureSummary;
}

/** What the page's script draws: the bars as columns (times in epoch seconds, as the chart takes them) and each pattern. */
export interface PatternsChartData {
  secondsVisible: boolean;
  candles: { t: number[]; o: number[]; h: number[]; l: number[]; c: number[] };
  patterns: { family: ScannedPattern['family']; direction: ScannedPattern['direction']; points: [label: string, time: number, price: number][]; invalidation: number }[];
}

const FAMILIES = ['harmonic', 'elliott', 'wyckoff'] as const;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:20px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;margin:0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;white-space:nowrap}th{background:#f3f3f3;position:sticky;top:0}
td.num{text-align:right}td.wrap{white-space:normal;min-width:120px}td.ratios{white-space:normal;min-width:380px}.note{color:#555;max-width:1100px}.scroll{max-height:360px;overflow:auto;display:inline-block;max-width:100%}
#chart{height:560px;max-width:1400px;border:1px solid #ddd}.controls{display:flex;flex-wrap:wrap;gap:16px;align-items:center;margin:8px 0}
.swatch{display:inline-block;width:22px;height:0;border-top:3px solid;vertical-align:middle;margin-right:4px}
.bullish{color:#0b8a3e}.bearish{color:#d1232a}#patterns-table tbody tr{cursor:pointer}#patterns-table tbody tr:hover,#patterns-table tr.selected{background:#fff6d5}`;

/** UTC, to the minute, or to the second for bars shorter than a minute. */
const utc = (ms: number, timeframeMs: number) => `${new Date(ms).toISOString().slice(0, timeframeMs < 60_000 ? 19 : 16).replace('T', ' ')}Z`;
const price = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(2) : x.toPrecision(6));

function describeZigzag(z: ZigzagThreshold): string {
  return z.kind === 'percent' ? `${z.percent} % zigzag` : `zigzag of ${z.multiple} × ATR(${z.period})`;
}

/** The page script's data: the bars as columns and each pattern's points, times in epoch seconds. */
export function patternsChartData(candles: readonly Candle[], patterns: readonly ScannedPattern[], timeframeMs: number): PatternsChartData {
  const sec = (ms: number) => ms / 1000;
  return {
    secondsVisible: timeframeMs < 60_000,
    candles: { t: candles.map((c) => sec(c.ts)), o: candles.map((c) => c.open), h: candles.map((c) => c.high), l: candles.map((c) => c.low), c: candles.map((c) => c.close) },
    patterns: patterns.map((p) => ({ family: p.family, direction: p.direction, points: p.points.map((q) => [q.label, sec(q.ts), q.price]), invalidation: p.invalidation })),
  };
}

function patternRow(p: ScannedPattern, i: number, timeframeMs: number): string {
  const name = p.status === undefined ? p.name : `${p.name} (${p.lastEvent}, phase ${p.phase}, ${p.status})`;
  const ratios = Object.entries(p.ratios).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ');
  const cells = [
    `<td class="num">${i + 1}</td>`, `<td>${esc(p.family)}</td>`, `<td>${esc(name)}</td>`, `<td class="${p.direction}">${esc(p.direction)}</td>`,
    `<td class="wrap">${esc(p.points.map((q) => q.label).join(' '))}</td>`, `<td>${utc(p.points[0]!.ts, timeframeMs)}</td>`, `<td>${utc(p.confirmedAt, timeframeMs)}</td>`,
    `<td class="num">${esc(price(p.invalidation))}</td>`, `<td class="ratios">${esc(ratios)}</td>`,
  ];
  return `<tr data-pattern="${i}" data-family="${p.family}">${cells.join('')}</tr>`;
}

/**
 * One self-contained HTML file (Lightweight Charts and the data inlined, no network): the bars as candlesticks, each
 * pattern drawn over them through its labelled points with its invalidation level, a table of the patterns (hover a
 * row to highlight its pattern, click to zoom to it), and the microstructure summary when books or trades were given.
 */
export function renderPatternsReport(input: PatternsReportInput): string {
  const { candles, patterns } = input;
  const counts = FAMILIES.map((f) => `${patterns.filter((p) => p.family === f).length} ${f}`).join(', ');
  const micro = describeMicrostructure(input.microstructure);
  const familyBoxes = FAMILIES.map((f) => `<label><input type="checkbox" class="family" value="${f}" checked> ${f}</label>`).join(' ');
  const span = candles.length === 0 ? 'no bars' : `${candles.length} bars from ${utc(candles[0]!.ts, input.timeframeMs)} to ${utc(candles[candles.length - 1]!.ts, input.timeframeMs)}`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<style>${STYLE}</style></head>
<body>
<h1>${esc(input.title)}</h1>
<p class="note">${esc(input.source)}: ${esc(span)}. ${esc(describeZigzag(input.zigzag))}: ${input.swings} swings; ${patterns.length} patterns (${esc(counts)}).
Nothing here says any of them predicts anything.</p>
<div class="controls">
<span><span class="swatch" style="border-color:#0b8a3e"></span>bullish</span><span><span class="swatch" style="border-color:#d1232a"></span>bearish</span>
<span>harmonic: filled triangles; Elliott: solid; Wyckoff: dotted; invalidation: dashed from the last point</span>
<span>${familyBoxes}</span><button id="show-all" type="button">whole range</button>
</div>
<div id="chart"></div>
<p class="note">Wheel or pinch to zoom, drag to pan. Point labels show once a pattern is wide enough on screen; hover a row below to highlight its pattern, click it to zoom to it.</p>
<h2>Patterns (${patterns.length})</h2>
<div class="scroll"><table id="patterns-table"><thead><tr>${['#', 'family', 'name', 'direction', 'points', 'first point', 'confirmed at', 'invalidation', 'ratios'].map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
${patterns.map((p, i) => patternRow(p, i, input.timeframeMs)).join('\n')}
</tbody></table></div>
${micro.length === 0 ? '' : `<h2>Microstructure</h2><ul id="microstructure">${micro.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`}
<script id="report-data" type="application/json">${scriptJson(patternsChartData(candles, patterns, input.timeframeMs))}</script>
<script>${lightweightChartsScript()}</script>
<script>${PATTERNS_CHART_SCRIPT}</script>
</body></html>
`;
}
