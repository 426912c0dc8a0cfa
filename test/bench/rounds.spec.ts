import { describe, expect, it } from '@jest/globals';
import type { LoadSummary } from './load-generator.js';
import { combineRounds, median, rotated } from './rounds.js';

const round = (
  requestsPerSecond: number,
  p99Ms: number,
  ok: number,
  codes: Record<string, number> = { 200: ok },
): LoadSummary => ({
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
    const combined = combineRounds([
      round(9000, 12, 27_000),
      round(4000, 40, 12_000, { 200: 11_990, 502: 10 }),
      round(8800, 11, 26_400),
    ]);
    expect(combined.requestsPerSecond).toBe(8800);
    expect(combined.p99Ms).toBe(12);
    expect(combined.ok).toBe(65_400);
    expect(combined.durationSeconds).toBe(9);
    expect(combined.statusCodes).toEqual({ 200: 65_390, 502: 10 });
  });

  it('takes the mean of the middle two for an even count, and refuses no rounds', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBeTruthy();
    expect(() => combineRounds([])).toThrow();
  });

  it('rotates the case order each round', () => {
    expect(rotated(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotated(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotated(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a']);
    expect(rotated([], 2)).toEqual([]);
  });
});
