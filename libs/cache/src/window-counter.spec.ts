import { describe, expect, it } from '@jest/globals';
import { FallbackWindowCounter } from './fallback-window-counter.js';
import { MemoryWindowCounter } from './memory-window-counter.js';
import type { WindowCounterStore } from './window-counter.js';

describe('MemoryWindowCounter', () => {
  it('counts hits per key within a window that opens with the first hit', async () => {
    let now = 1_000;
    const counter = new MemoryWindowCounter(100, () => now);
    expect(await counter.hit('a', 1000)).toEqual({ count: 1, resetInMs: 1000 });
    now += 400;
    expect(await counter.hit('a', 1000)).toEqual({ count: 2, resetInMs: 600 });
    expect(await counter.hit('b', 1000)).toEqual({ count: 1, resetInMs: 1000 });
    now += 600;
    expect(await counter.hit('a', 1000)).toEqual({ count: 1, resetInMs: 1000 });
  });

  it('stays bounded: the window opened longest ago is forgotten first', async () => {
    const counter = new MemoryWindowCounter(2, () => 0);
    await counter.hit('a', 1000);
    await counter.hit('b', 1000);
    await counter.hit('a', 1000);
    await counter.hit('c', 1000);
    expect((await counter.hit('a', 1000)).count).toBe(1);
    expect((await counter.hit('c', 1000)).count).toBe(2);
  });

  it('moves a key whose window rolled over to the back', async () => {
    let now = 0;
    const counter = new MemoryWindowCounter(2, () => now);
    await counter.hit('a', 1000);
    now = 500;
    await counter.hit('b', 1000);
    now = 1000;
    expect(await counter.hit('a', 1000)).toEqual({ count: 1, resetInMs: 1000 });
    await counter.hit('c', 1000);
    expect((await counter.hit('a', 1000)).count).toBe(2);
    expect((await counter.hit('b', 1000)).count).toBe(1);
  });
});

describe('FallbackWindowCounter', () => {
  const failing: WindowCounterStore = {
    kind: 'redis',
    hit: () => Promise.reject(new Error('redis down')),
    warmUp: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };

  it('answers from the shared counter while it works', async () => {
    const shared = new MemoryWindowCounter(10, () => 0);
    const counter = new FallbackWindowCounter(shared, new MemoryWindowCounter(10, () => 0));
    await counter.hit('k', 1000);
    expect(await counter.hit('k', 1000)).toEqual({ count: 2, resetInMs: 1000 });
  });

  it('counts locally (never unlimited) and reports each failure when the shared counter fails', async () => {
    const failures: unknown[] = [];
    const counter = new FallbackWindowCounter(failing, new MemoryWindowCounter(10, () => 0), (e) => failures.push(e));
    expect(await counter.hit('k', 1000)).toEqual({ count: 1, resetInMs: 1000, fallback: true });
    expect(await counter.hit('k', 1000)).toEqual({ count: 2, resetInMs: 1000, fallback: true });
    expect(failures.length).toBe(2);
    expect(counter.kind).toBe('redis');
  });
});
