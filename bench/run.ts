/**
 * `npm run bench [-- --json] [-- --only pipeline,triangular,dex,backtest,journal,ingest,sweep,startup,inference,training,training-latency,patterns,quantum,amm,amm-advisor,amm-lp,costs,global-budget,market-history,budget-rebuild,streams]`
 * (`costs`, `global-budget` and `streams` (need a Redis server), `market-history` (needs PostgreSQL) and `budget-rebuild` (starts a redis-server of its own) run only when named)
 * Each section measures its work and a floor (the same work done the simplest way) in the same run,
 * because these machines are noisy: compare ratios, not absolute numbers across runs.
 */
import { Command } from 'commander';
import { xstateTransitionFloorUs } from './xstate-floor.js';

type Section = () => unknown;

const sections: Record<string, () => Promise<Section>> = {
  pipeline: async () => (await import('./pipeline.js')).benchPipeline,
  triangular: async () => (await import('./triangular.js')).benchTriangular,
  dex: async () => (await import('./dex.js')).benchDex,
  backtest: async () => (await import('./backtest.js')).benchBacktest,
  journal: async () => (await import('./journal.js')).benchJournal,
  ingest: async () => (await import('./ingest.js')).benchIngest,
  costs: async () => (await import('./actor-costs.js')).benchActorCosts,
  sweep: async () => (await import('./sweep.js')).benchSweep,
  startup: async () => (await import('./startup.js')).benchStartup,
  inference: async () => (await import('./model-inference.js')).benchModelInference,
  training: async () => (await import('./model-training.js')).benchModelTraining,
  'training-latency': async () => (await import('./training-latency.js')).benchTrainingLatency,
  patterns: async () => (await import('./patterns.js')).benchPatterns,
  quantum: async () => (await import('./quantum.js')).benchQuantum,
  'global-budget': async () => (await import('./global-budget.js')).benchGlobalBudget,
  'market-history': async () => (await import('./market-history.js')).benchMarketHistory,
  'budget-rebuild': async () => (await import('./budget-rebuild.js')).benchBudgetRebuild,
  streams: async () => (await import('./streams.js')).benchStreams,
  'amm-advisor': async () => (await import('./amm-advisor.js')).benchAmmAdvisor,
  amm: async () => (await import('./amm.js')).benchAmm,
  'amm-lp': async () => (await import('./amm-lp.js')).benchAmmLp,
};

const program = new Command()
  .name('npm run bench --')
  .description('Benchmarks with same-run floors; the last stdout line is one JSON object with --json.')
  .option('--json', 'print the results as one JSON object on the last line')
  .option('--only <names>', `comma-separated subset of: ${Object.keys(sections).join(', ')}`)
  .parse(process.argv);

const opts = program.opts<{ json?: boolean; only?: string }>();
const ON_REQUEST = new Set(['costs', 'global-budget', 'market-history', 'budget-rebuild', 'streams']);
const wanted = opts.only ? opts.only.split(',').map((s) => s.trim()) : Object.keys(sections).filter((name) => !ON_REQUEST.has(name));
const unknown = wanted.filter((name) => !(name in sections));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench section(s): ${unknown.join(', ')}; choose from ${Object.keys(sections).join(', ')}\n`);
  process.exit(2);
}

xstateTransitionFloorUs();
const results: Record<string, Record<string, unknown>> = {};
for (const name of wanted) {
  process.stderr.write(`bench ${name}…\n`);
  const run = await sections[name]!();
  results[name] = (await run()) as Record<string, unknown>;
  if (!opts.json) process.stdout.write(`${name}: ${JSON.stringify(results[name], null, 2)}\n`);
}
// The pipeline's floor is also reported at the top level, as issue 2 names it: `floor.p99Us`.
const pipelineFloor = results.pipeline?.floor;
const output = pipelineFloor ? { ...results, floor: pipelineFloor } : results;
if (opts.json) process.stdout.write(`${JSON.stringify(output)}\n`);
process.exit(0);
