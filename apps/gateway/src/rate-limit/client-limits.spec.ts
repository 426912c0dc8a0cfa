import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FallbackWindowCounter, MemoryWindowCounter, type WindowCounterStore } from '#cache';
import type { RateLimitConfig } from '../config/rate-limit-config.js';
import { budgetKeys, clientLimits } from './client-limits.js';
import { WindowBudget } from './window-budget.js';

const config: RateLimitConfig = {
  enabled: true,
  perClient: { limit: 100, windowMs: 1000 },
  clients: {
    batch: { limit: { limit: 5, windowMs: 60_000 }, interfaces: { 'profile.get_gift': { limit: 1, windowMs: 1000 } } },
  },
  interfaces: { 'profile.get_gift': { limit: 10, windowMs: 1000 } },
  perUser: { enabled: false, limit: 1, windowMs: 1000 },
  fallbackShare: 0.5,
};

describe('clientLimits', () => {
  it('uses the default per-client budget, and an interface budget only where configured', () => {
    assert.deepEqual(clientLimits(config, 'lobby', 'auth.verify_login'), { overall: config.perClient, interface: undefined });
    assert.deepEqual(clientLimits(config, 'lobby', 'profile.get_gift').interface, { limit: 10, windowMs: 1000 });
    assert.deepEqual(clientLimits(config, 'lobby', undefined), { overall: config.perClient });
  });

  it("lets a client's own settings win over the defaults", () => {
    assert.deepEqual(clientLimits(config, 'batch', 'profile.get_gift'), {
      overall: { limit: 5, windowMs: 60_000 },
      interface: { limit: 1, windowMs: 1000 },
    });
  });

  it('never gives two budgets one key', () => {
    const keys = [budgetKeys.client('a'), budgetKeys.clientInterface('profile.get_gift', 'a'), budgetKeys.user('demo', 'profile.get_gift', 'a')];
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('WindowBudget', () => {
  it('admits up to the limit, then answers the whole seconds until the window resets', async () => {
    let now = 0;
    const budget = new WindowBudget(new MemoryWindowCounter(10, () => now), 1);
    const limit = { limit: 2, windowMs: 2500 };
    assert.equal(await budget.spend('k', limit), undefined);
    assert.equal(await budget.spend('k', limit), undefined);
    assert.equal(await budget.spend('k', limit), 3);
    now = 2400;
    assert.equal(await budget.spend('k', limit), 1, 'never 0: Retry-After is at least 1');
    now = 2500;
    assert.equal(await budget.spend('k', limit), undefined, 'a new window');
  });

  it('allows only its share of the limit while counting alone (shared counter down)', async () => {
    const down: WindowCounterStore = { kind: 'redis', hit: () => Promise.reject(new Error('down')), warmUp: async () => undefined, close: async () => undefined };
    const budget = new WindowBudget(new FallbackWindowCounter(down, new MemoryWindowCounter(10, () => 0)), 0.5);
    const limit = { limit: 4, windowMs: 1000 };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await budget.spend('k', limit));
    assert.deepEqual(answers, [undefined, undefined, 1]);
  });
});
