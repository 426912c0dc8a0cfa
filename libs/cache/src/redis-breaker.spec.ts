import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { RedisBreaker, RedisSkippedError, type RedisBreakerState } from './redis-breaker.js';
import { RedisBudget, RedisBudgetSpentError } from './redis-budget.js';

const never = () => new Promise<never>(() => undefined);

describe('RedisBudget', () => {
  it('is one budget for all the commands of a request', async () => {
    const budget = new RedisBudget(60);
    await expect(budget.race(sleep(40))).resolves.toBe(undefined);
    expect(budget.spent).toBe(false);
    await expect(budget.race(never())).rejects.toBeInstanceOf(RedisBudgetSpentError);
    expect(budget.spent).toBe(true);
    let asked = false;
    await expect(budget.race(Promise.resolve().then(() => (asked = true)))).rejects.toBeInstanceOf(
      RedisBudgetSpentError,
    );
    expect(asked).toBe(true); // the command was made, but no one waited for it
  });
});

describe('RedisBreaker', () => {
  const options = { consecutiveFailures: 3, skipForMs: 40, maxSkipForMs: 200, commandBudgetMs: 20 };

  it('skips Redis at once after repeated failures, probes it in the background, and returns to it', async () => {
    let redisAnswers = false;
    const states: RedisBreakerState[] = [];
    const breaker = new RedisBreaker(
      options,
      () => (redisAnswers ? Promise.resolve() : never()),
      (s) => states.push(s),
    );
    try {
      for (let i = 0; i < 3; i++) await expect(breaker.run(never)).rejects.toBeInstanceOf(RedisBudgetSpentError);
      expect(breaker.state).toBe('open');

      let asked = 0;
      await expect(breaker.run(() => Promise.resolve(++asked))).rejects.toBeInstanceOf(RedisSkippedError);
      expect(asked).toBe(0);

      await sleep(150); // failed probes keep it open
      expect(breaker.state).not.toBe('closed');
      redisAnswers = true;
      for (let i = 0; i < 100 && breaker.state !== 'closed'; i++) await sleep(10);
      expect(breaker.state).toBe('closed');
      await expect(breaker.run(() => Promise.resolve('asked'))).resolves.toBe('asked');
      expect(states).toContain('half-open');
    } finally {
      breaker.close();
    }
  });

  it('does not count a request whose budget is already spent against Redis', async () => {
    const breaker = new RedisBreaker(options, () => Promise.resolve());
    const spent = new RedisBudget(0);
    for (let i = 0; i < 5; i++)
      await expect(breaker.run(() => Promise.resolve(1), spent)).rejects.toBeInstanceOf(RedisBudgetSpentError);
    expect(breaker.state).toBe('closed');
    breaker.close();
  });
});
