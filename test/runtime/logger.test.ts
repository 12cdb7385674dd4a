import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, REDACTED } from '../../actors/runtime/logger.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';

function capture(): { stream: Writable; lines: () => string[] } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}

const SECRETS = ['AKIA-binance-key-123', 'binance-secret-456', '0xdeadbeefcafe', 'hunter2hunter2', 'Bearer tok-789', 'bybit-key-000', 'nested-deep-111'];

test('secrets are redacted by path, by field name and by value; other fields stay', () => {
  const out = capture();
  const logger = createLogger({ destination: out.stream, pretty: false, secretValues: ['leaked-in-message-999'] });
  logger.child({ venue: 'binance', apiKey: SECRETS[0] }).info(
    {
      order: { clientOrderId: 'mm-1-0', amount: 0.001 },
      creds: { secret: SECRETS[1], privateKey: SECRETS[2] },
      user: { password: SECRETS[3] },
      headers: { authorization: SECRETS[4] },
      BYBIT_API_KEY: SECRETS[5],
      a: { b: { walletSecret: SECRETS[6] } },
    },
    'submitting with leaked-in-message-999',
  );
  const [line] = out.lines();
  assert.ok(line);
  for (const secret of [...SECRETS, 'leaked-in-message-999']) assert.ok(!line.includes(secret), `${secret} leaked: ${line}`);
  const entry = JSON.parse(line);
  assert.equal(entry.apiKey, REDACTED);
  assert.equal(entry.creds.secret, REDACTED);
  assert.equal(entry.creds.privateKey, REDACTED);
  assert.equal(entry.user.password, REDACTED);
  assert.equal(entry.headers.authorization, REDACTED);
  assert.equal(entry.BYBIT_API_KEY, REDACTED);
  assert.equal(entry.a.b.walletSecret, REDACTED);
  assert.deepEqual(entry.order, { clientOrderId: 'mm-1-0', amount: 0.001 });
  assert.equal(entry.venue, 'binance');
  assert.equal(entry.msg, `submitting with ${REDACTED}`);
  assert.equal(entry.level, 30);
});

test('an error keeps its message and stack, with secret values blanked', () => {
  const out = capture();
  const logger = createLogger({ destination: out.stream, pretty: false, secretValues: ['sk-live-abcdef'] });
  logger.error({ err: new Error('auth failed for key sk-live-abcdef') }, 'venue call failed');
  const entry = JSON.parse(out.lines()[0]!);
  assert.equal(entry.err.type, 'Error');
  assert.equal(entry.err.message, `auth failed for key ${REDACTED}`);
  assert.ok(!JSON.stringify(entry).includes('sk-live-abcdef'));
});

test('the level option filters and the clock stamps time', () => {
  const out = capture();
  const logger = createLogger({ destination: out.stream, pretty: false, level: 'warn', clock: new SimulatedClock(1_613_692_800_000) });
  logger.info('hidden');
  logger.warn('shown');
  const lines = out.lines().map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.msg), ['shown']);
  assert.equal(lines[0].time, 1_613_692_800_000);
});

test('pretty output is readable text and still redacted', () => {
  const out = capture();
  const logger = createLogger({ destination: out.stream, pretty: true });
  logger.info({ apiKey: 'pretty-secret-1', symbol: 'BTC/USDT' }, 'quoting');
  const text = out.lines().join('\n');
  assert.match(text, /INFO.*quoting/);
  assert.match(text, /symbol: "BTC\/USDT"/);
  assert.ok(!text.includes('pretty-secret-1'));
  assert.throws(() => JSON.parse(out.lines()[0]!));
});
