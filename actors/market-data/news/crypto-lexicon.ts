/**
 * Crypto-market valences on AFINN's scale (-5..5), added to the general lexicon where it is blind or reads the
 * market wrong ("crash" and "dump" are market moves, "bear" an animal, "hack" a trick). Written by us for the market's
 * reading of a headline: good or bad for the price of the coins it names.
 */
export const CRYPTO_WORDS: Readonly<Record<string, number>> = {
  // price up, demand, adoption
  surge: 3, surges: 3, surged: 3, surging: 3,
  soar: 3, soars: 3, soared: 3, soaring: 3,
  rally: 3, rallies: 3, rallied: 3, rallying: 3,
  bullish: 3, bull: 2, bulls: 2, moon: 2, mooning: 3,
  breakout: 2, rebound: 2, rebounds: 2, rebounded: 2, recover: 2, recovers: 2, recovery: 2,
  reclaim: 2, reclaims: 2, reclaimed: 2, jumps: 2, jumped: 2, climbs: 2, rises: 2, rise: 1, gains: 2, pump: 1,
  inflow: 2, inflows: 2, accumulation: 2, accumulate: 2, accumulating: 2, hodl: 2, hodlers: 1,
  adoption: 2, adopts: 2, adopt: 2, legal: 1, legalize: 2, legalizes: 2, approves: 2, approved: 2,
  upside: 2, upgrade: 2, launches: 1, launch: 1, partnership: 2, listing: 1, lists: 1, 'tax-free': 2,
  undervalued: 2, institutional: 1, mainstream: 1, halving: 1,
  // price down, supply, hostility
  crash: -3, crashes: -3, crashed: -3, crashing: -3,
  plunge: -3, plunges: -3, plunged: -3, plummet: -3, plummets: -3, tumble: -2, tumbles: -2, slump: -2, slumps: -2,
  drop: -2, drops: -2, dropped: -2, falls: -2, fall: -2, fell: -2, sinks: -2, slides: -2, dips: -1, dip: -1,
  bearish: -3, bear: -2, bears: -2, dump: -2, dumps: -2, dumping: -3, selloff: -3, 'sell-off': -3, capitulation: -3,
  hack: -3, hacks: -3, hacked: -3, hacker: -3, hackers: -3, exploit: -3, exploited: -3, drained: -3,
  delist: -3, delists: -3, delisted: -3, delisting: -3,
  liquidation: -2, liquidations: -2, liquidated: -3,
  ban: -3, bans: -3, banned: -2, crackdown: -3, restrictions: -2, restrict: -2, closure: -2, stringent: -1,
  outflow: -2, outflows: -2, lows: -2, lowest: -2, struggles: -2, struggle: -2, slams: -2,
  fud: -2, scam: -3, ponzi: -3, fraud: -3, embezzles: -3, embezzling: -3, embezzlement: -3,
  insolvent: -3, insolvency: -3, bankrupt: -3, bankruptcy: -3, depeg: -3, depegs: -3, collapse: -3, collapses: -3,
  investigation: -2, lawsuit: -2, sues: -2, sued: -2, subpoena: -2, fined: -2, wrecked: -3, bloodbath: -3,
  terrorism: -3, shutdown: -2, kill: -3, fail: -2, danger: -2,
};

/**
 * Multi-word terms, scored as one token (their words are not scored again). Each is matched in the lower-cased
 * headline on word boundaries; hyphens and spaces between its words are interchangeable.
 */
export const CRYPTO_PHRASES: Readonly<Record<string, number>> = {
  'etf approval': 3, 'etf approved': 3, 'sec approval': 3, 'etf rejection': -3, 'etf rejected': -3, 'etf delay': -2,
  'all time high': 3, 'all time highs': 3, 'record high': 3, 'new high': 2, 'multi year high': 2,
  'all time low': -3, 'record low': -3, 'multi year low': -3, 'multi year lows': -3, 'lowest since': -2,
  'rug pull': -4, 'rugpull': -4, 'exit scam': -4, 'bank run': -3, 'short squeeze': 2, 'death cross': -2, 'golden cross': 2,
  'buy signal': 2, 'buy signals': 2, 'sell signal': -2, 'bear market': -2, 'bull market': 2, 'bull run': 3,
  'losing streak': -3, 'winning streak': 2, 'price drop': -2, 'leaves exchanges': 2, 'leave exchanges': 2,
  'transfers to exchanges': -2, 'store of value': 2, 'digital gold': 2, 'legal tender': 3, 'legal framework': 2,
  'mining ban': -3, 'crypto ban': -3, 'crypto winter': -2, 'bad omen': -3, 'going to zero': -4, 'will fail': -3,
  'forms a bottom': 2, 'forms bottom': 2, 'bottom is in': 2,
  'struggles below': -2, 'drops below': -2, 'falls below': -2,
};
