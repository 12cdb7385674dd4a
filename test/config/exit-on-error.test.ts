import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config/load.js';
import { exitOnConfigError } from '../../config/exit-on-error.js';
import { tempDirWith } from './helpers.js';

class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

test('a bad config prints every issue to stderr and exits 2', () => {
  const dir = tempDirWith({ 'bad.yaml': 'risk:\n  maxLeverage: -1\n  nope: 1\nmode: demo\n' });
  let stderr = '';
  const io = {
    stderr: { write: (text: string) => (stderr += text) },
    exit: (code: number): never => {
      throw new Exited(code);
    },
  };
  let caught: unknown;
  try {
    loadConfig({ file: 'bad.yaml', cwd: dir, env: {} });
  } catch (err) {
    try {
      exitOnConfigError(err, io);
    } catch (exited) {
      caught = exited;
    }
  }
  assert.ok(caught instanceof Exited);
  assert.equal(caught.code, 2);
  assert.match(stderr, /^invalid config \(bad\.yaml\): 3 issues\n/);
  assert.match(stderr, /^ {2}risk\.maxLeverage: /m);
  assert.match(stderr, /^ {2}risk\.nope: unknown key$/m);
  assert.match(stderr, /^ {2}mode: /m);
});

test('other errors are rethrown untouched', () => {
  const boom = new Error('boom');
  const io = { stderr: { write: () => true }, exit: (): never => assert.fail('must not exit') };
  assert.throws(() => exitOnConfigError(boom, io), (err) => err === boom);
});
