import type { ActorSystem } from '../actors/runtime/system.js';
import { toUnits } from '../actors/strategies/flash-loan/intent-terms.js';
import { realizedBetween, type FlashBalances } from '../actors/venues/chain/flash-balances.js';

/** What the flash_loans family did this session. JSON-serialisable: wei amounts are decimal strings. */
export interface FlashSummary {
  blocks: number;
  /** Cycles proposed to risk (intents). */
  opportunities: number;
  vetoes: number;
  bundlesSent: number;
  bundlesLanded: number;
  /** Sent and never included (expired, or no longer valid when re-simulated). */
  bundlesDropped: number;
  /** Landed bundles whose realized net equalled the predicted one to the wei. */
  landedExact: number;
  /** Landed bundles that did not (normally none): what was predicted and what the balances say. */
  inexact: Array<{ txHash: string; block: number; predictedNetWei: string; realizedNetWei: string | null }>;
  /** Sum of the landed bundles' predicted net (after gas and builder payment). */
  predictedProfitWei: string;
  /** From balances since the start: the owner's WETH gain less the executor's ETH spent on gas. */
  realizedProfitWei: string;
  gasSpentWei: string;
  /** Quote currency per WETH (the seeded DAI pools at start, DAI counted as quote): risk's capital and limits were converted at it. */
  wethPriceQuote: number;
  /** realizedProfitWei in quote currency at wethPriceQuote. */
  pnlQuote: number;
  /** The simulated trader's swaps mined without reverting. */
  traderSwaps: number;
}

/**
 * Counts the family's messages as they cross its bus, and keeps the chain balances measured at each block
 * that included a bundle: with one bundle per block and nothing else touching those accounts, that block's
 * change is the bundle's realized net, matched against its prediction when its inclusion is reported.
 */
export class FlashTally {
  private blocks = 0;
  private opportunities = 0;
  private vetoes = 0;
  private sent = 0;
  private landed = 0;
  private dropped = 0;
  private exact = 0;
  private predicted = 0n;
  private latest: FlashBalances;
  private readonly realizedByBlock = new Map<number, bigint>();
  private readonly inexact: FlashSummary['inexact'] = [];

  constructor(system: ActorSystem, private readonly start: FlashBalances, private readonly wethPriceQuote: number) {
    this.latest = start;
    system.observe((m) => {
      if (m.type === 'order.intents') this.opportunities += m.intents.length;
      else if (m.type === 'orders.denied') this.vetoes += m.denials.length;
      else if (m.type === 'chain.arbitrage.submitted') this.sent += 1;
      else if (m.type === 'chain.arbitrage.dropped') this.dropped += 1;
      else if (m.type === 'chain.arbitrage.included') this.included(m.txHash, m.block, BigInt(m.predictedNetWei));
    });
  }

  block(): void {
    this.blocks += 1;
  }

  /** Balances before and after a block that included a bundle. */
  measure(block: number, before: FlashBalances, after: FlashBalances): void {
    this.realizedByBlock.set(block, realizedBetween(before, after));
    this.latest = after;
  }

  realizedWei(): bigint {
    return realizedBetween(this.start, this.latest);
  }

  pnlQuote(): number {
    return toUnits(this.realizedWei(), 18) * this.wethPriceQuote;
  }

  summary(traderSwaps: number): FlashSummary {
    return {
      blocks: this.blocks,
      opportunities: this.opportunities,
      vetoes: this.vetoes,
      bundlesSent: this.sent,
      bundlesLanded: this.landed,
      bundlesDropped: this.dropped,
      landedExact: this.exact,
      inexact: [...this.inexact],
      predictedProfitWei: this.predicted.toString(),
      realizedProfitWei: this.realizedWei().toString(),
      gasSpentWei: (this.start.executorEth - this.latest.executorEth).toString(),
      wethPriceQuote: this.wethPriceQuote,
      pnlQuote: this.pnlQuote(),
      traderSwaps,
    };
  }

  private included(txHash: string, block: number, predicted: bigint): void {
    this.landed += 1;
    this.predicted += predicted;
    const realized = this.realizedByBlock.get(block);
    this.realizedByBlock.delete(block);
    if (realized === predicted) this.exact += 1;
    else this.inexact.push({ txHash, block, predictedNetWei: predicted.toString(), realizedNetWei: realized?.toString() ?? null });
  }
}
