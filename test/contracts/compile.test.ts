import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSources, ARTIFACTS_DIR } from '../../contracts/compile.js';
import { FlashArbitrage__factory } from '../../contracts/generated/types/index.js';

test('the committed artifacts and typed bindings are exactly what solc produces from the sources', () => {
  const compiled = compileSources();
  assert.deepEqual(compiled.map((a) => a.contractName).sort(), ['FlashArbitrage', 'TestFlashLender']);
  for (const a of compiled) {
    const committed = JSON.parse(readFileSync(join(ARTIFACTS_DIR, `${a.contractName}.json`), 'utf8'));
    assert.equal(committed.bytecode, a.bytecode, `${a.contractName}: stale artifact, run npx tsx contracts/compile.ts`);
    assert.deepEqual(committed.abi, a.abi);
  }
  const flash = compiled.find((a) => a.contractName === 'FlashArbitrage')!;
  assert.equal(FlashArbitrage__factory.bytecode, flash.bytecode);
  const names = (flash.abi as Array<{ type: string; name?: string }>).filter((e) => e.type === 'function').map((e) => e.name);
  for (const fn of ['executeArbitrage', 'executeArbitrageWithLoan', 'uniswapV2Call', 'onFlashLoan', 'sweep']) assert.ok(names.includes(fn), fn);
});
