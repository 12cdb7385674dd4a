import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { InputError } from '../../../actors/runtime/errors.js';
import { parseNews } from '../../../actors/market-data/news/parse-news.js';

test('the two shipped files parse: 474 headlines, sorted by time', () => {
  const files = ['data/news/cryptopanic_btc_2022-05-11_2022-06-09.jsonl', 'data/news/cryptopanic_btc_eth_2018-01-15_2018-01-18.jsonl'];
  const [a, b] = files.map((f) => parseNews(readFileSync(f, 'utf8'), f));
  assert.equal(a!.length + b!.length, 474);
  for (const items of [a!, b!]) for (let i = 1; i < items.length; i++) assert.ok(items[i - 1]!.ts <= items[i]!.ts);
});

test('a bad line is an InputError naming the file, the line and the field', () => {
  const ok = '{"id":"a","ts":1,"title":"t","source":"s","currencies":[],"url":"u"}';
  assert.throws(() => parseNews(`${ok}\n\n{"id":"b","ts":"x","title":"t","source":"s","currencies":[],"url":"u"}\n`, 'n.jsonl'), (e: unknown) => e instanceof InputError && /^n\.jsonl:3: field "ts"/.test(e.message));
  assert.throws(() => parseNews(`${ok}\n{oops\n`, 'n.jsonl'), (e: unknown) => e instanceof InputError && /^n\.jsonl:2: not JSON/.test(e.message));
});
