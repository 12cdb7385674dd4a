import pg from 'pg';
import type { JournalView } from './compare-with-venues.js';

/** A node's journal as the cluster command reads it back from PostgreSQL (the node's own schema), after the node stopped. */
export async function readNodeJournal(url: string, schema: string, node: string): Promise<JournalView> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <R extends pg.QueryResultRow>(sql: string) => (await client.query<R>(sql)).rows;
    const s = `"${schema}"`;
    const orders = await q<{ client_order_id: string; intent_id: string; status: string; filled: number }>(`SELECT client_order_id, intent_id, status, filled FROM ${s}.orders`);
    const fills = await q<{ fill_id: string; client_order_id: string }>(`SELECT fill_id, client_order_id FROM ${s}.fills`);
    const intents = await q<{ intent_id: string; amount: number }>(`SELECT intent_id, amount FROM ${s}.intents`);
    return {
      node,
      orders: orders.map((o) => ({ clientOrderId: o.client_order_id, intentId: o.intent_id, status: o.status, filled: Number(o.filled) })),
      fills: fills.map((f) => ({ fillId: f.fill_id, clientOrderId: f.client_order_id })),
      intents: intents.map((i) => ({ intentId: i.intent_id, amount: Number(i.amount) })),
    };
  } finally {
    await client.end();
  }
}

/** Drops and re-creates nothing but the schemas named: a cluster run starts its nodes on empty journals. */
export async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
