import { describe, expect, it } from '@jest/globals';
import { RetryBudget } from './retry-budget.js';

describe('RetryBudget', () => {
  it('allows the floor plus a fraction of first attempts per second, then refuses', () => {
    let now = 0;
    const budget = new RetryBudget(0.2, 2, () => now);
    for (let i = 0; i < 10; i++) budget.recordFirstAttempt();
    const allowed = Array.from({ length: 10 }, () => budget.tryRetry()).filter(Boolean).length;
    expect(allowed).toBe(4);
    now = 1000;
    expect(budget.tryRetry()).toBe(true);
  });
});
