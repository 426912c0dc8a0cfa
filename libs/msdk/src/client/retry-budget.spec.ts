import { describe, expect, it } from '@jest/globals';
import { RetryBudget } from './retry-budget.js';

describe('RetryBudget', () => {
  it('allows the floor plus a fraction of first attempts per second, then refuses', () => {
    let now = 0;
    const budget = new RetryBudget(0.2, 2, () => now);
    for (let i = 0; i < 10; i++) budget.recordFirstAttempt();
    let allowed = 0;
    for (let i = 0; i < 10; i++) {
      if (!budget.hasRoom()) continue;
      budget.recordRetry();
      allowed++;
    }
    expect(allowed).toBe(4);
    now = 1000;
    expect(budget.hasRoom()).toBe(true);
  });

  it('spends only on retries that were made', () => {
    const budget = new RetryBudget(0, 1, () => 0);
    expect(budget.hasRoom()).toBe(true);
    expect(budget.hasRoom()).toBe(true);
    budget.recordRetry();
    expect(budget.hasRoom()).toBe(false);
  });
});
