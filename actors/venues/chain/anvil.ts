import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { VenueUnavailableError } from '../../runtime/errors.js';

/** A local anvil node this process started and must stop. */
export interface AnvilNode {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface AnvilOptions {
  /** Ether per dev account (the liquidity account seeds ~1.2M WETH of real reserves). */
  balanceEth?: number;
  chainId?: number;
  /**
   * Every mined block's timestamp is its parent's plus this many seconds, whatever the wall clock says.
   * Without it anvil stamps blocks with the wall-clock second, so blocks within one second share a
   * timestamp; a Uniswap V2 pair writes its TWAP accumulators only when the timestamp moved, so a gas
   * estimate made in the same second as the pair's last update is ~45k short if the transaction is mined
   * after the next second starts (ethers uses the estimate as the gas limit): an out-of-gas revert that
   * appears only under load. With an interval the estimate's pending block and the mined block agree.
   */
  blockTimestampInterval?: number;
}

const require = createRequire(import.meta.url);

/** The platform binary inside @foundry-rs/anvil's optional dependency (no Node wrapper in between). */
function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  try {
    return join(dirname(require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/package.json`)), 'bin', 'anvil');
  } catch {
    return join(dirname(require.resolve('@foundry-rs/anvil/package.json')), 'bin.mjs');
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function rpcReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' });
    return res.ok;
  } catch {
    return false;
  }
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.stdin?.destroy();
});

/**
 * anvil runs under a small sh watchdog that kills it when the watchdog's stdin (kept as fd 3: a background job's
 * stdin is /dev/null) reaches EOF: when stop() closes the pipe, and
 * when this process dies in any way, SIGKILL included (the kernel closes the pipe). Without it a killed session
 * would leave its chain running. The watchdog exits when anvil does, whatever ended it.
 */
const WATCHDOG = 'exec 3<&0; "$0" "$@" </dev/null & pid=$!; (while read -r _ <&3; do :; done; kill $pid 2>/dev/null) & wait $pid';

async function rpc(url: string, method: string, params: unknown[]): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await res.json()) as { error?: { message: string } };
  if (body.error) throw new VenueUnavailableError(`anvil ${method}: ${body.error.message}`);
}

/** Starts anvil on a free port (automine on; the relay turns it off once the scenario is deployed). */
export async function startAnvil(opts: AnvilOptions = {}): Promise<AnvilNode> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = ['--port', String(port), '--host', '127.0.0.1', '--silent', '--chain-id', String(opts.chainId ?? 31337), '--balance', String(opts.balanceEth ?? 2_000_000), '--accounts', '6'];
    const child = spawn('/bin/sh', ['-c', WATCHDOG, anvilBinary(), ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    running.add(child);
    let exited = false;
    const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => {
      exited = true;
      running.delete(child);
      resolve();
    }));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && !exited; i++) {
      if (await rpcReady(url)) {
        if (opts.blockTimestampInterval !== undefined) await rpc(url, 'anvil_setBlockTimestampInterval', [opts.blockTimestampInterval]);
        return {
          url,
          wsUrl: `ws://127.0.0.1:${port}`,
          port,
          pid: child.pid!,
          stop: async () => {
            if (!exited) child.stdin?.end();
            await exitedPromise;
          },
        };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    child.stdin?.end();
    await exitedPromise;
  }
  throw new VenueUnavailableError('anvil did not start on a free port after 3 attempts');
}
