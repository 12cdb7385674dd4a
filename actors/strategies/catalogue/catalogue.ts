import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../runtime/errors.js';
import { FAMILIES, type Family, type StrategyDeclaration, type Where } from './strategy-declaration.js';

/**
 * Every strategy folder under actors/strategies/ that holds a `declaration` module (declaration.ts in the sources,
 * declaration.js in dist/), sorted by folder name. Adding a strategy is adding its folder: nothing lists it by hand.
 */
const strategiesDir = dirname(dirname(fileURLToPath(import.meta.url)));
const folders = readdirSync(strategiesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && ['declaration.ts', 'declaration.js'].some((f) => existsSync(join(strategiesDir, d.name, f))))
  .map((d) => d.name)
  .sort();

const loaded = await Promise.all(folders.map(async (folder) => ({ folder, module: (await import(`../${folder}/declaration.js`)) as { declaration?: StrategyDeclaration } })));

/** The catalogue, in folder order. A malformed declaration fails at load with its folder named. */
export const catalogue: readonly StrategyDeclaration[] = loaded.map(({ folder, module }) => {
  const d = module.declaration;
  if (!d) throw new Error(`actors/strategies/${folder}/declaration: exports no \`declaration\``);
  if (d.name !== folder) throw new Error(`actors/strategies/${folder}/declaration: name "${d.name}" is not its folder's name`);
  if (!(FAMILIES as readonly string[]).includes(d.family)) throw new Error(`actors/strategies/${folder}/declaration: family "${d.family}" is not one of ${FAMILIES.join(', ')}`);
  return d;
});

export function strategyNames(where?: Where): string[] {
  return catalogue.filter((d) => !where || d.runs.includes(where)).map((d) => d.name);
}

/** The declaration of `name`, or an InputError listing the strategies that run `where`. */
export function declarationOf(name: string, where?: Where): StrategyDeclaration {
  const d = catalogue.find((e) => e.name === name);
  const names = strategyNames(where);
  if (!d) throw new InputError(`unknown strategy "${name}"; ${where ? `strategies that run in ${where}` : 'the catalogue'}: ${names.join(', ')}`);
  if (where && !d.runs.includes(where)) throw new InputError(`strategy "${name}" does not run in ${where} (it runs in ${d.runs.join(', ')}); strategies that do: ${names.join(', ')}`);
  return d;
}

export function strategiesOf(family: Family): StrategyDeclaration[] {
  return catalogue.filter((d) => d.family === family);
}
