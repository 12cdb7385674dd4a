import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addStep, completesRow, emptyWindow, logReturns } from '../../../actors/strategies/quantum-portfolio/window-returns.js';
import type { SymbolBar } from '../../../actors/market-data/types.js';

const SYMBOLS = ['A', 'B', 'C'];
const bar = (symbol: string, close: number): SymbolBar => ({ symbol, candle: { ts: 0, open: close, high: close, low: close, close, volume: 1 } });

test('no row until every market has had a bar; then a market without a bar keeps its last close', () => {
  let w = emptyWindow(3);
  ({ window: w } = addStep(w, SYMBOLS, [bar('A', 10)], 5));
  assert.deepEqual(w, { last: [10, null, null], rows: [] });
  ({ window: w } = addStep(w, SYMBOLS, [bar('B', 20)], 5));
  assert.deepEqual(w.rows, []);
  ({ window: w } = addStep(w, SYMBOLS, [bar('C', 40)], 5));
  assert.deepEqual(w.rows, [[10, 20, 40]]);
  ({ window: w } = addStep(w, SYMBOLS, [bar('A', 11)], 5));
  assert.deepEqual(w.rows, [[10, 20, 40], [11, 20, 40]]);
  ({ window: w } = addStep(w, SYMBOLS, [bar('C', 30), bar('B', 25)], 5));
  assert.deepEqual(w.rows, [[10, 20, 40], [11, 20, 40], [11, 25, 30]]);
  assert.deepEqual(w.last, [11, 25, 30]);
});

test('other symbols are ignored: a step with none of its own returns the same window object', () => {
  const start = addStep(emptyWindow(3), SYMBOLS, [bar('A', 1), bar('B', 2), bar('C', 3)], 5).window;
  const other = addStep(start, SYMBOLS, [bar('Z', 99)], 5);
  assert.equal(other.own, false);
  assert.equal(other.window, start);
  const mixed = addStep(start, SYMBOLS, [bar('Z', 99), bar('B', 4)], 5);
  assert.equal(mixed.own, true);
  assert.deepEqual(mixed.window.rows, [[1, 2, 3], [1, 4, 3]]);
  assert.deepEqual(start.rows, [[1, 2, 3]], 'the input window is not changed');
  assert.deepEqual(start.last, [1, 2, 3]);
});

test('rows are bounded at keep, oldest dropped first', () => {
  let w = emptyWindow(3);
  for (let t = 1; t <= 6; t++) ({ window: w } = addStep(w, SYMBOLS, [bar('A', t), bar('B', 10 * t), bar('C', 100 * t)], 3));
  assert.deepEqual(w.rows, [[4, 40, 400], [5, 50, 500], [6, 60, 600]]);
});

test('log returns between consecutive rows, row t and market i', () => {
  const w = { last: [11, 25, 30], rows: [[10, 20, 40], [11, 20, 40], [11, 25, 30]] };
  const r = logReturns(w);
  assert.equal(r.length, 2);
  assert.deepEqual(r[0], [Math.log(1.1), 0, 0]);
  assert.deepEqual(r[1], [0, Math.log(1.25), Math.log(0.75)]);
  assert.deepEqual(logReturns({ last: [1, 1, 1], rows: [[1, 1, 1]] }), []);
});

test('completesRow says whether addStep adds a row, without building one', () => {
  const symbols = ['A', 'B'];
  const bar = (symbol: string, close: number) => ({ symbol, candle: { ts: 0, open: close, high: close, low: close, close, volume: 1 } });
  const cases = [
    [emptyWindow(2), [bar('A', 1)]],
    [emptyWindow(2), [bar('A', 1), bar('B', 2)]],
    [emptyWindow(2), [bar('C', 1)]],
    [addStep(emptyWindow(2), symbols, [bar('A', 1)], 5).window, [bar('B', 2)]],
    [addStep(emptyWindow(2), symbols, [bar('A', 1), bar('B', 2)], 5).window, [bar('C', 3)]],
    [addStep(emptyWindow(2), symbols, [bar('A', 1), bar('B', 2)], 5).window, [bar('B', 3)]],
  ] as const;
  assert.deepEqual(cases.map(([w, bars]) => completesRow(w, symbols, bars)), [false, true, false, true, false, true]);
  for (const [w, bars] of cases) assert.equal(completesRow(w, symbols, bars), addStep(w, symbols, bars, 5).window.rows !== w.rows);
});
