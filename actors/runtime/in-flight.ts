/** Counts messages and effects not yet finished, so a replay driver can wait for quiescence. */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  get value(): number {
    return this.count;
  }

  add(n = 1): void {
    this.count += n;
  }

  done(n = 1): void {
    this.count -= n;
    if (this.count < 0) throw new Error(`in-flight count went negative (${this.count})`);
    if (this.count === 0 && this.waiters.length > 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  whenZero(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
