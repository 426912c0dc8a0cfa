import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoadSummary } from './load-generator.js';
import { combineRounds, median, rotated } from './rounds.js';

const round = (requestsPerSecond: number, p99Ms: number, ok: number, codes: Record<string, number> = { 200: ok }): LoadSummary => ({
  requestsPerSecond,
  p50Ms: p99Ms / 2,
  p99Ms,
  ok,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  durationSeconds: 3,
  statusCodes: codes,
});

describe('benchmark rounds', () => {
  it('takes medians of rates and latencies, and totals of counts', () => {
    const combined = combineRounds([round(9000, 12, 27_000), round(4000, 40, 12_000, { 200: 11_990, 502: 10 }), round(8800, 11, 26_400)]);
    assert.equal(combined.requestsPerSecond, 8800, 'a round the host slowed down does not drag the rate');
    assert.equal(combined.p99Ms, 12);
    assert.equal(combined.ok, 65_400);
    assert.equal(combined.durationSeconds, 9);
    assert.deepEqual(combined.statusCodes, { 200: 65_390, 502: 10 });
  });

  it('takes the mean of the middle two for an even count, and refuses no rounds', () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
    assert.throws(() => combineRounds([]));
  });

  it('rotates the case order each round', () => {
    assert.deepEqual(rotated(['a', 'b', 'c'], 0), ['a', 'b', 'c']);
    assert.deepEqual(rotated(['a', 'b', 'c'], 1), ['b', 'c', 'a']);
    assert.deepEqual(rotated(['a', 'b', 'c'], 4), ['b', 'c', 'a']);
    assert.deepEqual(rotated([], 2), []);
  });
});
