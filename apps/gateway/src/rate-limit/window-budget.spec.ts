import { describe, expect, it } from '@jest/globals';
import { FallbackWindowCounter, MemoryWindowCounter, type WindowCounterStore } from '#cache';
import { MAX_LEASE, WindowBudget } from './window-budget.js';

/** A memory counter standing in for Redis (kind 'redis', so leases apply); records each increment. */
function sharedCounter(now: () => number) {
  const memory = new MemoryWindowCounter(10, now);
  const increments: number[] = [];
  const counter: WindowCounterStore = {
    kind: 'redis',
    hit: async (key, windowMs, amount = 1) => {
      increments.push(amount);
      await new Promise((resolve) => setImmediate(resolve)); // answers later, as Redis does
      return memory.hit(key, windowMs, amount);
    },
    warmUp: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { counter, increments };
}

describe('WindowBudget', () => {
  it('admits up to the limit, then answers the whole seconds until the window resets', async () => {
    let now = 0;
    const budget = new WindowBudget(new MemoryWindowCounter(10, () => now), 1);
    const limit = { limit: 2, windowMs: 2500 };
    expect(await budget.spend('k', limit)).toBe(undefined);
    expect(await budget.spend('k', limit)).toBe(undefined);
    expect(await budget.spend('k', limit)).toBe(3);
    now = 2400;
    expect(await budget.spend('k', limit)).toBe(1);
    now = 2500;
    expect(await budget.spend('k', limit)).toBe(undefined);
  });

  it('allows only its share of the limit while counting alone (shared counter down)', async () => {
    const down: WindowCounterStore = {
      kind: 'redis',
      hit: () => Promise.reject(new Error('down')),
      warmUp: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    const budget = new WindowBudget(new FallbackWindowCounter(down, new MemoryWindowCounter(10, () => 0)), 0.5);
    const limit = { limit: 4, windowMs: 1000 };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await budget.spend('k', limit));
    expect(answers).toEqual([undefined, undefined, 1]);
  });
});

describe('WindowBudget leases from a shared counter', () => {
  it('takes leaseShare of the limit per increment and spends it without asking again', async () => {
    const { counter, increments } = sharedCounter(() => 0);
    const budget = new WindowBudget(counter, 1, 0.01);
    const limit = { limit: 1000, windowMs: 1000 };
    for (let i = 0; i < 25; i++) expect(await budget.spend('k', limit)).toBe(undefined);
    expect(increments).toEqual([10, 10, 10]);
  });

  it('never lets two instances together spend more than the limit; the loser hears Retry-After', async () => {
    const { counter: shared } = sharedCounter(() => 0);
    const a = new WindowBudget(shared, 1, 0.25, () => 0);
    const b = new WindowBudget(shared, 1, 0.25, () => 0);
    const limit = { limit: 20, windowMs: 3000 };
    const spend = async (budget: WindowBudget, n: number) => {
      const answers = [];
      for (let i = 0; i < n; i++) answers.push(await budget.spend('k', limit));
      return answers.filter((x) => x === undefined).length;
    };
    const admitted = (await spend(a, 12)) + (await spend(b, 10)) + (await spend(a, 10));
    expect(admitted).toBe(20);
    expect(await b.spend('k', limit)).toBe(3);
  });

  it('lets concurrent calls for one key wait for one lease rather than each taking their own', async () => {
    const { counter, increments } = sharedCounter(() => 0);
    const budget = new WindowBudget(counter, 1, 0.01);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => budget.spend('k', { limit: 1000, windowMs: 1000 })),
    );
    expect(answers.every((a) => a === undefined)).toBeTruthy();
    expect(increments).toEqual([10, 10, 10]);
  });

  it('counts one call at a time where a lease would be one call (small limits, the per-user 1/s)', async () => {
    const { counter, increments } = sharedCounter(() => 0);
    const budget = new WindowBudget(counter, 1, 0.01);
    const answers = await Promise.all(Array.from({ length: 3 }, () => budget.spend('u', { limit: 2, windowMs: 1000 })));
    expect(answers).toEqual([undefined, undefined, 1]);
    expect(increments).toEqual([1, 1, 1]);
  });

  it('caps a lease at MAX_LEASE calls and starts a new lease when the window ends', async () => {
    let now = 0;
    const { counter, increments } = sharedCounter(() => now);
    const budget = new WindowBudget(counter, 1, 0.1, () => now);
    const limit = { limit: 1_000_000, windowMs: 1000 };
    await budget.spend('k', limit);
    now = 1000;
    await budget.spend('k', limit);
    expect(increments).toEqual([MAX_LEASE, MAX_LEASE]);
  });

  it('leases nothing from a counter that is this instance alone', async () => {
    const budget = new WindowBudget(new MemoryWindowCounter(10, () => 0), 1, 0.1);
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await budget.spend('k', { limit: 10, windowMs: 1000 }));
    expect(answers.filter((a) => a === undefined).length).toBe(10);
  });
});
