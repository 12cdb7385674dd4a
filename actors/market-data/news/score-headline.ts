import Sentiment from 'sentiment';
import { CRYPTO_PHRASES, CRYPTO_WORDS } from './crypto-lexicon.js';

/** VADER's normalisation of a valence sum into (-1, 1): a single strong word (±3) gives ±0.61, two give ±0.84. */
const ALPHA = 15;

/** Each phrase becomes one token the general lexicon does not know, carrying the phrase's valence. */
const PHRASES = Object.entries(CRYPTO_PHRASES).map(([phrase, valence], i) => ({
  pattern: new RegExp(`\\b${phrase.split(' ').join('[\\s-]+')}\\b`, 'g'),
  token: ` cryptophrase${i} `,
  key: `cryptophrase${i}`,
  valence,
}));

const EXTRAS: Record<string, number> = { ...CRYPTO_WORDS, ...Object.fromEntries(PHRASES.map((p) => [p.key, p.valence])) };

const analyzer = new Sentiment();

/** Lower-cases, straightens quotes and drops quote marks that are not apostrophes, so "‘kill’" reads as "kill". */
function clean(title: string): string {
  return title
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(?<![a-z])'|'(?![a-z])/g, ' ');
}

/**
 * A headline's sentiment for the crypto market in [-1, 1] (0: nothing scored). The `sentiment` library (AFINN-165)
 * with the crypto lexicon as extras: its negation (a negator just before a scored token flips it) applies to our
 * words and phrases too.
 */
export function scoreHeadline(title: string): number {
  let text = clean(title);
  for (const p of PHRASES) text = text.replace(p.pattern, p.token);
  const { score } = analyzer.analyze(text, { extras: EXTRAS });
  return score === 0 ? 0 : score / Math.sqrt(score * score + ALPHA);
}
