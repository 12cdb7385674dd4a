import type { DepthDiffEvent } from './diff-book.js';

type Level = readonly [number, number];

/** Powers of ten a decimal's digits are divided by: exact doubles up to 1e22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Digits whose integer is below 2^53: the quotient by an exact power of ten is then the correctly rounded value. */
const MAX_DIGITS = 15;

/** Character codes. */
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

class Bail extends Error {}
const BAIL = new Bail();

/**
 * Reads a Binance depthUpdate frame (raw, or in a combined stream's `{stream, data}`) straight into numbers,
 * without JSON.parse's intermediate strings: on a USD-M book the frame carries ~70 levels as decimal strings, and
 * parsing them took most of a diff's time. Decimal strings become numbers by the exact fast path (at most 15
 * digits over an exact power of ten, so the result equals Number(string)). Anything else (another message, an
 * escape, an exponent, a longer decimal, malformed text) returns undefined, and the caller uses JSON.parse.
 */
export function parseDepthFrame(text: string): DepthDiffEvent | undefined {
  try {
    const r = new FrameReader(text);
    r.object(true);
    const { fields } = r;
    if (fields.e !== 'depthUpdate' || fields.U === undefined || fields.u === undefined || !fields.b || !fields.a) return undefined;
    const ev: DepthDiffEvent = { U: fields.U, u: fields.u, b: fields.b, a: fields.a };
    if (fields.pu !== undefined) ev.pu = fields.pu;
    if (fields.E !== undefined) ev.E = fields.E;
    return ev;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/** A websocket frame as a depth update: the fast reader, else JSON.parse; undefined for any other message. */
export function readDepthFrame(text: string): DepthDiffEvent | undefined {
  const fast = parseDepthFrame(text);
  if (fast) return fast;
  let msg: Record<string, unknown> | null;
  try {
    msg = JSON.parse(text);
  } catch {
    return undefined;
  }
  const data = (msg?.data ?? msg) as Record<string, unknown> | null;
  return data?.e === 'depthUpdate' ? (data as unknown as DepthDiffEvent) : undefined;
}

class FrameReader {
  private i = 0;
  readonly fields: { e?: string; E?: number; U?: number; u?: number; pu?: number; b?: Level[]; a?: Level[] } = {};

  constructor(private readonly s: string) {}

  private ws(): void {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++this.i);
  }

  private expect(code: number): void {
    this.ws();
    if (this.s.charCodeAt(this.i) !== code) throw BAIL;
    this.i += 1;
  }

  /** The event's own keys are read at the top (raw stream) or inside `data` (combined stream). */
  object(top: boolean): void {
    this.expect(OPEN_CURLY);
    this.ws();
    if (this.s.charCodeAt(this.i) === CLOSE_CURLY) {
      this.i += 1;
      return;
    }
    for (;;) {
      const key = this.string();
      this.expect(COLON);
      this.ws();
      if (top && key === 'data') this.object(false);
      else if (key === 'e') this.fields.e = this.string();
      else if (key === 'E' || key === 'U' || key === 'u' || key === 'pu') this.fields[key] = this.integer();
      else if (key === 'b' || key === 'a') this.fields[key] = this.levels();
      else this.skip();
      this.ws();
      const c = this.s.charCodeAt(this.i++);
      if (c === CLOSE_CURLY) return;
      if (c !== COMMA) throw BAIL;
      this.ws();
    }
  }

  private string(): string {
    const s = this.s;
    if (s.charCodeAt(this.i) !== QUOTE) throw BAIL;
    const end = s.indexOf('"', this.i + 1);
    if (end < 0) throw BAIL;
    const out = s.slice(this.i + 1, end);
    if (out.includes('\\')) throw BAIL;
    this.i = end + 1;
    return out;
  }

  private integer(): number {
    const s = this.s;
    let n = 0;
    let digits = 0;
    for (let c = s.charCodeAt(this.i); c >= ZERO && c <= NINE; c = s.charCodeAt(++this.i)) {
      n = n * 10 + (c - ZERO);
      digits += 1;
    }
    if (digits === 0 || digits > MAX_DIGITS) throw BAIL;
    return n;
  }

  /** `"123.4500"` → 123.45, exactly as Number() would read it. */
  private decimal(): number {
    const s = this.s;
    if (s.charCodeAt(this.i) !== QUOTE) throw BAIL;
    let c = s.charCodeAt(++this.i);
    let n = 0;
    let digits = 0;
    let scale = -1;
    for (;; c = s.charCodeAt(++this.i)) {
      if (c >= ZERO && c <= NINE) {
        n = n * 10 + (c - ZERO);
        digits += 1;
        if (scale >= 0) scale += 1;
      } else if (c === DOT && scale < 0) scale = 0;
      else break;
    }
    if (c !== QUOTE || digits === 0 || digits > MAX_DIGITS || scale === 0) throw BAIL;
    this.i += 1;
    return scale > 0 ? n / POW10[scale]! : n;
  }

  private levels(): Level[] {
    const out: Level[] = [];
    this.expect(OPEN_SQUARE);
    this.ws();
    if (this.s.charCodeAt(this.i) === CLOSE_SQUARE) {
      this.i += 1;
      return out;
    }
    for (;;) {
      this.expect(OPEN_SQUARE);
      this.ws();
      const price = this.decimal();
      this.expect(COMMA);
      this.ws();
      const amount = this.decimal();
      this.expect(CLOSE_SQUARE);
      out.push([price, amount]);
      this.ws();
      const c = this.s.charCodeAt(this.i++);
      if (c === CLOSE_SQUARE) return out;
      if (c !== COMMA) throw BAIL;
      this.ws();
    }
  }

  /** Any other value: a string, a plain number, true/false/null; nested values are not expected here. */
  private skip(): void {
    const s = this.s;
    const c = s.charCodeAt(this.i);
    if (c === QUOTE) {
      this.string();
      return;
    }
    const start = this.i;
    for (let d = c; (d >= ZERO && d <= NINE) || d === MINUS || d === DOT || (d >= 97 && d <= 122); d = s.charCodeAt(++this.i));
    const word = s.slice(start, this.i);
    if (!(word === 'true' || word === 'false' || word === 'null' || /^-?\d+(\.\d+)?$/.test(word))) throw BAIL;
  }
}
