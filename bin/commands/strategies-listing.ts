import type { ParamDescription } from '../../actors/strategies/catalogue/describe-params.js';
import type { StrategyDescription } from '../../actors/strategies/catalogue/describe-strategy.js';
import { columns } from '../columns.js';

const aligned = (rows: readonly string[][], indent: string) => columns(rows, { indent });

/** `integer > 0, ≤ 25`, `string "unwind" | "complete" | "auto"`, `string matching ^[0-9]+$`. */
export function constraintText(p: ParamDescription): string {
  if (p.enum) return `${p.type} ${p.enum.map((v) => JSON.stringify(v)).join(' | ')}`;
  if (p.pattern) return `${p.type} matching ${p.pattern}`;
  const parts: string[] = [];
  if (p.exclusiveMinimum !== undefined) parts.push(`> ${p.exclusiveMinimum}`);
  if (p.minimum !== undefined) parts.push(`≥ ${p.minimum}`);
  if (p.exclusiveMaximum !== undefined) parts.push(`< ${p.exclusiveMaximum}`);
  if (p.maximum !== undefined) parts.push(`≤ ${p.maximum}`);
  return parts.length > 0 ? `${p.type} ${parts.join(', ')}` : p.type;
}

function paramLines(d: StrategyDescription): string[] {
  if (d.params.length === 0) return ['  parameters  none'];
  const where = d.runs.includes('backtest') ? `config ${d.configKey}.<name>, or --param <name>=<value> on a backtest` : `config ${d.configKey}.<name>`;
  const rows = d.params.map((p) => [p.name, JSON.stringify(p.default), constraintText(p), p.description]);
  return [`  parameters  (${where})`, ...aligned([['name', 'default', 'type', 'meaning'], ...rows], '    ')];
}

/** The catalogue for a terminal: one block per strategy, fields and parameters aligned. */
export function strategiesListing(strategies: readonly StrategyDescription[]): string {
  const blocks = strategies.map((d) =>
    [
      `${d.name} (${d.family})`,
      `  ${d.summary}`,
      ...aligned(
        [
          ['runs in', d.runs.join(', ')],
          ['needs', d.needs.join(', ')],
          ['subscribes', d.subscribes.join(', ')],
          ['machine', `${d.machine.id} in ${d.machine.file}${d.restsOrders ? ' (rests limit orders and cancels them)' : ''}`],
        ],
        '  ',
      ),
      ...paramLines(d),
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}
