import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../support/nact-own-fault.ts', import.meta.url));

function run(mode: string, action: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, mode, action], { encoding: 'utf8', timeout: 20_000 });
}

for (const action of ['stopChild', 'resetChild']) {
  test(`unguarded nact dies when an actor answers its own fault with ${action}`, () => {
    const result = run('raw', action);
    assert.notEqual(result.status, 0, 'nact 7.6.2 kills the process: if this passes, nact changed and the guard may be unnecessary');
    assert.match(result.stderr, /TypeError/);
  });

  test(`the guard keeps the process alive when a policy answers its own fault with ${action}`, () => {
    const result = run('guarded', action);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /survived/);
  });
}
