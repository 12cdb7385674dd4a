import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Resolved repo-relative targets of every relative import, and bare package names. */
function imports(file: string): { relative: string[]; packages: string[] } {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  const rel = specs.filter((s) => s.startsWith('.')).map((s) => relative(root, resolve(root, dirname(file), s)).replace(/\.js$/, '.ts'));
  const pkgs = specs.filter((s) => !s.startsWith('.'));
  return { relative: rel, packages: pkgs };
}

test('strategies reach exchanges only through risk: no import of execution, venues or mintApproval', () => {
  const offenders: string[] = [];
  for (const file of sources('actors/strategies')) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const target of imports(file).relative) {
      if (target.startsWith('actors/execution') || target.startsWith('actors/venues')) offenders.push(`${file} imports ${target}`);
    }
    if (/\bmintApproval\b/.test(text)) offenders.push(`${file} mentions mintApproval`);
  }
  for (const file of sources('machines')) {
    if (!/leg-risk|long-flat/.test(file)) continue; // the lifecycles strategies share; a strategy's own machine is in its folder, checked above
    for (const target of imports(file).relative) {
      if (target.startsWith('actors/execution') || target.startsWith('actors/venues')) offenders.push(`${file} imports ${target}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('only actors/risk mints approvals', () => {
  const offenders = [...sources('actors'), ...sources('machines'), ...sources('supervisors'), ...sources('bin')]
    .filter((f) => !f.startsWith('actors/risk/') && !f.startsWith('machines/risk'))
    .filter((f) => /\bmintApproval\s*\(/.test(readFileSync(join(root, f), 'utf8')));
  assert.deepEqual(offenders, []);
});

test('machines are pure: no I/O packages or node built-ins (shared ones in machines/, a strategy\'s own in its folder)', () => {
  const io = /^(node:|fs|net|http|https|child_process|better-sqlite3|ioredis|ccxt|ethers|ws|pino)/;
  const machines = [...sources('machines'), ...sources('actors').filter((f) => f.endsWith('.machine.ts'))];
  assert.ok(machines.some((f) => f.startsWith('actors/strategies/')), 'strategy machines are found in their folders');
  const offenders = machines.flatMap((f) => imports(f).packages.filter((p) => io.test(p)).map((p) => `${f} imports ${p}`));
  assert.deepEqual(offenders, []);
});

test('only config/ reads process.env; actors and machines never reach for Date.now or console', () => {
  const offenders: string[] = [];
  for (const dir of ['actors', 'machines', 'supervisors', 'bin', 'contracts']) {
    for (const file of sources(dir)) {
      const text = readFileSync(join(root, file), 'utf8');
      if (/process\.env/.test(text)) offenders.push(`${file} reads process.env`);
      const isTheClock = file === 'actors/runtime/clock.ts';
      if (dir !== 'bin' && dir !== 'contracts' && !isTheClock && /Date\.now\(\)/.test(text)) offenders.push(`${file} calls Date.now()`);
      if (dir !== 'bin' && dir !== 'contracts' && /console\.(log|error|warn|info)/.test(text)) offenders.push(`${file} uses console`);
    }
  }
  assert.deepEqual(offenders, []);
});
