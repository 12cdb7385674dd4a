import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { commandConfig } from '../command-config.js';
import { ArbiterError } from '../../actors/runtime/errors.js';
import { checkDbFile } from '../../actors/ledger/storage/check-db-file.js';
import { openDatabase } from '../../actors/ledger/storage/database.js';
import { listModels } from '../../actors/models/store/model-store.js';
import type { StoredModel } from '../../actors/models/store/stored-model.js';
import { columns } from '../columns.js';
import type { CommandAbout } from './index.js';

interface ModelsOpts {
  config?: string;
  db?: string;
  json?: boolean;
}

const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** One stored model as `arbiter models --json` prints it. */
function listing(m: StoredModel) {
  const e = m.evaluation;
  return {
    id: m.id,
    kind: m.saved.kind,
    createdAt: m.createdAt,
    features: m.features.map((f) => f.name),
    data: m.data,
    hyper: m.saved.hyper,
    accuracy: e.outOfSample.accuracy,
    baselineAccuracy: e.outOfSample.baselineAccuracy,
    bestBaseline: e.bestBaseline,
    samples: e.outOfSample.samples,
    folds: e.folds.length,
    pValue: e.significance.pValue,
    enabled: m.enabled,
    reason: m.reason,
  };
}

function execute(opts: ModelsOpts): void {
  const config = commandConfig(opts.config);
  const dbFile = opts.db ?? config.storage.dbFile;
  let models: StoredModel[] = [];
  if (existsSync(dbFile)) {
    checkDbFile(dbFile);
    const db = openDatabase(dbFile);
    try {
      models = listModels(db);
    } finally {
      db.close();
    }
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ db: dbFile, models: models.map(listing) })}\n`);
    return;
  }
  if (models.length === 0) {
    process.stdout.write(`no models stored in ${dbFile}${existsSync(dbFile) ? '' : ' (no such file)'}; train one with arbiter train\n`);
    return;
  }
  const rows = [
    ['id', 'kind', 'created', 'features', 'data', 'accuracy', 'vs baseline', 'samples', 'enabled', 'reason'],
    ...models.map((m) => {
      const l = listing(m);
      return [l.id, l.kind, iso(l.createdAt), String(l.features.length), `${m.data.file.split('/').pop()} ${iso(m.data.start)} → ${iso(m.data.end)}`, pc(l.accuracy), `${pc(l.baselineAccuracy)} ${l.bestBaseline}`, String(l.samples), l.enabled ? 'yes' : 'no', l.reason];
    }),
  ];
  for (const line of columns(rows, { right: (c) => c === 3 || c === 5 || c === 7 })) process.stdout.write(`${line}\n`);
}

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .option('--config <file>', 'YAML config file (for storage.dbFile)')
    .option('--db <file>', 'SQLite file (default: storage.dbFile from config, arbiter.db)')
    .option('--json', 'print one JSON object: {"db", "models":[{id, kind, createdAt, features, data, hyper, accuracy, baselineAccuracy, bestBaseline, samples, folds, pValue, enabled, reason}]}, newest first')
    .action((opts: ModelsOpts) => {
      try {
        execute(opts);
      } catch (err) {
        if (err instanceof ArbiterError) {
          process.stderr.write(`arbiter models: ${err.message}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
