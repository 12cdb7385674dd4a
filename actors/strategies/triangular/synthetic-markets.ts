import type { SpotMarket } from './snapshot.js';
import { seededRandom } from '../../runtime/random.js';


/**
 * A Binance-shaped graph: a few quote hubs, many base assets each listed against some hubs,
 * prices consistent with one hidden USD price per asset plus noise, one level of depth per side.
 */
export function syntheticMarkets(count: number, seed = 1): SpotMarket[] {
  const rand = seededRandom(seed);
  const hubs = ['USDT', 'BTC', 'ETH', 'BNB', 'BUSD', 'USDC', 'EUR', 'TRY'];
  const bases = Array.from({ length: Math.ceil(count / 3) }, (_, i) => `A${i}`);
  const usd = new Map<string, number>([['USDT', 1], ['BUSD', 1], ['USDC', 1], ['EUR', 1.18], ['TRY', 0.13], ['BTC', 11000], ['ETH', 350], ['BNB', 30]]);
  for (const b of bases) usd.set(b, 10 ** (rand() * 6 - 3));
  const seen = new Set<string>();
  const markets: SpotMarket[] = [];
  const add = (base: string, quote: string) => {
    const symbol = `${base}${quote}`;
    if (base === quote || seen.has(symbol) || seen.has(`${quote}${base}`)) return;
    seen.add(symbol);
    const mid = (usd.get(base)! / usd.get(quote)!) * (1 + (rand() - 0.5) * 0.004);
    const half = mid * (0.0001 + rand() * 0.001);
    markets.push({
      symbol, base, quote,
      bids: [[mid - half, 1 + rand() * 100]],
      asks: [[mid + half, 1 + rand() * 100]],
      rules: { tickSize: 0, stepSize: 0, minQty: 0, minNotional: 0 },
    });
  };
  for (let i = 0; i < hubs.length; i++) for (let j = i + 1; j < hubs.length; j++) add(hubs[j]!, hubs[i]!);
  while (markets.length < count) {
    const base = bases[Math.floor(rand() * bases.length)]!;
    add(base, hubs[Math.floor(rand() ** 2 * hubs.length)]!);
  }
  return markets;
}
