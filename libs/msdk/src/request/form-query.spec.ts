import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FormQuery } from './form-query.js';

describe('FormQuery', () => {
  it('writes exactly what URLSearchParams writes, for any names and values', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme-ascii' }),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[A-Za-z0-9_.*-]{0,40}$/),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 8 }), (pairs) => {
        const query = new FormQuery();
        for (const [name, value] of pairs) query.add(name, value);
        expect(query.text).toBe(new URLSearchParams(pairs).toString());
      }),
      { numRuns: 3000 },
    );
  });
});
