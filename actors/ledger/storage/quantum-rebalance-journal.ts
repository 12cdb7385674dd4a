import type { RebalanceMessage } from '../../strategies/quantum-portfolio/messages.js';
import type { JournalDb } from './journal-db.js';
import { fromJson, toJson } from './json.js';

/** Every quantum-portfolio rebalance of a session, as its strategy announced it, in order. */
export class QuantumRebalanceJournal {
  private readonly insert;
  private readonly select;

  constructor(db: JournalDb) {
    this.insert = db.prepare<[{ ts: number; session: string; strategy: string; rebalance: string }]>(
      'INSERT INTO quantum_rebalances (ts, session, strategy, rebalance) VALUES (@ts, @session, @strategy, @rebalance)',
    );
    this.select = db.prepare<[string], { rebalance: string }>('SELECT rebalance FROM quantum_rebalances WHERE session = ? ORDER BY id');
  }

  record(session: string, r: RebalanceMessage): void {
    const rebalance: RebalanceMessage = {
      ts: r.ts, strategy: r.strategy, venue: r.venue, symbols: r.symbols, closes: r.closes, value: r.value, orders: r.orders, shots: r.shots, index: r.index,
      qaoa: r.qaoa, exact: r.exact, qaoaObjective: r.qaoaObjective, exactObjective: r.exactObjective,
      probabilityOfOptimum: r.probabilityOfOptimum, uniformProbability: r.uniformProbability, approximationRatio: r.approximationRatio,
    };
    this.insert.run({ ts: r.ts, session, strategy: r.strategy, rebalance: toJson(rebalance) });
  }

  list(session: string): RebalanceMessage[] {
    return this.select.all(session).map((row) => fromJson<RebalanceMessage>(row.rebalance));
  }
}
