const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/**
 * The top-level scalar fields of a JSON object's UTF-8 bytes (`ret`, `msg`, `is_lost`, …), read without
 * building the rest: nested objects and arrays are walked for balance but never materialised.
 * For a 60-friend answer (10 KB) a micro-benchmark measured ~7 µs this way against ~15 µs for
 * JSON.parse (plus the garbage of every friend object), and the gateway hands MSDK's bytes on unchanged anyway.
 *
 * With `only`, just those fields are built; the others are checked like nested values. Building
 * a field costs two strings and a property on a fresh object, which profiles put at ~4 µs of a
 * qqprofile miss for fields nobody reads.
 *
 * Returns undefined for anything that is not one well-formed object: unbalanced or mismatched
 * brackets, an unterminated string, trailing bytes, a top-level scalar JSON.parse would refuse.
 * Nested values are checked for balance and string termination only, not for every token.
 * Working on bytes is safe for UTF-8: every byte of a multi-byte character is >= 0x80, so none
 * is ever taken for a quote, a backslash or a bracket.
 */
export function readTopLevel(raw: Buffer, only?: FieldNames): Record<string, unknown> | undefined {
  let i = skipSpace(raw, 0);
  if (raw[i] !== OPEN_BRACE) return undefined;
  const fields: Record<string, unknown> = {};
  i = skipSpace(raw, i + 1);
  if (raw[i] === CLOSE_BRACE) return skipSpace(raw, i + 1) === raw.length ? fields : undefined;
  for (;;) {
    if (raw[i] !== QUOTE) return undefined;
    const keyEnd = stringEnd(raw, i);
    if (keyEnd < 0) return undefined;
    const key = only ? only.match(raw, i, keyEnd) : decodeString(raw, i, keyEnd);
    i = skipSpace(raw, keyEnd);
    if (key === undefined || raw[i] !== COLON) return undefined;
    i = skipSpace(raw, i + 1);
    const first = raw[i];
    let end: number;
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      end = compositeEnd(raw, i);
      if (end < 0) return undefined;
      if (key !== SKIPPED) delete fields[key]; // a later duplicate wins, as in JSON.parse
    } else {
      end = first === QUOTE ? stringEnd(raw, i) : scalarEnd(raw, i);
      if (end <= i) return undefined;
      if (key === SKIPPED) {
        if (first !== QUOTE && !isScalarToken(raw, i, end)) return undefined;
      } else {
        const value = parseScalarAt(raw, i, end);
        if (value === INVALID) return undefined;
        // "__proto__" would set the object's prototype rather than a field; no MSDK field is named so.
        if (key !== '__proto__') fields[key] = value;
      }
    }
    i = skipSpace(raw, end);
    const next = raw[i];
    if (next === COMMA) {
      i = skipSpace(raw, i + 1);
      continue;
    }
    if (next === CLOSE_BRACE) return skipSpace(raw, i + 1) === raw.length ? fields : undefined;
    return undefined;
  }
}

/** A field readTopLevel was not asked for. */
const SKIPPED = Symbol('skipped');

/** The ASCII field names readTopLevel should build, matched against a key's bytes without decoding it. */
export class FieldNames {
  private readonly names: ReadonlyArray<{ readonly name: string; readonly bytes: Buffer }>;

  constructor(names: readonly string[]) {
    this.names = names.map((name) => ({ name, bytes: Buffer.from(name, 'latin1') }));
  }

  /** The name of the key quoted at raw[start, end) if it is wanted, else SKIPPED (undefined if it is not a valid key). */
  match(raw: Buffer, start: number, end: number): string | typeof SKIPPED | undefined {
    const length = end - start - 2;
    for (let k = start + 1; k < end - 1; k++) {
      // An escaped key is decoded: `\u0072et` is `ret` too.
      if (raw[k] === BACKSLASH) {
        const key = decodeString(raw, start, end);
        return key === undefined ? undefined : this.names.some((n) => n.name === key) ? key : SKIPPED;
      }
    }
    for (const { name, bytes } of this.names) {
      if (bytes.length === length && sameBytes(raw, start + 1, bytes)) return name;
    }
    return SKIPPED;
  }
}

function sameBytes(raw: Buffer, at: number, bytes: Buffer): boolean {
  for (let k = 0; k < bytes.length; k++) if (raw[at + k] !== bytes[k]) return false;
  return true;
}

/** A number or literal JSON.parse would accept, checked without building it. */
function isScalarToken(raw: Buffer, start: number, end: number): boolean {
  if (isPlainInteger(raw, start, end)) return true;
  return parseToken(raw, start, end) !== INVALID;
}

const INVALID = Symbol('invalid');

/**
 * A top-level value: strings without escapes and plain numbers are read directly, as most of
 * MSDK's are; anything else (escapes, exponents, literals) goes through JSON.parse, which also
 * decides what is invalid. Direct reads matter: JSON.parse on each field cost more than the scan.
 */
function parseScalarAt(raw: Buffer, start: number, end: number): unknown {
  const first = raw[start];
  if (first === QUOTE) {
    for (let k = start + 1; k < end - 1; k++)
      if (raw[k] === BACKSLASH || raw[k] < 0x20) return parseToken(raw, start, end);
    return raw.toString('utf8', start + 1, end - 1);
  }
  if (isPlainInteger(raw, start, end)) return Number(raw.toString('latin1', start, end));
  return parseToken(raw, start, end);
}

/** -?(0|[1-9][0-9]*) and short enough to be exact: what JSON.parse would read as the same number. */
function isPlainInteger(raw: Buffer, start: number, end: number): boolean {
  let k = raw[start] === MINUS ? start + 1 : start;
  const digits = end - k;
  if (digits < 1 || digits > 15 || (raw[k] === ZERO && digits > 1)) return false;
  for (; k < end; k++) if (raw[k] < ZERO || raw[k] > NINE) return false;
  return true;
}

function parseToken(raw: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(raw.toString('utf8', start, end)) as unknown;
  } catch {
    return INVALID;
  }
}

function decodeString(raw: Buffer, start: number, end: number): string | undefined {
  const value = parseScalarAt(raw, start, end);
  return typeof value === 'string' ? value : undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipSpace(raw: Buffer, i: number): number {
  while (i < raw.length && isSpace(raw[i])) i++;
  return i;
}

/** Index just past the closing quote of the string opening at `start`, or -1. */
function stringEnd(raw: Buffer, start: number): number {
  let j = raw.indexOf(QUOTE, start + 1);
  while (j !== -1) {
    let slashes = 0;
    while (raw[j - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return j + 1;
    j = raw.indexOf(QUOTE, j + 1);
  }
  return -1;
}

/** Index just past a number or literal: it runs to the next delimiter. */
function scalarEnd(raw: Buffer, start: number): number {
  let j = start;
  while (j < raw.length) {
    const c = raw[j];
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
    j++;
  }
  return j;
}

/** Index just past the object or array opening at `start`, with brackets matched by kind, or -1. */
function compositeEnd(raw: Buffer, start: number): number {
  const open: number[] = [];
  for (let j = start; j < raw.length; j++) {
    const c = raw[j];
    if (c === QUOTE) {
      // Strings are skipped with indexOf: on this kind of machine a native search beats a byte loop.
      const end = stringEnd(raw, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      open.push(c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (open.pop() !== c) return -1;
      if (open.length === 0) return j + 1;
    }
  }
  return -1;
}
