import { test } from 'node:test';
import assert from 'node:assert/strict';
import Sentiment from 'sentiment';
import { scoreHeadline } from '../../../actors/market-data/news/score-headline.js';

test('crypto terms the general lexicon does not score get the market reading', () => {
  // Checked on a plain instance first: `sentiment` keeps extras in its shared table once any call passes them.
  const plain = new Sentiment();
  for (const title of ['Coinbase to delist XRP', 'Bitcoin surges past $40,000', 'Analysts turn bullish on ETH', '$300M in liquidations as BTC plunges']) {
    assert.equal(plain.analyze(title).score, 0, `the general lexicon is blind to: ${title}`);
  }
  assert.ok(scoreHeadline('Coinbase to delist XRP') < -0.5);
  assert.ok(scoreHeadline('Bitcoin surges past $40,000') > 0.5);
  assert.ok(scoreHeadline('Analysts turn bullish on ETH') > 0.5);
  assert.ok(scoreHeadline('$300M in liquidations as BTC plunges') < -0.5);
  assert.ok(scoreHeadline('Exchange hacked, 4,000 BTC drained') < -0.5);
});

test('phrases score as one term: ETF approval, all-time high, rug pull', () => {
  assert.ok(scoreHeadline('SEC nears spot bitcoin ETF approval') > 0.5);
  assert.ok(scoreHeadline('BTC hits an all-time high') > 0.5);
  assert.equal(scoreHeadline('BTC hits an all time high'), scoreHeadline('BTC hits an all-time high'));
  assert.ok(scoreHeadline('DeFi token collapses in a rug pull') < -0.8);
});

test('negation flips the term after it', () => {
  assert.ok(scoreHeadline('Analysts are bullish on Bitcoin') > 0);
  assert.ok(scoreHeadline('Analysts are not bullish on Bitcoin') < 0);
  assert.ok(scoreHeadline('Regulators won’t ban Bitcoin') > 0, 'a curly apostrophe negates too');
  assert.ok(scoreHeadline('Regulators ban Bitcoin') < 0);
});

test('scores stay in [-1, 1]; a headline with no scored term is 0', () => {
  assert.equal(scoreHeadline('Marathon CEO explains the mining business'), 0);
  const pileUp = 'crash plunge hack delist rug pull bankrupt fraud scam collapse bearish '.repeat(5);
  assert.ok(scoreHeadline(pileUp) >= -1 && scoreHeadline(pileUp) < -0.99);
  assert.ok(scoreHeadline('surge rally bullish all-time high ETF approval '.repeat(5)) <= 1);
});
