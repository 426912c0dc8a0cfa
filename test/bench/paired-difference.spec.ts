import { describe, expect, it } from '@jest/globals';
import { pairedDifference } from './paired-difference.js';

describe('pairedDifference', () => {
  it('summarises B - A per pair, not the difference of the averages', () => {
    const d = pairedDifference([
      [60, 58],
      [70, 67],
      [50, 49],
      [65, 61],
    ]);
    expect(d.median).toBe(-2.5);
    expect(d.mean).toBe(-2.5);
    // diffs -4, -3, -2, -1: sample variance 5/3, standard error sqrt(5/12)
    expect(Math.abs(d.standardError - Math.sqrt(5 / 12)) < 1e-12).toBeTruthy();
  });

  it('takes the middle value of an odd count and refuses an empty one', () => {
    expect(
      pairedDifference([
        [1, 2],
        [1, 5],
        [1, 1],
      ]).median,
    ).toBe(1);
    expect(() => pairedDifference([])).toThrow();
  });
});
