import { test } from 'node:test';
import assert from 'node:assert/strict';
import ccxt from 'ccxt';
import { ArbiterError, OrderRejectedError, RateLimitedError, VenueUnavailableError } from '../../../actors/runtime/errors.js';
import { ClockSkewError, classify, toArbiterError } from '../../../actors/venues/ccxt/error-table.js';

test('one table maps exchange errors to retryable or fatal ArbiterErrors', () => {
  const cases: Array<[Error, string, new (...a: never[]) => ArbiterError, boolean]> = [
    [new ccxt.RequestTimeout('binance POST /api/v3/order request timed out'), 'unavailable', VenueUnavailableError, true],
    [new ccxt.ExchangeNotAvailable('binance 503 Service Unavailable'), 'unavailable', VenueUnavailableError, true],
    [new ccxt.NetworkError('socket hang up'), 'unavailable', VenueUnavailableError, true],
    [new ccxt.DDoSProtection('binance 429 Too Many Requests'), 'rate-limited', RateLimitedError, true],
    [new ccxt.InvalidNonce('binance {"code":-1021,"msg":"Timestamp for this request was 1000ms ahead of the server\'s time."}'), 'clock-skew', ClockSkewError, true],
    [new ccxt.BadRequest('binance {"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}'), 'clock-skew', ClockSkewError, true],
    [new ccxt.InvalidOrder('binance {"code":-2010,"msg":"Duplicate order sent."}'), 'duplicate', OrderRejectedError, false],
    [new ccxt.InsufficientFunds('binance {"code":-2010,"msg":"Account has insufficient balance for requested action."}'), 'rejected', OrderRejectedError, false],
    [new ccxt.InvalidOrder('binance {"code":-1013,"msg":"Filter failure: LOT_SIZE"}'), 'rejected', OrderRejectedError, false],
    [new ccxt.OrderNotFound('binance {"code":-2013,"msg":"Order does not exist."}'), 'not-found', OrderRejectedError, false],
    [new ccxt.AuthenticationError('binance {"code":-2015,"msg":"Invalid API-key"}'), 'fatal', ArbiterError, false],
    [new ccxt.DDoSProtection('binance 418 I\'m a teapot {"code":-1003}'), 'banned', ArbiterError, false],
    [new Error('something else entirely'), 'fatal', ArbiterError, false],
  ];
  for (const [err, action, cls, retryable] of cases) {
    assert.equal(classify(err), action, err.message);
    const mapped = toArbiterError(err, 'v', 'op', 2500);
    assert.ok(mapped instanceof cls, `${err.message} → ${mapped.name}`);
    assert.equal(mapped.retryable, retryable, err.message);
    assert.equal(mapped.cause, err);
  }
  assert.equal((toArbiterError(new ccxt.RateLimitExceeded('x'), 'v', 'op', 2500) as RateLimitedError).retryAfterMs, 2500);
});
