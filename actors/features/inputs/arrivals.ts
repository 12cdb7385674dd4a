/** Items in the order they become known, each handed out once: `until(ts)` gives those known by ts not given before. */
export class Arrivals<T> {
  private next = 0;

  constructor(private readonly items: readonly T[], private readonly knownAt: (item: T) => number) {}

  until(ts: number): T[] {
    const start = this.next;
    while (this.next < this.items.length && this.knownAt(this.items[this.next]!) <= ts) this.next++;
    return this.items.slice(start, this.next);
  }
}
