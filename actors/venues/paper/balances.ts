import type { Balance } from '../venue.js';
import { OrderRejectedError } from '../../runtime/errors.js';

const EPS = 1e-9;

/** Per-asset free/used balances of the paper account. Reservations move free → used. */
export class PaperBalances {
  private readonly free = new Map<string, number>();
  private readonly used = new Map<string, number>();

  constructor(initial: Record<string, number>) {
    for (const [asset, amount] of Object.entries(initial)) this.free.set(asset, amount);
  }

  freeOf(asset: string): number {
    return this.free.get(asset) ?? 0;
  }

  usedOf(asset: string): number {
    return this.used.get(asset) ?? 0;
  }

  /** Reserve for an order; throws OrderRejectedError naming the shortfall. */
  reserve(asset: string, amount: number, what: string): void {
    const free = this.freeOf(asset);
    if (amount > free * (1 + EPS) + EPS) {
      throw new OrderRejectedError(`insufficient ${asset} for ${what}: need ${amount}, free ${free}`);
    }
    this.free.set(asset, free - Math.min(amount, free));
    this.used.set(asset, this.usedOf(asset) + Math.min(amount, free));
  }

  /** Give back (part of) a reservation. */
  release(asset: string, amount: number): void {
    const back = Math.min(amount, this.usedOf(asset));
    this.used.set(asset, this.usedOf(asset) - back);
    this.free.set(asset, this.freeOf(asset) + back);
  }

  /** Settle a trade: `spend` leaves free, `receive` arrives in free. */
  settle(spendAsset: string, spend: number, receiveAsset: string, receive: number): void {
    this.free.set(spendAsset, this.freeOf(spendAsset) - spend);
    this.free.set(receiveAsset, this.freeOf(receiveAsset) + receive);
  }

  snapshot(): Record<string, Balance> {
    const out: Record<string, Balance> = {};
    for (const asset of new Set([...this.free.keys(), ...this.used.keys()])) {
      const free = this.freeOf(asset);
      const used = this.usedOf(asset);
      out[asset] = { free, used, total: free + used };
    }
    return out;
  }
}
