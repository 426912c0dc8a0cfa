import { describe, expect, it } from '@jest/globals';
import { nestedDeeperThan } from './json-depth-limit.js';

describe('nestedDeeperThan', () => {
  const nest = (n: number): unknown => JSON.parse(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

  it('counts objects and arrays as levels, scalars not', () => {
    expect(nestedDeeperThan({ a: 1 }, 1)).toBe(false);
    expect(nestedDeeperThan({ a: 1, b: 'x', c: null, d: true }, 1)).toBe(false);
    expect(nestedDeeperThan({ a: 1 }, 0)).toBe(true);
    expect(nestedDeeperThan({ a: 1, b: [] }, 1)).toBe(true);
    expect(nestedDeeperThan({ a: { b: 1 } }, 1)).toBe(true);
    expect(nestedDeeperThan([[1]], 2)).toBe(false);
    expect(nestedDeeperThan([[[1]]], 2)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan(null, 0)).toBe(false);
    expect(nestedDeeperThan(nest(32), 32)).toBe(false);
    expect(nestedDeeperThan(nest(33), 32)).toBe(true);
  });

  it('measures bodies far deeper than the stack allows recursion for', () => {
    const deep: unknown = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(nestedDeeperThan(deep, 32)).toBe(true);
  });
});
