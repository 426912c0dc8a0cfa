import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairedDifference } from './paired-difference.js';

describe('pairedDifference', () => {
  it('summarises B - A per pair, not the difference of the averages', () => {
    const d = pairedDifference([
      [60, 58],
      [70, 67],
      [50, 49],
      [65, 61],
    ]);
    assert.equal(d.median, -2.5);
    assert.equal(d.mean, -2.5);
    // diffs -4, -3, -2, -1: sample variance 5/3, standard error sqrt(5/12)
    assert.ok(Math.abs(d.standardError - Math.sqrt(5 / 12)) < 1e-12);
  });

  it('takes the middle value of an odd count and refuses an empty one', () => {
    assert.equal(pairedDifference([[1, 2], [1, 5], [1, 1]]).median, 1);
    assert.throws(() => pairedDifference([]));
  });
});
