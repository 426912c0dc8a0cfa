import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { mintRequestId, requestIdFor } from './request-id.js';

const withHeader = (value?: string) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;

describe('requestIdFor', () => {
  it("keeps a caller's well-formed id and mints one for a missing or malformed id", () => {
    assert.equal(requestIdFor(withHeader('trace-0001.a_b')), 'trace-0001.a_b');
    for (const bad of [undefined, 'short', 'has space in it', 'x'.repeat(65), 'semi;colon-id']) assert.match(requestIdFor(withHeader(bad)), /^[0-9a-f]{32}$/, String(bad));
  });

  it('mints distinct ids', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => mintRequestId()));
    assert.equal(ids.size, 2000);
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
  });
});
