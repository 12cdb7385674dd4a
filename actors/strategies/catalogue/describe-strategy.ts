import { describeParams, type ParamDescription } from './describe-params.js';
import { configKey, type DataNeed, type Family, type StrategyDeclaration, type Where } from './strategy-declaration.js';

/** A catalogue entry as data (`arbiter strategies --json`): the declaration without its actor factory, params described. */
export interface StrategyDescription {
  name: string;
  family: Family;
  summary: string;
  machine: { file: string; id: string };
  subscribes: string[];
  needs: DataNeed[];
  runs: Where[];
  restsOrders: boolean;
  /** Where its parameters sit in the YAML config, e.g. `strategies.marketMaking`. */
  configKey: string;
  params: ParamDescription[];
}

export function describeStrategy(d: StrategyDeclaration): StrategyDescription {
  return {
    name: d.name,
    family: d.family,
    summary: d.summary,
    machine: { file: d.machine.file, id: d.machine.id },
    subscribes: [...d.subscribes],
    needs: [...d.needs],
    runs: [...d.runs],
    restsOrders: d.restsOrders ?? false,
    configKey: `strategies.${configKey(d.name)}`,
    params: describeParams(d.params),
  };
}
