import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';

const cli = (args: string[]) => spawnSync(process.execPath, [ARBITER, ...args], { encoding: 'utf8' });
const FILE = 'data/news/cryptopanic_btc_2022-05-11_2022-06-09.jsonl';

test('--json prints one line {"items":[{id, score}]} in file order, scores in [-1, 1]', () => {
  const res = cli(['sentiment', '--news', FILE, '--json']);
  assert.equal(res.status, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const out = JSON.parse(lines[0]!) as { items: Array<{ id: string; score: number }> };
  const ids = readFileSync(FILE, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
  assert.deepEqual(out.items.map((i) => i.id), ids);
  for (const i of out.items) assert.deepEqual(Object.keys(i), ['id', 'score']);
  assert.ok(out.items.every((i) => i.score >= -1 && i.score <= 1));
  assert.ok(out.items.some((i) => i.score > 0) && out.items.some((i) => i.score < 0));
  assert.ok(out.items.find((i) => i.id === 'cnd-77526')!.score < 0, '"Bitcoin Drops Below $30,000"');
});

test('the human table has id, score, title and the totals', () => {
  const res = cli(['sentiment', '--news', 'data/news/cryptopanic_btc_eth_2018-01-15_2018-01-18.jsonl']);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /^id\s+score\s+title$/m);
  assert.match(res.stdout, /^cp-841413\s+-0\.\d{3}\s+Report: South Korea Mulls Closure of Domestic Crypto Exchanges$/m);
  assert.match(res.stdout, /^18 headlines: \d+ positive, \d+ negative, \d+ neutral; mean score -?\d\.\d{3}$/m);
});

test('a missing file or a bad line exits 2 with one line naming it, no stack trace', () => {
  const missing = cli(['sentiment', '--news', 'no/such.jsonl', '--json']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'arbiter sentiment: no/such.jsonl: cannot read news file (ENOENT)\n');
  const dir = mkdtempSync(join(tmpdir(), 'sentiment-'));
  try {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${readFileSync(FILE, 'utf8').split('\n')[0]}\n{"id":"x","ts":1}\n`);
    const res = cli(['sentiment', '--news', bad, '--json']);
    assert.equal(res.status, 2);
    assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr);
    assert.match(res.stderr, new RegExp(`^arbiter sentiment: ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2: field "title"`));
    assert.equal(res.stdout, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
