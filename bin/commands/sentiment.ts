import type { Command } from 'commander';
import { ArbiterError } from '../../actors/runtime/errors.js';
import { readNewsFile } from '../../actors/market-data/news/read-news-file.js';
import { scoreHeadline } from '../../actors/market-data/news/score-headline.js';
import type { CommandAbout } from './index.js';
import { columns } from '../columns.js';

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .requiredOption('--news <file.jsonl>', 'news JSONL, one {id, ts, title, source, currencies, url} a line (e.g. data/news/cryptopanic_btc_2022-05-11_2022-06-09.jsonl)')
    .option('--json', 'print one JSON line: {"items":[{"id","score"}...]} in file order, scores in [-1, 1]')
    .action((opts: { news: string; json?: boolean }) => {
      try {
        const items = readNewsFile(opts.news).map((item) => ({ id: item.id, title: item.title, score: scoreHeadline(item.title) }));
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ items: items.map(({ id, score }) => ({ id, score })) })}\n`);
          return;
        }
        const rows = [['id', 'score', 'title'], ...items.map((i) => [i.id, i.score.toFixed(3), i.title])];
        for (const line of columns(rows, { right: (c) => c === 1 })) process.stdout.write(`${line}\n`);
        const pos = items.filter((i) => i.score > 0).length;
        const neg = items.filter((i) => i.score < 0).length;
        const mean = items.length === 0 ? 0 : items.reduce((s, i) => s + i.score, 0) / items.length;
        process.stdout.write(`${items.length} headlines: ${pos} positive, ${neg} negative, ${items.length - pos - neg} neutral; mean score ${mean.toFixed(3)}\n`);
      } catch (err) {
        if (err instanceof ArbiterError) {
          process.stderr.write(`arbiter sentiment: ${err.shortMessage}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
