import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Transaction, id, keccak256, verifyMessage, type JsonRpcProvider, type TransactionReceipt } from 'ethers';
import { freePort } from './anvil.js';
import { nextBaseFee } from '../../strategies/flash-loan/net-profit.js';

const SLOT_SECONDS = 12;

/** A bundle waiting for its target block. */
interface PendingBundle {
  txs: string[];
  blockNumber: number;
  revertingTxHashes: Set<string>;
  bundleHash: string;
  signer: string;
  /** Its record in `received` (undefined for a simulation). */
  record?: RelayBundleRecord;
}

/** One eth_sendBundle the relay accepted, as it saw it. */
export interface RelayBundleRecord {
  bundleHash: string;
  /** The X-Flashbots-Signature address that sent it. */
  signer: string;
  txHashes: string[];
  /** Its target block. */
  blockNumber: number;
  /** The sender's replacementUuid, when it gave one (the flash family gives its intent's). */
  replacementUuid?: string;
  /** Accepted and discarded by the dropNextBundles fault: never a candidate for any block. */
  dropped: boolean;
  /** The block it landed in, once it did. */
  includedIn?: number;
}

/** Faults a chaos harness injects, each counted when it hits. */
export interface RelayFaults {
  /** The next n eth_callBundle report the bundle's first transaction as reverted (the chain is not touched). */
  revertNextSimulations(n: number): void;
  /** The next n eth_sendBundle are accepted (a bundle hash is returned) and never included. */
  dropNextBundles(n: number): void;
}

export interface RelayFaultCounts {
  simulationsReverted: number;
  bundlesDropped: number;
}

export interface BlockBuilt {
  number: number;
  includedBundles: string[];
}

/**
 * A Flashbots-style relay in front of anvil (mining off): it is also the block builder.
 * - Requests must carry `X-Flashbots-Signature: <address>:<signature of keccak256(body)>` (403 otherwise).
 * - eth_callBundle executes the bundle in a real block on top of the latest state, reports it, and rolls back.
 * - eth_sendBundle queues the bundle for its target block; buildBlock() includes it there all-or-nothing
 *   (every tx mined in that block, at its top and in order, and none reverting unless listed in
 *   revertingTxHashes), else drops it.
 * - sendPublic() is the public mempool: plain transactions wait here (not in anvil's pool, which simulations
 *   mine and roll back) and go into the next block built, after its bundle.
 */
export class LocalRelay {
  private server: Server | undefined;
  private pending: PendingBundle[] = [];
  private mempool: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private toRevert = 0;
  private toDrop = 0;
  url = '';
  readonly seenSigners = new Set<string>();
  /** Every bundle accepted by eth_sendBundle, in arrival order. */
  readonly received: RelayBundleRecord[] = [];
  readonly counts: RelayFaultCounts = { simulationsReverted: 0, bundlesDropped: 0 };
  readonly faults: RelayFaults = {
    revertNextSimulations: (n) => void (this.toRevert += n),
    dropNextBundles: (n) => void (this.toDrop += n),
  };

  constructor(private readonly chain: JsonRpcProvider) {}

  async start(): Promise<string> {
    await this.chain.send('evm_setAutomine', [false]);
    const port = await freePort();
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        (err: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32603, message: err.message } }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * Builds a block every `intervalMs` (a paper session's slot clock; tests and the demo call buildBlock
   * themselves). Returns the stop function; a failed build is reported, not thrown into the timer.
   */
  autoBuild(intervalMs: number, onError: (err: unknown) => void = () => undefined): () => void {
    const timer = setInterval(() => void this.buildBlock().catch(onError), intervalMs);
    return () => clearInterval(timer);
  }

  /**
   * A signed plain transaction for the public mempool; returns its hash. It goes into the next block built,
   * after that block's bundle: a bundle back-runs the state of the block it was simulated on, never these.
   */
  sendPublic(rawTx: string): string {
    this.mempool.push(rawTx);
    return keccak256(rawTx);
  }

  /** Builds the next block: the first pending bundle for it that lands whole (at the top), then the public mempool. */
  buildBlock(): Promise<BlockBuilt> {
    return this.serial(async () => {
      const number = (await this.chain.getBlockNumber()) + 1;
      const candidates = this.pending.filter((b) => b.blockNumber === number);
      this.pending = this.pending.filter((b) => b.blockNumber > number);
      const mempool = this.mempool;
      this.mempool = [];
      for (const bundle of candidates) {
        const snapshot = await this.chain.send('evm_snapshot', []);
        const outcome = await this.mineWith(bundle, mempool);
        if (outcome.ok) {
          if (bundle.record) bundle.record.includedIn = number;
          return { number, includedBundles: [bundle.bundleHash] };
        }
        await this.chain.send('evm_revert', [snapshot]);
        await this.drop([...bundle.txs, ...mempool]);
      }
      if (mempool.length > 0) await this.sendRaw(mempool);
      await this.mine();
      // A public transaction anvil took but did not mine (a nonce gap) does not wait for another block.
      if (mempool.length > 0) await this.drop(mempool);
      return { number, includedBundles: [] };
    });
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const header = req.headers['x-flashbots-signature'];
    const signer = typeof header === 'string' ? verifySignature(header, text) : undefined;
    if (!signer) return { status: 403, body: { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'missing or invalid X-Flashbots-Signature' } } };
    this.seenSigners.add(signer);
    const request = JSON.parse(text) as { id: number; method: string; params: any[] };
    const reply = (result: unknown) => ({ status: 200, body: { jsonrpc: '2.0', id: request.id, result } });
    const fail = (message: string) => ({ status: 200, body: { jsonrpc: '2.0', id: request.id, error: { code: -32000, message } } });
    const p = request.params?.[0] ?? {};
    if (!Array.isArray(p.txs) || p.txs.length === 0) return fail('bundle has no txs');
    const blockNumber = Number(p.blockNumber);
    if (request.method === 'eth_sendBundle') {
      const latest = await this.chain.getBlockNumber();
      if (!(blockNumber > latest)) return fail(`target block ${blockNumber} is not in the future (latest ${latest})`);
      const bundleHash = bundleHashOf(p.txs);
      const dropped = this.toDrop > 0;
      const record: RelayBundleRecord = { bundleHash, signer, txHashes: p.txs.map((t: string) => keccak256(t)), blockNumber, dropped, ...(typeof p.replacementUuid === 'string' ? { replacementUuid: p.replacementUuid } : {}) };
      this.received.push(record);
      if (dropped) {
        this.toDrop -= 1;
        this.counts.bundlesDropped += 1;
      } else {
        this.pending.push({ txs: p.txs, blockNumber, revertingTxHashes: new Set((p.revertingTxHashes ?? []).map((h: string) => h.toLowerCase())), bundleHash, signer, record });
      }
      return reply({ bundleHash });
    }
    if (request.method === 'eth_callBundle') {
      if (p.stateBlockNumber !== undefined && p.stateBlockNumber !== 'latest') return fail('only stateBlockNumber "latest" is supported');
      if (this.toRevert > 0) {
        this.toRevert -= 1;
        this.counts.simulationsReverted += 1;
        return reply(await this.serial(() => this.simulate(p.txs, true)));
      }
      return reply(await this.serial(() => this.simulate(p.txs)));
    }
    return fail(`method ${request.method} not supported`);
  }

  /** `forceRevert`: the fault: the first transaction is reported reverted whatever it did. */
  private async simulate(txs: string[], forceRevert = false) {
    const stateBlockNumber = await this.chain.getBlockNumber();
    const snapshot = await this.chain.send('evm_snapshot', []);
    try {
      const coinbaseBefore = await this.coinbaseBalance('latest');
      const { receipts } = await this.mineWith({ txs, blockNumber: stateBlockNumber + 1, revertingTxHashes: new Set(), bundleHash: '', signer: '' });
      const block = await this.chain.getBlock('latest');
      const coinbaseDiff = (await this.coinbaseBalance('latest', block?.miner)) - coinbaseBefore;
      const results = txs.map((raw, i) => {
        const tx = Transaction.from(raw);
        const r = receipts[i];
        const gasUsed = r ? Number(r.gasUsed) : 0;
        const gasPrice = r ? r.gasPrice : 0n;
        const base = { txHash: tx.hash, gasUsed, gasPrice: gasPrice.toString(), gasFees: (BigInt(gasUsed) * gasPrice).toString(), fromAddress: tx.from, toAddress: tx.to, coinbaseDiff: '0', ethSentToCoinbase: '0' };
        if (!r) return { ...base, error: 'not included', revert: 'not included' };
        return r.status === 1 && !(forceRevert && i === 0) ? { ...base, value: '0x' } : { ...base, error: 'execution reverted', revert: 'execution reverted' };
      });
      const gasFees = results.reduce((s, r) => s + BigInt(r.gasFees), 0n);
      const totalGas = results.reduce((s, r) => s + BigInt(r.gasUsed), 0n);
      return {
        bundleGasPrice: (totalGas > 0n ? coinbaseDiff / totalGas : 0n).toString(),
        bundleHash: bundleHashOf(txs),
        coinbaseDiff: coinbaseDiff.toString(),
        ethSentToCoinbase: (coinbaseDiff - gasFees + (block?.baseFeePerGas ?? 0n) * totalGas).toString(),
        gasFees: gasFees.toString(),
        results,
        stateBlockNumber,
        totalGasUsed: Number(totalGas),
      };
    } finally {
      await this.chain.send('evm_revert', [snapshot]);
      await this.drop(txs);
    }
  }

  /**
   * Puts the bundle's txs, then the public ones, in anvil's pool and mines one block; ok when the bundle's txs
   * are the first of the block, in order, and none reverted unless allowed. anvil orders a block by priority
   * fee, so a public tx paying a higher tip than the bundle comes first: then the bundle did not land as simulated.
   */
  private async mineWith(bundle: PendingBundle, publicTxs: readonly string[] = []): Promise<{ ok: boolean; receipts: Array<TransactionReceipt | null> }> {
    const hashes = await this.sendRaw(bundle.txs);
    await this.sendRaw(publicTxs);
    await this.mine();
    const number = await this.chain.getBlockNumber();
    const receipts = await Promise.all(hashes.map((h) => this.chain.getTransactionReceipt(h)));
    const ok = receipts.every((r, i) => r !== null && r.blockNumber === number && r.index === i && (r.status === 1 || bundle.revertingTxHashes.has(hashes[i]!.toLowerCase())));
    return { ok, receipts };
  }

  /** Hands raw txs to anvil's pool, in order; returns their hashes (one anvil refuses simply does not get mined). */
  private async sendRaw(txs: readonly string[]): Promise<string[]> {
    const hashes: string[] = [];
    for (const raw of txs) {
      try {
        hashes.push(await this.chain.send('eth_sendRawTransaction', [raw]));
      } catch {
        hashes.push(keccak256(raw));
      }
    }
    return hashes;
  }

  /**
   * Mines one block whose timestamp and base fee follows EIP-1559 from its parent. anvil keeps its own next-base-fee
   * across evm_revert, so without this a simulated block would change the fee of the real one.
   */
  private async mine(): Promise<void> {
    const parent = await this.chain.getBlock('latest');
    // 12-second slots: a simulated block and the real one get the same timestamp (Uniswap V2's
    // price accumulators make gas depend on it).
    if (parent) await this.chain.send('evm_setNextBlockTimestamp', [`0x${(parent.timestamp + SLOT_SECONDS).toString(16)}`]);
    if (parent?.baseFeePerGas != null) {
      const fee = nextBaseFee(parent.baseFeePerGas, parent.gasUsed, parent.gasLimit);
      await this.chain.send('anvil_setNextBlockBaseFeePerGas', [`0x${fee.toString(16)}`]);
    }
    await this.chain.send('evm_mine', []);
  }

  private async drop(txs: string[]): Promise<void> {
    for (const raw of txs) await this.chain.send('anvil_dropTransaction', [keccak256(raw)]).catch(() => undefined);
  }

  private async coinbaseBalance(tag: string, miner?: string | null): Promise<bigint> {
    const address = miner ?? (await this.chain.getBlock(tag))?.miner;
    return address ? this.chain.getBalance(address, tag) : 0n;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function verifySignature(header: string, body: string): string | undefined {
  const [address, signature] = header.split(':');
  if (!address || !signature) return undefined;
  try {
    const recovered = verifyMessage(id(body), signature);
    return recovered.toLowerCase() === address.toLowerCase() ? recovered : undefined;
  } catch {
    return undefined;
  }
}

function bundleHashOf(txs: string[]): string {
  return keccak256(`0x${txs.map((t) => keccak256(t).slice(2)).join('')}`);
}
