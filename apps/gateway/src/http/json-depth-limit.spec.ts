import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nestedDeeperThan } from './json-depth-limit.js';

describe('nestedDeeperThan', () => {
  const nest = (n: number): unknown => JSON.parse(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

  it('counts objects and arrays as levels, scalars not', () => {
    assert.equal(nestedDeeperThan({ a: 1 }, 1), false);
    assert.equal(nestedDeeperThan({ a: 1, b: 'x', c: null, d: true }, 1), false);
    assert.equal(nestedDeeperThan({ a: 1 }, 0), true);
    assert.equal(nestedDeeperThan({ a: 1, b: [] }, 1), true);
    assert.equal(nestedDeeperThan({ a: { b: 1 } }, 1), true);
    assert.equal(nestedDeeperThan([[1]], 2), false);
    assert.equal(nestedDeeperThan([[[1]]], 2), true);
    assert.equal(nestedDeeperThan('text', 0), false);
    assert.equal(nestedDeeperThan(null, 0), false);
    assert.equal(nestedDeeperThan(nest(32), 32), false);
    assert.equal(nestedDeeperThan(nest(33), 32), true);
  });

  it('measures bodies far deeper than the stack allows recursion for', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    assert.equal(nestedDeeperThan(deep, 32), true);
  });
});
