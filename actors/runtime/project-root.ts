import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root (the folder holding package.json), found from this module whether it runs as a .ts source
 * or compiled into dist/: data files are addressed from here, not from the module's own depth.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the checkout, e.g. projectPath('data', 'dex'). */
export function projectPath(...parts: string[]): string {
  return join(projectRoot, ...parts);
}
