import type { Command } from 'commander';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import { MAX_QUBITS as MAX_BRUTE_FORCE_ASSETS } from '../../actors/quantum/brute-force.js';
import type { Moments } from '../../actors/quantum/portfolio/moments.js';
import { portfolioFromCandles, type ReturnsSummary } from '../../actors/quantum/portfolio/portfolio-from-candles.js';
import { readPortfolioInput } from '../../actors/quantum/portfolio/portfolio-input.js';
import { portfolioLines, portfolioSummaryLines } from '../../actors/quantum/portfolio/portfolio-lines.js';
import { portfolioQubo } from '../../actors/quantum/portfolio/portfolio-qubo.js';
import { portfolioReport, SIMULATION_NOTE } from '../../actors/quantum/portfolio/portfolio-report.js';
import { qaoaQasm } from '../../actors/quantum/qasm/qaoa-qasm.js';
import { writeFileSync } from 'node:fs';
import { columns } from '../columns.js';
import { checkOutputFile } from '../output-file.js';
import type { CommandAbout } from './index.js';

interface PortfolioOpts {
  input?: string;
  returns?: string;
  risk: string;
  budget: string;
  layers: string;
  mixer: string;
  seed: string;
  scenarios?: string;
  annualize?: boolean;
  qasm?: string;
  json?: boolean;
}

/** `text` as a number the flag accepts, or an InputError naming the flag. */
function numberFlag(flag: string, text: string, ok: (n: number) => boolean, expected: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !ok(n)) throw new InputError(`${flag} ${text}: expected ${expected}`);
  return n;
}

function problem(opts: PortfolioOpts, seed: number): { names: string[]; moments: Moments; source: string; warnings: string[]; data: ReturnsSummary | null } {
  if ((opts.input === undefined) === (opts.returns === undefined)) throw new InputError('give one of --input <file.json> or --returns <candle files>');
  if (opts.input !== undefined) {
    for (const flag of ['scenarios', 'annualize'] as const) if (opts[flag] !== undefined) throw new InputError(`--${flag}: only with --returns (an --input file gives μ and Σ as they are)`);
    const { names, mu, sigma, warnings } = readPortfolioInput(opts.input);
    return { names, moments: { mu, sigma }, source: `--input ${opts.input}`, warnings, data: null };
  }
  const files = opts.returns!.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const scenarios = opts.scenarios === undefined ? undefined : numberFlag('--scenarios', opts.scenarios, (n) => Number.isInteger(n) && n >= 1, 'a whole number of scenarios ≥ 1');
  const { names, moments, summary } = portfolioFromCandles(files, { annualize: opts.annualize, scenarios, seed });
  return { names, moments, source: '--returns', warnings: [], data: summary };
}

function execute(opts: PortfolioOpts): void {
  const risk = numberFlag('--risk', opts.risk, (n) => n >= 0, 'a risk aversion q ≥ 0');
  const layers = numberFlag('--layers', opts.layers, (n) => Number.isInteger(n) && n >= 1, 'a whole number of layers ≥ 1');
  const seed = numberFlag('--seed', opts.seed, (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0');
  if (opts.mixer !== 'x' && opts.mixer !== 'xy') throw new InputError(`--mixer ${opts.mixer}: expected x (with a budget penalty) or xy (keeps Σx = B)`);
  if (opts.qasm !== undefined) checkOutputFile(opts.qasm, '--qasm');
  const { names, moments, source, warnings, data } = problem(opts, seed);
  const n = names.length;
  if (n > MAX_BRUTE_FORCE_ASSETS) throw new InputError(`${source}: ${n} assets, at most ${MAX_BRUTE_FORCE_ASSETS} (brute force and the state vector grow as 2ⁿ)`);
  if (n < 2) throw new InputError(`${source}: ${n} asset, at least 2 to choose among`);
  const budget = numberFlag('--budget', opts.budget, (b) => Number.isInteger(b) && b >= 1 && b < n, `a whole number of assets from 1 to ${n - 1} (of ${n})`);
  const report = portfolioReport(portfolioQubo(moments, risk), names, { layers, mixer: opts.mixer, budget, seed, risk, moments });
  if (opts.qasm !== undefined) {
    writeFileSync(opts.qasm, qaoaQasm({ ising: report.ising, angles: report.qaoa.angles }, opts.mixer, budget));
    process.stderr.write(`circuit written to ${opts.qasm}\n`);
  }
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ...report, data, warnings })}\n`);
    return;
  }
  const lines = [SIMULATION_NOTE];
  if (data) {
    const scenarios = data.scenarios ? `; μ: mean over ${data.scenarios.count} bootstrap scenarios (seed ${data.scenarios.seed})` : '';
    lines.push(
      `${n} assets, ${data.returns} ${data.timeframe} log returns per asset on the bars all files share (${data.droppedBars.reduce((s, d) => s + d, 0)} bars dropped to align, ` +
        `${data.gapsSkipped} gaps skipped); μ and Σ per ${data.per}${scenarios}`,
    );
  } else lines.push(`${n} assets from ${opts.input}`);
  lines.push(...columns(portfolioLines(report), { right: (c) => c === 1 || c === 2 }), ...portfolioSummaryLines(report));
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function register(program: Command, about: CommandAbout): void {
  const quantum = program.command(about.name).description(about.summary);
  quantum
    .command('portfolio')
    .description(
      `Choose B of n assets minimising q·xᵀΣx − μᵀx, exactly by brute force and by QAOA: a ${SIMULATION_NOTE}. ` +
        'μ and Σ from an --input file or estimated from the per-bar log returns of candle files on the bars they share.',
    )
    .option('--input <file.json>', '{"mu": [...], "sigma": [[...]], "names"?: [...]}: Σ square, symmetric, of μ\'s length')
    .option('--returns <files>', 'candle files, comma-separated (e.g. data/candles/ETH_BTC-5m.json,data/candles/LTC_BTC-5m.json,...): μ = mean log return per bar, Σ = sample covariance')
    .option('--risk <q>', 'risk aversion q in q·xᵀΣx − μᵀx', '0.5')
    .requiredOption('--budget <B>', 'how many assets to choose: 1 ≤ B < n')
    .option('--layers <p>', 'QAOA layers', '3')
    .option('--mixer <x|xy>', 'QAOA mixer: xy keeps Σx = B (started from the Dicke state), x needs a budget penalty', 'xy')
    .option('--seed <n>', 'seeds the sampling and the --scenarios bootstrap', '1')
    .option('--scenarios <S>', 'with --returns: μ = the mean over S bootstrap scenarios (bars redrawn with replacement, all assets together)')
    .option('--annualize', 'with --returns: μ and Σ × bars per year (365 days); scales the objective, does not move the optimum')
    .option('--qasm <out.qasm>', 'write the optimised QAOA circuit as OpenQASM 2 (to run with Qiskit)')
    .option('--json', 'print one JSON object: {"exact","qaoa","uniformProbability","ising","assets","mu","sigma","data",...}')
    .action((opts: PortfolioOpts) => {
      try {
        execute(opts);
      } catch (err) {
        if (err instanceof ArbiterError) {
          const issues = err instanceof InputError ? err.issues : [];
          process.stderr.write(`arbiter quantum portfolio: ${[err.shortMessage, ...issues].join('; ')}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
