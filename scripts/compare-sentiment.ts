/**
 * The library comparison of docs/sentiment.md. The two libraries not chosen are not dependencies; install them
 * without saving first:
 *   npm install --no-save vader-sentiment@1.1.3 wink-sentiment@5.0.2 && npx tsx scripts/compare-sentiment.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { labelAgreement } from '../actors/market-data/news/label-agreement.js';
import { parseLabelled } from '../actors/market-data/news/parse-labelled.js';
import { parseNews } from '../actors/market-data/news/parse-news.js';
import { scoreHeadline } from '../actors/market-data/news/score-headline.js';

const require = createRequire(import.meta.url);
// `sentiment` adds extras to its shared AFINN table: the plain library is scored first, before ours adds any.
const SentimentPlain = require('sentiment') as new () => { analyze(t: string): { score: number } };
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
const wink = require('wink-sentiment') as (t: string) => { normalizedScore: number };

const plain = new SentimentPlain();
const scorers: Array<[string, (t: string) => number]> = [
  ['sentiment 5.0.2 (AFINN-165)', (t) => plain.analyze(t).score],
  ['vader-sentiment 1.1.3 (compound)', (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound],
  ['wink-sentiment 5.0.2', (t) => wink(t).normalizedScore],
  ['arbiter: sentiment + crypto lexicon', scoreHeadline],
];

const dir = 'data/news';
const all = readdirSync(dir)
  .filter((f) => f.startsWith('cryptopanic_') && f.endsWith('.jsonl'))
  .flatMap((f) => parseNews(readFileSync(`${dir}/${f}`, 'utf8'), `${dir}/${f}`));
const sets = ['labelled-by-arbiter.jsonl', 'labelled-by-arbiter-holdout.jsonl'].map((f) => parseLabelled(readFileSync(`${dir}/${f}`, 'utf8'), `${dir}/${f}`));

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const head = sets.map((set, i) => `${i === 0 ? 'tuning' : 'held-out'} ${set.length}: coverage / agreement where scored / 3-class accuracy`);
process.stdout.write(`| scorer | coverage, all ${all.length} headlines | ${head.join(' | ')} |\n|---|---|${sets.map(() => '---|').join('')}\n`);
for (const [name, score] of scorers) {
  const coverAll = all.filter((i) => score(i.title) !== 0).length / all.length;
  const cells = sets.map((set) => {
    const a = labelAgreement(set.map((l) => ({ score: score(l.title), label: l.label })));
    return `${pct(a.coverage)} / ${pct(a.agreement)} / ${pct(a.accuracy)}`;
  });
  process.stdout.write(`| ${name} | ${pct(coverAll)} | ${cells.join(' | ')} |\n`);
}
