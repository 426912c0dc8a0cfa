import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { OPENID_PATTERN, TOKEN_PATTERN } from './caller-identity.dto.js';
import { boundedClassTest } from './bounded-class-pattern.js';

const PATTERNS = [
  TOKEN_PATTERN,
  OPENID_PATTERN,
  /^[A-Za-z0-9_]{1,64}$/,
  /^\d{1,20}$/,
  /^\d{0,3}$/,
  /^[a-f]{4}$/i,
  /^[\]\\x-]{2,5}$/,
  /^[^\s]{1,8}$/,
  // Not of the shape, or under flags where it would not be equivalent: tested as they are.
  /^[a-z]{1,3}$/m,
  /^[a-z]{1,3}$/u,
  /^G_[A-Za-z0-9]{1,5}$/,
  /^-?\d{1,3}$/,
];

/** Strings near each pattern's edges: its own characters, others, newlines, astral ones, at lengths around the bounds. */
const candidates = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      'a',
      'Z',
      '0',
      '9',
      '_',
      '.',
      '-',
      '@',
      ' ',
      '\n',
      '\x7f',
      '\x21',
      '\x7e',
      ']',
      '\\',
      'é',
      '😀',
      'f',
      'F',
      'G',
    ),
    maxLength: 70,
  }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 0, max: 1100 }).map((n) => 'x'.repeat(n)),
);

describe('boundedClassTest', () => {
  for (const pattern of PATTERNS) {
    it(`answers as ${pattern} does`, () => {
      const fast = boundedClassTest(pattern);
      fc.assert(
        fc.property(candidates, (value) => fast(value) === pattern.test(value)),
        { numRuns: 3000 },
      );
    });
  }

  it('answers right at the length bounds', () => {
    const fast = boundedClassTest(TOKEN_PATTERN);
    expect(fast('')).toBe(false);
    expect(fast('!')).toBe(true);
    expect(fast('~'.repeat(1024))).toBe(true);
    expect(fast('~'.repeat(1025))).toBe(false);
    expect(boundedClassTest(/^\d{0,3}$/)('')).toBe(true);
  });
});
