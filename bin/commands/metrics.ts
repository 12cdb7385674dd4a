import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { computeMetrics } from '../../actors/ledger/metrics/performance.js';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import type { CommandAbout } from './index.js';

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return n;
}

/** Reads a JSON array of periodic returns; every bad element is named by file and index. */
export function readReturnsFile(file: string): number[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(`${file}: cannot read returns file`, [String((cause as Error).message)]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InputError(`${file}: not valid JSON`, [String((cause as Error).message)]);
  }
  if (!Array.isArray(parsed)) throw new InputError(`${file}: expected a JSON array of periodic returns`);
  const issues: string[] = [];
  parsed.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < -1) issues.push(`${file}: return at index ${i}: expected a number ≥ -1, got ${JSON.stringify(x)}`);
  });
  if (issues.length > 0) throw new InputError(`${file}: ${issues.length} bad return value(s)`, issues.slice(0, 20));
  return parsed as number[];
}

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .requiredOption('--returns <file>', 'JSON array of periodic simple returns, e.g. [0.01, -0.005, …]')
    .requiredOption('--periods-per-year <n>', 'periods per year (365 daily, 8760 hourly, 105120 for 5m bars)', positiveNumber)
    .option('--risk-free <rate>', 'annual risk-free rate (default 0)', Number, 0)
    .option('--json', 'print one JSON object as the last line')
    .action((opts: { returns: string; periodsPerYear: number; riskFree: number; json?: boolean }) => {
      try {
        const returns = readReturnsFile(opts.returns);
        const metrics = computeMetrics({ returns, periodsPerYear: opts.periodsPerYear, riskFree: opts.riskFree });
        if (opts.json) process.stdout.write(`${JSON.stringify(metrics)}\n`);
        else for (const [k, v] of Object.entries(metrics)) process.stdout.write(`${k.padEnd(18)} ${v}\n`);
      } catch (err) {
        if (err instanceof ArbiterError) {
          process.stderr.write(`arbiter metrics: ${err.message}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
