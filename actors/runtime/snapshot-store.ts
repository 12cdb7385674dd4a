/** Persisted machine snapshots by actor name: a restarted actor resumes from its last good one. */
export interface SnapshotStore {
  load(name: string): unknown | undefined;
  save(name: string, snapshot: unknown): void;
}

export class MemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, unknown>();
  load(name: string): unknown | undefined {
    return this.snapshots.get(name);
  }
  save(name: string, snapshot: unknown): void {
    this.snapshots.set(name, snapshot);
  }
}
