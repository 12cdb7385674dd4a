import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StateMachine, type AnyStateMachine } from 'xstate';
import { catalogue, strategiesOf } from '../../actors/strategies/catalogue/catalogue.js';
import { FAMILIES } from '../../actors/strategies/catalogue/strategy-declaration.js';
import { checkStrategyParams, paramNames } from '../../actors/backtest/strategy-params.js';
import { keysAt } from '../../config/introspect.js';

const STRATEGIES = 'actors/strategies';
const label = (key: string) => `--param ${key}`;

test('the catalogue is every strategy folder holding a declaration.ts, each named after its folder', () => {
  const folders = readdirSync(STRATEGIES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(STRATEGIES, d.name, 'declaration.ts')))
    .map((d) => d.name)
    .sort();
  assert.deepEqual(catalogue.map((d) => d.name), folders);
  for (const name of ['sma-cross', 'market-making', 'triangular', 'cross-exchange', 'flash-loan']) assert.ok(folders.includes(name), name);
});

test("every entry's parameters parse {} to a complete default set and refuse an unknown key by name", () => {
  for (const d of catalogue) {
    const parsed = checkStrategyParams(d.name, d.params, {}, { label });
    assert.ok(parsed.ok, `${d.name}: {} parses`);
    const names = paramNames(d.params);
    assert.ok(names.length > 0, `${d.name} has parameters`);
    assert.deepEqual(Object.keys(parsed.value), names, `${d.name}: a default for every parameter`);
    for (const name of names) assert.notEqual((parsed.value as Record<string, unknown>)[name], undefined, `${d.name}.${name}`);

    const refused = checkStrategyParams(d.name, d.params, { notAParam: 1 }, { label });
    assert.ok(!refused.ok, `${d.name}: an unknown key is refused`);
    assert.match(refused.lines.join('\n'), new RegExp(`--param notAParam: unknown parameter of ${d.name}`));
  }
});

test("every entry's family is an allocation key of the config", () => {
  const families = keysAt(['allocation']);
  assert.ok(families.length > 0);
  for (const d of catalogue) assert.ok(families.includes(d.family), `${d.name}: ${d.family} in ${families.join(', ')}`);
});

test("every entry's machine file exists and exports a machine with the declared id", async () => {
  for (const d of catalogue) {
    assert.ok(existsSync(d.machine.file), `${d.name}: ${d.machine.file} exists`);
    const module = (await import(`../../${d.machine.file}`)) as Record<string, unknown>;
    const ids = Object.values(module).filter((v): v is AnyStateMachine => v instanceof StateMachine).map((m) => m.id);
    assert.ok(ids.includes(d.machine.id), `${d.name}: ${d.machine.file} exports machines ${ids.join(', ') || 'none'}, not "${d.machine.id}"`);
  }
});

test('every entry that runs in a backtest needs what a backtest replays: candles, or a recorded day of DEX swaps', () => {
  const backtested = catalogue.filter((d) => d.runs.includes('backtest'));
  assert.ok(backtested.length > 0);
  for (const d of backtested) assert.ok(d.needs.includes('candles') || d.needs.includes('swaps'), `${d.name} needs ${d.needs.join(', ')}`);
});

test("docs/strategies.md has a row per family and per catalogue entry and quotes sma-cross's real declaration and parameters", () => {
  const doc = readFileSync('docs/strategies.md', 'utf8');
  for (const d of catalogue) {
    const row = `| \`${d.name}\` | ${d.family} | ${d.runs.join(', ')} | ${d.needs.join(', ')} | \`${d.machine.id}\` (${d.machine.file}) |`;
    assert.ok(doc.includes(row), `the doc's table has ${row}`);
  }
  for (const family of FAMILIES) {
    const row = `| \`${family}\` | ${strategiesOf(family).map((d) => `\`${d.name}\``).join(', ') || 'none yet'} |`;
    assert.ok(doc.includes(row), `the doc's families table has ${row}`);
  }
  for (const file of ['declaration.ts', 'params.ts']) {
    const source = readFileSync(join(STRATEGIES, 'sma-cross', file), 'utf8');
    assert.ok(doc.includes(`\`\`\`ts\n${source}\`\`\``), `the doc quotes actors/strategies/sma-cross/${file} as it is`);
  }
});
