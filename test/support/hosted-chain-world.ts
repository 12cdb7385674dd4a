import { after, before } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chain } from '../../config/sections/chain.js';
import { hostChainWorld, type ChainWorld } from '../../supervisors/world/chain-world.js';

export interface HostedChainWorld {
  settings: ReturnType<typeof chain.parse>;
  /** The world file a bot attaches with (paper.world). */
  worldFile: string;
  /** A journal path in the same temporary folder. */
  journal: string;
  /** The hosted chain, once the file's `before` has run. */
  world(): ChainWorld;
}

/**
 * A chain world hosted for one test file (started before its tests, closed and its folder removed after): a swap every
 * 400 ms block, 0.5–2% of a pool's reserve, so the DEXes cross often.
 */
export function hostedChainWorld(prefix: string, seed: number): HostedChainWorld {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const settings = chain.parse({ blockMs: 400, swapChance: 1, minSwapFraction: 0.005, maxSwapFraction: 0.02, seed });
  const worldFile = join(dir, 'world.json');
  let hosted: ChainWorld | undefined;
  before(async () => {
    hosted = await hostChainWorld({ settings });
    writeFileSync(worldFile, JSON.stringify({ chain: hosted.world }));
  });
  after(async () => {
    await hosted?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    settings,
    worldFile,
    journal: join(dir, 'journal.sqlite'),
    world: () => {
      if (!hosted) throw new Error('the chain world is hosted in before(): use it inside a test');
      return hosted;
    },
  };
}
