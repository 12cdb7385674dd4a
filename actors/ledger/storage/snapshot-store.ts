import type { SnapshotStore } from '../../runtime/snapshot-store.js';
import type { JournalDb } from './journal-db.js';
import { fromJson, toJson } from './json.js';

/** Persisted machine snapshots by actor name; a restarted (or re-started) actor resumes from the last one. */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(db: JournalDb) {
    this.select = db.prepare<[string], { snapshot: string }>('SELECT snapshot FROM actor_snapshots WHERE name = ?');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO actor_snapshots (name, snapshot) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET snapshot = excluded.snapshot',
    );
    this.remove = db.prepare<[string]>('DELETE FROM actor_snapshots WHERE name = ?');
  }

  load(name: string): unknown | undefined {
    const row = this.select.get(name);
    return row ? fromJson(row.snapshot) : undefined;
  }

  save(name: string, snapshot: unknown): void {
    this.upsert.run(name, toJson(snapshot));
  }

  delete(name: string): void {
    this.remove.run(name);
  }
}
