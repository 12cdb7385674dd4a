/**
 * Compiles the TypeScript sources to dist/ (same tree, one .js per .ts, no bundling), so the `arbiter` bin and
 * `npm start` run plain JavaScript with no TypeScript loader at start-up. Runs as `npm install`'s `prepare` step
 * and before `npm start`. Not bundled: each command still imports only the modules it uses.
 */
import { build } from 'esbuild';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['actors', 'bin', 'config', 'contracts', 'machines', 'supervisors'];
// Developer tools run from source with tsx (`npx tsx contracts/compile.ts`, `npm run docs:config`), never from dist.
const DEV_TOOLS = new Set(['contracts/compile.ts', 'config/docs/write.ts']);
const out = join(root, 'dist');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const t0 = performance.now();
const entryPoints = SOURCES.flatMap((dir) => tsFiles(join(root, dir))).filter((file) => !DEV_TOOLS.has(relative(root, file)));
// Built beside dist/ and swapped in, so a session running from dist/ never finds a module missing mid-build.
const next = `${out}.next-${process.pid}`;
await build({ entryPoints, outdir: next, outbase: root, bundle: false, format: 'esm', platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' });
const old = `${out}.old-${process.pid}`;
try {
  renameSync(out, old);
} catch {
  // first build: nothing to move aside
}
renameSync(next, out);
rmSync(old, { recursive: true, force: true });
process.stderr.write(`compiled ${entryPoints.length} files to dist/ in ${Math.round(performance.now() - t0)} ms\n`);
