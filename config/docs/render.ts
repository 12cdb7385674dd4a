import { configSchema } from '../schema.js';
import { describeType, descriptionOf, leaves } from '../introspect.js';

export const CONFIG_DOC_PATH = 'docs/config.md';

/** docs/config.md, generated from the schema so it cannot drift (a test compares them). */
export function renderConfigDoc(): string {
  const defaults = configSchema.parse({}) as Record<string, unknown>;
  const rows = leaves().map((leaf) => {
    const value = leaf.path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], defaults);
    return `| \`${leaf.path.join('.')}\` | ${describeType(leaf.schema)} | \`${JSON.stringify(value)}\` | \`${leaf.envName}\` | ${descriptionOf(leaf.schema)} |`;
  });
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from config/schema.ts by `npx tsx config/docs/write.ts`. Do not edit by hand. -->',
    '',
    'Precedence: schema defaults ← YAML file (`arbiter run --config <file>`) ← environment overrides.',
    'An override names the key path in SCREAMING_SNAKE, sections joined by `__`: `ARBITER_RISK__MAX_LEVERAGE=2`.',
    'Its value is read as whatever the key accepts (number, boolean, string). Unknown keys, in the file or as',
    '`ARBITER_*` variables, are errors. A bad config exits with code 2 and lists every invalid field.',
    '',
    'Secrets are never in the YAML file (a key such as `apiKey`, `secret`, `privateKey` there is an error).',
    'They come from the environment or a `.env` file in the working directory (the environment wins):',
    '',
    '| variable | used for |',
    '|---|---|',
    '| `<VENUE>_API_KEY`, `<VENUE>_SECRET`, `<VENUE>_PASSWORD` | ccxt credentials per venue id, e.g. `BINANCE_API_KEY`, `BINANCE_SECRET` |',
    '| `EXECUTOR_PRIVATE_KEY` | signs flash-loan transactions |',
    '| `OWNER_PRIVATE_KEY` | owns the arbitrage contract (must differ from the executor key) |',
    '| `FLASHBOTS_AUTH_KEY` | signs Flashbots bundles (reputation only; must differ from both) |',
    '',
    '| key | type | default | environment | meaning |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
