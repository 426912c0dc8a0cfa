import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { mintRequestId, requestIdFor } from './request-id.js';

const withHeader = (value?: string) =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;

describe('requestIdFor', () => {
  it("keeps a caller's well-formed id and mints one for a missing or malformed id", () => {
    expect(requestIdFor(withHeader('trace-0001.a_b'))).toBe('trace-0001.a_b');
    for (const bad of [undefined, 'short', 'has space in it', 'x'.repeat(65), 'semi;colon-id'])
      expect(requestIdFor(withHeader(bad))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('mints distinct ids', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => mintRequestId()));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
