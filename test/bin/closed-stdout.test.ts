import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('a --json command piped into `head -c 10` exits quietly, with no EPIPE stack trace', () => {
  // 75 kB of JSON: more than a pipe holds, so arbiter is still writing when head exits.
  const pipeline = `"${process.execPath}" --import tsx bin/arbiter.ts quote dex --pools data/dex/uniswap-sushiswap-overlap.pools.json --json | head -c 10; echo " arbiter=\${PIPESTATUS[0]}"`;
  const res = spawnSync('bash', ['-c', pipeline], { encoding: 'utf8' });
  assert.equal(res.stdout, '{"pools":2 arbiter=0\n', res.stderr);
  assert.doesNotMatch(res.stderr, /EPIPE|^\s+at /m);
});
